/* Page 1 of panel.pdf after the leniency chart (panel-leniency.ts): the judges' profiles and the agreement statistics. */
import { computed, ICC_FORMS } from '../core/agreement.js';
import { type Cell, type Column } from './pdf-table.js';
import { reportText } from '../text/report.js';
import { fixed, pValue, signed } from './panel-text.js';

import { COLOR, TABLE_SIZE, tableBlock, tableStyle, type Block, type Ctx } from './panel-layout.js';

export function profilesTable(ctx: Ctx): Block {
  const { doc, results, P, regular, bold, width } = ctx;
  const { rubric, analytics } = results;
  const trimmed = rubric.aggregate === 'trimmed-mean' && rubric.trim > 0;
  const withOffset = analytics.judges.some((j) => j.offset !== undefined);
  const dash = '—';
  const rows: Cell[][] = analytics.judges.map((j) => [
    j.judge,
    String(j.scored),
    String(j.recused),
    j.mean === null ? dash : fixed(j.mean),
    j.sd === null ? dash : fixed(j.sd),
    j.leniency === null
      ? dash
      : { text: signed(j.leniency), color: j.leniency >= 0 ? '#a8501a' : '#245a96', bold: true },
    ...(trimmed ? [String(j.trimmed)] : []),
    ...(withOffset ? [j.offset === undefined ? dash : signed(j.offset, 3)] : []),
  ]);
  const headers = [
    P.judge,
    P.scored,
    P.recused,
    P.mean,
    P.sd,
    P.leniency,
    ...(trimmed ? [P.trimmed] : []),
    ...(withOffset ? [reportText(rubric.lang).offset.offset] : []),
  ];
  const widths = headers.map((h, c) => {
    doc.font(bold).fontSize(TABLE_SIZE);
    let w = doc.widthOfString(h);
    for (const r of rows) {
      const cell = r[c];
      const isBold = typeof cell === 'object' && cell.bold;
      doc.font(isBold ? bold : regular);
      w = Math.max(w, doc.widthOfString(typeof cell === 'string' ? cell : (cell?.text ?? '')));
    }
    return Math.min(w, 140) + 12;
  });
  // Share what is left over among the columns, so the table spans the page like the one below.
  const spare = Math.max(0, width - widths.reduce((a, b) => a + b, 0));
  const columns: Column[] = headers.map((header, c) => ({
    header,
    width: widths[c]! + spare / headers.length,
    align: c === 0 ? 'left' : 'center',
  }));
  return tableBlock(ctx, { columns, rows, style: tableStyle(ctx) }, 12);
}

/** The six ICC forms and Kendall's W with a sentence each, or the reason they are missing. */
export function agreementTable(ctx: Ctx): Block {
  const { doc, results, P, regular, bold, left, width } = ctx;
  const { rubric } = results;
  const a = results.analytics.agreement;
  const words = reportText(rubric.lang).statistics;
  const note = words.agreementNote(a);
  const smallHeight = (text: string) => {
    doc.font(regular).fontSize(8.5);
    return doc.heightOfString(text, { width, lineGap: 1 });
  };
  const small = (text: string, color: string = COLOR.muted) => {
    doc.font(regular).fontSize(8.5).fillColor(color);
    doc.text(text, left, doc.y, { width, lineGap: 1 });
    doc.fillColor(COLOR.text);
  };

  if (ICC_FORMS.every((f) => a.icc[f] === null) && a.kendallW === null) {
    // Too few projects or judges: the note in a box instead of a table of blanks.
    const text = note ?? '';
    doc.font(regular).fontSize(9.5);
    const h = doc.heightOfString(text, { width: width - 16, lineGap: 1 }) + 12;
    return {
      height: h + 8,
      draw: () => {
        doc.rect(left, doc.y, width, h).fill('#f3f3f3');
        doc.font(regular).fontSize(9.5).fillColor(COLOR.text);
        doc.text(text, left + 8, doc.y + 6, { width: width - 16, lineGap: 1 });
        doc.y += 14;
      },
    };
  }

  // Computed but null (undefined, or outside -1..1): said in words, the note below says why.
  const dash = computed(a) ? words.notMeaningful : '—';
  const ciText = (ci: [number, number] | null) =>
    ci === null ? dash : `[${fixed(ci[0])}, ${fixed(ci[1])}]`;
  const test =
    a.kendallChi2 === null || a.kendallP === null
      ? dash
      : `χ² = ${fixed(a.kendallChi2)}, df = ${a.n - 1}\n${pValue(a.kendallP)}`;
  const rows: Cell[][] = ICC_FORMS.map((form) => {
    const v = a.icc[form];
    return [
      { text: form, bold: true },
      v === null ? dash : { text: fixed(v), bold: true },
      ciText(a.iccCI[form]),
      words.meaning[form],
    ];
  });
  rows.push([
    { text: "Kendall's W", bold: true },
    a.kendallW === null ? dash : { text: fixed(a.kendallW), bold: true },
    test,
    words.meaning.kendallW,
  ]);

  // The narrow columns are as wide as what they hold; the sentences take the rest and wrap.
  doc.font(bold).fontSize(TABLE_SIZE);
  const first = Math.max(doc.widthOfString("Kendall's W"), doc.widthOfString(P.statistic)) + 12;
  const blanks = ICC_FORMS.some((f) => a.icc[f] === null) || a.kendallW === null;
  const second =
    Math.max(
      doc.widthOfString(P.value),
      doc.widthOfString('-0.00'),
      blanks ? Math.min(doc.widthOfString(dash), 90) : 0,
    ) + 12;
  const headerThird = doc.widthOfString(P.interval);
  doc.font(regular);
  const third =
    Math.max(
      Math.min(headerThird, 100),
      ...ICC_FORMS.map((f) => doc.widthOfString(ciText(a.iccCI[f]))),
      // pdfkit's line wrapper counts a line break as one em wide.
      ...test.split('\n').map((line) => doc.widthOfString(line) + TABLE_SIZE),
    ) + 12;
  const columns: Column[] = [
    { header: P.statistic, width: first },
    { header: P.value, width: second, align: 'center' },
    { header: P.interval, width: third, align: 'center' },
    { header: P.meaning, width: width - first - second - third },
  ];
  const table = tableBlock(ctx, { columns, rows, style: tableStyle(ctx, { lineGap: 0.5 }) }, 4);
  const basis = P.agreementBasis(a.n, a.k);
  return {
    height:
      smallHeight(basis) +
      3 +
      table.height +
      (note ? smallHeight(note) + 2 : 0) +
      smallHeight(P.iccGuide),
    draw: () => {
      small(basis);
      doc.y += 3;
      table.draw();
      if (note) {
        small(note, COLOR.note);
        doc.y += 2;
      }
      small(P.iccGuide);
    },
  };
}

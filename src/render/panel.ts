import { computed, ICC_FORMS } from '../core/agreement.js';
import type { JudgeStat } from '../core/analytics.js';
import type { ProjectResult } from '../core/compute.js';
import { toNumber } from '../core/decimal.js';
import type { Results } from '../tally.js';
import { fingerprint } from './json.js';
import {
  contentWidth,
  ensureSpace,
  loadFonts,
  openDocument,
  pageBottom,
  stampFooters,
  type Doc,
  type PdfOptions,
} from './pdf-doc.js';
import { drawTable, type Cell, type Column, type TableStyle } from './pdf-table.js';
import { formatDate, formatNumber, labels, methodNote, type PanelLabels } from './pdf-text.js';
import {
  CLOSE_MARGIN,
  agreementNote,
  notMeaningful,
  fixed,
  flagSentence,
  flagType,
  isHinge,
  meaning,
  pValue,
  signed,
} from './panel-text.js';

export type { PdfOptions } from './pdf-doc.js';

/**
 * panel.pdf: the organiser's internal look at the judging panel, drawn with pdfkit's vector
 * graphics (a workbook cannot hold native charts). Page 1 shows each judge's leniency as bars
 * around zero, the judges' profiles and the agreement statistics with a sentence on each; then
 * (from page 2 unless the review is small) every project's judge totals against the pass mark,
 * in rank order, with the robustness flags under the projects they concern and close decisions
 * marked. Judges are
 * named by id: this report is for the organiser, not for the notice board. The same results and
 * `createdAt` always give the same bytes.
 */
export async function renderPanel(results: Results, options: PdfOptions): Promise<Buffer> {
  const fonts = await loadFonts(options);
  const { rubric } = results;
  const L = labels(rubric.lang);
  const P = L.panel;
  const { doc, regular, bold, finish } = await openDocument(
    {
      title: P.title(rubric.title),
      author: rubric.organizer,
      subject: rubric.title,
      lang: rubric.lang,
    },
    fonts,
    options.createdAt,
  );
  const ctx: Ctx = {
    doc,
    results,
    P,
    regular,
    bold,
    left: doc.page.margins.left,
    width: contentWidth(doc),
  };

  title(ctx);
  section(ctx, P.leniencyHeading, P.leniencyNote, leniencyChart(ctx));
  section(ctx, P.profilesHeading, undefined, profilesTable(ctx));
  section(ctx, P.agreementHeading, undefined, agreementTable(ctx));

  doc.y += 10;
  spreadChart(ctx);

  stampFooters(doc, L.fingerprint(fingerprint(results).slice(0, 16)), L.page);
  return finish();
}

interface Ctx {
  doc: Doc;
  results: Results;
  P: PanelLabels;
  regular: string;
  bold: string;
  left: number;
  width: number;
}

const C = {
  text: '#222222',
  muted: '#666666',
  grid: '#dcdcdc',
  axis: '#444444',
  lenient: '#e07b39',
  strict: '#3a78c2',
  pass: '#1e7b3c',
  fail: '#b3261e',
  threshold: '#c62828',
  dot: '#2f4b7c',
  dropped: '#8f8f8f',
  outlier: '#e8590c',
  flagRow: '#fdf0e4',
  zebra: '#f5f6f8',
  close: '#f7c948',
  closeZone: '#fbe2a0',
  closeText: '#8a5a00',
  hinge: '#a3410b',
  note: '#5c4a1e',
};

const TABLE_SIZE = 8.5;

function title({ doc, results, P, regular, bold, left, width }: Ctx) {
  const { rubric } = results;
  doc.font(bold).fontSize(16).fillColor(C.text);
  doc.text(P.title(rubric.title), left, doc.y, { width, align: 'center', lineGap: 2 });
  doc.y += 3;
  const facts = [
    P.internal,
    P.overview(results.projects.length, results.judges.length, rubric.threshold),
    rubric.date ? formatDate(rubric.date, rubric.lang) : undefined,
  ].filter((s): s is string => !!s);
  doc.font(regular).fontSize(9).fillColor(C.muted);
  doc.text(facts.join(' · '), left, doc.y, { width, align: 'center' });
  doc.y += 4;
  doc.fontSize(8.5).text(methodNote(results), left, doc.y, { width, align: 'center' });
  doc.fillColor(C.text);
  doc.y += 10;
}

/** Something drawn from doc.y down, whose height is known before it is drawn. */
interface Block {
  height: number;
  draw: () => void;
}

/**
 * A section heading, an optional note and the block under them, moved to a new page together
 * when they would not fit on this one (a block taller than a page simply starts at the top).
 */
function section(ctx: Ctx, heading: string, note: string | undefined, block: Block) {
  const { doc, regular, bold, left, width } = ctx;
  doc.font(bold).fontSize(12);
  const headingHeight = doc.heightOfString(heading, { width }) + 2;
  doc.font(regular).fontSize(8.5);
  const noteHeight = note ? doc.heightOfString(note, { width, lineGap: 1 }) + 3 : 0;
  const page = pageBottom(doc) - doc.page.margins.top;
  ensureSpace(doc, Math.min(headingHeight + noteHeight + block.height, page));
  doc.font(bold).fontSize(12).fillColor(C.text);
  doc.text(heading, left, doc.y, { width });
  doc.y += 2;
  if (note) {
    doc.font(regular).fontSize(8.5).fillColor(C.muted);
    doc.text(note, left, doc.y, { width, lineGap: 1 });
    doc.y += 3;
  }
  doc.fillColor(C.text);
  block.draw();
}

interface TableSpec {
  columns: Column[];
  rows: Cell[][];
  style: TableStyle;
}

/** The height drawTable will give a table, measured the same way (on one page). */
function tableHeight(doc: Doc, { columns, rows, style }: TableSpec): number {
  const padX = style.padX ?? 4;
  const padY = style.padY ?? 4;
  const lineGap = style.lineGap ?? 1;
  doc.font(style.regular).fontSize(style.fontSize);
  const minHeight = doc.currentLineHeight(true) + lineGap;
  const rowHeight = (cells: readonly Cell[], header: boolean) =>
    Math.max(
      minHeight,
      ...columns.map((c, i) => {
        const cell = cells[i];
        const text = typeof cell === 'string' ? cell : (cell?.text ?? '');
        if (text === '') return 0;
        const isBold = header || (typeof cell === 'object' && cell.bold);
        doc.font(isBold ? style.bold : style.regular).fontSize(style.fontSize);
        const inner = c.width - 2 * padX;
        if (!text.includes('\n') && doc.widthOfString(text) <= inner) {
          return doc.currentLineHeight(true) + lineGap;
        }
        return doc.heightOfString(text, { width: inner, lineGap });
      }),
    ) +
    2 * padY;
  const header = style.headless
    ? 0
    : rowHeight(
        columns.map((c) => c.header),
        true,
      );
  return rows.reduce((h, r) => h + rowHeight(r, false), header);
}

function tableBlock(ctx: Ctx, spec: TableSpec, after: number): Block {
  const { doc } = ctx;
  return {
    height: tableHeight(doc, spec) + after,
    draw: () => {
      drawTable(doc, spec.columns, spec.rows, spec.style);
      doc.y += after;
    },
  };
}

const tableStyle = (ctx: Ctx, extra: Partial<TableStyle> = {}): TableStyle => ({
  regular: ctx.regular,
  bold: ctx.bold,
  fontSize: TABLE_SIZE,
  padX: 5,
  padY: 2.5,
  headerFill: '#e9e9e9',
  ...extra,
});

// ---------------------------------------------------------------------------------------------
// Page 1: leniency, profiles, agreement

/** The smallest of 1, 2, 5, 10, 20, 50, ... at least `x`: the chart's half-width in points of leniency. */
function niceCeil(x: number): number {
  let magnitude = 1;
  while (magnitude * 10 < x) magnitude *= 10;
  while (magnitude > x) magnitude /= 10;
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= x) return m * magnitude;
  return 10 * magnitude;
}

/** Text cut with an ellipsis to fit `width` at the current font. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function leniencyText(j: JudgeStat): string {
  return j.leniency === null ? '—' : signed(j.leniency);
}

/**
 * One bar per judge from zero to their leniency, most lenient at the top (judges who scored
 * nothing last), the value printed at the bar's end; a symmetric scale of at least +-2 points so
 * that a panel of near-identical judges does not look dramatic.
 */
function leniencyChart(ctx: Ctx): Block {
  const { doc, results, P, regular, bold, left, width } = ctx;
  const judges = results.analytics.judges
    .map((j, i) => ({ j, i }))
    .sort((a, b) => (b.j.leniency ?? -Infinity) - (a.j.leniency ?? -Infinity) || a.i - b.i)
    .map(({ j }) => j);
  const rowHeight = judges.length > 16 ? 13 : 18;
  const height = rowHeight * judges.length;
  const labelSize = 9;
  const valueSize = 8.5;

  const draw = () => {
    const values = judges.flatMap((j) => (j.leniency === null ? [] : [j.leniency]));
    doc.font(regular).fontSize(labelSize);
    const labelWidth =
      Math.min(130, Math.max(30, ...judges.map((j) => doc.widthOfString(j.judge)))) + 10;
    doc.font(bold).fontSize(valueSize);
    const valueWidth = Math.max(...judges.map((j) => doc.widthOfString(leniencyText(j)))) + 6;
    const x0 = left + labelWidth;
    const plotWidth = width - labelWidth;
    const cx = x0 + plotWidth / 2;
    const half = plotWidth / 2 - valueWidth;
    const scale = niceCeil(Math.max(2, ...values.map((v) => Math.abs(v))));
    const xOf = (v: number) => cx + (v / scale) * half;
    const barHeight = Math.round(rowHeight * 0.62);

    // "<- stricter | more lenient ->" over the zero line.
    const top = doc.y + 2;
    doc.font(regular).fontSize(8).fillColor(C.muted);
    doc.text(P.stricter, cx - 6 - doc.widthOfString(P.stricter), top, { lineBreak: false });
    doc.text(P.moreLenient, cx + 6, top, { lineBreak: false });
    const y0 = top + 13;

    const ticks = [-scale, -scale / 2, 0, scale / 2, scale];
    for (const t of ticks) {
      if (t === 0) continue;
      const x = xOf(t);
      doc
        .moveTo(x, y0)
        .lineTo(x, y0 + height)
        .lineWidth(0.5)
        .dash(2, { space: 2 })
        .strokeColor(C.grid)
        .stroke();
      doc.undash();
    }

    judges.forEach((j, i) => {
      const mid = y0 + i * rowHeight + rowHeight / 2;
      doc.font(regular).fontSize(labelSize).fillColor(C.text);
      const name = fit(doc, j.judge, labelWidth - 10);
      doc.text(name, x0 - 8 - doc.widthOfString(name), mid - labelSize * 0.62, {
        lineBreak: false,
      });
      const label = leniencyText(j);
      doc.font(bold).fontSize(valueSize);
      const labelY = mid - valueSize * 0.62;
      if (j.leniency === null) {
        doc.fillColor(C.muted).text(label, cx + 4, labelY, { lineBreak: false });
        return;
      }
      const x = xOf(j.leniency);
      const a = Math.min(x, cx);
      const w = Math.max(Math.abs(x - cx), 0.8);
      doc.rect(a, mid - barHeight / 2, w, barHeight).fill(j.leniency >= 0 ? C.lenient : C.strict);
      const lw = doc.widthOfString(label);
      doc.fillColor(C.text);
      doc.text(label, j.leniency >= 0 ? a + w + 3 : a - 3 - lw, labelY, { lineBreak: false });
    });

    // The zero line over the bars' inner ends, then the scale underneath.
    doc
      .moveTo(cx, y0 - 2)
      .lineTo(cx, y0 + height + 2)
      .lineWidth(0.9)
      .strokeColor(C.axis)
      .stroke();
    doc.font(regular).fontSize(7.5).fillColor(C.muted);
    for (const t of ticks) {
      const text = t > 0 ? `+${formatNumber(t)}` : formatNumber(t);
      doc.text(text, xOf(t) - doc.widthOfString(text) / 2, y0 + height + 4, {
        lineBreak: false,
      });
    }
    doc.fillColor(C.text);
    doc.x = left;
    doc.y = y0 + height + 26;
  };
  return { height: 15 + height + 26, draw };
}

function profilesTable(ctx: Ctx): Block {
  const { doc, results, P, regular, bold, width } = ctx;
  const { rubric, analytics } = results;
  const trimmed = rubric.aggregate === 'trimmed-mean' && rubric.trim > 0;
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
  ]);
  const headers = [
    P.judge,
    P.scored,
    P.recused,
    P.mean,
    P.sd,
    P.leniency,
    ...(trimmed ? [P.trimmed] : []),
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
function agreementTable(ctx: Ctx): Block {
  const { doc, results, P, regular, bold, left, width } = ctx;
  const { rubric } = results;
  const a = results.analytics.agreement;
  const lang = rubric.lang;
  const note = agreementNote(a, lang);
  const smallHeight = (text: string) => {
    doc.font(regular).fontSize(8.5);
    return doc.heightOfString(text, { width, lineGap: 1 });
  };
  const small = (text: string, color: string = C.muted) => {
    doc.font(regular).fontSize(8.5).fillColor(color);
    doc.text(text, left, doc.y, { width, lineGap: 1 });
    doc.fillColor(C.text);
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
        doc.font(regular).fontSize(9.5).fillColor(C.text);
        doc.text(text, left + 8, doc.y + 6, { width: width - 16, lineGap: 1 });
        doc.y += 14;
      },
    };
  }

  // Computed but null (undefined, or outside -1..1): said in words, the note below says why.
  const dash = computed(a) ? notMeaningful(lang) : '—';
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
      meaning(form, lang),
    ];
  });
  rows.push([
    { text: "Kendall's W", bold: true },
    a.kendallW === null ? dash : { text: fixed(a.kendallW), bold: true },
    test,
    meaning('kendallW', lang),
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
        small(note, C.note);
        doc.y += 2;
      }
      small(P.iccGuide);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The spread of each project's judge totals against the pass mark

/** The main band of a project's row (id, name, dots); flags add lines below it. */
const BAND = 22;
/** The legend (two lines at most) and the scale above the rows, in points. */
const LEGEND_HEIGHT = 30;
const AXIS_HEIGHT = 25;
/** A dot's radius; smaller for a large panel, whose dots would otherwise pile up. */
const DOT = 3;
const SMALL_DOT = 2.2;
const FLAG_SIZE = 7.5;
/** Flags shown under one project; the rest are counted ("and 3 more"). */
const MAX_FLAGS = 8;

interface Dot {
  judge: string;
  value: number;
  dropped: boolean;
  outlier: boolean;
}

interface Row {
  project: ProjectResult;
  dots: Dot[];
  final: number;
  close: boolean;
  flags: { text: string; hinge: boolean }[];
  flagHeight: number;
}

interface Axis {
  lo: number;
  hi: number;
  ticks: number[];
  /** The plot's ends, and the left edge of the final-score column. */
  plot0: number;
  plot1: number;
  right: number;
  x: (value: number) => number;
  /** Radius of a judge's dot. */
  dot: number;
}

/** Rows the chart's start keeps together with its heading, legend and scale. */
const KEEP_ROWS = 8;

function spreadChart(ctx: Ctx) {
  const { doc, results, P, regular, left, width } = ctx;
  const { rubric, analytics } = results;
  const normalised = rubric.normalize === 'zscore';

  const spreadOf = new Map(analytics.projects.map((p) => [p.id, p]));
  const flagIndent = 24;
  const sep = rubric.lang === 'zh' ? '：' : ': ';
  const rows: Row[] = results.projects.map((p) => {
    const spread = spreadOf.get(p.id)!;
    const outliers = new Set(
      spread.flags.filter((f) => f.type === 'outlier').map((f) => f.judge ?? ''),
    );
    const dots: Dot[] = [];
    for (const [judge, s] of p.scores) {
      if (s.recused) continue;
      dots.push({
        judge,
        value: toNumber(s.normalizedTotal ?? s.total),
        dropped: s.dropped,
        outlier: outliers.has(judge),
      });
    }
    const final = toNumber(p.final);
    const all = spread.flags.map((f) => ({
      text: `${flagType(f.type, rubric.lang)}${sep}${flagSentence(f, p, spread, rubric)}`,
      hinge: isHinge(f.type),
    }));
    const flags = all.slice(0, MAX_FLAGS);
    if (all.length > MAX_FLAGS) {
      flags.push({ text: P.moreFlags(all.length - MAX_FLAGS), hinge: false });
    }
    const flagHeight =
      flags.length === 0
        ? 0
        : flags.reduce((h, f) => h + flagLineHeight(ctx, f, width - flagIndent), 0) + 4;
    return {
      project: p,
      dots,
      final,
      close: Math.abs(final - rubric.threshold) <= CLOSE_MARGIN,
      flags,
      flagHeight,
    };
  });
  const axis = spreadAxis(ctx, rows);
  const rowHeight = (row: Row) => BAND + row.flagHeight;

  const chart: Block = {
    // The legend (at most two lines), the scale and the first few rows.
    height:
      LEGEND_HEIGHT +
      4 +
      AXIS_HEIGHT +
      rows.slice(0, KEEP_ROWS).reduce((h, r) => h + rowHeight(r), 0),
    draw: () => {
      legend(ctx, rows);
      let y = axisHeader(ctx, axis, doc.y + 4);
      let pageTop = y;
      rows.forEach((row, i) => {
        const h = rowHeight(row);
        if (y + h > pageBottom(doc)) {
          doc.addPage();
          y = axisHeader(ctx, axis, doc.page.margins.top);
          pageTop = y;
        }
        drawProjectRow(ctx, axis, row, y, i, pageTop, flagIndent);
        y += h;
      });
      doc.x = left;
      doc.y = y;
    },
  };
  doc.font(regular);
  section(
    ctx,
    P.spreadHeading,
    `${P.spreadNote}${normalised ? ` ${P.normalisedNote}` : ''}`,
    chart,
  );
}

function spreadAxis(ctx: Ctx, rows: Row[]): Axis {
  const { doc, results, regular, bold, left, width } = ctx;
  const threshold = results.rubric.threshold;
  const values = [threshold, ...rows.flatMap((r) => [r.final, ...r.dots.map((d) => d.value)])];
  // Zoomed to the totals given (and the pass mark), padded to a multiple of 5, within 0-100.
  let lo = Math.max(0, Math.floor((Math.min(...values) - 2) / 5) * 5);
  let hi = Math.min(100, Math.ceil((Math.max(...values) + 2) / 5) * 5);
  if (hi - lo < 10) {
    lo = Math.max(0, Math.min(lo, hi - 10));
    hi = Math.min(100, lo + 10);
  }
  const span = hi - lo;
  const step = [1, 2, 5, 10, 20, 25].find((s) => span / s <= 12) ?? 25;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) ticks.push(t);

  doc.font(bold).fontSize(9.5);
  const finalWidth = Math.max(
    doc.widthOfString('100.00'),
    doc.font(regular).fontSize(7.5).widthOfString(`${ctx.P.final}`),
  );
  const rightWidth = Math.max(62, finalWidth + 6);
  const leftWidth = 118;
  const plot0 = left + leftWidth + 8;
  const right = left + width - rightWidth;
  const plot1 = right - 10;
  return {
    lo,
    hi,
    ticks,
    plot0,
    plot1,
    right,
    dot: results.judges.length > 9 ? SMALL_DOT : DOT,
    x: (v) => plot0 + ((v - lo) / (hi - lo)) * (plot1 - plot0),
  };
}

/** A row of symbols with their meaning, wrapping like text. */
function legend(ctx: Ctx, rows: Row[]) {
  const { doc, results, P, regular, left, width } = ctx;
  const threshold = formatNumber(results.rubric.threshold);
  type Item = { draw: (x: number, y: number) => number; text: string };
  const items: Item[] = [
    {
      text: P.counted,
      draw: (x, y) => {
        doc.circle(x + DOT, y, DOT).fill(C.dot);
        return 2 * DOT;
      },
    },
  ];
  if (rows.some((r) => r.dots.some((d) => d.dropped))) {
    items.push({
      text: P.dropped,
      draw: (x, y) => {
        hollowDot(doc, x + DOT, y, DOT);
        return 2 * DOT;
      },
    });
  }
  if (rows.some((r) => r.dots.some((d) => d.outlier))) {
    items.push({
      text: P.outlier,
      draw: (x, y) => {
        doc.circle(x + DOT + 2, y, DOT).fill(C.dot);
        outlierRing(doc, x + DOT + 2, y, DOT);
        return 2 * DOT + 4;
      },
    });
  }
  items.push(
    {
      text: P.finalMark,
      draw: (x, y) => {
        finalMark(doc, x + 2, y, 6);
        return 4;
      },
    },
    {
      text: P.passLine(threshold),
      draw: (x, y) => {
        passLine(doc, x + 1, y - 7, y + 7, 0);
        return 2;
      },
    },
  );
  if (rows.some((r) => r.close)) {
    items.push({
      text: P.closeBand(CLOSE_MARGIN),
      draw: (x, y) => {
        doc.rect(x, y - 5, 3, 10).fill(C.close);
        doc.rect(x + 5, y - 5, 14, 10).fill(C.closeZone);
        return 19;
      },
    });
  }
  if (rows.some((r) => r.flags.length > 0)) {
    items.push({
      text: P.flagged,
      draw: (x, y) => {
        doc.rect(x, y - 5, 14, 10).fill(C.flagRow);
        doc
          .rect(x, y - 5, 14, 10)
          .lineWidth(0.4)
          .strokeColor('#e0b899')
          .stroke();
        return 14;
      },
    });
  }

  doc.font(regular).fontSize(8);
  let x = left;
  let y = doc.y + 7;
  for (const item of items) {
    const w = 22 + doc.widthOfString(item.text);
    if (x + w > left + width) {
      x = left;
      y += 14;
    }
    const symbol = item.draw(x, y);
    doc.font(regular).fontSize(8).fillColor(C.text);
    doc.text(item.text, x + symbol + 4, y - 5, { lineBreak: false });
    x += symbol + 4 + doc.widthOfString(item.text) + 14;
  }
  doc.fillColor(C.text);
  doc.x = left;
  doc.y = y + 8;
}

/** Column titles and the scale, repeated at the top of every page of the chart. */
function axisHeader(ctx: Ctx, axis: Axis, y: number): number {
  const { doc, results, P, regular, bold, left } = ctx;
  const threshold = results.rubric.threshold;
  doc.font(bold).fontSize(8.5).fillColor(C.muted);
  doc.text(P.project, left, y + 11, { lineBreak: false });
  doc.text(P.final, axis.right, y + 11, { lineBreak: false });

  // The pass mark's label above the scale, kept inside the plot.
  doc.font(bold).fontSize(8).fillColor(C.threshold);
  const label = P.passLine(formatNumber(threshold));
  const lw = doc.widthOfString(label);
  const tx = Math.min(Math.max(axis.x(threshold) - lw / 2, axis.plot0), axis.plot1 - lw);
  doc.text(label, tx, y, { lineBreak: false });

  doc.font(regular).fontSize(7.5).fillColor(C.muted);
  const base = y + AXIS_HEIGHT - 1;
  for (const t of axis.ticks) {
    const x = axis.x(t);
    const text = formatNumber(t);
    doc.text(text, x - doc.widthOfString(text) / 2, y + 12, { lineBreak: false });
    doc
      .moveTo(x, base - 3)
      .lineTo(x, base)
      .lineWidth(0.6)
      .strokeColor(C.axis)
      .stroke();
  }
  doc.moveTo(axis.plot0, base).lineTo(axis.plot1, base).lineWidth(0.6).strokeColor(C.axis).stroke();
  doc.fillColor(C.text);
  return base + 1;
}

function drawProjectRow(
  ctx: Ctx,
  axis: Axis,
  row: Row,
  y: number,
  index: number,
  pageTop: number,
  flagIndent: number,
) {
  const { doc, results, regular, bold, left, width } = ctx;
  const { rubric } = results;
  const L = labels(rubric.lang);
  const p = row.project;
  const h = BAND + row.flagHeight;
  const mid = y + BAND / 2;

  if (row.flags.length > 0) doc.rect(left, y, width, h).fill(C.flagRow);
  else if (index % 2 === 1) doc.rect(left, y, width, h).fill(C.zebra);

  // Scale lines through the band, then the close-call band, then the pass mark.
  for (const t of axis.ticks) {
    const x = axis.x(t);
    doc
      .moveTo(x, y)
      .lineTo(x, y + BAND)
      .lineWidth(0.4)
      .strokeColor(C.grid)
      .stroke();
  }
  const tx = axis.x(rubric.threshold);
  if (row.close) {
    // The whole close zone (pass mark +- the margin), not just the gap to the final: a gap of
    // 0.67 points would hide behind the final's bar. A stripe on the left edge repeats it.
    const zone0 = axis.x(Math.max(axis.lo, rubric.threshold - CLOSE_MARGIN));
    const zone1 = axis.x(Math.min(axis.hi, rubric.threshold + CLOSE_MARGIN));
    doc.rect(zone0, y + 2, zone1 - zone0, BAND - 4).fill(C.closeZone);
    doc.rect(left, y, 3, h).fill(C.close);
  }
  passLine(doc, tx, y, y + BAND, y - pageTop);

  // The range of the totals, then a dot per total, nudged up or down where they would overlap.
  if (row.dots.length > 1) {
    const xs = row.dots.map((d) => axis.x(d.value));
    doc
      .moveTo(Math.min(...xs), mid)
      .lineTo(Math.max(...xs), mid)
      .lineWidth(0.8)
      .strokeColor('#b9c2d0')
      .stroke();
  }
  // The final's bar goes under the dots: it is taller than they are, so both stay visible.
  finalMark(doc, axis.x(row.final), mid, 8.5);
  for (const { dot, dy } of lanes(row.dots, axis)) {
    const x = axis.x(dot.value);
    if (dot.dropped) hollowDot(doc, x, mid + dy, axis.dot);
    else doc.circle(x, mid + dy, axis.dot).fill(C.dot);
    if (dot.outlier) outlierRing(doc, x, mid + dy, axis.dot);
  }

  // Rank, id and name on the left.
  doc.font(regular).fontSize(8).fillColor(C.muted);
  const rank = String(p.rank);
  doc.text(rank, left + 16 - doc.widthOfString(rank), y + 2.5, { lineBreak: false });
  doc.font(bold).fontSize(9).fillColor(C.text);
  const nameWidth = axis.plot0 - 10 - (left + 22);
  const id = fit(doc, p.id, nameWidth);
  const named = p.name !== undefined && p.name.trim() !== '';
  doc.text(id, left + 22, named ? y + 1 : mid - 6, { lineBreak: false });
  if (named) {
    doc.font(regular).fontSize(7).fillColor(C.muted);
    doc.text(fit(doc, p.name!.trim(), nameWidth), left + 22, y + 12, { lineBreak: false });
  }

  // The final and the result on the right; a close call says how close.
  doc
    .font(bold)
    .fontSize(9.5)
    .fillColor(p.passed ? C.pass : C.fail);
  doc.text(p.final.toFixed(rubric.decimals), axis.right, y + 1, { lineBreak: false });
  const verdict = p.passed ? L.passed : L.failed;
  if (row.close) {
    doc.font(bold).fontSize(7).fillColor(C.closeText);
    doc.text(`${verdict} ${signed(row.final - rubric.threshold)}`, axis.right, y + 12, {
      lineBreak: false,
    });
  } else {
    doc
      .font(regular)
      .fontSize(7)
      .fillColor(p.passed ? C.pass : C.fail);
    doc.text(verdict, axis.right, y + 12, { lineBreak: false });
  }

  // The flags in small type under the band.
  let fy = y + BAND - 1;
  for (const f of row.flags) {
    const fh = flagLineHeight(ctx, f, width - flagIndent);
    doc.fillColor(f.hinge ? C.hinge : C.note);
    // `height` bounds the text to what was measured: pdfkit then never starts a page on its own.
    doc.text(`• ${f.text}`, left + flagIndent, fy, {
      width: width - flagIndent,
      height: fh + 1,
      lineGap: 0.5,
    });
    fy += fh;
  }

  doc
    .moveTo(left, y + h)
    .lineTo(left + width, y + h)
    .lineWidth(0.4)
    .strokeColor('#d5d5d5')
    .stroke();
  doc.fillColor(C.text);
}

/** Sets the flag's face and size, and measures it: the same settings draw it. */
function flagLineHeight(ctx: Ctx, flag: { text: string; hinge: boolean }, width: number): number {
  const { doc, regular, bold } = ctx;
  doc.font(flag.hinge ? bold : regular).fontSize(FLAG_SIZE);
  return doc.heightOfString(`• ${flag.text}`, { width, lineGap: 0.5 });
}

/**
 * Vertical offsets for dots that would overlap: equal totals stack instead of hiding each other,
 * up to two lanes above and below the line (the band has no room for more).
 */
function lanes(dots: Dot[], axis: Axis): { dot: Dot; dy: number }[] {
  const step = axis.dot * 1.3;
  const offsets = [0, -step, step, -2 * step, 2 * step];
  const placed: { x: number; lane: number }[] = [];
  const sorted = dots
    .map((dot, i) => ({ dot, i }))
    .sort((a, b) => a.dot.value - b.dot.value || a.i - b.i);
  return sorted.map(({ dot }) => {
    const x = axis.x(dot.value);
    let lane = offsets.findIndex((_, k) =>
      placed.every((p) => p.lane !== k || Math.abs(p.x - x) >= 2 * axis.dot + 0.6),
    );
    if (lane < 0) lane = 0;
    placed.push({ x, lane });
    return { dot, dy: offsets[lane]! };
  });
}

function hollowDot(doc: Doc, x: number, y: number, r: number) {
  doc
    .circle(x, y, r - 0.4)
    .lineWidth(r > 2.5 ? 1 : 0.8)
    .fillAndStroke('#ffffff', C.dropped);
}

function outlierRing(doc: Doc, x: number, y: number, r: number) {
  doc
    .circle(x, y, r + 2)
    .lineWidth(1.2)
    .strokeColor(C.outlier)
    .stroke();
}

function finalMark(doc: Doc, x: number, y: number, half: number) {
  doc.rect(x - 1.1, y - half, 2.2, 2 * half).fill(C.text);
}

/** The pass mark's dashed line; `phase` keeps the dashes continuous from row to row. */
function passLine(doc: Doc, x: number, y0: number, y1: number, phase: number) {
  doc
    .moveTo(x, y0)
    .lineTo(x, y1)
    .lineWidth(1)
    .dash(3, { space: 2, phase: phase % 5 })
    .strokeColor(C.threshold)
    .stroke();
  doc.undash();
}

import type { Style } from 'exceljs';
import { computed, ICC_FORMS } from '../../core/agreement.js';
import { dec } from '../../core/decimal.js';
import type { Results } from '../../core/model.js';
import { reportText } from '../../text/report.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';

import { type CellSpec, type RowSpec, type SheetSpec } from './writer.js';
import { STYLE, text, number, headerRow } from './style.js';
import { round } from './numbers.js';
import { PLAIN } from './shared-style.js';

/** A descriptive statistic (a binary float): four places kept, two shown; empty when null. */
export function statistic(
  x: number | null,
  numFmt = '0.00',
  style: Partial<Style> = PLAIN,
): CellSpec | undefined {
  if (x === null || !Number.isFinite(x)) return undefined;
  return number(round(dec(x), 4), numFmt, style);
}

/** Rows whose last cell wraps read best with every cell at the top. */
export const TOP: Partial<Style> = { alignment: { vertical: 'top' } };
export const TOP_TEXT: Partial<Style> = { alignment: { vertical: 'top', wrapText: true } };

/**
 * The six ICC forms with their 95% intervals and Kendall's W with its test, one row each with a
 * sentence on what it means; when there are too few projects or judges, dashes and the reason.
 */
export function agreementSheet(results: Results, t: Labels): SheetSpec {
  const { rubric } = results;
  const a = results.analytics.agreement;
  const words = reportText(rubric.lang).statistics;
  const note = words.agreementNote(a);
  // Computed but null (undefined, or outside -1..1): said in words, the note below says why.
  const dash = text(computed(a) ? words.notMeaningful : '—', {
    ...STYLE.recused,
    alignment: { horizontal: 'right', vertical: 'top' },
  });
  const value = (x: number | null, numFmt?: string) => statistic(x, numFmt, TOP) ?? dash;
  const row = (
    label: string,
    cell: CellSpec,
    explain: string,
    ci?: [number, number] | null,
  ): RowSpec => [
    text(label, STYLE.key),
    cell,
    ci === undefined ? undefined : ci === null ? dash : value(ci[0]),
    ci === undefined ? undefined : ci === null ? dash : value(ci[1]),
    text(explain, TOP_TEXT),
  ];
  // A p-value keeps four significant digits: 0.00000249 must not show as 0.0000.
  const p = a.kendallP === null ? null : Number(a.kendallP.toPrecision(4));
  const rows: RowSpec[] = [
    ...ICC_FORMS.map((form) => row(form, value(a.icc[form]), words.meaning[form], a.iccCI[form])),
    row("Kendall's W", value(a.kendallW), words.meaning.kendallW),
    row('χ²', value(a.kendallChi2), t.chi2Meaning),
    row('df', a.kendallW === null ? dash : number(a.n - 1, undefined, TOP), t.dfMeaning),
    row('p', p === null ? dash : number(p, p < 0.001 ? '0.00E+00' : '0.0000', TOP), t.pMeaning),
    row(t.nLabel, number(a.n, undefined, TOP), t.nMeaning),
    row(t.kLabel, number(a.k, undefined, TOP), t.kMeaning),
  ];
  return {
    name: t.sheets.agreement,
    columns: [{ max: 16 }, {}, {}, {}, { max: 90 }],
    headerRow: 3,
    tableRows: rows.length,
    *rows() {
      yield { span: text(t.agreementTitle, STYLE.title), height: 24 };
      yield { span: text(t.agreementBasis(a.n, a.k), STYLE.note) };
      yield headerRow([t.statistic, t.value, t.ciLow, t.ciHigh, t.meaning]);
      yield* rows;
      yield [];
      if (note !== undefined) yield { span: text(note, STYLE.warn) };
      yield { span: text(t.iccGuide, STYLE.note) };
    },
  };
}

import { Writable } from 'node:stream';
import type { CellRichTextValue, Fill, Font, Style, Worksheet } from 'exceljs';
import { computed, ICC_FORMS } from '../core/agreement.js';
import { dec, roundHalfUp, toNumber, type Dec } from '../core/decimal.js';
import { formatIssue } from '../core/issues.js';
import type { Results } from '../tally.js';
import { VERSION } from '../version.js';
import { fingerprint } from './json.js';
import { agreementNote, flagSentence, flagType, meaning, notMeaningful } from './panel-text.js';
import { displayWidth } from './width.js';
import { LABELS, type Labels } from './xlsx-labels.js';
import { pinZipTimestamps } from './xlsx-zip.js';

export interface WorkbookOptions {
  /** The time of the run, stamped into the workbook: never read from the clock here. */
  generatedAt: Date;
}

/**
 * results.xlsx: Summary, Scores, Judges, Agreement, Flags, (Warnings,) About. Identical results
 * and options give identical bytes.
 */
export async function renderWorkbook(results: Results, options: WorkbookOptions): Promise<Buffer> {
  // exceljs takes ~200 ms to load; only the commands that write a workbook pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  // The streaming writer keeps one row at a time instead of the whole workbook model.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  });
  const when = options.generatedAt;
  book.created = when;
  book.modified = when;
  book.lastPrinted = when;
  book.creator = `pcv ${VERSION}`;
  book.lastModifiedBy = `pcv ${VERSION}`;
  book.title = results.rubric.title;

  const t = LABELS[results.rubric.lang];
  const sheets = [
    summarySheet(results, t),
    scoresSheet(results, t),
    judgesSheet(results, t),
    agreementSheet(results, t),
    flagsSheet(results, t),
    ...(results.warnings.length > 0 ? [warningsSheet(results, t)] : []),
    aboutSheet(results, t, when),
  ];
  for (const sheet of sheets) {
    writeSheet(book.addWorksheet(sheet.name, sheetOptions(sheet, results, t)), sheet);
  }
  await book.commit();
  return pinZipTimestamps(Buffer.concat(chunks), when);
}

// ---------------------------------------------------------------------------------------------
// A sheet is described as data first (columns and a re-iterable sequence of rows), so widths can
// be fitted in a first pass and the rows streamed out in a second, without holding them all.

type Value = string | number | CellRichTextValue | null;

interface CellSpec {
  value: Value;
  style?: Partial<Style>;
}

/** A row of cells, or one cell spread across the table's width (a title or a note). */
type RowSpec = (CellSpec | undefined)[] | { span: CellSpec; height?: number };

interface ColumnSpec {
  /** Widest the column may grow, in characters; longer text wraps. */
  max?: number;
}

interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  /** 1-based row of the table's header: frozen, filtered, repeated on every printed page. */
  headerRow?: number;
  /** Rows of the table under the header (the autofilter's range). */
  tableRows?: number;
  rows: () => Iterable<RowSpec>;
}

const MIN_WIDTH = 5;
const MAX_WIDTH = 60;
/** Excel refuses cells longer than this (it "repairs" the file). */
const MAX_CELL_TEXT = 32767;

function writeSheet(sheet: Worksheet, spec: SheetSpec) {
  const widths = fitWidths(spec);
  sheet.columns = widths.map((width) => ({ width }));
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  if (spec.headerRow !== undefined) {
    const last = spec.headerRow + (spec.tableRows ?? 0);
    sheet.autoFilter = `A${spec.headerRow}:${columnLetter(spec.columns.length)}${last}`;
  }
  for (const rowSpec of spec.rows()) {
    const row = sheet.addRow([]);
    if (Array.isArray(rowSpec)) {
      rowSpec.forEach((c, i) => {
        if (c !== undefined) setCell(row.getCell(i + 1), c);
      });
      // Neither Excel nor LibreOffice reliably grows a row for wrapped text in a file written
      // without row heights (LibreOffice draws the lines over the next row): size such rows here.
      const lines = Math.max(
        1,
        ...rowSpec.map((c, i) =>
          c?.style?.alignment?.wrapText ? wrappedLines(c.value, widths[i] ?? MAX_WIDTH) : 1,
        ),
      );
      if (lines > 1) row.height = 15 * lines;
    } else {
      setCell(row.getCell(1), rowSpec.span);
      if (spec.columns.length > 1) sheet.mergeCells(row.number, 1, row.number, spec.columns.length);
      // Excel does not grow merged rows to fit wrapped text: size them from the text's width.
      const lines = Math.ceil((textWidth(rowSpec.span.value) * 1.1) / Math.max(tableWidth, 1));
      row.height = rowSpec.height ?? 15 * Math.max(1, lines);
    }
    row.commit();
  }
  sheet.commit();
}

/** Lines a wrapped text cell takes in a column `width` characters wide (estimated, like Excel). */
function wrappedLines(value: Value, width: number): number {
  if (value === null || typeof value === 'number') return 1;
  const text = typeof value === 'string' ? value : value.richText.map((r) => r.text).join('');
  return text
    .split('\n')
    .reduce(
      (n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))),
      0,
    );
}

function setCell(cell: { value: unknown; style: Partial<Style> }, spec: CellSpec) {
  // Text goes in as a plain string, which exceljs always stores as a string cell: "=1+1" stays
  // text, never a formula. Only an object value such as {formula} could make one.
  cell.value = typeof spec.value === 'string' ? clip(spec.value) : spec.value;
  if (spec.style) cell.style = { ...spec.style };
}

function fitWidths(spec: SheetSpec): number[] {
  const widths = spec.columns.map(() => 0);
  for (const rowSpec of spec.rows()) {
    if (!Array.isArray(rowSpec)) continue;
    rowSpec.forEach((c, i) => {
      if (c === undefined || i >= widths.length) return;
      let w = textWidth(c.value, c.style?.numFmt);
      if (c.style?.font?.bold) w *= 1.1;
      widths[i] = Math.max(widths[i]!, w);
    });
  }
  return widths.map((w, i) => {
    const width = Math.min(
      Math.max(Math.ceil(w) + 2, MIN_WIDTH),
      spec.columns[i]?.max ?? MAX_WIDTH,
    );
    // exceljs leaves out a column of width 9, its own default, and Excel then shows 8.43.
    return width === 9 ? 10 : width;
  });
}

/** Width in character cells (CJK count double) of a value as Excel shows it. */
function textWidth(value: Value, numFmt?: string): number {
  if (value === null) return 0;
  if (typeof value === 'number') return formatNumber(value, numFmt).length;
  const text = typeof value === 'string' ? value : value.richText.map((r) => r.text).join('');
  return Math.max(0, ...text.split('\n').map((line) => displayWidth(line)));
}

function formatNumber(value: number, numFmt = 'General'): string {
  const m = /^0(?:\.(0*)(#*))?$/.exec(numFmt);
  if (!m) return String(value);
  const min = m[1]?.length ?? 0;
  const max = min + (m[2]?.length ?? 0);
  const fixed = value.toFixed(max);
  return max > min ? fixed.replace(new RegExp(`0{1,${max - min}}$`), '').replace(/\.$/, '') : fixed;
}

function clip(text: string, max = MAX_CELL_TEXT): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function sheetOptions(spec: SheetSpec, results: Results, t: Labels) {
  const { rubric } = results;
  const header = spec.headerRow;
  // Excel caps a header or footer at 255 characters, codes included; "&" starts a code.
  const hf = (s: string) => clip(s.replace(/\s+/g, ' '), 100).replace(/&/g, '&&');
  return {
    views:
      header !== undefined
        ? [{ state: 'frozen' as const, ySplit: header, topLeftCell: `A${header + 1}` }]
        : [{}],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape' as const,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as it takes
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(header !== undefined ? { printTitlesRow: `${header}:${header}` } : {}),
    },
    headerFooter: {
      oddHeader: `&L${hf(rubric.title)}&R${hf(rubric.date ?? '')}`,
      oddFooter: `&L${hf(spec.name)}&R${t.page}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Styles

const GREY = 'FF808080';
const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
// Fonts name their face and size: a font entry without them shows in another size elsewhere.
const font = (extra: Partial<Font> = {}): Partial<Font> => ({
  name: 'Calibri',
  family: 2,
  scheme: 'minor',
  size: 11,
  ...extra,
});

const S = {
  title: { font: font({ bold: true, size: 14 }), alignment: { vertical: 'middle' } },
  header: {
    font: font({ bold: true }),
    fill: solid('FFDDEBF7'),
    border: { bottom: { style: 'thin' } },
    alignment: { vertical: 'middle', wrapText: true },
  },
  section: { font: font({ bold: true, size: 12 }) },
  key: { font: font({ bold: true }), alignment: { vertical: 'top' } },
  text: { alignment: { wrapText: true } },
  pass: { font: font({ color: { argb: 'FF006100' } }), fill: solid('FFC6EFCE') },
  fail: { font: font({ bold: true, color: { argb: 'FF9C0006' } }), fill: solid('FFFFC7CE') },
  dropped: font({ italic: true, strike: true, color: { argb: GREY } }),
  recused: {
    font: font({ italic: true, color: { argb: GREY } }),
    alignment: { horizontal: 'right' },
  },
  note: {
    font: font({ italic: true, color: { argb: 'FF595959' } }),
    alignment: { wrapText: true },
  },
  aggregate: { font: font({ bold: true }), fill: solid('FFF2F2F2') },
  warn: { font: font({ bold: true, color: { argb: 'FF9C0006' } }), alignment: { wrapText: true } },
} satisfies Record<string, Partial<Style> | Partial<Font>>;

const fmt = (places: number) => (places === 0 ? '0' : `0.${'0'.repeat(places)}`);
/** At least the final's places, at most `fine`: 33.3333 and 34.00, not 34.0000. */
const fineFmt = (places: number, fine: number) =>
  `0.${'0'.repeat(places)}${'#'.repeat(fine - places)}`;

/** A text cell; an empty or missing text leaves the cell empty (but styled). */
const text = (value: string | undefined, style?: Partial<Style>): CellSpec => ({
  value: value === undefined || value === '' ? null : value,
  ...(style ? { style } : {}),
});
const number = (value: number, numFmt?: string, style: Partial<Style> = {}): CellSpec => ({
  value,
  style: { ...style, ...(numFmt !== undefined ? { numFmt } : {}) },
});
const headerRow = (labels: string[]): CellSpec[] => labels.map((l) => text(l, S.header));

// ---------------------------------------------------------------------------------------------
// The sheets

function summarySheet(results: Results, t: Labels): SheetSpec {
  const { rubric, projects } = results;
  const judges = results.judges.map((j) => j.id);
  const dec = fmt(rubric.decimals);
  const header = [t.rank, t.id, t.name, t.organization, t.category, ...judges, t.final, t.result];
  const anyDropped = projects.some((p) =>
    [...p.scores.values()].some((s) => !s.recused && s.dropped),
  );
  const anyRecused = projects.some((p) => [...p.scores.values()].some((s) => s.recused));
  const fellBack = projects.filter((p) => p.fellBack).map((p) => p.id);

  const notes: CellSpec[] = [];
  if (anyDropped) {
    notes.push({
      value: {
        richText: [
          { text: t.droppedMark, font: S.dropped },
          { text: t.droppedNote(rubric.trim), font: S.note.font },
        ],
      },
      style: S.note,
    });
  }
  if (anyRecused) notes.push(text(t.recusedNote, S.note));
  notes.push(text(t.passNote(rubric.threshold, rubric.decimals), S.note));
  if (fellBack.length > 0) notes.push(text(t.fallbackNote(listIds(fellBack)), S.note));

  return {
    name: t.sheets.summary,
    columns: [{}, {}, { max: 50 }, { max: 40 }, { max: 24 }, ...judges.map(() => ({})), {}, {}],
    headerRow: 2,
    tableRows: projects.length,
    *rows() {
      yield { span: text(rubric.title, S.title), height: 24 };
      yield headerRow(header);
      for (const p of projects) {
        yield [
          number(p.rank),
          text(p.id),
          text(p.name, S.text),
          text(p.organization, S.text),
          text(p.category),
          ...judges.map((j) => {
            const s = p.scores.get(j);
            if (s === undefined) return undefined;
            if (s.recused) return text(t.recused, S.recused);
            return number(
              round(s.total, rubric.decimals),
              dec,
              s.dropped ? { font: S.dropped } : {},
            );
          }),
          number(toNumber(p.final), dec, { font: font({ bold: true }) }),
          p.passed ? text(t.pass, S.pass) : text(t.fail, S.fail),
        ];
      }
      yield [];
      for (const note of notes) yield { span: note };
    },
  };
}

function scoresSheet(results: Results, t: Labels): SheetSpec {
  const { rubric, projects } = results;
  const judges = results.judges.map((j) => j.id);
  const fine = Math.max(rubric.decimals + 2, 4);
  const fineNum = fineFmt(rubric.decimals, fine);
  const header = [
    t.rank,
    t.id,
    t.name,
    t.judge,
    ...rubric.criteria.map((c) => `${c.label} (${c.max})`),
    t.total,
    t.recusedFlag,
    t.droppedFlag,
    t.comment,
  ];
  const aggregateLabel = t.aggregateRow(rubric.aggregate);
  return {
    name: t.sheets.scores,
    columns: [
      {},
      {},
      { max: 30 },
      { max: 24 },
      ...rubric.criteria.map(() => ({ max: 20 })),
      {},
      {},
      {},
      { max: 50 },
    ],
    headerRow: 1,
    tableRows: projects.length * (judges.length + 1),
    *rows() {
      yield headerRow(header);
      for (const p of projects) {
        const lead = [number(p.rank), text(p.id), text(p.name)];
        for (const j of judges) {
          const s = p.scores.get(j);
          if (s === undefined) continue;
          if (s.recused) {
            yield [
              ...lead,
              text(j),
              ...rubric.criteria.map(() => undefined),
              text(t.recused, S.recused),
              text(t.yes),
              undefined,
              text(s.comment, S.text),
            ];
            continue;
          }
          yield [
            ...lead,
            text(j),
            ...rubric.criteria.map((c) => {
              const v = s.criteria.get(c.id);
              return v === undefined ? undefined : number(toNumber(v));
            }),
            number(round(s.total, fine), fineNum, s.dropped ? { font: S.dropped } : {}),
            undefined,
            s.dropped ? text(t.yes) : undefined,
            text(s.comment, S.text),
          ];
        }
        yield [
          number(p.rank, undefined, S.aggregate),
          text(p.id, S.aggregate),
          text(p.name, S.aggregate),
          text(aggregateLabel, S.aggregate),
          ...rubric.criteria.map((c) => {
            const v = p.criteria.get(c.id);
            return v === undefined
              ? text(undefined, S.aggregate)
              : number(round(v, fine), fineNum, S.aggregate);
          }),
          number(toNumber(p.final), fmt(rubric.decimals), S.aggregate),
          text(undefined, S.aggregate),
          text(undefined, S.aggregate),
          text(undefined, S.aggregate),
        ];
      }
    },
  };
}

function judgesSheet(results: Results, t: Labels): SheetSpec {
  const { rubric, projects } = results;
  const header = [
    t.judge,
    t.file,
    t.sha256,
    t.scored,
    t.recusals,
    t.droppedCount,
    t.meanTotal,
    t.sdTotal,
    t.leniency,
  ];
  const statsOf = new Map(results.analytics.judges.map((j) => [j.judge, j]));
  return {
    name: t.sheets.judges,
    columns: [{ max: 30 }, { max: 50 }, { max: 66 }, {}, {}, {}, {}, {}, {}],
    headerRow: 1,
    tableRows: results.judges.length,
    *rows() {
      yield headerRow(header);
      for (const j of results.judges) {
        const totals: Dec[] = [];
        let recusals = 0;
        let dropped = 0;
        for (const p of projects) {
          const s = p.scores.get(j.id);
          if (s === undefined) continue;
          if (s.recused) recusals++;
          else {
            totals.push(s.total);
            if (s.dropped) dropped++;
          }
        }
        const mean =
          totals.length > 0
            ? number(
                round(totals.reduce((a, b) => a.plus(b)).dividedBy(totals.length), rubric.decimals),
                fmt(rubric.decimals),
              )
            : undefined;
        const stats = statsOf.get(j.id);
        yield [
          text(j.id),
          text(j.file),
          text(j.sha256),
          number(totals.length),
          number(recusals),
          number(dropped),
          mean,
          statistic(stats?.sd ?? null),
          statistic(stats?.leniency ?? null),
        ];
      }
      yield [];
      yield { span: text(t.leniencyNote, S.note) };
    },
  };
}

/** A descriptive statistic (a binary float): four places kept, two shown; empty when null. */
function statistic(
  x: number | null,
  numFmt = '0.00',
  style: Partial<Style> = {},
): CellSpec | undefined {
  if (x === null || !Number.isFinite(x)) return undefined;
  return number(round(dec(x), 4), numFmt, style);
}

/** Rows whose last cell wraps read best with every cell at the top. */
const TOP: Partial<Style> = { alignment: { vertical: 'top' } };
const TOP_TEXT: Partial<Style> = { alignment: { vertical: 'top', wrapText: true } };

/**
 * The six ICC forms with their 95% intervals and Kendall's W with its test, one row each with a
 * sentence on what it means; when there are too few projects or judges, dashes and the reason.
 */
function agreementSheet(results: Results, t: Labels): SheetSpec {
  const { rubric } = results;
  const a = results.analytics.agreement;
  const lang = rubric.lang;
  const note = agreementNote(a, lang);
  // Computed but null (undefined, or outside -1..1): said in words, the note below says why.
  const dash = text(computed(a) ? notMeaningful(lang) : '—', {
    ...S.recused,
    alignment: { horizontal: 'right', vertical: 'top' },
  });
  const value = (x: number | null, numFmt?: string) => statistic(x, numFmt, TOP) ?? dash;
  const row = (
    label: string,
    cell: CellSpec,
    explain: string,
    ci?: [number, number] | null,
  ): RowSpec => [
    text(label, S.key),
    cell,
    ci === undefined ? undefined : ci === null ? dash : value(ci[0]),
    ci === undefined ? undefined : ci === null ? dash : value(ci[1]),
    text(explain, TOP_TEXT),
  ];
  // A p-value keeps four significant digits: 0.00000249 must not show as 0.0000.
  const p = a.kendallP === null ? null : Number(a.kendallP.toPrecision(4));
  const rows: RowSpec[] = [
    ...ICC_FORMS.map((form) => row(form, value(a.icc[form]), meaning(form, lang), a.iccCI[form])),
    row("Kendall's W", value(a.kendallW), meaning('kendallW', lang)),
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
      yield { span: text(t.agreementTitle, S.title), height: 24 };
      yield { span: text(t.agreementBasis(a.n, a.k), S.note) };
      yield headerRow([t.statistic, t.value, t.ciLow, t.ciHigh, t.meaning]);
      yield* rows;
      yield [];
      if (note !== undefined) yield { span: text(note, S.warn) };
      yield { span: text(t.iccGuide, S.note) };
    },
  };
}

/** One row per robustness or outlier flag, projects in rank order; a sentence when there is none. */
function flagsSheet(results: Results, t: Labels): SheetSpec {
  const { rubric, analytics } = results;
  const spreadOf = new Map(analytics.projects.map((p) => [p.id, p]));
  const flagged = results.projects.flatMap((p) => {
    const spread = spreadOf.get(p.id)!;
    return spread.flags.map((f) => ({ p, spread, f }));
  });
  const { outlier, outlierMinJudges, rankMove } = analytics.limits;
  return {
    name: t.sheets.flags,
    columns: [{}, {}, { max: 30 }, {}, {}, { max: 30 }, { max: 24 }, { max: 90 }],
    headerRow: 1,
    tableRows: flagged.length,
    *rows() {
      yield headerRow([t.rank, t.id, t.name, t.final, t.result, t.flag, t.judge, t.details]);
      for (const { p, spread, f } of flagged) {
        yield [
          number(p.rank, undefined, TOP),
          text(p.id, TOP),
          text(p.name, TOP_TEXT),
          number(toNumber(p.final), fmt(rubric.decimals), TOP),
          p.passed ? text(t.pass, { ...S.pass, ...TOP }) : text(t.fail, { ...S.fail, ...TOP }),
          text(flagType(f.type, rubric.lang), TOP_TEXT),
          text(f.judge, TOP),
          text(flagSentence(f, p, spread, rubric), TOP_TEXT),
        ];
      }
      if (flagged.length === 0) yield { span: text(t.noFlags, S.text) };
      yield [];
      const trim = rubric.aggregate === 'trimmed-mean' && rubric.trim > 0;
      yield { span: text(t.flagsNote(outlier, outlierMinJudges, rankMove, trim), S.note) };
    },
  };
}

function warningsSheet(results: Results, t: Labels): SheetSpec {
  return {
    name: t.sheets.warnings,
    columns: [{}, { max: 24 }, { max: 120 }],
    headerRow: 1,
    tableRows: results.warnings.length,
    *rows() {
      yield headerRow([t.number, t.code, t.warning]);
      for (const [i, w] of results.warnings.entries()) {
        yield [number(i + 1), text(w.code), text(formatIssue(w), S.text)];
      }
    },
  };
}

type FileRow = [role: string, file: string, sha256: string];

function aboutSheet(results: Results, t: Labels, generatedAt: Date): SheetSpec {
  const { rubric } = results;
  const passed = results.projects.filter((p) => p.passed).length;
  const labelOf = new Map(rubric.criteria.map((c) => [c.id, c.label]));
  const files: FileRow[] = [
    [t.rubricFile, results.rubricFile.file, results.rubricFile.sha256],
    ...(results.rosterFile
      ? [[t.rosterFile, results.rosterFile.file, results.rosterFile.sha256] satisfies FileRow]
      : []),
    ...results.judges.map((j): FileRow => [`${t.sheetFile} ${j.id}`, j.file, j.sha256]),
  ];
  const kv = (key: string, value: CellSpec): RowSpec => [text(key, S.key), value];
  return {
    name: t.sheets.about,
    columns: [{ max: 30 }, { max: 50 }, { max: 66 }, {}, {}],
    *rows() {
      yield kv(t.title, text(rubric.title, S.text));
      yield kv(t.organizer, text(rubric.organizer, S.text));
      yield kv(t.date, text(rubric.date));
      yield kv(t.projects, number(results.projects.length));
      yield kv(t.passed, number(passed));
      yield kv(t.failed, number(results.projects.length - passed));
      yield kv(t.threshold, number(rubric.threshold));
      yield kv(t.aggregate, text(t.method(rubric.aggregate, rubric.trim), S.text));
      yield kv(t.decimals, text(t.rounding(rubric.decimals), S.text));
      yield kv(
        t.tieBreak,
        text(
          rubric.tieBreak.length > 0
            ? rubric.tieBreak.map((id) => `${labelOf.get(id) ?? id} (${id})`).join(', ')
            : t.none,
        ),
      );
      yield [];
      yield [text(t.criteria, S.section)];
      yield headerRow([t.criterionId, t.label, t.max, t.weight, t.step]);
      for (const c of rubric.criteria) {
        yield [
          text(c.id),
          text(c.label),
          number(c.max),
          number(c.weight),
          c.step !== undefined ? number(c.step) : undefined,
        ];
      }
      yield [];
      yield [text(t.inputs, S.section)];
      yield headerRow([t.role, t.file, t.sha256]);
      for (const [role, file, sha] of files) yield [text(role), text(file), text(sha)];
      yield [];
      yield kv(t.fingerprint, text(fingerprint(results)));
      yield kv(t.version, text(`pcv ${VERSION}`));
      yield kv(t.generatedAt, text(generatedAt.toISOString()));
    },
  };
}

function round(value: Dec, places: number): number {
  return toNumber(roundHalfUp(value, places));
}

function listIds(ids: string[]): string {
  const shown = ids.slice(0, 50).join(', ');
  return ids.length > 50 ? `${shown}, … (${ids.length})` : shown;
}

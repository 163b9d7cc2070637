import type { CellRichTextValue, Style, Worksheet } from 'exceljs';
import type { Results } from '../../core/model.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';
import { PLAIN } from './shared-style.js';
import { CellMeasure } from './measure.js';

// A sheet is described as data first (columns and a sequence of rows), so widths can be fitted
// from the rows before the first one is written.

export type Value = string | number | CellRichTextValue | null;

export interface CellSpec {
  value: Value;
  style?: Partial<Style>;
}

/** A row of cells, or one cell spread across the table's width (a title or a note). */
export type RowSpec = (CellSpec | undefined)[] | { span: CellSpec; height?: number };

export interface ColumnSpec {
  /** Widest the column may grow, in characters; longer text wraps. */
  max?: number;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  /** 1-based row of the table's header: frozen, filtered, repeated on every printed page. */
  headerRow?: number;
  /** Rows of the table under the header (the autofilter's range). */
  tableRows?: number;
  /**
   * The sheet's rows, made afresh on each call: the writer goes over them twice, to measure and
   * to write. When measuring, `full(column)` tells that a column (0-based) can grow no further,
   * so its cells are not looked at: a sheet may leave out such a cell if it costs to build.
   */
  rows: (full?: (column: number) => boolean) => Iterable<RowSpec>;
}

export const MIN_WIDTH = 5;
export const MAX_WIDTH = 60;
/** Excel refuses cells longer than this (it "repairs" the file). */
export const MAX_CELL_TEXT = 32767;

/**
 * Writes a sheet in two passes over its rows: the first builds each row, measures it and lets it
 * go (the column widths must be known before the first row goes out); the second builds the rows
 * again and streams each to exceljs as it is built. Holding the rows from the first pass to the
 * second (a 10,000-project workbook's Flags rows are ~18 MB, Scores ~9 MB) kept them alive
 * through the young generation's collections, so the collector copied them and promoted them to
 * the old generation, whose garbage then grew by as much before a full collection: more memory
 * touched for the first time (page faults, costly here) and more to mark. Building the rows
 * again costs about the CPU those promotions did, for ~35 MB less peak (BENCHMARKS.md, "Workbook:
 * stop 15").
 */
export async function writeSheet(
  sheet: Worksheet,
  spec: SheetSpec,
  measure = new CellMeasure(),
): Promise<void> {
  const widest = spec.columns.map(() => 0);
  // A column as wide as its limit allows (less the margin) can grow no further: its cells are
  // not measured again (the names, comments and sentences of a large review).
  const full = spec.columns.map((c) => (c.max ?? MAX_WIDTH) - MARGIN);
  const measured: (CellSpec | undefined)[] = [];
  const isFull = (column: number) => widest[column]! >= full[column]!;
  for (const row of spec.rows(isFull)) {
    if (Array.isArray(row)) widen(widest, full, measured, row, measure);
  }
  const widths = fitWidths(spec, widest);
  sheet.columns = widths.map((width) => ({ width }));
  // A column that never filled up had every cell measured and is wider than its widest line:
  // a wrapped text in it takes as many lines as it has, none of them wrapping (no measuring).
  const roomy = widest.map((w, i) => w < full[i]!);
  // The last wrapped cell of each column and its lines: a project's leading cells repeat on each
  // of its rows of the Flags sheet (the same cell objects), and are sized once for all of them.
  const lastWrapped: (CellSpec | undefined)[] = [];
  const lastLines: number[] = [];
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  if (spec.headerRow !== undefined) {
    const last = spec.headerRow + (spec.tableRows ?? 0);
    sheet.autoFilter = `A${spec.headerRow}:${columnLetter(spec.columns.length)}${last}`;
  }
  let r = 0;
  for (const cells of spec.rows()) {
    if (++r % YIELD_EVERY === 0) await yieldToZip();
    const row = sheet.addRow([]);
    // A row's own style object too (exceljs looks it up for every row; its types omit it).
    (row as unknown as { style: Partial<Style> }).style = PLAIN;
    if (Array.isArray(cells)) {
      let lines = 1;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i];
        if (cell === undefined) continue;
        setCell(row.getCell(i + 1), cell);
        // Neither Excel nor LibreOffice reliably grows a row for wrapped text in a file written
        // without row heights (LibreOffice draws the lines over the next row): size such rows here.
        if (cell.style?.alignment?.wrapText) {
          if (lastWrapped[i] !== cell) {
            lastWrapped[i] = cell;
            lastLines[i] = roomy[i]
              ? lineCount(cell.value)
              : measure.wrappedLines(cell.value, widths[i] ?? MAX_WIDTH);
          }
          if (lastLines[i]! > lines) lines = lastLines[i]!;
        }
      }
      if (lines > 1) row.height = 15 * lines;
    } else {
      setCell(row.getCell(1), cells.span);
      if (spec.columns.length > 1) sheet.mergeCells(row.number, 1, row.number, spec.columns.length);
      // Excel does not grow merged rows to fit wrapped text: size them from the text's width.
      const lines = Math.ceil((measure.width(cells.span.value) * 1.1) / Math.max(tableWidth, 1));
      row.height = cells.height ?? 15 * Math.max(1, lines);
    }
    row.commit();
  }
  sheet.commit();
}

/**
 * Rows between two turns of the event loop. exceljs hands each sheet's XML to its zip archiver
 * in 64 KB pieces, and the archiver deflates them (on libuv's thread pool) only when the event
 * loop turns: written in one synchronous go, a 10,000-project workbook's 44 MB of XML waited in
 * memory and was all deflated at `commit()`, the main thread idle meanwhile. A turn every few
 * hundred rows (a piece or two of XML) lets the archiver deflate each piece while the next rows
 * are built, on the other core when one is free, and frees each piece once it is deflated.
 * A turn every 64 rows kept the pieces from falling behind (fewer fresh pages) but now and then
 * sent V8's young generation into promoting ~2 MB at each scavenge, twice the CPU for the render
 * (BENCHMARKS.md, "Workbook: stop 15"); every 128 never did in the renders measured.
 */
const YIELD_EVERY = 128;
const yieldToZip = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lines of a value that no line of wraps: one per line break, and one. */
function lineCount(value: Value): number {
  if (value === null || typeof value === 'number') return 1;
  const text = typeof value === 'string' ? value : value.richText.map((r) => r.text).join('');
  let n = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

export function setCell(cell: { value: unknown; style: Partial<Style> }, spec: CellSpec) {
  // Text goes in as a plain string, which exceljs always stores as a string cell: "=1+1" stays
  // text, never a formula. Only an object value such as {formula} could make one.
  cell.value = typeof spec.value === 'string' ? clip(spec.value) : spec.value;
  // Shared, never copied: exceljs then finds the style's index by the object (shared-style.ts).
  cell.style = spec.style ?? PLAIN;
}

/** Keeps in `widest` the widest cell seen in each column (bold text a tenth wider). */
function widen(
  widest: number[],
  full: number[],
  last: (CellSpec | undefined)[],
  cells: (CellSpec | undefined)[],
  measure: CellMeasure,
) {
  const n = Math.min(cells.length, widest.length);
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    // The cell just measured in this column (shared cells repeat on consecutive rows) is no wider.
    if (c === undefined || c === last[i] || widest[i]! >= full[i]!) continue;
    last[i] = c;
    let w = measure.width(c.value, c.style?.numFmt);
    if (c.style?.font?.bold) w *= 1.1;
    if (w > widest[i]!) widest[i] = w;
  }
}

/** Characters a column has beyond its widest cell. */
const MARGIN = 2;

/** Column widths from the widest cells: a margin of two, within the column's bounds. */
export function fitWidths(spec: SheetSpec, widest: number[]): number[] {
  return widest.map((w, i) => {
    const width = Math.min(
      Math.max(Math.ceil(w) + MARGIN, MIN_WIDTH),
      spec.columns[i]?.max ?? MAX_WIDTH,
    );
    // exceljs leaves out a column of width 9, its own default, and Excel then shows 8.43.
    return width === 9 ? 10 : width;
  });
}

export function clip(text: string, max = MAX_CELL_TEXT): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export function sheetOptions(spec: SheetSpec, results: Results, t: Labels) {
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

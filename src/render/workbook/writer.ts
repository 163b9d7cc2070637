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
  rows: () => Iterable<RowSpec>;
}

export const MIN_WIDTH = 5;
export const MAX_WIDTH = 60;
/** Excel refuses cells longer than this (it "repairs" the file). */
export const MAX_CELL_TEXT = 32767;

/**
 * A row kept between measuring and writing: `[value, style, value, style, …]` (a value of
 * `undefined` is no cell), or a row spread across the table. Flat, so a 60,000-row sheet holds
 * 60,000 small arrays while it is measured rather than a million cell objects, which would
 * outlive the young generation and be copied by every scavenge.
 */
type HeldRow = (Value | Partial<Style> | undefined)[] | { span: CellSpec; height?: number };

/** What a written row's slot holds: one shared empty row, not a fresh one per row. */
const LET_GO: HeldRow = [];

/**
 * Writes a sheet in one pass over its rows: each row is built once and measured as it is built
 * (the column widths must be known before the first row goes out), then streamed to exceljs.
 */
export function writeSheet(sheet: Worksheet, spec: SheetSpec, measure = new CellMeasure()) {
  const rows: HeldRow[] = [];
  const widest = spec.columns.map(() => 0);
  // A column as wide as its limit allows (less the margin) can grow no further: its cells are
  // not measured again (the names, comments and sentences of a large review).
  const full = spec.columns.map((c) => (c.max ?? MAX_WIDTH) - MARGIN);
  for (const rowSpec of spec.rows()) {
    if (!Array.isArray(rowSpec)) {
      rows.push(rowSpec);
      continue;
    }
    widen(widest, full, rowSpec, measure);
    const held: HeldRow = new Array(rowSpec.length * 2);
    for (let i = 0; i < rowSpec.length; i++) {
      const c = rowSpec[i];
      held[2 * i] = c?.value;
      held[2 * i + 1] = c?.style ?? PLAIN;
    }
    rows.push(held);
  }
  const widths = fitWidths(spec, widest);
  sheet.columns = widths.map((width) => ({ width }));
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  if (spec.headerRow !== undefined) {
    const last = spec.headerRow + (spec.tableRows ?? 0);
    sheet.autoFilter = `A${spec.headerRow}:${columnLetter(spec.columns.length)}${last}`;
  }
  for (let r = 0; r < rows.length; r++) {
    const held = rows[r]!;
    // Written rows are let go, so the held rows and exceljs's rows are not both kept in full.
    rows[r] = LET_GO;
    const row = sheet.addRow([]);
    // A row's own style object too (exceljs looks it up for every row; its types omit it).
    (row as unknown as { style: Partial<Style> }).style = PLAIN;
    if (Array.isArray(held)) {
      let lines = 1;
      for (let i = 0; 2 * i < held.length; i++) {
        const value = held[2 * i] as Value | undefined;
        if (value === undefined) continue;
        const style = held[2 * i + 1] as Partial<Style>;
        setCell(row.getCell(i + 1), { value, style });
        // Neither Excel nor LibreOffice reliably grows a row for wrapped text in a file written
        // without row heights (LibreOffice draws the lines over the next row): size such rows here.
        if (style.alignment?.wrapText)
          lines = Math.max(lines, measure.wrappedLines(value, widths[i] ?? MAX_WIDTH));
      }
      if (lines > 1) row.height = 15 * lines;
    } else {
      setCell(row.getCell(1), held.span);
      if (spec.columns.length > 1) sheet.mergeCells(row.number, 1, row.number, spec.columns.length);
      // Excel does not grow merged rows to fit wrapped text: size them from the text's width.
      const lines = Math.ceil((measure.width(held.span.value) * 1.1) / Math.max(tableWidth, 1));
      row.height = held.height ?? 15 * Math.max(1, lines);
    }
    row.commit();
  }
  sheet.commit();
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
  cells: (CellSpec | undefined)[],
  measure: CellMeasure,
) {
  const n = Math.min(cells.length, widest.length);
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    if (c === undefined || widest[i]! >= full[i]!) continue;
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

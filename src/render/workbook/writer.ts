import type { CellRichTextValue, Style, Worksheet } from 'exceljs';
import type { Results } from '../../core/model.js';
import { displayWidth } from '../width.js';
import { type Labels } from '../xlsx-labels.js';

// A sheet is described as data first (columns and a re-iterable sequence of rows), so widths can
// be fitted in a first pass and the rows streamed out in a second, without holding them all.

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

export function writeSheet(sheet: Worksheet, spec: SheetSpec) {
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
export function wrappedLines(value: Value, width: number): number {
  if (value === null || typeof value === 'number') return 1;
  const text = typeof value === 'string' ? value : value.richText.map((r) => r.text).join('');
  return text
    .split('\n')
    .reduce(
      (n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))),
      0,
    );
}

export function setCell(cell: { value: unknown; style: Partial<Style> }, spec: CellSpec) {
  // Text goes in as a plain string, which exceljs always stores as a string cell: "=1+1" stays
  // text, never a formula. Only an object value such as {formula} could make one.
  cell.value = typeof spec.value === 'string' ? clip(spec.value) : spec.value;
  if (spec.style) cell.style = { ...spec.style };
}

export function fitWidths(spec: SheetSpec): number[] {
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
export function textWidth(value: Value, numFmt?: string): number {
  if (value === null) return 0;
  if (typeof value === 'number') return formatNumber(value, numFmt).length;
  const text = typeof value === 'string' ? value : value.richText.map((r) => r.text).join('');
  return Math.max(0, ...text.split('\n').map((line) => displayWidth(line)));
}

export function formatNumber(value: number, numFmt = 'General'): string {
  // Money: thousands separators, two places (track-columns.ts's MONEY).
  if (numFmt === '#,##0.00')
    return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const m = /^0(?:\.(0*)(#*))?$/.exec(numFmt);
  if (!m) return String(value);
  const min = m[1]?.length ?? 0;
  const max = min + (m[2]?.length ?? 0);
  const fixed = value.toFixed(max);
  return max > min ? fixed.replace(new RegExp(`0{1,${max - min}}$`), '').replace(/\.$/, '') : fixed;
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

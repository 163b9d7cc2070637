import path from 'node:path';
import { worded } from '../text/problems.js';
import { normalizeHeader, stripMaxAnnotation } from '../core/headers.js';
import type { Rubric } from '../core/rubric.js';
import { columnLetters, headerIndex } from '../core/sheet.js';
import type { Row } from './csv.js';
import type { SheetLines } from '../core/sheet-lines.js';
import { bytesToSheet } from './read.js';
import { contentMismatch } from './sniff.js';
import { readXlsxRows, type FormattedCell, type ReadNote, type ReadProblem } from './xlsx-sheet.js';

export type { ReadNote, ReadProblem } from './xlsx-sheet.js';

export type SheetTable =
  | {
      ok: true;
      /** A text sheet's rows may be split as they are read (core/sheet-lines.ts). */
      rows: Row[] | SheetLines;
      /** True when cells may use a decimal comma (the delimiter is not a comma). */
      decimalComma: boolean;
      sheetName?: string;
      /** What pcv decided while reading that the user should know (encoding, hidden sheets). */
      notes: ReadNote[];
      formatted: FormattedCell[];
    }
  | { ok: false; problems: ReadProblem[] };

/** A score sheet's rows: delimited text (.csv, .tsv, .txt) or the first visible worksheet of an .xlsx. */
export async function readSheetTable(file: string, bytes: Uint8Array): Promise<SheetTable> {
  const xlsx = /\.xlsx$/i.test(file);
  const mismatch = contentMismatch(xlsx ? 'xlsx' : 'text', bytes, path.extname(file));
  if (mismatch !== undefined) return { ok: false, problems: [{ message: mismatch }] };
  if (xlsx) {
    const table = await readXlsxRows(bytes);
    return table.ok ? { ...table, decimalComma: false, sheetName: table.sheet } : table;
  }
  const table = bytesToSheet(bytes);
  if (!table.ok) {
    return {
      ok: false,
      problems: [
        { message: table.message, ...(table.line !== undefined ? { line: table.line } : {}) },
      ],
    };
  }
  return {
    ok: true,
    rows: table.rows,
    decimalComma: table.delimiter !== ',',
    notes: table.note !== undefined ? [{ code: 'sheet-encoding', message: table.note }] : [],
    formatted: [],
  };
}

/**
 * A percent- or date-formatted number in a score (or total) column: Excel shows 85% for the 0.85
 * the cell holds, 1900-01-18 for 18. Either way the judge's score is not what the cell holds.
 */
export function formattedScoreProblems(
  table: SheetTable & { ok: true },
  rubric: Rubric,
): ReadProblem[] {
  // Only an .xlsx sheet has formatted cells, and its rows are a list.
  if (table.formatted.length === 0 || !Array.isArray(table.rows)) return [];
  const header = table.rows[0];
  if (header === undefined) return [];
  const index = headerIndex(rubric);
  const scoreColumn = header.cells.map((text) => {
    const key = normalizeHeader(text);
    const col = index.get(key) ?? index.get(stripMaxAnnotation(key));
    return col?.kind === 'criterion' || (col?.kind === 'field' && col.field === 'total');
  });
  return table.formatted
    .filter((f) => f.line !== header.line && scoreColumn[f.col] === true)
    .map((f) => {
      const ref = `${columnLetters(f.col)}${f.line}`;
      return {
        message: worded(f.kind === 'percent' ? 'cell-percent' : 'cell-date', {
          ref,
          shown: f.shown,
          value: f.value,
        }),
        line: f.line,
        ...(table.sheetName !== undefined ? { cell: `${table.sheetName}!${ref}` } : {}),
      };
    });
}

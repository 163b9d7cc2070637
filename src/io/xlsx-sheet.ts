import type { Worksheet } from 'exceljs';
import { worded, type Worded } from '../text/problems.js';
import { normalizeHeader, SHEET_FIELDS, stripMaxAnnotation } from '../core/headers.js';
import { columnLetters } from '../core/sheet.js';
import { checkLimits, type Row } from './csv.js';
import { cellText, type FormattedCell } from './xlsx-cell.js';
import { checkZip } from './zip-guard.js';

export type { FormattedCell } from './xlsx-cell.js';

/** A problem that stops a sheet from being read, where it is. */
export interface ReadProblem {
  message: Worded;
  line?: number;
  /** Spreadsheet cell reference (`Sheet1!C7`). */
  cell?: string;
}

/** Something pcv decided while reading that the user should know. */
export interface ReadNote {
  code: string;
  message: Worded;
}

export type XlsxTable =
  | {
      ok: true;
      rows: Row[];
      sheet: string;
      /** Percent- and date-formatted number cells: fine as text, never as a score. */
      formatted: FormattedCell[];
      /** What the judge should know: hidden worksheets passed over. */
      notes: ReadNote[];
    }
  | { ok: false; problems: ReadProblem[] };

/**
 * Reads the first visible worksheet of an .xlsx score sheet into rows of text, like a CSV: cells
 * as Excel shows them (numbers to 15 significant digits, formulas by their saved result, rich text
 * flattened). Row numbers are the worksheet's, so messages point at the cell the judge sees.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<XlsxTable> {
  const refused = checkZip(bytes);
  if (refused !== undefined) return fail(refused);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch (err) {
    const detail = String((err as Error).message ?? err).split('\n')[0]!;
    return fail(worded('xlsx-unreadable', { detail }));
  }
  const sheets = workbook.worksheets;
  const first = sheets.findIndex((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
  const sheet = sheets[first];
  if (sheet === undefined) {
    return fail(
      sheets.length === 0 ? worded('xlsx-no-worksheet', {}) : worded('xlsx-all-hidden', {}),
    );
  }
  const read = readSheet(sheet);
  if (read.problems.length > 0) return { ok: false, problems: read.problems };
  if (!hasProjectColumn(read.rows)) {
    const other = sheets.find((s) => s !== sheet && hasProjectColumn(readSheet(s, 1).rows));
    if (other !== undefined) {
      return fail(
        worded('xlsx-first-sheet', {
          sheet: sheet.name,
          other: other.name,
          hidden: other.state !== 'visible',
        }),
      );
    }
  }
  const hidden = sheets.slice(0, first).map((s) => s.name);
  const notes: ReadNote[] =
    hidden.length === 0
      ? []
      : [
          {
            code: 'xlsx-hidden-worksheet',
            message: worded('xlsx-hidden-worksheets', { hidden, sheet: sheet.name }),
          },
        ];
  const over = checkLimits(read.rows);
  if (over !== undefined) return fail(over.message, over.line);
  return { ok: true, rows: read.rows, sheet: sheet.name, formatted: read.formatted, notes };
}

interface SheetRead {
  rows: Row[];
  formatted: FormattedCell[];
  problems: ReadProblem[];
}

/** A worksheet's rows of text (only the first `maxRows` when given: enough for a header). */
function readSheet(sheet: Worksheet, maxRows = Infinity): SheetRead {
  const rows: Row[] = [];
  const formatted: FormattedCell[] = [];
  const problems: ReadProblem[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length >= maxRows) return;
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const text = cellText(cell.value, cell.numFmt);
      if (text.problem !== undefined) {
        problems.push({
          message: text.problem,
          line: rowNumber,
          cell: `${sheet.name}!${columnLetters(c - 1)}${rowNumber}`,
        });
      }
      if (text.format !== undefined)
        formatted.push({ line: rowNumber, col: c - 1, ...text.format });
      cells.push(text.text);
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push({ line: rowNumber, cells });
  });
  // A header row decides the width; pad every row to it so that trailing empty cells do not
  // look like missing delimiters.
  const width = rows[0]?.cells.length ?? 0;
  for (const r of rows) while (r.cells.length < width) r.cells.push('');
  return { rows, formatted, problems };
}

/** Whether the header row (the first row) names a project column: a sheet of scores has one. */
function hasProjectColumn(rows: readonly Row[]): boolean {
  const names = new Set<string>(SHEET_FIELDS.project.map(normalizeHeader));
  return (rows[0]?.cells ?? []).some((c) => names.has(stripMaxAnnotation(normalizeHeader(c))));
}

function fail(message: Worded, line?: number): XlsxTable {
  return { ok: false, problems: [{ message, ...(line !== undefined ? { line } : {}) }] };
}

import type { Row } from './model.js';
import { worded, type Worded } from '../text/problems.js';

/**
 * How many cells a sheet's rows may have. A row that ends early is fine when the cells it leaves
 * out may be empty anyway (a comment nobody wrote); a row with cells beyond the last header is
 * fine only when they are empty and every row has them (a trailing delimiter written
 * consistently, as Excel does). Anything else means a cell moved: a delimiter too many or too
 * few, and every score after it would land in the wrong column.
 */
export interface RowWidths {
  /** Columns up to the last one with a header; cells from here on have no column. */
  width: number;
  /** The header's cells, empty ones at the end included. */
  headerCells: number;
  /** The fewest cells a row may have: every column from here on may be left empty. */
  least: number;
  /** The data row with the fewest cells among those that have enough. */
  fewest?: { cells: number; line: number };
}

export function rowWidths(
  header: Row,
  body: readonly Row[],
  mayBeEmpty: (column: number) => boolean,
): RowWidths {
  let width = header.cells.length;
  while (width > 0 && header.cells[width - 1]!.trim() === '') width--;
  let least = width;
  while (least > 0 && mayBeEmpty(least - 1)) least--;
  let fewest: RowWidths['fewest'];
  for (const row of body) {
    const n = row.cells.length;
    if (n < least || isBlank(row)) continue;
    if (fewest === undefined || n < fewest.cells) fewest = { cells: n, line: row.line };
  }
  return {
    width,
    headerCells: header.cells.length,
    least,
    ...(fewest !== undefined ? { fewest } : {}),
  };
}

export function isBlank(row: Row): boolean {
  // A loop, not every() with a callback: asked of each of a million-cell review's 250,000 rows.
  for (const c of row.cells) if (c.trim() !== '') return false;
  return true;
}

export interface WidthProblem {
  code: 'row-short' | 'row-long';
  message: Worded;
}

/**
 * The problem with a row's number of cells, if any. `advice` explains a likely cause (a decimal
 * comma); without it the message ends with a general question.
 */
export function rowWidthProblem(
  row: Row,
  widths: RowWidths,
  advice: () => Worded | undefined,
): WidthProblem | undefined {
  const n = row.cells.length;
  const { width } = widths;
  if (n < widths.least) {
    return { code: 'row-short', message: worded('row-short', { cells: n, width }) };
  }
  if (n <= width) return undefined;
  const extra = row.cells.slice(width);
  const filled = extra.some((c) => c.trim() !== '');
  const fewest = widths.fewest!;
  // Empty cells the header has too, or that every row has: a trailing delimiter written
  // consistently.
  if (!filled && (n <= widths.headerCells || fewest.cells >= n)) return undefined;
  const hint = advice();
  const because = hint !== undefined ? { advice: hint } : {};
  if (filled) {
    const beyond = row.cells.slice(width);
    return {
      code: 'row-long',
      message: worded('row-long-filled', {
        cells: n,
        width,
        from: width,
        values: beyond.slice(0, 5).map((c) => c.trim()),
        more: beyond.length > 5,
        ...because,
      }),
    };
  }
  const from = widths.headerCells;
  return {
    code: 'row-long',
    message: worded('row-long-empty', {
      cells: n,
      width: from,
      from,
      line: fewest.line,
      ...because,
    }),
  };
}

import type { Row } from './model.js';
import { isBlank } from './row-shape.js';

/**
 * A blank template dropped into the sheets folder (ids and names filled in, every score cell
 * empty, nobody recused) is one problem, not one "missing score" per cell: the line of its first
 * project row, or undefined when any row has a score, a recusal word or a recused mark.
 */
export function blankSheetLine(
  body: readonly Row[],
  scoreColumns: readonly number[],
  markedRecused: (row: Row) => boolean,
): number | undefined {
  let first: number | undefined;
  for (const row of body) {
    if (isBlank(row)) continue;
    if (scoreColumns.some((i) => (row.cells[i] ?? '').trim() !== '') || markedRecused(row)) {
      return undefined;
    }
    first ??= row.line;
  }
  return first;
}

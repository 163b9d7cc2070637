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
  const blank = new BlankSheet(scoreColumns, markedRecused);
  for (const row of body) {
    blank.see(row);
    if (blank.scored) return undefined;
  }
  return blank.line;
}

/** blankSheetLine() a row at a time, for rows read one by one (core/sheet-lines.ts). */
export class BlankSheet {
  /** Some row has a score, a recusal word or a recused mark: not a blank template. */
  scored = false;
  private first: number | undefined;

  constructor(
    private readonly scoreColumns: readonly number[],
    private readonly markedRecused: (row: Row) => boolean,
  ) {}

  see(row: Row): void {
    if (this.scored || isBlank(row)) return;
    if (
      this.scoreColumns.some((i) => (row.cells[i] ?? '').trim() !== '') ||
      this.markedRecused(row)
    ) {
      this.scored = true;
    } else this.first ??= row.line;
  }

  /** The line of the template's first project row, when the rows seen make one. */
  get line(): number | undefined {
    return this.scored ? undefined : this.first;
  }
}

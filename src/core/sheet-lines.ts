import type { Row } from './model.js';

/*
 * A sheet whose records are split as they are read instead of all at once (io/csv-lines.ts): a
 * province-wide review's sheets have 250,000 rows, and held as Row objects until a sheet was
 * validated they outlived the young generation, so that every collection while reading copied
 * them. Read this way, a row's cells die as soon as the row is checked.
 */
export interface SheetLines {
  /** The first record: the header. */
  readonly header: Row;
  /** How many records follow it. */
  readonly count: number;
  /**
   * Each record after the header, in order, split as it is reached; stops when `visit` returns
   * false, and then returns false.
   */
  each(visit: (row: Row) => boolean): boolean;
  /** Every record, the header first, split and held: for a sheet that must be read whole. */
  all(): Row[];
}

/** Whether a sheet's rows come as SheetLines rather than as a list. */
export function isSheetLines(rows: readonly Row[] | SheetLines): rows is SheetLines {
  return !Array.isArray(rows);
}

/**
 * Caps on what pcv reads, so that a hostile or broken file is refused with a message instead of
 * exhausting memory or time. Far above any real review: a province-wide round of 10,000 projects
 * has 10,001 rows and a dozen columns.
 */
export const LIMITS = {
  /** A score sheet or roster file. */
  sheetBytes: 64 * 1024 * 1024,
  /** A rubric file. */
  rubricBytes: 1024 * 1024,
  /** Records in one sheet, the header included. */
  rows: 200_000,
  /** Columns in one sheet. */
  columns: 2_000,
  /** Characters in one cell. */
  cellChars: 10_000,
} as const;

/** Bytes in whole megabytes, as messages give sizes. */
export const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

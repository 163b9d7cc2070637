import { worded, type Worded } from '../text/problems.js';

/**
 * One .xlsx cell as text, the way Excel shows it. Excel stores binary doubles and shows 15
 * significant digits, so a saved 35.00000000000001 is the 35 the judge sees; a formula is read by
 * the result Excel saved with it, and one without a saved result cannot be read at all.
 */
export interface FormattedCell {
  line: number;
  /** 0-based column index. */
  col: number;
  kind: 'percent' | 'date';
  /** As Excel shows it: `85%`, `1900-01-18`. */
  shown: string;
  /** The number stored in the cell (a date's serial number). */
  value: string;
}

export interface CellText {
  text: string;
  format?: Omit<FormattedCell, 'line' | 'col'>;
  problem?: Worded;
}

export const NOT_CALCULATED = worded('formula-not-calculated', {});

export function cellText(value: unknown, numFmt: string | undefined): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') {
    if (isPercentFormat(numFmt)) {
      const shown = `${excelNumber(value * 100)}%`;
      return { text: shown, format: { kind: 'percent', shown, value: excelNumber(value) } };
    }
    return { text: excelNumber(value) };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    const serial = serialOf(value);
    const shown = excelDate(serial, value);
    return { text: shown, format: { kind: 'date', shown, value: excelNumber(serial) } };
  }
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      formula?: unknown;
      sharedFormula?: unknown;
      result?: unknown;
      text?: unknown;
      error?: string;
    };
    if (Array.isArray(v.richText)) return { text: v.richText.map((t) => t.text).join('') };
    if (v.formula !== undefined || v.sharedFormula !== undefined) {
      if (v.result === undefined || v.result === null) return { text: '', problem: NOT_CALCULATED };
      return cellText(v.result, numFmt);
    }
    if ('result' in v) return cellText(v.result, numFmt);
    if (typeof v.text === 'string') return { text: v.text };
    if (typeof v.error === 'string') return { text: v.error };
  }
  return { text: String(value) };
}

/** A double as Excel shows it: rounded to 15 significant digits, in plain decimal notation. */
export function excelNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** A percent format has a % outside quoted text and not escaped (`0.0%`, not `0"%"` or `0\%`). */
function isPercentFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined) return false;
  return numFmt.replace(/"[^"]*"|\\./g, '').includes('%');
}

const DAY = 86_400_000;

/** Excel's serial day number of a date (1900 date system, as exceljs reads it). */
function serialOf(date: Date): number {
  return date.getTime() / DAY + 25_569;
}

/**
 * The date Excel shows for a serial number. Excel counts a 29 February 1900 that never was (a
 * Lotus 1-2-3 bug kept for compatibility), so below serial 61 its dates run one day ahead of the
 * calendar exceljs uses; scores are small numbers, so this is where they land.
 */
function excelDate(serial: number, date: Date): string {
  const day = Math.floor(serial);
  if (day === 60) return '1900-02-29';
  if (day < 60) return new Date(Date.UTC(1899, 11, 31) + day * DAY).toISOString().slice(0, 10);
  return date.toISOString().slice(0, 10);
}

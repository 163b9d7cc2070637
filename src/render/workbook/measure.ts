import { displayWidth } from '../width.js';
import { type Value } from './writer.js';

/*
 * Column widths and wrapped-row heights come from the display width of every cell. A 10,000-
 * project workbook measures each project's name in four sheets and the same few score texts
 * hundreds of thousands of times, so each distinct text is measured once per workbook, and each
 * number format is parsed once.
 */
export class CellMeasure {
  /** Display width of a text of one line, or of each line of a longer one, by text. */
  private readonly lines = new Map<string, number | number[]>();
  private readonly formats = new Map<string, (value: number) => string>();
  /** Width of a number as shown, by format and number (scores repeat a few dozen values). */
  private readonly numbers = new Map<string, Map<number, number>>();

  /** Width in character cells (CJK count double) of a value as Excel shows it. */
  width(value: Value, numFmt?: string): number {
    if (value === null) return 0;
    if (typeof value === 'number') {
      const key = numFmt ?? 'General';
      let byValue = this.numbers.get(key);
      if (byValue === undefined) this.numbers.set(key, (byValue = new Map()));
      let w = byValue.get(value);
      if (w === undefined) byValue.set(value, (w = this.format(value, key).length));
      return w;
    }
    const lines = this.lineWidths(value);
    if (typeof lines === 'number') return lines;
    // A loop, not Math.max(...lines): a spread call per cell shows at 600,000 cells.
    let widest = 0;
    for (const w of lines) if (w > widest) widest = w;
    return widest;
  }

  /** Lines a wrapped text cell takes in a column `width` characters wide (estimated, like Excel). */
  wrappedLines(value: Value, width: number): number {
    if (value === null || typeof value === 'number') return 1;
    const per = Math.max(1, width - 1);
    const lines = this.lineWidths(value);
    if (typeof lines === 'number') return Math.max(1, Math.ceil(lines / per));
    let n = 0;
    for (const w of lines) n += Math.max(1, Math.ceil(w / per));
    return n;
  }

  /** A number as the format shows it (the formats pcv's sheets use; others as JavaScript does). */
  format(value: number, numFmt = 'General'): string {
    let f = this.formats.get(numFmt);
    if (f === undefined) this.formats.set(numFmt, (f = formatter(numFmt)));
    return f(value);
  }

  private lineWidths(value: Exclude<Value, null | number>): number | number[] {
    const text = typeof value === 'string' ? value : value.richText.map((r) => r.text).join('');
    let widths = this.lines.get(text);
    if (widths === undefined) {
      // Nearly every text is one line: its width alone, not an array of one, per distinct text.
      widths = text.includes('\n')
        ? text.split('\n').map((line) => displayWidth(line))
        : displayWidth(text);
      this.lines.set(text, widths);
    }
    return widths;
  }
}

function formatter(numFmt: string): (value: number) => string {
  // Money: thousands separators, two places (track-columns.ts's MONEY).
  if (numFmt === '#,##0.00')
    return (value) =>
      value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // "0", "0.00", "0.00##": `min` places always shown, up to `max` when not zero.
  const m = /^0(?:\.(0*)(#*))?$/.exec(numFmt);
  if (!m) return String;
  const min = m[1]?.length ?? 0;
  const max = min + (m[2]?.length ?? 0);
  if (max === min) return (value) => value.toFixed(max);
  const trailing = new RegExp(`0{1,${max - min}}$`);
  return (value) => value.toFixed(max).replace(trailing, '').replace(/\.$/, '');
}

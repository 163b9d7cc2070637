import type { Fill, Font, Style } from 'exceljs';

import { type CellSpec } from './writer.js';
import { PLAIN, combine, withFormat } from './shared-style.js';

/* Cell styles and the small builders of cells every sheet uses. */

export const GREY = 'FF808080';
export const solid = (argb: string): Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
});
// Fonts name their face and size: a font entry without them shows in another size elsewhere.
export const font = (extra: Partial<Font> = {}): Partial<Font> => ({
  name: 'Calibri',
  family: 2,
  scheme: 'minor',
  size: 11,
  ...extra,
});

export const STYLE = {
  title: { font: font({ bold: true, size: 14 }), alignment: { vertical: 'middle' } },
  header: {
    font: font({ bold: true }),
    fill: solid('FFDDEBF7'),
    border: { bottom: { style: 'thin' } },
    alignment: { vertical: 'middle', wrapText: true },
  },
  section: { font: font({ bold: true, size: 12 }) },
  key: { font: font({ bold: true }), alignment: { vertical: 'top' } },
  text: { alignment: { wrapText: true } },
  pass: { font: font({ color: { argb: 'FF006100' } }), fill: solid('FFC6EFCE') },
  fail: { font: font({ bold: true, color: { argb: 'FF9C0006' } }), fill: solid('FFFFC7CE') },
  dropped: font({ italic: true, strike: true, color: { argb: GREY } }),
  recused: {
    font: font({ italic: true, color: { argb: GREY } }),
    alignment: { horizontal: 'right' },
  },
  note: {
    font: font({ italic: true, color: { argb: 'FF595959' } }),
    alignment: { wrapText: true },
  },
  aggregate: { font: font({ bold: true }), fill: solid('FFF2F2F2') },
  bold: { font: font({ bold: true }) },
  warn: { font: font({ bold: true, color: { argb: 'FF9C0006' } }), alignment: { wrapText: true } },
} satisfies Record<string, Partial<Style> | Partial<Font>>;

/** A judge's total left out by the trim. */
export const DROPPED_TOTAL: Partial<Style> = { font: STYLE.dropped };
/** A total, struck through when the trim left it out. */
export const totalStyle = (dropped: boolean): Partial<Style> => (dropped ? DROPPED_TOTAL : PLAIN);
/** Pass or fail, with `extra` (say, top alignment) on top; one shared object per combination. */
export const resultStyle = (passed: boolean, extra: Partial<Style> = PLAIN): Partial<Style> =>
  combine(passed ? STYLE.pass : STYLE.fail, extra);

export const fmt = (places: number) => (places === 0 ? '0' : `0.${'0'.repeat(places)}`);
/** At least the final's places, at most `fine`: 33.3333 and 34.00, not 34.0000. */
export const fineFmt = (places: number, fine: number) =>
  `0.${'0'.repeat(places)}${'#'.repeat(fine - places)}`;

/** A text cell; an empty or missing text leaves the cell empty (but styled). */
export const text = (value: string | undefined, style?: Partial<Style>): CellSpec => {
  const v = value === undefined || value === '' ? null : value;
  // Not `...(style ? { style } : {})`: a spread per cell is measurably slow at a million cells.
  return style ? { value: v, style } : { value: v };
};
export const number = (
  value: number,
  numFmt?: string,
  style: Partial<Style> = PLAIN,
): CellSpec => ({
  value,
  style: withFormat(style, numFmt),
});
export const headerRow = (labels: string[]): CellSpec[] => labels.map((l) => text(l, STYLE.header));

export function listIds(ids: string[]): string {
  const shown = ids.slice(0, 50).join(', ');
  return ids.length > 50 ? `${shown}, … (${ids.length})` : shown;
}

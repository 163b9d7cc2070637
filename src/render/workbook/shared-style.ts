import type { Style } from 'exceljs';

/*
 * exceljs finds a cell's style index by serialising the cell's style object to XML, unless it has
 * seen that very object before (a WeakMap in its StylesXform). With a fresh object per cell that
 * is ~1.3 million serialisations for 24 distinct styles in a 10,000-project workbook. So a cell's
 * style is always one of a few shared objects: the constants in style.ts, and combinations of
 * them made once here and handed out again. Shared objects must never be mutated.
 */

type CellStyle = Partial<Style>;

/** The style of a cell without one (what exceljs gives a new cell, as one shared object). */
export const PLAIN: CellStyle = {};

const combined = new WeakMap<CellStyle, WeakMap<CellStyle, CellStyle>>();
const formatted = new WeakMap<CellStyle, Map<string, CellStyle>>();

/** `{ ...base, ...over }`, the same object for the same two styles. */
export function combine(base: CellStyle, over: CellStyle): CellStyle {
  let byOver = combined.get(base);
  if (byOver === undefined) combined.set(base, (byOver = new WeakMap()));
  let style = byOver.get(over);
  if (style === undefined) byOver.set(over, (style = { ...base, ...over }));
  return style;
}

/** `{ ...style, numFmt }`, the same object for the same style and format. */
export function withFormat(style: CellStyle, numFmt: string | undefined): CellStyle {
  if (numFmt === undefined) return style;
  let byFormat = formatted.get(style);
  if (byFormat === undefined) formatted.set(style, (byFormat = new Map()));
  let out = byFormat.get(numFmt);
  if (out === undefined) byFormat.set(numFmt, (out = { ...style, numFmt }));
  return out;
}

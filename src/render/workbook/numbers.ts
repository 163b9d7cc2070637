import { D, toNumber, type Dec } from '../../core/decimal.js';

/*
 * Decimals to the numbers a cell holds. Scores and totals are shared objects in the results (one
 * per distinct value: a 10,000-project review has 50,000 totals but a few thousand values), and a
 * workbook shows each several times, so each is converted once per number of places, by object.
 */

const exactOf = new WeakMap<Dec, number>();
const roundedOf = new Map<number, WeakMap<Dec, number>>();

/** A decimal already at its places (a score, a final) as a number. */
export function exact(value: Dec): number {
  let n = exactOf.get(value);
  if (n === undefined) exactOf.set(value, (n = toNumber(value)));
  return n;
}

/** A decimal rounded half-up to `places`, as a number. */
export function round(value: Dec, places: number): number {
  let byValue = roundedOf.get(places);
  if (byValue === undefined) roundedOf.set(places, (byValue = new WeakMap()));
  let n = byValue.get(value);
  // Half-up like roundHalfUp, but straight to the text a number is read from, without the rounded
  // decimal in between. toFixed keeps the sign of a negative that rounds to zero ("-0.00") and
  // roundHalfUp does not: `+ 0` makes -0 a plain 0.
  if (n === undefined) byValue.set(value, (n = Number(value.toFixed(places, D.ROUND_HALF_UP)) + 0));
  return n;
}

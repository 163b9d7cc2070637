import { Decimal } from 'decimal.js';

/**
 * Exact decimal arithmetic for scores. 40 significant digits keep quotients such as 1/3 far below
 * any rounding position a rubric can ask for (at most 6 decimals).
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export function dec(value: number | string): Dec {
  // String(number) gives the shortest text that reads back as the same number (0.1, not 0.1000…01).
  return new D(typeof value === 'number' ? String(value) : value);
}

/** Half-up rounding to `places`, the way results are announced (59.995 -> 60.00). */
export function roundHalfUp(value: Dec, places: number): Dec {
  return value.toDecimalPlaces(places, D.ROUND_HALF_UP);
}

/** A JSON-safe number for a decimal already rounded to a few places. */
export function toNumber(value: Dec): number {
  return Number(value.toString());
}

export function sum(values: readonly Dec[]): Dec {
  return values.reduce((acc, v) => acc.plus(v), new D(0));
}

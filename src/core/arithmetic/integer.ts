import { D, dec, type Dec } from '../decimal.js';

/**
 * Exact arithmetic on scores as integers, for the common case where every number involved fits in
 * a double's 53-bit integer range (where integer arithmetic on doubles is exact).
 *
 * A score is a plain decimal with few places, so it is an integer count of 10^-places ("units":
 * 17.5 at 1 place is 175). A judge's total, 100 * sum(weight * score / max) / sum(weight), is then
 * sum(coef[c] * units[c]) / den with integer coefficients and one denominator for the whole rubric,
 * so every total is an integer numerator over the same `den`, and a mean of totals is a sum of
 * numerators over `den * count`. Nothing is rounded until the final half-up rounding, which is
 * done on the integers; decimal.js is needed only to present a value as a `Dec`.
 *
 * Every function here assumes its inputs are safe integers (|n| <= 2^53 - 1); the caller checks
 * the bounds once (see `fitsScaled` in compute.ts) and otherwise falls back to decimal.js.
 */

const SAFE = Number.MAX_SAFE_INTEGER;

/** A decimal as an integer count of 10^-places (17.5 -> 175 at 1 place), if that is a safe integer. */
export function decimalUnits(value: Dec): { units: number; places: number } | undefined {
  const places = value.decimalPlaces();
  if (places > 22) return undefined;
  const digits = value.toFixed(places).replace('.', '');
  const big = BigInt(digits);
  if (big > BigInt(SAFE) || -big > BigInt(SAFE)) return undefined;
  return { units: Number(big), places };
}

/** `units` at `from` places, counted at `to` (>= from) places; undefined when not a safe integer. */
export function rescale(units: number, from: number, to: number): number | undefined {
  const n = units * 10 ** (to - from);
  return to - from <= 22 && Number.isSafeInteger(n) ? n : undefined;
}

/**
 * num / den rounded half-up (away from zero on a tie, as decimal.js ROUND_HALF_UP) to `places`
 * decimals, as an integer count of 10^-places: (1995, 20, 2) -> 9975 for 99.75. den > 0.
 */
export function roundRatio(num: number, den: number, places: number): number {
  if (num < 0) return -roundRatio(-num, den, places);
  // floor((num * 10^places + den / 2) / den) = floor((2 num 10^places + den) / (2 den))
  const a = 2 * num * 10 ** places + den;
  const b = 2 * den;
  if (a + b <= SAFE) {
    // The quotient of two doubles is correctly rounded, so its floor is off by at most one.
    let q = Math.floor(a / b);
    if (q * b > a) q--;
    else if ((q + 1) * b <= a) q++;
    return q;
  }
  const q = (2n * BigInt(num) * 10n ** BigInt(places) + BigInt(den)) / (2n * BigInt(den));
  return Number(q);
}

/** An integer count of 10^-places as the JSON number it stands for (9975, 2 -> 99.75). */
export function unitsToNumber(units: number, places: number): number {
  // One correctly rounded division: the same double as Number("99.75"). `+ 0` turns a -0 (a
  // what-if final rounded up to zero from below, possible once offsets are taken off) into the
  // 0 that decimal.js gives, so both back-ends hand out the same number.
  return units / 10 ** places + 0;
}

/** An integer count of 10^-places as fixed-point text (9975, 2 -> "99.75"; 5, 2 -> "0.05"). */
export function unitsToFixed(units: number, places: number): string {
  const sign = units < 0 ? '-' : '';
  const digits = String(Math.abs(units)).padStart(places + 1, '0');
  if (places === 0) return sign + digits;
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** num / den as a decimal.js value (40 significant digits, as every quotient in pcv). */
export function ratioDec(num: number, den: number): Dec {
  return den === 1 ? new D(num) : new D(num).dividedBy(den);
}

/**
 * ratioDec() remembering each quotient it has made, for a caller that makes many: a review's
 * judge totals, criterion aggregates and finals repeat (sums of half points over a few dozen
 * judges), so a 10,000-project review needs a few thousand distinct quotients, not 70,000
 * objects. decimal.js values are immutable, so sharing one is safe.
 */
export function ratioDecs(): (num: number, den: number) => Dec {
  const byDen = new Map<number, Map<number, Dec>>();
  return (num, den) => {
    let byNum = byDen.get(den);
    if (byNum === undefined) byDen.set(den, (byNum = new Map()));
    let d = byNum.get(num);
    if (d === undefined) byNum.set(num, (d = ratioDec(num, den)));
    return d;
  };
}

/** The smallest integer count of 10^-places that is >= value: passing means final >= this. */
export function ceilUnits(value: number, places: number): number {
  return dec(value).times(new D(10).pow(places)).ceil().toNumber();
}

/** How a rubric turns score units into totals: total = sum(coef[c] * units[c]) / den. */
export interface ScoreScale {
  /** Scores are counted in units of 10^-places. */
  places: number;
  /** One per criterion, in rubric order. */
  coef: number[];
  den: number;
}

/**
 * The integer form of judgeTotal() for scores counted at `places`: coef[c] / den equals
 * 100 * weight[c] / (max[c] * sum(weight) * 10^places) exactly. Undefined when a coefficient or
 * the denominator is not a safe integer (absurd weights or maxima).
 */
export function scoreScale(
  criteria: readonly { max: number; weight: number }[],
  places: number,
): ScoreScale | undefined {
  const fraction = (x: number): [bigint, bigint] => {
    const [n, d] = dec(x).toFraction() as [Dec, Dec];
    return [BigInt(n.toFixed()), BigInt(d.toFixed())];
  };
  // sum(weight) as a fraction wn / wd.
  let wn = 0n;
  let wd = 1n;
  for (const c of criteria) {
    const [n, d] = fraction(c.weight);
    wn = wn * d + n * wd;
    wd *= d;
  }
  const parts = criteria.map((c) => {
    const [w, wDen] = fraction(c.weight);
    const [m, mDen] = fraction(c.max);
    // 100 * (w / wDen) / ((m / mDen) * (wn / wd) * 10^places)
    const num = 100n * w * mDen * wd;
    const den = wDen * m * wn * 10n ** BigInt(places);
    const g = gcd(num, den);
    return [num / g, den / g] as const;
  });
  const den = parts.reduce((l, [, d]) => (l / gcd(l, d)) * d, 1n);
  const coef = parts.map(([n, d]) => n * (den / d));
  const safe = (x: bigint) => x <= BigInt(SAFE);
  if (!safe(den) || !coef.every(safe)) return undefined;
  return { places, coef: coef.map(Number), den: Number(den) };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

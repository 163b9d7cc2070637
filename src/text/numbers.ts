import { dec, roundHalfUp } from '../core/decimal.js';

/**
 * Numbers as the reports print them, the same in both languages: the catalogs put them into
 * sentences, the renderers into cells.
 */

/** Half-up to `places`, as text. Statistics are binary floats; they print like every number. */
export function fixed(x: number, places = 2): string {
  const text = roundHalfUp(dec(x), places).toFixed(places);
  // -0.001 rounds to "-0.00": a sign on zero only confuses.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** With an explicit sign: +6.54, -5.90, 0.00. */
export function signed(x: number, places = 2): string {
  const text = fixed(x, places);
  return Number(text) > 0 ? `+${text}` : text;
}

/** "p < 0.001" or "p = 0.023": a tiny p-value is not worth its digits. */
export function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${fixed(p, 3)}`;
}

/** A plain number as a person writes it: 60, 62.5 (never 6e1 or 62.50000001). */
export function formatNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

// Made on first use: the first Intl formatter in a thread costs ~15-20 ms of ICU start-up, paid
// by every tally and in the PDF worker when made as this module loads, though only rounds with
// money print yuan.
let whole: Intl.NumberFormat | undefined;
let cents: Intl.NumberFormat | undefined;

/** Yuan with thousands separators, as money is written: 298,000 or 12,000.50 (never 12,000.5). */
export function formatYuan(n: number): string {
  if (Number.isInteger(n)) {
    return (whole ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })).format(n);
  }
  cents ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return cents.format(n);
}

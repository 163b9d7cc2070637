import { dec, type Dec } from '../decimal.js';
import type { Aggregate } from '../rubric.js';
import { ceilUnits } from './integer.js';
import type { Method } from './types.js';

/*
 * The rules of a decision, each written once and used by both back-ends: which sorted values an
 * aggregate keeps (the median and the trim rule), and when a final passes.
 */

/** A judge's total further than this from the project's median total (0-100 scale) is an outlier. */
export const OUTLIER_LIMIT = 15;
/** Outliers are looked for only among at least this many judges: with two, neither is "the" odd one. */
export const OUTLIER_MIN_JUDGES = 3;

/** Sorted positions [from, to) that an aggregate of n values averages. */
export interface Kept {
  from: number;
  to: number;
  /** A trimmed mean of too few values (n <= 2 * trim): the plain mean of all of them is taken. */
  fellBack: boolean;
}

/**
 * The values an aggregate keeps, by position in ascending order: the median keeps the middle one
 * or two (and averages them), the trimmed mean drops `trim` at each end unless that leaves
 * nothing, the mean keeps all.
 */
export function kept(n: number, method: Aggregate, trim: number): Kept {
  if (method === 'median')
    return { from: Math.floor((n - 1) / 2), to: Math.floor(n / 2) + 1, fellBack: false };
  if (method === 'mean') return { from: 0, to: n, fellBack: false };
  if (n <= 2 * trim) return { from: 0, to: n, fellBack: true };
  return { from: trim, to: n - trim, fellBack: false };
}

/**
 * The pass test: a final, rounded to the rubric's decimals, at or above the threshold. `units`
 * is the same test on finals counted in 10^-decimals: such a final is an integer, so it is at or
 * above the threshold exactly when it is at or above the threshold's ceiling in those units.
 */
export interface PassRule {
  passes: (final: Dec) => boolean;
  units: number;
  passesUnits: (finalUnits: number) => boolean;
}

export function passRule(threshold: number, decimals: number): PassRule {
  const mark = dec(threshold);
  const units = ceilUnits(threshold, decimals);
  return {
    passes: (final) => final.greaterThanOrEqualTo(mark),
    units,
    passesUnits: (finalUnits) => finalUnits >= units,
  };
}

/**
 * The trim boundary moved by one judge, on each side in turn. At the top, the innermost trimmed
 * total (the trim-th highest) is kept and the next one down, the highest kept total, is trimmed
 * instead; at the bottom likewise. With trim 1: "had the second-highest total been dropped
 * instead of the highest". Ties are ordered as the trimmed mean orders them (by value, then judge
 * order), and a swap of two equal totals is skipped since it changes nothing. Given n totals and
 * the trim t, these are the pairs [sorted position kept instead, sorted position trimmed instead].
 */
export function trimSwaps(n: number, t: number): [number, number][] {
  return [
    [t - 1, t],
    [n - t, n - t - 1],
  ];
}

/** Whether the trim boundary can move for a project: a trimmed mean that trimmed something. */
export const shifting = (method: Method, p: { fellBack: boolean }) =>
  method.aggregate === 'trimmed-mean' && method.trim > 0 && !p.fellBack;

import { D, sum, type Dec } from '../decimal.js';
import type { Aggregate } from '../rubric.js';
import { kept } from './rules.js';

export interface Aggregated {
  value: Dec;
  /** Indexes (into the input) of the values trimmed away. */
  dropped: number[];
  /** True when there were too few values to trim and the plain mean was used. */
  fellBack: boolean;
}

/**
 * Combines the judges' values for one project. Values are exact decimals; nothing is rounded here.
 * Trimming drops the `trim` lowest and `trim` highest; equal values are dropped in input order so
 * the same sheets always mark the same judges.
 */
export function aggregate(values: readonly Dec[], method: Aggregate, trim: number): Aggregated {
  if (values.length === 0) throw new Error('aggregate() needs at least one value');
  const mean = (xs: readonly Dec[]) => sum(xs).dividedBy(xs.length);
  if (method === 'mean') return { value: mean(values), dropped: [], fellBack: false };

  const { from, to, fellBack } = kept(values.length, method, trim);
  if (fellBack) return { value: mean(values), dropped: [], fellBack };
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v.comparedTo(b.v) || a.i - b.i);
  const value = mean(order.slice(from, to).map((x) => x.v));
  // The median keeps the middle values but drops nobody: only trimming marks judges.
  if (method === 'median') return { value, dropped: [], fellBack };
  const dropped = [...order.slice(0, from), ...order.slice(to)].map((x) => x.i);
  return { value, dropped: dropped.sort((a, b) => a - b), fellBack };
}

/** A judge's total on a 0-100 scale: 100 * sum(weight * score / max) / sum(weight). */
export function judgeTotal(
  scores: ReadonlyMap<string, Dec>,
  criteria: readonly { id: string; max: number; weight: number }[],
): Dec {
  let weighted = new D(0);
  let weights = new D(0);
  for (const c of criteria) {
    const s = scores.get(c.id);
    if (s === undefined) throw new Error(`judgeTotal(): no score for ${c.id}`);
    weighted = weighted.plus(s.times(c.weight).dividedBy(c.max));
    weights = weights.plus(c.weight);
  }
  return weighted.times(100).dividedBy(weights);
}

import { D, sum, type Dec } from './decimal.js';
import type { Aggregate } from './rubric.js';

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

  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v.comparedTo(b.v) || a.i - b.i);
  if (method === 'median') {
    const mid = Math.floor(order.length / 2);
    const upper = order[mid]!.v;
    const value = order.length % 2 === 1 ? upper : order[mid - 1]!.v.plus(upper).dividedBy(2);
    return { value, dropped: [], fellBack: false };
  }
  if (values.length <= 2 * trim) return { value: mean(values), dropped: [], fellBack: true };
  const kept = order.slice(trim, order.length - trim).map((x) => x.v);
  const dropped = [...order.slice(0, trim), ...order.slice(order.length - trim)].map((x) => x.i);
  return { value: mean(kept), dropped: dropped.sort((a, b) => a - b), fellBack: false };
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

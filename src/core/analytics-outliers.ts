import type { Flag } from './analytics.js';
import { toNumber, type Dec } from './decimal.js';

/** A judge present for a project, with their total (what the flags name). */
export interface Scored {
  judge: string;
  total: Dec;
}

/** The outlier flags of one project: totals at the positions the arithmetic found far from the median. */
export function outlierFlags(
  scored: readonly Scored[],
  outliers: readonly number[],
  med: Dec,
  number: (d: Dec) => number,
): Flag[] {
  const flags: Flag[] = [];
  for (const k of outliers) {
    const s = scored[k]!;
    flags.push({
      type: 'outlier',
      judge: s.judge,
      total: number(s.total),
      deviation: toNumber(s.total.minus(med)),
      median: med,
    });
  }

  return flags;
}

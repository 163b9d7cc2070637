import { OUTLIER_LIMIT } from './arithmetic/rules.js';
import type { Flag } from './analytics.js';
import type { JudgeScore } from './compute.js';
import { toNumber, type Dec } from './decimal.js';
import { text } from './text.js';

/** A judge present for a project, with their score. */
export interface Scored {
  judge: string;
  score: JudgeScore & { recused: false };
}

/** The outlier flags of one project: totals at the positions the arithmetic found far from the median. */
export function outlierFlags(
  scored: readonly Scored[],
  outliers: readonly number[],
  med: Dec,
  fmtTotal: (d: Dec) => string,
  number: (d: Dec) => number,
): Flag[] {
  const flags: Flag[] = [];
  for (const k of outliers) {
    const s = scored[k]!;
    const deviation = s.score.total.minus(med);
    flags.push({
      type: 'outlier',
      judge: s.judge,
      message: text`${s.judge}'s total ${fmtTotal(s.score.total)} is ${fmtTotal(deviation.abs())} points ${
        deviation.isPositive() ? 'above' : 'below'
      } the median ${fmtTotal(med)} (limit ${OUTLIER_LIMIT})`,
      total: number(s.score.total),
      deviation: toNumber(deviation),
    });
  }

  return flags;
}

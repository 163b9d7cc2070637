import type { Computed } from './compute.js';
import { toNumber, type Dec } from './decimal.js';
import type { JudgeStat } from './analytics.js';
import { mean, sampleSd } from './stats.js';

/** Each judge's profile: how many projects they scored and recused from, their mean and spread, their leniency (from the arithmetic's exact facts) and how often the trim dropped them. */
export function judgeProfiles(
  computed: Computed,
  leniency: readonly (number | null)[],
  number: (d: Dec) => number,
): JudgeStat[] {
  return computed.judges.map(({ id: judge }, j) => {
    const totals: number[] = [];
    let recused = 0;
    let trimmed = 0;
    for (const p of computed.projects) {
      const s = p.scores.get(judge);
      if (s === undefined) continue;
      if (s.recused) {
        recused++;
        continue;
      }
      totals.push(number(s.total));
      if (s.dropped) trimmed++;
    }
    return {
      judge,
      scored: totals.length,
      recused,
      mean: totals.length > 0 ? mean(totals) : null,
      sd: sampleSd(totals),
      leniency: leniency[j]!,
      trimmed,
      ...(computed.offsets ? { offset: toNumber(computed.offsets.get(judge)!) } : {}),
    };
  });
}

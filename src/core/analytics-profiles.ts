import type { Computed } from './compute.js';
import { toNumber, type Dec } from './decimal.js';
import type { JudgeStat } from './analytics.js';
import { eachScore } from './project-scores.js';
import { mean, sampleSd } from './stats.js';

/** Each judge's profile: how many projects they scored and recused from, their mean and spread, their leniency (from the arithmetic's exact facts) and how often the trim dropped them. */
export function judgeProfiles(
  computed: Computed,
  leniency: readonly (number | null)[],
  number: (d: Dec) => number,
): JudgeStat[] {
  // One pass over the projects (not one per judge): a province-wide review has 250,000 scores.
  // Each judge's totals stay in project order, so the sums are the same numbers.
  const at = new Map(computed.judges.map(({ id }, j) => [id, j]));
  const totals = computed.judges.map((): number[] => []);
  const recused = new Array<number>(computed.judges.length).fill(0);
  const trimmed = new Array<number>(computed.judges.length).fill(0);
  const add = (judge: string, total: Dec | undefined, dropped: boolean) => {
    const j = at.get(judge)!;
    if (total === undefined) {
      recused[j]!++;
      return;
    }
    totals[j]!.push(number(total));
    if (dropped) trimmed[j]!++;
  };
  for (const p of computed.projects) {
    // Computed results are read row by row, without a JudgeScore made for each.
    eachScore(p.scores, add);
  }
  return computed.judges.map(({ id: judge }, j) => {
    const own = totals[j]!;
    return {
      judge,
      scored: own.length,
      recused: recused[j]!,
      mean: own.length > 0 ? mean(own) : null,
      sd: sampleSd(own),
      leniency: leniency[j]!,
      trimmed: trimmed[j]!,
      ...(computed.offsets ? { offset: toNumber(computed.offsets.get(judge)!) } : {}),
    };
  });
}

import type { Alternative, Flag } from './analytics.js';
import { unitsToFixed, unitsToNumber } from './arithmetic/integer.js';
import type { Facts } from './arithmetic/types.js';
import type { Method, ProjectResult } from './compute.js';
import type { Dec } from './decimal.js';
import type { Scored } from './analytics-outliers.js';
import { text } from './text.js';

export interface RobustnessContext {
  method: Method;
  judgeIds: readonly string[];
  /** Projects in the review: the facts hold one value per judge and project. */
  P: number;
  /** Rank moves larger than this are flagged. */
  rankMove: number;
  fmtTotal: (d: Dec) => string;
  fmtFinal: (d: Dec) => string;
}

/**
 * Project i's robustness: its outcome with each judge left out, and with the trim boundary moved
 * by one judge; a flag wherever the pass/fail changes or the rank moves too far.
 */
export function robustness(
  p: ProjectResult,
  i: number,
  scored: readonly Scored[],
  facts: Facts,
  { method, judgeIds, P, rankMove, fmtTotal, fmtFinal }: RobustnessContext,
): { flags: Flag[]; leaveOneOut: Alternative[] } {
  const fmtUnits = (units: number) => unitsToFixed(units, method.decimals);
  const flags: Flag[] = [];
  const verdict = (passed: boolean) => (passed ? 'passes' : 'fails');
  const leaveOneOut: Alternative[] = judgeIds.map((judge, j) => {
    const units = facts.without.final[j * P + i]!;
    if (Number.isNaN(units)) return { judge, final: null, passed: null, rank: null };
    const final = unitsToNumber(units, method.decimals);
    const passed = facts.without.passed[j * P + i] === 1;
    const rank = facts.without.rank[j * P + i]!;
    if (passed !== p.passed) {
      flags.push({
        type: 'pass-hinges-on-judge',
        judge,
        message: text`${verdict(p.passed)} with ${fmtFinal(p.final)}; without ${judge}'s scores it would ${
          passed ? 'pass' : 'fail'
        } with ${fmtUnits(units)}`,
        final,
        passed,
        rank,
      });
    }
    if (Math.abs(rank - p.rank) > rankMove) {
      flags.push({
        type: 'rank-hinges-on-judge',
        judge,
        message: text`ranked ${p.rank}; without ${judge}'s scores it would rank ${rank} (final ${fmtUnits(units)})`,
        final,
        passed,
        rank,
      });
    }
    return { judge, final, passed, rank };
  });

  for (const shift of facts.shifts[i]!) {
    const kept = scored[shift.keep]!;
    const dropped = scored[shift.drop]!;
    const keptValue = kept.score.normalizedTotal ?? kept.score.total;
    const droppedValue = dropped.score.normalizedTotal ?? dropped.score.total;
    const kind = { none: 'total', zscore: 'normalised total', offset: 'adjusted total' }[
      method.normalize
    ];
    const what = `had ${dropped.judge}'s ${kind} ${fmtTotal(droppedValue)} been trimmed instead of ${kept.judge}'s ${fmtTotal(keptValue)}`;
    const final = unitsToNumber(shift.final, method.decimals);
    const { passed, rank } = shift;
    if (passed !== p.passed) {
      flags.push({
        type: 'pass-hinges-on-trim',
        judge: kept.judge,
        instead: dropped.judge,
        message: text`${p.passed ? 'passes' : 'fails'} with ${fmtFinal(p.final)}; ${what}, it would ${
          passed ? 'pass' : 'fail'
        } with ${fmtUnits(shift.final)}`,
        final,
        passed,
        rank,
      });
    }
    if (Math.abs(rank - p.rank) > rankMove) {
      flags.push({
        type: 'rank-hinges-on-trim',
        judge: kept.judge,
        instead: dropped.judge,
        message: text`ranked ${p.rank}; ${what}, it would rank ${rank} (final ${fmtUnits(shift.final)})`,
        final,
        passed,
        rank,
      });
    }
  }

  return { flags, leaveOneOut };
}

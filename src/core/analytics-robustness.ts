import type { Alternative, Flag } from './analytics.js';
import { unitsToNumber } from './arithmetic/integer.js';
import type { Facts } from './arithmetic/types.js';
import type { Method, ProjectResult } from './compute.js';
import type { Scored } from './analytics-outliers.js';
import type { TrackWhatIf, TrackWhatIfs } from './track-whatifs.js';

export interface RobustnessContext {
  method: Method;
  judgeIds: readonly string[];
  /** Projects in the review: the facts hold one value per judge and project. */
  P: number;
  /** Rank moves larger than this are flagged. */
  rankMove: number;
  /** With tracks: the what-if decisions by each project's track rule (core/track-whatifs.ts). */
  tracks?: TrackWhatIfs | undefined;
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
  { method, judgeIds, P, rankMove, tracks }: RobustnessContext,
): { flags: Flag[]; leaveOneOut: () => Alternative[] } {
  const flags: Flag[] = [];
  // With a quota the track rank decides, so rank moves are measured in track ranks.
  const track = tracks?.track(i);
  const quota = track?.quota;
  const own =
    quota === undefined
      ? { rank: p.rank, limit: rankMove }
      : { rank: track!.trackRank, limit: track!.rankMove };
  const moved = (rank: number, whatIf: TrackWhatIf | undefined) => {
    const r = quota === undefined ? rank : whatIf!.trackRank;
    return Math.abs(r - own.rank) > own.limit;
  };
  // A track's own bar, and with a quota the track rank, say why a what-if passes or fails.
  const inTrack = (whatIf: TrackWhatIf | undefined) =>
    track === undefined
      ? {}
      : {
          track: {
            id: track.id,
            threshold: track.threshold,
            ...(quota !== undefined ? { quota } : {}),
            from: track.trackRank,
            to: whatIf!.trackRank,
          },
        };
  /**
   * The pass and rank flags of one what-if (a judge left out, or the trim shifted): `who` says
   * whose scores it was about. The flags are values; src/text/flags.ts words them.
   */
  const flagWhatIf = (
    kind: 'judge' | 'trim',
    who: { judge: string; instead?: string },
    whatIf: TrackWhatIf | undefined,
    alt: { final: number; passed: boolean; rank: number },
  ) => {
    if (alt.passed !== p.passed)
      flags.push({ type: `pass-hinges-on-${kind}`, ...who, ...alt, ...inTrack(whatIf) });
    if (moved(alt.rank, whatIf))
      flags.push({ type: `rank-hinges-on-${kind}`, ...who, ...alt, ...inTrack(whatIf) });
  };
  const loo = { facts, tracks, P, i, decimals: method.decimals };
  judgeIds.forEach((judge, j) => {
    const w = without(loo, j);
    if (w !== undefined) flagWhatIf('judge', { judge }, w.whatIf, w.alt);
  });

  for (const shift of facts.shifts[i]!) {
    const kept = scored[shift.keep]!;
    const dropped = scored[shift.drop]!;
    const whatIf = tracks?.shift(i, shift);
    flagWhatIf('trim', { judge: kept.judge, instead: dropped.judge }, whatIf, {
      final: unitsToNumber(shift.final, method.decimals),
      passed: whatIf?.passed ?? shift.passed,
      rank: shift.rank,
    });
  }

  return { flags, leaveOneOut: leaveOneOut(loo, judgeIds) };
}

interface LeaveOneOut {
  facts: Facts;
  tracks: TrackWhatIfs | undefined;
  P: number;
  i: number;
  decimals: number;
}

/** Project i's outcome without judge j, from the typed facts; undefined when nobody else scored it. */
function without({ facts, tracks, P, i, decimals }: LeaveOneOut, j: number) {
  const units = facts.without.final[j * P + i]!;
  if (Number.isNaN(units)) return undefined;
  const whatIf = tracks?.without(j, i);
  const alt = {
    final: unitsToNumber(units, decimals),
    passed: whatIf?.passed ?? facts.without.passed[j * P + i] === 1,
    rank: facts.without.rank[j * P + i]!,
  };
  return { whatIf, alt };
}

/**
 * Every judge's what-if for every project (250,000 in a province-wide review) is read by no
 * report: made from the typed facts when asked for, not held. Made here, outside robustness(),
 * so that the function holds only the facts, not the project's scores and formatters.
 */
function leaveOneOut(loo: LeaveOneOut, judgeIds: readonly string[]): () => Alternative[] {
  return () =>
    judgeIds.map((judge, j) => {
      const w = without(loo, j);
      return w === undefined
        ? { judge, final: null, passed: null, rank: null }
        : { judge, ...w.alt };
    });
}

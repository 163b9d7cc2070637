import { passRule, type PassRule } from './arithmetic/rules.js';
import type { Facts, Method, Shift } from './arithmetic/types.js';
import type { ProjectResult } from './compute.js';
import type { TrackRubric } from './tracks-schema.js';
import { admits } from './tracks.js';

/** A what-if decision by a project's track: pass/fail and the rank within its track. */
export interface TrackWhatIf {
  passed: boolean;
  trackRank: number;
}

export interface ProjectTrackInfo {
  id: string;
  threshold: number;
  quota: number | undefined;
  /** The project's actual rank within its track. */
  trackRank: number;
  /** Track-rank moves larger than this are flagged (the limit for a review of the track's size). */
  rankMove: number;
}

export interface TrackWhatIfs {
  track(i: number): ProjectTrackInfo;
  /** Project i re-decided without judge j (its final must not be NaN). */
  without(j: number, i: number): TrackWhatIf;
  /** Project i re-decided with the trim boundary shifted. */
  shift(i: number, shift: Shift): TrackWhatIf;
}

/** How many of the ascending `sorted` are below x (a binary search). */
function below(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The robustness checks' what-if decisions re-decided by each project's track (CONTRACT.md,
 * "Tracks, quotas and funding"), as applyTracks() decides the real ones: the track's threshold
 * (passRule) and, with a quota, the what-if track rank against it (admits()). Track ranks come
 * from the what-if overall ranks as placeInTracks() derives them: one more than the track's
 * projects with a smaller rank. Undefined without tracks. `projects` are in the facts' order.
 */
export function trackWhatIfs(
  rubric: Method & TrackRubric,
  projects: readonly ProjectResult[],
  facts: Facts,
  judges: number,
  rankMoveLimit: (projects: number) => number,
): TrackWhatIfs | undefined {
  const tracks = rubric.tracks;
  if (tracks === undefined) return undefined;
  const P = projects.length;
  const indexOf = new Map<string, number>();
  tracks.forEach((t, k) => t.categories.forEach((c) => indexOf.set(c, k)));
  const trackOf = Int32Array.from(projects, (p) => indexOf.get(p.category ?? '') ?? -1);
  const rules: PassRule[] = tracks.map((t) =>
    passRule(t.threshold ?? rubric.threshold, rubric.decimals),
  );
  const membersOf = tracks.map((_, k) =>
    projects.flatMap((_p, i) => (trackOf[i] === k ? [i] : [])),
  );
  const sortedRanks = (rankOf: (i: number) => number | undefined) =>
    membersOf.map((members) => {
      const ranks: number[] = [];
      for (const i of members) {
        const r = rankOf(i);
        if (r !== undefined) ranks.push(r);
      }
      return Int32Array.from(ranks).sort();
    });
  const actual = sortedRanks((i) => projects[i]!.rank);
  const info = projects.map((p, i): ProjectTrackInfo => {
    const k = trackOf[i]!;
    const t = tracks[k]!;
    return {
      id: t.id,
      threshold: t.threshold ?? rubric.threshold,
      quota: t.quota,
      trackRank: below(actual[k]!, p.rank) + 1,
      rankMove: rankMoveLimit(membersOf[k]!.length),
    };
  });
  const decide = (i: number, final: number, trackRank: number, tied: number): TrackWhatIf => {
    const k = trackOf[i]!;
    const passed =
      rules[k]!.passesUnits(final) && admits(tracks[k]!.quota, rubric.quotaTies, trackRank, tied);
    return { passed, trackRank };
  };

  // Leave-one-out: each judge's whole review ranked anew; a project nobody else scored drops out.
  const withoutSorted = Array.from({ length: judges }, (_, j) =>
    sortedRanks((i) =>
      Number.isNaN(facts.without.final[j * P + i]) ? undefined : facts.without.rank[j * P + i],
    ),
  );

  return {
    track: (i) => info[i]!,
    without(j, i) {
      const sorted = withoutSorted[j]![trackOf[i]!]!;
      const rank = facts.without.rank[j * P + i]!;
      const ahead = below(sorted, rank);
      return decide(i, facts.without.final[j * P + i]!, ahead + 1, below(sorted, rank + 1) - ahead);
    },
    shift(i, s) {
      // The shifted project against the others' actual ranks. An other project q is strictly
      // ahead of the shifted keys exactly when its rank among the others (its rank, less one if
      // this project's actual keys were ahead of it) is below the shifted rank R; the others
      // tied with the shifted keys, if any (s.tied), are those whose rank among the others is R.
      const sorted = actual[trackOf[i]!]!;
      const r = projects[i]!.rank;
      const R = s.rank;
      const count = (from: number, to: number) => below(sorted, to) - below(sorted, from);
      const ahead = R > r ? below(sorted, R + 1) - 1 : below(sorted, R);
      let tied = 0;
      if (s.tied) {
        if (R > r) tied = count(R + 1, R + 2);
        else tied = count(R, R + 1) - (r === R ? 1 : 0) + (r === R ? count(R + 1, R + 2) : 0);
      }
      return decide(i, s.final, ahead + 1, tied + 1);
    },
  };
}

import { passRule } from './arithmetic/rules.js';
import type { Dec } from './decimal.js';
import type { TrackRubric } from './tracks-schema.js';

/** Why a project did not pass: below its threshold, or above it but cut by its track's quota. */
export type Reason = 'threshold' | 'quota' | null;

/** What placing needs of a decided project: its rounded final and its rank over the review. */
export interface Ranked {
  id: string;
  category?: string | undefined;
  final: Dec;
  rank: number;
}

export interface Place {
  track: string | null;
  trackRank: number | null;
  passed: boolean;
  reason: Reason;
}

/** Projects tied on one track rank across the quota line. */
export interface Straddle {
  track: string;
  quota: number;
  rank: number;
  ids: string[];
  passed: boolean;
}

export interface Placing {
  places: Map<string, Place>;
  straddles: Straddle[];
}

/**
 * The quota rule, written once: whether `tied` projects sharing `trackRank` are within a track's
 * quota (always, without one). A group entirely inside passes; one straddling the line (the first
 * of them inside, the last outside) passes whole under quotaTies: include and not at all under
 * exclude; one entirely outside does not.
 */
export function admits(
  quota: number | undefined,
  quotaTies: 'include' | 'exclude' | undefined,
  trackRank: number,
  tied: number,
): boolean {
  if (quota === undefined || trackRank + tied - 1 <= quota) return true;
  return trackRank <= quota && (quotaTies ?? 'include') === 'include';
}

/**
 * Pass/fail within tracks (CONTRACT.md, "Tracks, quotas and funding"). Each project's track comes
 * from its category (already checked to be in exactly one track). Track ranks are derived from the
 * overall competition ranks, which were decided on the rounded final and the tie-break keys: a
 * project's rank within its track is one more than the number of its track's projects strictly
 * ahead of it, and "strictly ahead" is exactly "a smaller overall rank". So ties and tie-breaks
 * are the review's own, decided once.
 */
export function placeInTracks(
  projects: readonly Ranked[],
  rubric: TrackRubric & { threshold: number; decimals: number },
): Placing {
  const places = new Map<string, Place>();
  const straddles: Straddle[] = [];
  const above = (p: Ranked, threshold: number) =>
    passRule(threshold, rubric.decimals).passes(p.final);
  if (rubric.tracks === undefined) {
    for (const p of projects) {
      const passed = above(p, rubric.threshold);
      places.set(p.id, {
        track: null,
        trackRank: null,
        passed,
        reason: passed ? null : 'threshold',
      });
    }
    return { places, straddles };
  }
  const trackOf = new Map<string, string>();
  for (const t of rubric.tracks) for (const c of t.categories) trackOf.set(c, t.id);
  for (const track of rubric.tracks) {
    const threshold = track.threshold ?? rubric.threshold;
    const members = projects
      .filter((p) => p.category !== undefined && trackOf.get(p.category) === track.id)
      .sort((a, b) => a.rank - b.rank);
    // Groups of projects sharing an overall rank share a track rank: the first one's position.
    for (let start = 0; start < members.length;) {
      let end = start;
      while (end < members.length && members[end]!.rank === members[start]!.rank) end++;
      const group = members.slice(start, end);
      const trackRank = start + 1;
      const last = trackRank + group.length - 1;
      const passesThreshold = above(group[0]!, threshold);
      const withinQuota = admits(track.quota, rubric.quotaTies, trackRank, group.length);
      if (track.quota !== undefined && last > track.quota) {
        if (trackRank <= track.quota && passesThreshold) {
          straddles.push({
            track: track.id,
            quota: track.quota,
            rank: trackRank,
            ids: group.map((p) => p.id),
            passed: withinQuota,
          });
        }
      }
      for (const p of group) {
        const passed = passesThreshold && withinQuota;
        const reason: Reason = !passesThreshold ? 'threshold' : !withinQuota ? 'quota' : null;
        places.set(p.id, { track: track.id, trackRank, passed, reason });
      }
      start = end;
    }
  }
  return { places, straddles };
}

import type { Results } from '../core/model.js';
import type { Cell } from './pdf-table.js';
import { reportText } from '../text/report.js';

/** How many projects share each track rank, per results (cards are drawn one at a time). */
const tiedCounts = new WeakMap<Results, Map<string, number>>();

function sharing(results: Results, track: string, rank: number): number {
  let counts = tiedCounts.get(results);
  if (counts === undefined) {
    counts = new Map();
    for (const t of results.tracks?.byId.values() ?? []) {
      const key = `${t.track}\u0000${t.trackRank}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    tiedCounts.set(results, counts);
  }
  return counts.get(`${track}\u0000${rank}`) ?? 0;
}

/** A feedback card's rows on the project's track rank and grant, when the rubric has them. */
export function trackFacts(results: Results, id: string): [string, Cell][] {
  const t = results.tracks?.byId.get(id);
  if (t === undefined) return [];
  const TL = reportText(results.rubric.lang).tracks;
  const rows: [string, Cell][] = [];
  const track = results.tracks?.tracks?.find((s) => s.id === t.track);
  if (track !== undefined && t.trackRank !== null) {
    const tied = sharing(results, track.id, t.trackRank) > 1;
    rows.push([
      TL.trackRankRow,
      TL.trackRank(track.label, t.trackRank, track.projects, tied, track.quota),
    ]);
  }
  if (t.funding)
    rows.push([TL.grantRow, TL.cardGrant(t.funding.granted, t.funding.tier, t.funding.status)]);
  return rows;
}

/**
 * What follows "passed"/"failed" on a card: the pass mark that applied, or for a project cut by
 * its track's quota, the quota (the pass mark alone would read as if it scored too low).
 */
export function resultNote(results: Results, id: string, passMark: (t: number) => string): string {
  const t = results.tracks?.byId.get(id);
  const quota = results.rubric.tracks?.find((r) => r.id === t?.track)?.quota;
  if (t?.reason === 'quota' && quota !== undefined)
    return reportText(results.rubric.lang).tracks.quotaCut(quota);
  return passMark(thresholdOf(results, id));
}

/** The pass mark that applied to a project: its track's own, else the review's. */
export function thresholdOf(results: Results, id: string): number {
  const { rubric } = results;
  const track = results.tracks?.byId.get(id)?.track;
  return rubric.tracks?.find((t) => t.id === track)?.threshold ?? rubric.threshold;
}

import { agreement, MIN_JUDGES, MIN_TARGETS, type Agreement } from './agreement.js';

/**
 * The largest complete block of a partial panel (judge groups): a set of judges and the projects
 * every one of them scored, so that agreement statistics, which need a full judges x projects
 * table, can still be computed.
 *
 * Finding the truly largest block is a maximum-biclique problem (NP-hard), so this takes the
 * candidates a real design offers: the judge set of each project (a group's judges, in a grouped
 * review). The CANDIDATES most common sets (by the projects with exactly that set) are scored by
 * how many projects cover them, and the best is kept: most projects, then most judges, then the
 * first in judge order. Cost: O(P x judges per project) to count the sets, then
 * O(CANDIDATES x P x judges per project).
 */
export const CANDIDATES = 32;

export interface CompleteBlock {
  /** Judge indexes, ascending. */
  judges: number[];
  /** Project indexes, ascending. */
  projects: number[];
}

/** `present[p]` lists the judge indexes (ascending) with a total for project p. */
export function largestCompleteBlock(present: readonly (readonly number[])[]): CompleteBlock {
  const counts = new Map<string, { judges: readonly number[]; count: number; first: number }>();
  present.forEach((judges, p) => {
    if (judges.length < 2) return;
    const key = judges.join(',');
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { judges, count: 1, first: p });
  });
  const candidates = [...counts.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, CANDIDATES);
  const sets = present.map((judges) => new Set(judges));
  let best: CompleteBlock = { judges: [], projects: [] };
  for (const c of candidates) {
    const projects: number[] = [];
    sets.forEach((set, p) => {
      if (c.judges.every((j) => set.has(j))) projects.push(p);
    });
    const better =
      projects.length > best.projects.length ||
      (projects.length === best.projects.length && c.judges.length > best.judges.length);
    if (better) best = { judges: [...c.judges], projects };
  }
  return best;
}

/**
 * Agreement over the largest complete block of a partial panel; `rows[p]` holds project p's
 * totals by judge index. Null statistics with a note when the block has fewer than MIN_TARGETS
 * projects.
 */
export function blockAgreement(
  rows: readonly ReadonlyMap<number, number>[],
  judgeIds: readonly string[],
): Agreement {
  const block = largestCompleteBlock(rows.map((r) => [...r.keys()].sort((a, b) => a - b)));
  const judges = block.judges.map((j) => judgeIds[j]!);
  if (block.projects.length < MIN_TARGETS) {
    return {
      ...agreement([]),
      noBlock: true,
      note: `the judges scored different projects (judge groups), and no ${MIN_TARGETS} projects were all scored by the same ${MIN_JUDGES} or more judges; agreement needs such a block`,
    };
  }
  const matrix = block.projects.map((p) => block.judges.map((j) => rows[p]!.get(j)!));
  return { ...agreement(matrix, judges), block: judges };
}

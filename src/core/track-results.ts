import type { ProjectResult } from './compute.js';
import { allocate, eligibleGrant, type FundingStatus, type Pool } from './funding.js';
import { IssueList, type Issue } from './issues.js';
import type { Roster } from './roster.js';
import type { Rubric } from './rubric.js';
import { placeInTracks, type Reason } from './tracks.js';
import { fundingOf, isWholeCents, toCents } from './tracks-schema.js';
import { worded } from '../text/problems.js';

/** Per project, in yuan (JSON numbers). */
export interface ProjectFunding {
  requested: number | null;
  eligible: number;
  granted: number;
  tier: string | null;
  status: FundingStatus;
}

export interface ProjectTrack {
  track: string | null;
  trackRank: number | null;
  reason: Reason;
  funding?: ProjectFunding;
}

export interface TrackSummary {
  id: string;
  label: string;
  projects: number;
  passed: number;
  quota: number | null;
  budget: number | null;
  granted: number | null;
}

export interface TrackResults {
  byId: Map<string, ProjectTrack>;
  /** Present when the rubric has tracks. */
  tracks?: TrackSummary[];
  /** Present when funding is configured; with per-track budgets, their sums. */
  funding?: { budget: number; granted: number; left: number };
}

/** Tracks or funding in the rubric: only then do results carry track and funding fields. */
export function hasTracksOrFunding(rubric: Rubric): boolean {
  return rubric.tracks !== undefined || fundingOf(rubric) !== undefined;
}

/**
 * Before computing: tracks need every roster project in exactly one track, and funding needs
 * amounts pcv can count in cents. Each problem is reported at the project's roster line.
 */
export function checkTrackRoster(
  rubric: Rubric,
  roster: Roster | undefined,
  rubricFile: string,
): Issue[] {
  const issues = new IssueList();
  if (rubric.tracks !== undefined && roster === undefined) {
    issues.error('tracks-roster', rubricFile, worded('tracks-roster', {}));
  }
  if (roster === undefined) return issues.items;
  const owners = new Map<string, string[]>();
  for (const t of rubric.tracks ?? []) {
    for (const c of new Set(t.categories)) owners.set(c, [...(owners.get(c) ?? []), t.id]);
  }
  const funded = fundingOf(rubric) !== undefined;
  for (const p of roster.projects.values()) {
    const at = { line: p.line };
    if (rubric.tracks !== undefined) {
      const tracks = p.category === undefined ? [] : (owners.get(p.category) ?? []);
      if (p.category === undefined)
        issues.error(
          'track-category',
          roster.file,
          worded('track-no-category', { project: p.id }),
          at,
        );
      else if (tracks.length === 0)
        issues.error(
          'track-category',
          roster.file,
          worded('track-category-unknown', {
            project: p.id,
            category: p.category,
            categories: [...owners.keys()],
          }),
          at,
        );
      else if (tracks.length > 1)
        issues.error(
          'track-category',
          roster.file,
          worded('track-category-twice', { project: p.id, category: p.category, tracks }),
          at,
        );
    }
    if (funded && p.amount !== undefined && !isWholeCents(p.amount)) {
      issues.error(
        'roster-amount',
        roster.file,
        worded('amount-cents', { project: p.id, amount: p.amount }),
        at,
      );
    }
  }
  return issues.items;
}

/**
 * After computing: each project's track, track rank, pass/fail by its track's threshold and
 * quota, and its grant. Returns the projects with `passed` so decided, in the same order.
 */
export function applyTracks(
  rubric: Rubric,
  projects: readonly ProjectResult[],
  roster: Roster | undefined,
  rubricFile: string,
): { projects: ProjectResult[]; results: TrackResults; issues: Issue[] } {
  const issues = new IssueList();
  const { places, straddles } = placeInTracks(projects, rubric);
  for (const s of straddles) {
    issues.warn(
      'quota-tie',
      rubricFile,
      worded('quota-tie', {
        track: s.track,
        ids: s.ids,
        rank: s.rank,
        quota: s.quota,
        ties: rubric.quotaTies ?? 'include',
        passed: s.passed,
      }),
    );
  }
  const decided = projects.map((p) => ({ ...p, passed: places.get(p.id)!.passed }));
  const byId = new Map<string, ProjectTrack>();
  for (const p of decided) {
    const place = places.get(p.id)!;
    byId.set(p.id, { track: place.track, trackRank: place.trackRank, reason: place.reason });
  }
  const results: TrackResults = { byId };
  const funding = fundingOf(rubric);
  const granted = new Map<string, number>();
  if (funding !== undefined) {
    const perTrack = rubric.tracks?.every((t) => t.budget !== undefined) === true;
    const pools: Pool[] = perTrack
      ? rubric.tracks!.map((t) => ({ id: t.id, budgetCents: toCents(t.budget!), members: [] }))
      : [{ id: '', budgetCents: toCents(funding.budget ?? 0), members: [] }];
    const eligible = new Map<string, ReturnType<typeof eligibleGrant>>();
    for (const p of decided) {
      if (!p.passed) continue;
      const request = p.amount === undefined ? undefined : toCents(p.amount);
      if (request === undefined && funding.grant === 'request') {
        const line = roster?.projects.get(p.id)?.line;
        issues.error(
          'funding-amount',
          roster?.file ?? rubricFile,
          worded('funding-amount', { project: p.id }),
          line !== undefined ? { line } : {},
        );
      }
      const e = eligibleGrant(p.final, request, funding);
      eligible.set(p.id, e);
      const place = byId.get(p.id)!;
      const pool = perTrack ? pools.find((q) => q.id === place.track)! : pools[0]!;
      pool.members.push({
        id: p.id,
        rank: perTrack ? place.trackRank! : p.rank,
        eligibleCents: e.cents,
      });
    }
    const allocation = allocate(pools, funding.atTheLine);
    for (const t of allocation.ties) {
      issues.warn(
        'funding-tie',
        rubricFile,
        worded('funding-tie', {
          pool: t.pool,
          ids: t.ids,
          rank: t.rank,
          atTheLine: funding.atTheLine,
        }),
      );
    }
    for (const p of decided) {
      const e = eligible.get(p.id);
      const g = allocation.granted.get(p.id);
      granted.set(p.id, g?.cents ?? 0);
      byId.get(p.id)!.funding = {
        requested: p.amount ?? null,
        eligible: (e?.cents ?? 0) / 100,
        granted: (g?.cents ?? 0) / 100,
        tier: e?.tier ?? null,
        status: g?.status ?? 'not-passed',
      };
    }
    const budget = pools.reduce((s, q) => s + q.budgetCents, 0);
    const spent = [...allocation.spent.values()].reduce((s, c) => s + c, 0);
    results.funding = { budget: budget / 100, granted: spent / 100, left: (budget - spent) / 100 };
  }
  if (rubric.tracks !== undefined) {
    results.tracks = rubric.tracks.map((t) => {
      const members = decided.filter((p) => byId.get(p.id)!.track === t.id);
      return {
        id: t.id,
        label: t.label ?? t.id,
        projects: members.length,
        passed: members.filter((p) => p.passed).length,
        quota: t.quota ?? null,
        budget: t.budget ?? null,
        granted:
          funding === undefined
            ? null
            : members.reduce((s, p) => s + (granted.get(p.id) ?? 0), 0) / 100,
      };
    });
  }
  return { projects: decided, results, issues: issues.items };
}

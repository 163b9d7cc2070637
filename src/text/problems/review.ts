/**
 * Problems and warnings about the review as a whole (core/compute.ts, design.ts,
 * track-results.ts, assignments.ts): recusals, the trim, normalising, tracks and their quotas,
 * funding, who scores which project. Lists come as arrays; each language joins them its way.
 */
export interface ReviewProblems {
  'all-recused': { project: string };
  'trim-fallback': { project: string; present: number; trim: number };
  /** `present` of `judges` scored it, and the trim drops `trimmed` of those totals. */
  'one-total': { project: string; judge: string; present: number; judges: number; trimmed: number };
  'normalize-one-project': { judge: string };
  'normalize-same-total': { judge: string };
  'panel-thin': { project: string; judge: string };
  'offset-disconnected': { parts: { judges: string[]; projects: number }[] };
  'tracks-roster': Record<string, never>;
  'track-no-category': { project: string };
  'track-category-unknown': { project: string; category: string; categories: string[] };
  'track-category-twice': { project: string; category: string; tracks: string[] };
  'amount-cents': { project: string; amount: number };
  /** `ties` is the rubric's quotaTies (include unless it says exclude). */
  'quota-tie': {
    track: string;
    ids: string[];
    rank: number;
    quota: number;
    ties: string;
    passed: boolean;
  };
  'funding-amount': { project: string };
  /** `pool` is the track whose budget it is, '' for the one funding.budget. */
  'funding-tie': { pool: string; ids: string[]; rank: number; atTheLine: string };
  'assignments-no-header': Record<string, never>;
  'assignments-unknown-column': { header: string; hint?: string };
  'assignments-second-column': { field: 'judge' | 'project' };
  'assignments-no-column': { field: 'judge' | 'project'; names: string[] };
  'assignments-missing': { field: 'judge' | 'project' };
  'assignments-duplicate': { judge: string; project: string; first: number };
  'assignments-no-pairs': Record<string, never>;
  'assignments-twice': { rubric: string };
  'groups-missing': { rubric: string };
  'groups-ignored': { file: string };
  'assignments-judge-unknown': { judge: string; known: string[] };
  'assignments-project-unknown': { project: string; roster: string };
  'assignments-judge-unassigned': { judge: string; file: string };
  'assignments-project-unassigned': { project: string; file: string };
  'groups-roster': { rubric: string };
  'groups-no-group': { project: string };
  'groups-unknown': { project: string; group: string; rubric: string; names: string[] };
  'groups-empty': { group: string };
}

import { agreement, type Agreement } from './agreement.js';
import { blockAgreement } from './complete-block.js';
import { OUTLIER_LIMIT, OUTLIER_MIN_JUDGES } from './arithmetic/rules.js';
import type { Computed, Method, ProjectResult } from './compute.js';
import { toNumber, type Dec } from './decimal.js';
import { judgeProfiles } from './analytics-profiles.js';
import { outlierFlags, type Scored } from './analytics-outliers.js';
import { robustness } from './analytics-robustness.js';
import { ProjectScores, eachScore } from './project-scores.js';
import { sampleSd } from './stats.js';
import { trackWhatIfs } from './track-whatifs.js';
import type { TrackRubric } from './tracks-schema.js';

/**
 * Judge analytics: who scores high or low, where the judges disagree, how much they agree overall,
 * and which decisions hinge on a single judge. All of it is computed from the raw totals the
 * judges wrote, except the robustness checks, which re-run the rubric's own method (normalisation
 * included) exactly as the finals were computed.
 */

export { OUTLIER_LIMIT, OUTLIER_MIN_JUDGES } from './arithmetic/rules.js';
/**
 * A rank that would move by more than this many places without one judge is flagged: 3 places,
 * or 2% of the projects in a large review, where moving a few places among thousands of close
 * scores is routine and flagging it would bury the decisions that matter.
 */
export const RANK_MOVE_LIMIT = 3;
export const RANK_MOVE_SHARE = 0.02;
export function rankMoveLimit(projects: number): number {
  return Math.max(RANK_MOVE_LIMIT, Math.ceil(projects * RANK_MOVE_SHARE));
}

export interface JudgeStat {
  judge: string;
  /** Projects scored (not recused). */
  scored: number;
  recused: number;
  /** Mean and sample SD of the judge's raw totals; SD null with fewer than two. */
  mean: number | null;
  sd: number | null;
  /**
   * Mean over the judge's projects of (their total - the median of all judges' totals for that
   * project): positive = scores higher than the panel, negative = lower.
   */
  leniency: number | null;
  /** Times the trimmed mean dropped this judge's total. */
  trimmed: number;
  /** With `normalize: offset`: the judge's fitted offset (core/offset.ts), taken off each total. */
  offset?: number;
}

export type FlagType =
  | 'outlier'
  | 'pass-hinges-on-judge'
  | 'rank-hinges-on-judge'
  | 'pass-hinges-on-trim'
  | 'rank-hinges-on-trim'
  | 'trim-fallback';

export interface Flag {
  type: FlagType;
  /** The judge the flag concerns (absent for trim-fallback). */
  judge?: string;
  /** outlier: the judge's total, and its distance from the median (signed). */
  total?: number;
  deviation?: number;
  /** outlier: the median of the project's raw totals, exact (the sentence prints it rounded). */
  median?: Dec;
  /** Hinges: the outcome in the alternative case. */
  final?: number;
  passed?: boolean;
  rank?: number;
  /** *-hinges-on-trim: the judge whose total would be trimmed instead. */
  instead?: string;
  /**
   * Hinges, with tracks: the project's track, its pass mark and quota, and its track rank now
   * (`from`) and in the alternative case (`to`). A rank hinge in a track with a quota is measured
   * in these track ranks.
   */
  track?: { id: string; threshold: number; quota?: number; from: number; to: number };
}

export interface Alternative {
  judge: string;
  /** Null when nobody else scored the project. */
  final: number | null;
  passed: boolean | null;
  rank: number | null;
}

export interface ProjectAnalytics {
  id: string;
  /** Median, range (max - min) and sample SD of the judges' raw totals. */
  median: number;
  range: number;
  sd: number | null;
  flags: Flag[];
  /** The outcome with each judge left out (every judge, in judge order). */
  leaveOneOut: Alternative[];
}

export interface Analytics {
  judges: JudgeStat[];
  /** Over the raw totals of the projects every judge scored. */
  agreement: Agreement;
  /** In the order of the results (rank, then id). */
  projects: ProjectAnalytics[];
  /** Projects whose pass/fail or rank hinges on one judge, with those flags, in rank order. */
  fragile: { id: string; flags: Flag[] }[];
  limits: { outlier: number; outlierMinJudges: number; rankMove: number };
  /** With `normalize: zscore`: the panel's mean and SD the totals were rescaled to. */
  normalization?: { panelMean: number; panelSd: number };
}

const HINGES: readonly FlagType[] = [
  'pass-hinges-on-judge',
  'rank-hinges-on-judge',
  'pass-hinges-on-trim',
  'rank-hinges-on-trim',
];

/**
 * With tracks, `computed.projects` must carry the passes their tracks decided (applyTracks()):
 * the robustness checks re-decide by the same track rule.
 */
export function analyze(method: Method & TrackRubric, computed: Computed): Analytics {
  const judgeIds = computed.judges.map((j) => j.id);
  // Totals repeat (the integer path shares one object per distinct total): convert each once.
  const numbers = new Map<Dec, number>();
  const number = (d: Dec) => {
    let n = numbers.get(d);
    if (n === undefined) numbers.set(d, (n = toNumber(d)));
    return n;
  };

  const facts = computed.arithmetic.facts(method, computed);

  const judges = judgeProfiles(computed, facts.leniency, number);

  // Agreement over the projects every judge scored; with judge groups (a judge without a row for
  // some project), over the largest block of projects scored by the same judges.
  const judgeAt = new Map(judgeIds.map((id, j) => [id, j]));
  const agree = computed.projects.some((p) => p.scores.size < judgeIds.length)
    ? blockAgreement(
        computed.projects.map(
          (p) => new Map(presentOf(p).map((s) => [judgeAt.get(s.judge)!, number(s.total)])),
        ),
        judgeIds,
      )
    : agreement(
        computed.projects
          .map((p) => rawTotals(p, number))
          .filter((totals) => totals.length === judgeIds.length),
        judgeIds,
      );

  const P = computed.projects.length;
  const rankMove = rankMoveLimit(P);
  const tracks = trackWhatIfs(method, computed.projects, facts, judgeIds.length, rankMoveLimit);
  const projects: ProjectAnalytics[] = computed.projects.map((p, i) => {
    // Made project by project, not for all at once: a province-wide review has 250,000 of
    // them, and held together they were the analytics' peak of live heap.
    const scored = presentOf(p);
    const flags: Flag[] = [];
    const med = facts.medians[i]!;

    flags.push(...outlierFlags(scored, facts.outliers[i]!, med, number));

    if (p.fellBack) {
      flags.push({ type: 'trim-fallback' });
    }

    const robust = robustness(p, i, scored, facts, {
      method,
      judgeIds,
      P,
      rankMove,
      tracks,
    });
    flags.push(...robust.flags);

    const raw = rawTotals(p, number);
    const project = {
      id: p.id,
      median: number(med),
      range: Math.max(...raw) - Math.min(...raw),
      sd: sampleSd(raw),
      flags,
    };
    // Made when read (analytics-robustness.ts): no report prints it.
    return Object.defineProperty(project, 'leaveOneOut', {
      get: robust.leaveOneOut,
      enumerable: true,
    }) as ProjectAnalytics;
  });

  const fragile = projects
    .map((p) => ({ id: p.id, flags: p.flags.filter((f) => HINGES.includes(f.type)) }))
    .filter((p) => p.flags.length > 0);

  const z = computed.normalization;
  return {
    judges,
    agreement: agree,
    projects,
    fragile,
    limits: {
      outlier: OUTLIER_LIMIT,
      outlierMinJudges: OUTLIER_MIN_JUDGES,
      rankMove,
    },
    ...(z
      ? { normalization: { panelMean: toNumber(z.panelMean), panelSd: toNumber(z.panelSd) } }
      : {}),
  };
}

/** The judges present for a project (not recused), with their scores, in judge order. */
function presentOf(p: ProjectResult): Scored[] {
  const list: Scored[] = [];
  // Computed results are read row by row, without a JudgeScore made for each.
  eachScore(p.scores, (judge, total) => {
    if (total !== undefined) list.push({ judge, total });
  });
  return list;
}

/** The raw totals of the judges present for a project, in judge order, as numbers. */
function rawTotals(p: ProjectResult, number: (d: Dec) => number): number[] {
  // Computed results hold them as they are: no JudgeScore made for each of 250,000 scores.
  if (p.scores instanceof ProjectScores) return p.scores.presentTotals.map(number);
  const totals: number[] = [];
  for (const score of p.scores.values()) if (!score.recused) totals.push(number(score.total));
  return totals;
}

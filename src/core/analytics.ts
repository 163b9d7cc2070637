import { agreement, type Agreement } from './agreement.js';
import { OUTLIER_LIMIT, OUTLIER_MIN_JUDGES } from './arithmetic/rules.js';
import { unitsToFixed, unitsToNumber } from './arithmetic/integer.js';
import type { Computed, JudgeScore, Method } from './compute.js';
import { roundHalfUp, toNumber, type Dec } from './decimal.js';
import { mean, sampleSd } from './stats.js';

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
  /** One English sentence; renderers in other languages can rebuild it from the fields below. */
  message: string;
  /** outlier: the judge's total, and its distance from the median (signed). */
  total?: number;
  deviation?: number;
  /** Hinges: the outcome in the alternative case. */
  final?: number;
  passed?: boolean;
  rank?: number;
  /** *-hinges-on-trim: the judge whose total would be trimmed instead. */
  instead?: string;
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

export function analyze(method: Method, computed: Computed): Analytics {
  const judgeIds = computed.judges.map((j) => j.id);
  const totalsPlaces = Math.max(method.decimals, 2);
  const fmtTotal = (d: Dec) => roundHalfUp(d, totalsPlaces).toFixed(totalsPlaces);
  const fmtFinal = (d: Dec) => d.toFixed(method.decimals);
  const fmtUnits = (units: number) => unitsToFixed(units, method.decimals);
  // Totals repeat (the integer path shares one object per distinct total): convert each once.
  const numbers = new Map<Dec, number>();
  const number = (d: Dec) => {
    let n = numbers.get(d);
    if (n === undefined) numbers.set(d, (n = toNumber(d)));
    return n;
  };

  const present = computed.projects.map((p) => {
    const list: { judge: string; score: JudgeScore & { recused: false } }[] = [];
    for (const [judge, score] of p.scores) if (!score.recused) list.push({ judge, score });
    return list;
  });
  const facts = computed.arithmetic.facts(method, computed);

  // Judge profiles.
  const judges: JudgeStat[] = judgeIds.map((judge, j) => {
    const totals: number[] = [];
    let recused = 0;
    let trimmed = 0;
    for (const p of computed.projects) {
      const s = p.scores.get(judge);
      if (s === undefined) continue;
      if (s.recused) {
        recused++;
        continue;
      }
      totals.push(number(s.total));
      if (s.dropped) trimmed++;
    }
    return {
      judge,
      scored: totals.length,
      recused,
      mean: totals.length > 0 ? mean(totals) : null,
      sd: sampleSd(totals),
      leniency: facts.leniency[j]!,
      trimmed,
    };
  });

  // Agreement over the projects every judge scored.
  const complete = present.filter((list) => list.length === judgeIds.length);
  const agree = agreement(complete.map((list) => list.map((s) => number(s.score.total))));

  const P = computed.projects.length;
  const rankMove = rankMoveLimit(P);
  const projects: ProjectAnalytics[] = computed.projects.map((p, i) => {
    const scored = present[i]!;
    const flags: Flag[] = [];
    const med = facts.medians[i]!;

    for (const k of facts.outliers[i]!) {
      const s = scored[k]!;
      const deviation = s.score.total.minus(med);
      flags.push({
        type: 'outlier',
        judge: s.judge,
        message: text`${s.judge}'s total ${fmtTotal(s.score.total)} is ${fmtTotal(deviation.abs())} points ${
          deviation.isPositive() ? 'above' : 'below'
        } the median ${fmtTotal(med)} (limit ${OUTLIER_LIMIT})`,
        total: number(s.score.total),
        deviation: toNumber(deviation),
      });
    }

    if (p.fellBack) {
      flags.push({
        type: 'trim-fallback',
        message: text`only ${scored.length} judges scored it, too few to drop ${method.trim} highest and lowest; its final is the plain mean`,
      });
    }

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
      const kind = method.normalize === 'zscore' ? 'normalised total' : 'total';
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

    const raw = scored.map((s) => number(s.score.total));
    return {
      id: p.id,
      median: number(med),
      range: Math.max(...raw) - Math.min(...raw),
      sd: sampleSd(raw),
      flags,
      leaveOneOut,
    };
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

/**
 * A template literal's text as one flat string. A plain template literal is kept as a tree of its
 * pieces, several times the size: a 10,000-project review has a quarter of a million flags.
 */
function text(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: string[] = [strings[0]!];
  values.forEach((v, i) => parts.push(String(v), strings[i + 1]!));
  return parts.join('');
}

import { agreement, type Agreement } from './agreement.js';
import { decide, type Computed, type Decision, type PanelProject, type Method } from './compute.js';
import { dec, roundHalfUp, sum, toNumber, type Dec } from './decimal.js';
import { compareKeys, rankWith } from './rank.js';
import { mean, sampleSd } from './stats.js';

/**
 * Judge analytics: who scores high or low, where the judges disagree, how much they agree overall,
 * and which decisions hinge on a single judge. All of it is computed from the raw totals the
 * judges wrote, except the robustness checks, which re-run the rubric's own method (normalisation
 * included) exactly as the finals were computed.
 */

/** A judge's total further than this from the project's median total (0-100 scale) is an outlier. */
export const OUTLIER_LIMIT = 15;
/** Outliers are looked for only among at least this many judges: with two, neither is "the" odd one. */
export const OUTLIER_MIN_JUDGES = 3;
/** A rank that would move by more than this many places without one judge is flagged. */
export const RANK_MOVE_LIMIT = 3;

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

  const panel: PanelProject[] = computed.projects.map((p) => ({
    id: p.id,
    present: [...p.scores].flatMap(([judge, s]) =>
      s.recused ? [] : [{ judge, total: s.total, criteria: s.criteria }],
    ),
  }));
  const medians = new Map<string, Dec>(panel.map((p) => [p.id, medianDec(p.present)]));

  // Judge profiles.
  const judges: JudgeStat[] = judgeIds.map((judge) => {
    const totals: number[] = [];
    const offsets: Dec[] = [];
    let recused = 0;
    let trimmed = 0;
    for (const p of computed.projects) {
      const s = p.scores.get(judge);
      if (s === undefined) continue;
      if (s.recused) {
        recused++;
        continue;
      }
      totals.push(toNumber(s.total));
      offsets.push(s.total.minus(medians.get(p.id)!));
      if (s.dropped) trimmed++;
    }
    return {
      judge,
      scored: totals.length,
      recused,
      mean: totals.length > 0 ? mean(totals) : null,
      sd: sampleSd(totals),
      leniency: offsets.length > 0 ? toNumber(sum(offsets).dividedBy(offsets.length)) : null,
      trimmed,
    };
  });

  // Agreement over the projects every judge scored.
  const complete = panel.filter((p) => p.present.length === judgeIds.length);
  const agree = agreement(complete.map((p) => p.present.map((s) => toNumber(s.total))));

  // Leave-one-out: the whole review re-decided without each judge in turn.
  const actual = new Map(computed.projects.map((p) => [p.id, p]));
  const rankKeys = (q: Computed['projects'][number]) => [
    q.final,
    ...method.tieBreak.map((c) => roundHalfUp(q.criteria.get(c)!, 12)),
  ];
  const ranking = {
    keys: new Map(computed.projects.map((q) => [q.id, rankKeys(q)])),
    sortedDesc: [] as Dec[][],
  };
  ranking.sortedDesc = [...ranking.keys.values()].sort((a, b) => compareKeys(b, a));
  // Only what the flags need is kept of each re-decided review: a 25-judge, 10,000-project review
  // would otherwise hold 25 copies of every project's decimals.
  const without = new Map<string, Map<string, Pick<Decision, 'final' | 'passed' | 'rank'>>>();
  for (const judge of judgeIds) {
    const reduced = panel.map((p) => ({
      id: p.id,
      present: p.present.filter((s) => s.judge !== judge),
    }));
    const decided = decide(reduced, method, 'ranking').byId;
    without.set(
      judge,
      new Map(
        [...decided].map(([id, d]) => [id, { final: d.final, passed: d.passed, rank: d.rank }]),
      ),
    );
  }

  const projects: ProjectAnalytics[] = computed.projects.map((p, index) => {
    const present = panel[index]!.present;
    const flags: Flag[] = [];
    const med = medians.get(p.id)!;

    if (present.length >= OUTLIER_MIN_JUDGES) {
      for (const s of present) {
        const deviation = s.total.minus(med);
        if (deviation.abs().lessThanOrEqualTo(OUTLIER_LIMIT)) continue;
        flags.push({
          type: 'outlier',
          judge: s.judge,
          message: `${s.judge}'s total ${fmtTotal(s.total)} is ${fmtTotal(deviation.abs())} points ${
            deviation.isPositive() ? 'above' : 'below'
          } the median ${fmtTotal(med)} (limit ${OUTLIER_LIMIT})`,
          total: toNumber(s.total),
          deviation: toNumber(deviation),
        });
      }
    }

    if (p.fellBack) {
      flags.push({
        type: 'trim-fallback',
        message: `only ${present.length} judges scored it, too few to drop ${method.trim} highest and lowest; its final is the plain mean`,
      });
    }

    const verdict = (passed: boolean) => (passed ? 'passes' : 'fails');
    const leaveOneOut: Alternative[] = judgeIds.map((judge) => {
      const d = without.get(judge)!.get(p.id);
      if (d === undefined) return { judge, final: null, passed: null, rank: null };
      if (d.passed !== p.passed) {
        flags.push({
          type: 'pass-hinges-on-judge',
          judge,
          message: `${verdict(p.passed)} with ${fmtFinal(p.final)}; without ${judge}'s scores it would ${
            d.passed ? 'pass' : 'fail'
          } with ${fmtFinal(d.final)}`,
          final: toNumber(d.final),
          passed: d.passed,
          rank: d.rank,
        });
      }
      if (Math.abs(d.rank - p.rank) > RANK_MOVE_LIMIT) {
        flags.push({
          type: 'rank-hinges-on-judge',
          judge,
          message: `ranked ${p.rank}; without ${judge}'s scores it would rank ${d.rank} (final ${fmtFinal(d.final)})`,
          final: toNumber(d.final),
          passed: d.passed,
          rank: d.rank,
        });
      }
      return { judge, final: toNumber(d.final), passed: d.passed, rank: d.rank };
    });

    if (method.aggregate === 'trimmed-mean' && method.trim > 0 && !p.fellBack) {
      flags.push(...trimShiftFlags(p.id, present, method, actual, ranking, fmtTotal, fmtFinal));
    }

    const raw = present.map((s) => toNumber(s.total));
    return {
      id: p.id,
      median: toNumber(med),
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
      rankMove: RANK_MOVE_LIMIT,
    },
    ...(z
      ? { normalization: { panelMean: toNumber(z.panelMean), panelSd: toNumber(z.panelSd) } }
      : {}),
  };
}

/**
 * The trimmed mean with the trim boundary moved by one judge, on each side in turn. At the top,
 * the innermost trimmed total (the trim-th highest) is kept and the next one down, the highest
 * kept total, is trimmed instead; at the bottom likewise. With trim 1: "had the second-highest
 * total been dropped instead of the highest". Ties are ordered as the trimmed mean orders them
 * (by value, then judge order), and a swap of two equal totals is skipped since it changes
 * nothing. The project's rank is recomputed against the other projects' actual finals.
 */
function trimShiftFlags(
  id: string,
  present: readonly { judge: string }[],
  method: Method,
  actual: ReadonlyMap<string, Computed['projects'][number]>,
  ranking: { keys: ReadonlyMap<string, Dec[]>; sortedDesc: readonly Dec[][] },
  fmtTotal: (d: Dec) => string,
  fmtFinal: (d: Dec) => string,
): Flag[] {
  const p = actual.get(id)!;
  const values = present.map((s) => {
    const score = p.scores.get(s.judge);
    if (score === undefined || score.recused) throw new Error('trimShiftFlags(): not present');
    return score.normalizedTotal ?? score.total;
  });
  const n = values.length;
  const t = method.trim;
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v.comparedTo(b.v) || a.i - b.i);
  const flags: Flag[] = [];
  // [position of the trimmed total that would be kept, position of the kept total trimmed instead]
  const swaps: [number, number][] = [
    [t - 1, t],
    [n - t, n - t - 1],
  ];
  for (const [keep, drop] of swaps) {
    const kept = order[keep]!;
    const dropped = order[drop]!;
    if (kept.v.equals(dropped.v)) continue;
    const remaining = order
      .filter((_, pos) => (pos >= t && pos < n - t && pos !== drop) || pos === keep)
      .map((x) => x.v);
    const exact = sum(remaining).dividedBy(remaining.length);
    const final = roundHalfUp(exact, method.decimals);
    const passed = final.greaterThanOrEqualTo(dec(method.threshold));
    const keys = [final, ...method.tieBreak.map((c) => roundHalfUp(p.criteria.get(c)!, 12))];
    const rank = rankWith(ranking.sortedDesc, ranking.keys.get(id)!, keys);
    const judge = present[kept.i]!.judge;
    const instead = present[dropped.i]!.judge;
    const kind = method.normalize === 'zscore' ? 'normalised total' : 'total';
    const what = `had ${instead}'s ${kind} ${fmtTotal(dropped.v)} been trimmed instead of ${judge}'s ${fmtTotal(kept.v)}`;
    if (passed !== p.passed) {
      flags.push({
        type: 'pass-hinges-on-trim',
        judge,
        instead,
        message: `${p.passed ? 'passes' : 'fails'} with ${fmtFinal(p.final)}; ${what}, it would ${
          passed ? 'pass' : 'fail'
        } with ${fmtFinal(final)}`,
        final: toNumber(final),
        passed,
        rank,
      });
    }
    if (Math.abs(rank - p.rank) > RANK_MOVE_LIMIT) {
      flags.push({
        type: 'rank-hinges-on-trim',
        judge,
        instead,
        message: `ranked ${p.rank}; ${what}, it would rank ${rank} (final ${fmtFinal(final)})`,
        final: toNumber(final),
        passed,
        rank,
      });
    }
  }
  return flags;
}

/** Median of the raw totals, exact. */
function medianDec(present: readonly { total: Dec }[]): Dec {
  const s = present.map((x) => x.total).sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : s[mid - 1]!.plus(s[mid]!).dividedBy(2);
}

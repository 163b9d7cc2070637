import { agreement, type Agreement } from './agreement.js';
import { blockAgreement } from './complete-block.js';
import {
  decide,
  type Computed,
  type JudgeScore,
  type Method,
  type PanelProject,
} from './compute.js';
import { D, dec, roundHalfUp, sum, toNumber, type Dec } from './decimal.js';
import { ratioDec, roundRatio, unitsToFixed, unitsToNumber } from './exact.js';
import { compareFlat, compareKeys, competitionRanksFlat, rankWith, rankWithFlat } from './rank.js';
import {
  criterionSeries,
  rankKeys,
  scaledMethod,
  totalsSeries,
  type ScaledPanel,
} from './scaled.js';
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
  const facts = computed.scaled
    ? scaledFacts(method, computed, computed.scaled)
    : decimalFacts(method, computed);

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
      ...(computed.offsets ? { offset: toNumber(computed.offsets.get(judge)!) } : {}),
    };
  });

  // Agreement over the projects every judge scored; with judge groups (a judge without a row for
  // some project), over the largest block of projects scored by the same judges.
  const complete = present.filter((list) => list.length === judgeIds.length);
  const judgeAt = new Map(judgeIds.map((id, j) => [id, j]));
  const agree = computed.projects.some((p) => p.scores.size < judgeIds.length)
    ? blockAgreement(
        present.map(
          (list) => new Map(list.map((s) => [judgeAt.get(s.judge)!, number(s.score.total)])),
        ),
        judgeIds,
      )
    : agreement(
        complete.map((list) => list.map((s) => number(s.score.total))),
        judgeIds,
      );

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
      const kind = { none: 'total', zscore: 'normalised total', offset: 'adjusted total' }[
        method.normalize
      ];
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

/**
 * What the flags and profiles are made of, computed exactly either in decimal.js (with z-scores,
 * or scores beyond the integer range) or in integers. Positions are among a project's present
 * (not recused) judges, in judge order; projects are in the order of the results.
 */
interface Facts {
  /** The median of each project's raw totals. */
  medians: Dec[];
  /** Positions of totals further than OUTLIER_LIMIT from the median (with enough judges). */
  outliers: number[][];
  /** Per judge: the mean of (total - median) over the projects they scored; null for none. */
  leniency: (number | null)[];
  /**
   * The review re-decided without each judge: at [judge * projects + project], the final in units
   * of 10^-decimals (NaN when nobody else scored the project), pass (1) or fail, and rank.
   */
  without: { final: Float64Array; passed: Uint8Array; rank: Int32Array };
  /** The trimmed mean with the trim boundary moved by one judge (see trimShifts()). */
  shifts: Shift[][];
}

/** The totals at positions `keep` (trimmed) and `drop` (kept) swapped: the outcome. */
interface Shift {
  keep: number;
  drop: number;
  /** In units of 10^-decimals. */
  final: number;
  passed: boolean;
  rank: number;
}

/**
 * The trim boundary moved by one judge, on each side in turn. At the top, the innermost trimmed
 * total (the trim-th highest) is kept and the next one down, the highest kept total, is trimmed
 * instead; at the bottom likewise. With trim 1: "had the second-highest total been dropped
 * instead of the highest". Ties are ordered as the trimmed mean orders them (by value, then judge
 * order), and a swap of two equal totals is skipped since it changes nothing. Given n totals and
 * the trim t, these are the pairs [sorted position kept instead, sorted position trimmed instead].
 */
function trimSwaps(n: number, t: number): [number, number][] {
  return [
    [t - 1, t],
    [n - t, n - t - 1],
  ];
}

const shifting = (method: Method, p: { fellBack: boolean }) =>
  method.aggregate === 'trimmed-mean' && method.trim > 0 && !p.fellBack;

function decimalFacts(method: Method, computed: Computed): Facts {
  const J = computed.judges.length;
  const P = computed.projects.length;
  const decimalsUnit = new D(10).pow(method.decimals);
  const units = (final: Dec) => toNumber(final.times(decimalsUnit));
  const panel: PanelProject[] = computed.projects.map((p) => ({
    id: p.id,
    present: [...p.scores].flatMap(([judge, s]) =>
      s.recused ? [] : [{ judge, total: s.total, criteria: s.criteria }],
    ),
  }));
  const medians = panel.map((p) => medianDec(p.present));

  const outliers = panel.map((p, i) =>
    p.present.length < OUTLIER_MIN_JUDGES
      ? []
      : p.present.flatMap((s, k) =>
          s.total.minus(medians[i]!).abs().lessThanOrEqualTo(OUTLIER_LIMIT) ? [] : [k],
        ),
  );

  const offsets = computed.judges.map(() => [] as Dec[]);
  const judgeIndex = new Map(computed.judges.map((j, index) => [j.id, index]));
  panel.forEach((p, i) => {
    for (const s of p.present) offsets[judgeIndex.get(s.judge)!]!.push(s.total.minus(medians[i]!));
  });
  const leniency = offsets.map((list) =>
    list.length > 0 ? toNumber(sum(list).dividedBy(list.length)) : null,
  );

  // Leave-one-out: the whole review re-decided without each judge in turn.
  const without = {
    final: new Float64Array(J * P).fill(NaN),
    passed: new Uint8Array(J * P),
    rank: new Int32Array(J * P),
  };
  const indexOf = new Map(computed.projects.map((p, i) => [p.id, i]));
  computed.judges.forEach(({ id: judge }, j) => {
    const reduced = panel.map((p) => ({
      id: p.id,
      present: p.present.filter((s) => s.judge !== judge),
    }));
    for (const [id, d] of decide(reduced, method, 'ranking', computed.offsets).byId) {
      const at = j * P + indexOf.get(id)!;
      without.final[at] = units(d.final);
      without.passed[at] = d.passed ? 1 : 0;
      without.rank[at] = d.rank;
    }
  });

  const rankKeys = (q: Computed['projects'][number]) => [
    q.final,
    ...method.tieBreak.map((c) => roundHalfUp(q.criteria.get(c)!, 12)),
  ];
  const keys = computed.projects.map(rankKeys);
  const sortedDesc = [...keys].sort((a, b) => compareKeys(b, a));
  const threshold = dec(method.threshold);
  const shifts = computed.projects.map((p, i): Shift[] => {
    if (!shifting(method, p)) return [];
    const values = panel[i]!.present.map((s) => {
      const score = p.scores.get(s.judge);
      if (score === undefined || score.recused) throw new Error('decimalFacts(): not present');
      return score.normalizedTotal ?? score.total;
    });
    const n = values.length;
    const t = method.trim;
    const order = values.map((v, k) => ({ v, k })).sort((a, b) => a.v.comparedTo(b.v) || a.k - b.k);
    return trimSwaps(n, t).flatMap(([keep, drop]): Shift[] => {
      const kept = order[keep]!;
      const dropped = order[drop]!;
      if (kept.v.equals(dropped.v)) return [];
      const remaining = order
        .filter((_, pos) => (pos >= t && pos < n - t && pos !== drop) || pos === keep)
        .map((x) => x.v);
      const final = roundHalfUp(sum(remaining).dividedBy(remaining.length), method.decimals);
      const alternative = [final, ...keys[i]!.slice(1)];
      return [
        {
          keep: kept.k,
          drop: dropped.k,
          final: units(final),
          passed: final.greaterThanOrEqualTo(threshold),
          rank: rankWith(sortedDesc, keys[i]!, alternative),
        },
      ];
    });
  });

  return { medians, outliers, leniency, without, shifts };
}

function scaledFacts(method: Method, computed: Computed, panel: ScaledPanel): Facts {
  const J = computed.judges.length;
  const P = computed.projects.length;
  const { den } = panel.scale;
  const m = scaledMethod(method);
  const totals = totalsSeries(panel);
  const ties = m.tieBreak.map((c) => criterionSeries(panel, c));
  const width = 1 + ties.length;
  // What is aggregated: the raw totals, or with offsets the adjusted ones (medians, outliers and
  // leniency stay on the raw totals the judges wrote).
  const decisive = computed.adjusted ?? panel;
  const decisiveTotals = computed.adjusted ? totalsSeries(decisive) : totals;

  // Medians and deviations in units of 1 / (2 den), so that a median of two is an integer too.
  const medians: Dec[] = [];
  const outliers: number[][] = [];
  const offsetSums = new Float64Array(J);
  const offsetCounts = new Int32Array(J);
  const limit = 2 * OUTLIER_LIMIT * den;
  for (let p = 0; p < P; p++) {
    const s = panel.start[p]!;
    const n = panel.count[p]!;
    const mid = s + Math.floor(n / 2);
    const median2 =
      n % 2 === 1 ? 2 * totals.values[mid]! : totals.values[mid - 1]! + totals.values[mid]!;
    medians.push(ratioDec(median2, 2 * den));
    const far: number[] = [];
    for (let k = 0; k < n; k++) {
      const deviation2 = 2 * panel.total[s + k]! - median2;
      if (n >= OUTLIER_MIN_JUDGES && Math.abs(deviation2) > limit) far.push(k);
      const j = panel.judge[s + k]!;
      offsetSums[j] = offsetSums[j]! + deviation2;
      offsetCounts[j] = offsetCounts[j]! + 1;
    }
    outliers.push(far);
  }
  const leniency = Array.from(offsetCounts, (count, j) =>
    count > 0 ? toNumber(ratioDec(offsetSums[j]!, 2 * den * count)) : null,
  );

  // Leave-one-out: each judge's pairs re-decided without them; the other projects keep their
  // keys. A project nobody else scored drops out of the ranking.
  const actual = new Float64Array(P * width);
  for (let p = 0; p < P; p++) rankKeys(decisive, m, decisiveTotals, ties, p, actual, p * width);
  const pairsOf = Array.from({ length: J }, () => [] as number[]);
  for (let p = 0; p < P; p++) {
    for (let k = panel.start[p]!; k < panel.start[p]! + panel.count[p]!; k++) {
      pairsOf[panel.judge[k]!]!.push(p, k);
    }
  }
  const without = {
    final: new Float64Array(J * P),
    passed: new Uint8Array(J * P),
    rank: new Int32Array(J * P),
  };
  for (let j = 0; j < J; j++) {
    const keys = actual.slice();
    const pairs = pairsOf[j]!;
    for (let x = 0; x < pairs.length; x += 2) {
      const p = pairs[x]!;
      if (panel.count[p] === 1) keys[p * width] = NaN;
      else rankKeys(decisive, m, decisiveTotals, ties, p, keys, p * width, pairs[x + 1]!);
    }
    const ranks = competitionRanksFlat(keys, width);
    for (let p = 0; p < P; p++) {
      const final = keys[p * width]!;
      without.final[j * P + p] = final;
      without.passed[j * P + p] = final >= m.passUnits ? 1 : 0;
      without.rank[j * P + p] = ranks[p]!;
    }
  }

  // Trim shifts, ranked against the other projects' actual keys.
  const order = Array.from({ length: P }, (_, p) => p).sort((a, b) =>
    compareFlat(actual, b * width, actual, a * width, width),
  );
  const sortedDesc = new Float64Array(P * width);
  order.forEach((p, i) => sortedDesc.set(actual.subarray(p * width, (p + 1) * width), i * width));
  const alternative = new Float64Array(width);
  const t = method.trim;
  const shifts = computed.projects.map((project, p): Shift[] => {
    if (!shifting(method, project)) return [];
    const s = panel.start[p]!;
    const n = panel.count[p]!;
    const at = (pos: number) => decisiveTotals.values[s + pos]!;
    const pairAt = new Int32Array(n);
    for (let k = 0; k < n; k++) pairAt[decisiveTotals.position[s + k]!] = k;
    let middle = 0;
    for (let pos = t; pos < n - t; pos++) middle += at(pos);
    return trimSwaps(n, t).flatMap(([keep, drop]): Shift[] => {
      if (at(keep) === at(drop)) return [];
      const final = roundRatio(
        middle - at(drop) + at(keep),
        (n - 2 * t) * decisive.scale.den,
        method.decimals,
      );
      alternative.set(actual.subarray(p * width, (p + 1) * width));
      alternative[0] = final;
      return [
        {
          keep: pairAt[keep]!,
          drop: pairAt[drop]!,
          final,
          passed: final >= m.passUnits,
          rank: rankWithFlat(sortedDesc, width, actual, p * width, alternative, 0),
        },
      ];
    });
  });

  return { medians, outliers, leniency, without, shifts };
}

/** Median of the raw totals, exact. */
function medianDec(present: readonly { total: Dec }[]): Dec {
  const s = present.map((x) => x.total).sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : s[mid - 1]!.plus(s[mid]!).dividedBy(2);
}

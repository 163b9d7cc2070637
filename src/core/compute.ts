import { aggregate, judgeTotal } from './aggregate.js';
import { D, dec, roundHalfUp, type Dec } from './decimal.js';
import { ratioDec, unitsToFixed } from './exact.js';
import { IssueList, type Issue } from './issues.js';
import { zscoreScale, zscoreTotal, type ZScale } from './normalize.js';
import { designOf, judgeOffsets, offsetPanel } from './offset-panel.js';
import { compareIds, competitionRanks, competitionRanksFlat } from './rank.js';
import type { Roster } from './roster.js';
import type { Rubric } from './rubric.js';
import {
  combine,
  criterionSeries,
  rankKeys,
  scaledMethod,
  scalePanel,
  totalsSeries,
  type Combined,
  type ScaledPanel,
} from './scaled.js';
import type { JudgeSheet, SheetEntry } from './sheet.js';
import { oneTotalMessage, restsOnOneTotal } from './single-total.js';

export type JudgeScore =
  | { recused: true; comment?: string }
  | {
      recused: false;
      /** The judge's scores, criterion id -> score, in rubric order. */
      criteria: ReadonlyMap<string, Dec>;
      /** Exact total on the 0-100 scale. */
      total: Dec;
      /** Trimmed away by the trimmed mean. */
      dropped: boolean;
      /**
       * What was aggregated, when it is not the total: with `normalize: zscore` the total rescaled
       * to the panel's mean and SD, with `normalize: offset` the total minus the judge's offset.
       */
      normalizedTotal?: Dec;
      comment?: string;
    };

export interface ProjectResult {
  id: string;
  name?: string;
  organization?: string;
  category?: string;
  amount?: number;
  /** Judge id -> score, in judge order. */
  scores: Map<string, JudgeScore>;
  /** Per criterion, the judges' scores aggregated by the same method as the totals. */
  criteria: Map<string, Dec>;
  exactFinal: Dec;
  /** Rounded half-up to the rubric's decimals; pass/fail and ranks use this. */
  final: Dec;
  rank: number;
  passed: boolean;
  /** Too few judges to trim: the plain mean was used. */
  fellBack: boolean;
}

export interface Computed {
  judges: { id: string; file: string }[];
  projects: ProjectResult[];
  /** The scale the totals were normalised with (rubric `normalize: zscore`), else undefined. */
  normalization?: ZScale;
  /** With `normalize: offset`: each judge's fitted offset (core/offset.ts), by judge id. */
  offsets?: Map<string, Dec>;
  /**
   * The scores as integers, projects in the order above, when they fit (see scaled.ts): the
   * robustness checks re-decide the review from these. Absent with z-scores.
   */
  scaled?: ScaledPanel;
  /** With `normalize: offset` and `scaled`: the same panel with the offsets taken off the totals. */
  adjusted?: ScaledPanel;
  issues: Issue[];
}

/** One judge's scores of one project, as fed to the aggregation. */
export interface PanelScore {
  judge: string;
  /** Raw total on the 0-100 scale. */
  total: Dec;
  criteria: ReadonlyMap<string, Dec>;
}

/** A project and the judges who scored it (recused judges left out), in judge order. */
export interface PanelProject {
  id: string;
  present: readonly PanelScore[];
}

/** The parts of the rubric that decide finals, pass/fail and ranks. */
export type Method = Pick<
  Rubric,
  'aggregate' | 'trim' | 'decimals' | 'threshold' | 'tieBreak' | 'criteria' | 'normalize'
>;

export interface Decision {
  id: string;
  /** The values aggregated, in `present` order: the raw totals, or the normalised ones. */
  values: Dec[];
  exactFinal: Dec;
  final: Dec;
  passed: boolean;
  rank: number;
  fellBack: boolean;
  /** Judges whose totals the trimmed mean dropped. */
  dropped: Set<string>;
  /** Per criterion, the judges' raw scores aggregated by the same method. */
  criteria: Map<string, Dec>;
  /** What ranks compare: the rounded final, then each tie-break value. */
  keys: Dec[];
}

export interface Decisions {
  byId: Map<string, Decision>;
  normalization?: ZScale;
}

/**
 * Finals, pass/fail and ranks of a panel. Pure and self-contained so that the robustness checks
 * can re-run exactly the same method with a judge left out. Projects with nobody present are
 * left out.
 */
export function decide(
  panel: readonly PanelProject[],
  method: Method,
  /** Aggregate every criterion (for the reports) or only the tie-break ones (what ranks need). */
  criteriaFor: 'all' | 'ranking' = 'all',
  /** With `normalize: offset`: the judges' offsets, fitted once on the whole review. */
  offsets?: ReadonlyMap<string, Dec>,
): Decisions {
  if (method.normalize === 'offset' && offsets === undefined)
    throw new Error('decide(): normalize: offset needs the fitted offsets');
  const wanted =
    criteriaFor === 'all'
      ? method.criteria
      : method.criteria.filter((c) => method.tieBreak.includes(c.id));
  const scored = panel.filter((p) => p.present.length > 0);
  const normalization =
    method.normalize === 'zscore' && scored.length > 0
      ? zscoreScale(scored.flatMap((p) => p.present))
      : undefined;
  const byId = new Map<string, Decision>();
  for (const p of scored) {
    const values = p.present.map((s) =>
      normalization
        ? zscoreTotal(s.total, s.judge, normalization)
        : offsets
          ? s.total.minus(offsets.get(s.judge)!)
          : s.total,
    );
    const agg = aggregate(values, method.aggregate, method.trim);
    const criteria = new Map<string, Dec>();
    for (const c of wanted) {
      const scores = p.present.map((s) => s.criteria.get(c.id)!);
      criteria.set(c.id, aggregate(scores, method.aggregate, method.trim).value);
    }
    const final = roundHalfUp(agg.value, method.decimals);
    byId.set(p.id, {
      id: p.id,
      values,
      exactFinal: agg.value,
      final,
      passed: final.greaterThanOrEqualTo(dec(method.threshold)),
      rank: 0,
      fellBack: agg.fellBack,
      dropped: new Set(agg.dropped.map((i) => p.present[i]!.judge)),
      criteria,
      // Tie-break values are compared at a fixed fine precision so that equal thirds compare equal.
      keys: [final, ...method.tieBreak.map((c) => roundHalfUp(criteria.get(c)!, 12))],
    });
  }
  const ranks = competitionRanks([...byId.values()].map((d) => ({ id: d.id, keys: d.keys })));
  for (const d of byId.values()) d.rank = ranks.get(d.id)!;
  return { byId, ...(normalization ? { normalization } : {}) };
}

/** From validated sheets to ranked results. Pure: no IO, no clock. */
export function computeResults(
  rubric: Rubric,
  sheets: readonly JudgeSheet[],
  roster: Roster | undefined,
): Computed {
  const issues = new IssueList();
  const judges = [...sheets].sort((a, b) => compareIds(a.judge, b.judge));
  const ids =
    roster !== undefined
      ? [...roster.projects.keys()]
      : [...new Set(judges.flatMap((s) => [...s.entries.keys()]))];

  interface Pending {
    id: string;
    sheetName?: string;
    recusal?: { file: string; line: number };
    /** Each judge's entry (recused ones included), in judge order; none where not assigned. */
    entries: (SheetEntry | undefined)[];
    /** Judges not recused. */
    present: number;
  }
  const pending: Pending[] = [];
  for (const id of ids) {
    const entries: (SheetEntry | undefined)[] = [];
    let present = 0;
    let sheetName: string | undefined;
    let recusal: { file: string; line: number } | undefined;
    for (const sheet of judges) {
      const entry = sheet.entries.get(id);
      entries.push(entry);
      // A partial panel (judge groups): checkPanel() made sure the judge was not assigned it.
      if (entry === undefined) continue;
      sheetName ??= entry.name;
      if (entry.recused) recusal ??= { file: sheet.file, line: entry.line };
      else present++;
    }
    if (present === 0) {
      issues.error(
        'all-recused',
        recusal?.file ?? '',
        `every judge recused from project ${id}; it cannot be scored`,
        { line: recusal?.line },
      );
      continue;
    }
    const p: Pending = { id, entries, present };
    if (sheetName !== undefined) p.sheetName = sheetName;
    if (recusal !== undefined) p.recusal = recusal;
    pending.push(p);
  }

  // Integers when every number fits (always, for real rubrics); decimal.js for z-scores, whose
  // square roots are not exact, and for scores beyond a double's integer range.
  // Offsets are fitted once, on the whole review, and taken off the totals exactly.
  const integers =
    rubric.normalize !== 'zscore' ? scalePanel(pending, rubric.criteria, judges.length) : undefined;
  let offsets: ReturnType<typeof judgeOffsets> | undefined;
  let adjusted: ScaledPanel | undefined;
  if (rubric.normalize === 'offset') {
    const { design, den } = designOf(pending, rubric.criteria, judges.length, integers);
    offsets = judgeOffsets(
      design,
      den,
      judges.map((j) => j.judge),
    );
    adjusted = integers && offsetPanel(integers, offsets.units);
  }
  const scaled = offsets === undefined || adjusted !== undefined ? integers : undefined;
  const decided = scaled
    ? decideScaled(scaled, rubric, adjusted)
    : decideDecimal(pending, rubric, judges, offsets?.byJudge);

  const projects: ProjectResult[] = [];
  for (const [index, p] of pending.entries()) {
    const d = decided.projects[index]!;
    const scores = new Map<string, JudgeScore>();
    let k = 0;
    for (let j = 0; j < p.entries.length; j++) {
      const entry = p.entries[j];
      if (entry === undefined) continue;
      let score: JudgeScore;
      if (entry.recused) score = { recused: true };
      else {
        score = {
          recused: false,
          criteria: entry.scores,
          total: d.totals[k]!,
          dropped: d.dropped.has(k),
        };
        const normalizedTotal = d.normalized?.[k];
        if (normalizedTotal !== undefined) score.normalizedTotal = normalizedTotal;
        k++;
      }
      if (entry.comment !== undefined) score.comment = entry.comment;
      scores.set(judges[j]!.judge, score);
    }
    if (d.fellBack) {
      issues.warn(
        'trim-fallback',
        p.recusal?.file ?? '',
        `project ${p.id}: only ${p.present} judges scored it, too few to drop ${rubric.trim} highest and lowest; its final is the plain mean`,
        { line: p.recusal?.line },
      );
    }
    if (restsOnOneTotal(scores.values(), rubric.aggregate)) {
      const [judge, entry] = oneTotal(scores, p.entries, judges);
      issues.warn(
        'one-total',
        entry.file,
        // With judge groups, "of the N judges" counts the project's own panel.
        oneTotalMessage(p.id, judge, p.present, scores.size, d.dropped.size),
        { line: entry.line },
      );
    }
    const info = roster?.projects.get(p.id);
    const name = info?.name ?? p.sheetName;
    projects.push({
      id: p.id,
      ...(name !== undefined ? { name } : {}),
      ...(info?.organization !== undefined ? { organization: info.organization } : {}),
      ...(info?.category !== undefined ? { category: info.category } : {}),
      ...(info?.amount !== undefined ? { amount: info.amount } : {}),
      scores,
      criteria: d.criteria,
      exactFinal: d.exactFinal,
      final: d.final,
      rank: d.rank,
      passed: d.passed,
      fellBack: d.fellBack,
    });
  }
  const { normalization } = decided;
  if (normalization) {
    for (const s of normalization.judges.values()) {
      if (s.sd !== null) continue;
      const file = judges.find((j) => j.judge === s.judge)?.file ?? '';
      issues.warn(
        'normalize-skipped',
        file,
        s.count < 2
          ? `judge ${s.judge} scored only one project, so their totals cannot be normalised; the raw total is used`
          : `judge ${s.judge} gave every project the same total, so their totals cannot be normalised; the raw totals are used`,
      );
    }
  }
  // Listed by rank; the integer panel follows the same order, for the robustness checks.
  const order = projects.map((_, i) => i);
  order.sort(
    (a, b) => projects[a]!.rank - projects[b]!.rank || compareIds(projects[a]!.id, projects[b]!.id),
  );

  return {
    judges: judges.map((s) => ({ id: s.judge, file: s.file })),
    projects: order.map((i) => projects[i]!),
    ...(normalization ? { normalization } : {}),
    ...(offsets ? { offsets: offsets.byJudge } : {}),
    ...(scaled ? { scaled: reorder(scaled, order) } : {}),
    ...(adjusted ? { adjusted: reorder(adjusted, order) } : {}),
    issues: issues.items,
  };
}

/** The judge whose total a one-total final rests on, and where that total is in their sheet. */
function oneTotal(
  scores: ReadonlyMap<string, JudgeScore>,
  entries: readonly (SheetEntry | undefined)[],
  judges: readonly JudgeSheet[],
): [string, { file: string; line: number }] {
  const j = judges.findIndex((sheet) => {
    const s = scores.get(sheet.judge);
    return s !== undefined && !s.recused && !s.dropped;
  });
  return [judges[j]!.judge, { file: judges[j]!.file, line: entries[j]!.line }];
}

/** What computeResults() needs of each project's decision, whichever arithmetic made it. */
interface Decided {
  projects: {
    /** Per present judge, in judge order. */
    totals: Dec[];
    normalized?: Dec[];
    /** Positions (among the present judges) of the totals the trimmed mean dropped. */
    dropped: Set<number>;
    criteria: Map<string, Dec>;
    exactFinal: Dec;
    final: Dec;
    rank: number;
    passed: boolean;
    fellBack: boolean;
  }[];
  normalization?: ZScale;
}

function decideDecimal(
  pending: readonly { id: string; entries: readonly (SheetEntry | undefined)[] }[],
  rubric: Rubric,
  judges: readonly JudgeSheet[],
  offsets: ReadonlyMap<string, Dec> | undefined,
): Decided {
  const panel = pending.map((p) => ({
    id: p.id,
    present: p.entries.flatMap((entry, j) =>
      entry === undefined || entry.recused
        ? []
        : [
            {
              judge: judges[j]!.judge,
              total: judgeTotal(entry.scores, rubric.criteria),
              criteria: entry.scores,
            },
          ],
    ),
  }));
  const { byId, normalization } = decide(panel, rubric, 'all', offsets);
  return {
    projects: panel.map((p) => {
      const d = byId.get(p.id)!;
      const dropped = new Set<number>();
      p.present.forEach((s, k) => {
        if (d.dropped.has(s.judge)) dropped.add(k);
      });
      return {
        totals: p.present.map((s) => s.total),
        ...(normalization || offsets ? { normalized: d.values } : {}),
        dropped,
        criteria: d.criteria,
        exactFinal: d.exactFinal,
        final: d.final,
        rank: d.rank,
        passed: d.passed,
        fellBack: d.fellBack,
      };
    }),
    ...(normalization ? { normalization } : {}),
  };
}

/**
 * decide() in integers: the same finals, pass/fail, ranks and aggregates, exactly. With offsets,
 * `adjusted` holds the totals to aggregate (the panel's minus each judge's offset).
 */
function decideScaled(raw: ScaledPanel, rubric: Rubric, adjusted?: ScaledPanel): Decided {
  const panel = adjusted ?? raw;
  const method = scaledMethod(rubric);
  const { den, places } = panel.scale;
  const unit = 10 ** places;
  const totals = totalsSeries(panel);
  const series = rubric.criteria.map((_, c) => criterionSeries(panel, c));
  const ties = method.tieBreak.map((c) => series[c]!);
  const width = 1 + ties.length;
  const P = panel.start.length;
  const keys = new Float64Array(P * width);
  // Judges' totals repeat (a few hundred distinct values in a whole review): one object each.
  const totalDecs = new Map<number, Dec>();
  const totalDec = (t: number) => {
    let d = totalDecs.get(t);
    if (d === undefined) totalDecs.set(t, (d = ratioDec(t, raw.scale.den)));
    return d;
  };
  const aggs: Combined[] = [];
  for (let p = 0; p < P; p++) aggs.push(rankKeys(panel, method, totals, ties, p, keys, p * width));
  const ranks = competitionRanksFlat(keys, width);
  const projects: Decided['projects'] = [];
  for (let p = 0; p < P; p++) {
    const s = panel.start[p]!;
    const n = panel.count[p]!;
    const agg = aggs[p]!;
    const dropped = new Set<number>();
    if (rubric.aggregate === 'trimmed-mean' && !agg.fellBack) {
      for (let k = 0; k < n; k++) {
        const at = totals.position[s + k]!;
        if (at < rubric.trim || at >= n - rubric.trim) dropped.add(k);
      }
    }
    const criteria = new Map<string, Dec>();
    for (const [c, criterion] of rubric.criteria.entries()) {
      const a = combine(series[c]!, panel, p, rubric.aggregate, rubric.trim);
      criteria.set(criterion.id, ratioDec(a.sum, a.count * unit));
    }
    const finalUnits = keys[p * width]!;
    const projectTotals: Dec[] = [];
    for (let k = 0; k < n; k++) projectTotals.push(totalDec(raw.total[s + k]!));
    projects.push({
      totals: projectTotals,
      ...(adjusted
        ? { normalized: Array.from({ length: n }, (_, k) => ratioDec(adjusted.total[s + k]!, den)) }
        : {}),
      dropped,
      criteria,
      exactFinal: ratioDec(agg.sum, agg.count * den),
      final: new D(unitsToFixed(finalUnits, rubric.decimals)),
      rank: ranks[p]!,
      passed: finalUnits >= method.passUnits,
      fellBack: agg.fellBack,
    });
  }
  return { projects };
}

/** The integer panel with its projects in another order (pairs stay where they are). */
function reorder(panel: ScaledPanel, order: readonly number[]): ScaledPanel {
  return {
    ...panel,
    start: Int32Array.from(order, (i) => panel.start[i]!),
    count: Int32Array.from(order, (i) => panel.count[i]!),
  };
}

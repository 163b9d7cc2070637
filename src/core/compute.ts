import { aggregate, judgeTotal } from './aggregate.js';
import { dec, roundHalfUp, type Dec } from './decimal.js';
import { IssueList, type Issue } from './issues.js';
import { zscoreScale, zscoreTotal, type ZScale } from './normalize.js';
import { compareIds, competitionRanks } from './rank.js';
import type { Roster } from './roster.js';
import type { Rubric } from './rubric.js';
import type { JudgeSheet } from './sheet.js';

export type JudgeScore =
  | { recused: true; comment?: string }
  | {
      recused: false;
      criteria: Map<string, Dec>;
      /** Exact total on the 0-100 scale. */
      total: Dec;
      /** Trimmed away by the trimmed mean. */
      dropped: boolean;
      /** With `normalize: zscore`: the total rescaled to the panel's mean and SD (what was aggregated). */
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
): Decisions {
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
      normalization ? zscoreTotal(s.total, s.judge, normalization) : s.total,
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
    scores: Map<string, JudgeScore>;
    present: PanelScore[];
  }
  const pending: Pending[] = [];
  for (const id of ids) {
    const scores = new Map<string, JudgeScore>();
    const present: PanelScore[] = [];
    let sheetName: string | undefined;
    let recusal: { file: string; line: number } | undefined;
    for (const sheet of judges) {
      const entry = sheet.entries.get(id);
      if (entry === undefined)
        throw new Error(`computeResults(): ${sheet.judge} has no row for ${id}`);
      sheetName ??= entry.name;
      const comment = entry.comment !== undefined ? { comment: entry.comment } : {};
      if (entry.recused) {
        recusal ??= { file: sheet.file, line: entry.line };
        scores.set(sheet.judge, { recused: true, ...comment });
        continue;
      }
      const total = judgeTotal(entry.scores, rubric.criteria);
      present.push({ judge: sheet.judge, total, criteria: entry.scores });
      scores.set(sheet.judge, {
        recused: false,
        criteria: entry.scores,
        total,
        dropped: false,
        ...comment,
      });
    }
    if (present.length === 0) {
      issues.error(
        'all-recused',
        recusal?.file ?? '',
        `every judge recused from project ${id}; it cannot be scored`,
        { line: recusal?.line },
      );
      continue;
    }
    pending.push({
      id,
      ...(sheetName !== undefined ? { sheetName } : {}),
      ...(recusal !== undefined ? { recusal } : {}),
      scores,
      present,
    });
  }

  const { byId, normalization } = decide(pending, rubric);
  const projects: ProjectResult[] = [];
  for (const p of pending) {
    const d = byId.get(p.id)!;
    p.present.forEach((s, i) => {
      const score = p.scores.get(s.judge);
      if (score === undefined || score.recused) return;
      score.dropped = d.dropped.has(s.judge);
      if (normalization) score.normalizedTotal = d.values[i]!;
    });
    if (d.fellBack) {
      issues.warn(
        'trim-fallback',
        p.recusal?.file ?? '',
        `project ${p.id}: only ${p.present.length} judges scored it, too few to drop ${rubric.trim} highest and lowest; its final is the plain mean`,
        { line: p.recusal?.line },
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
      scores: p.scores,
      criteria: d.criteria,
      exactFinal: d.exactFinal,
      final: d.final,
      rank: d.rank,
      passed: d.passed,
      fellBack: d.fellBack,
    });
  }
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
  projects.sort((a, b) => a.rank - b.rank || compareIds(a.id, b.id));

  return {
    judges: judges.map((s) => ({ id: s.judge, file: s.file })),
    projects,
    ...(normalization ? { normalization } : {}),
    issues: issues.items,
  };
}

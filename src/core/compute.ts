import { aggregate, judgeTotal } from './aggregate.js';
import { dec, roundHalfUp, type Dec } from './decimal.js';
import { IssueList, type Issue } from './issues.js';
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
  issues: Issue[];
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

  const projects: ProjectResult[] = [];
  for (const id of ids) {
    const scores = new Map<string, JudgeScore>();
    const present: { judge: string; total: Dec; criteria: Map<string, Dec> }[] = [];
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
    const agg = aggregate(
      present.map((p) => p.total),
      rubric.aggregate,
      rubric.trim,
    );
    for (const i of agg.dropped) {
      const s = scores.get(present[i]!.judge);
      if (s && !s.recused) s.dropped = true;
    }
    if (agg.fellBack) {
      issues.warn(
        'trim-fallback',
        recusal?.file ?? '',
        `project ${id}: only ${present.length} judges scored it, too few to drop ${rubric.trim} highest and lowest; its final is the plain mean`,
        { line: recusal?.line },
      );
    }
    const criteria = new Map<string, Dec>();
    for (const c of rubric.criteria) {
      const values = present.map((p) => p.criteria.get(c.id)!);
      criteria.set(c.id, aggregate(values, rubric.aggregate, rubric.trim).value);
    }
    const final = roundHalfUp(agg.value, rubric.decimals);
    const info = roster?.projects.get(id);
    const name = info?.name ?? sheetName;
    projects.push({
      id,
      ...(name !== undefined ? { name } : {}),
      ...(info?.organization !== undefined ? { organization: info.organization } : {}),
      ...(info?.category !== undefined ? { category: info.category } : {}),
      ...(info?.amount !== undefined ? { amount: info.amount } : {}),
      scores,
      criteria,
      exactFinal: agg.value,
      final,
      rank: 0,
      passed: final.greaterThanOrEqualTo(dec(rubric.threshold)),
      fellBack: agg.fellBack,
    });
  }

  // Tie-break values are compared at a fixed fine precision so that equal thirds compare equal.
  const ranks = competitionRanks(
    projects.map((p) => ({
      id: p.id,
      keys: [p.final, ...rubric.tieBreak.map((c) => roundHalfUp(p.criteria.get(c)!, 12))],
    })),
  );
  for (const p of projects) p.rank = ranks.get(p.id)!;
  projects.sort((a, b) => a.rank - b.rank || compareIds(a.id, b.id));

  return {
    judges: judges.map((s) => ({ id: s.judge, file: s.file })),
    projects,
    issues: issues.items,
  };
}

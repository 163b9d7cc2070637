import { chooseArithmetic, type Arithmetic } from './arithmetic/index.js';
import { outcomeOf, type Outcome } from './arithmetic/types.js';
import type { Dec } from './decimal.js';
import { IssueList, type Issue } from './issues.js';
import { panelEntries } from './panel-rows.js';
import { ProjectScores, type ScorePanel } from './project-scores.js';
import type { ZScale } from './normalize.js';
import { compareIds } from './id-order.js';
import type { Roster } from './roster.js';
import type { Rubric } from './rubric.js';
import type { JudgeSheet, SheetEntry } from './sheet.js';
import { oneTotalMessage, restsOnOneOf } from './single-total.js';
import { worded } from '../text/problems.js';

export type { Decision, Decisions, Method, PanelProject, PanelScore } from './arithmetic/types.js';
export { decide } from './arithmetic/decimal-backend.js';

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

export interface ProjectResult extends Outcome {
  id: string;
  name?: string;
  organization?: string;
  category?: string;
  amount?: number;
  /** Judge id -> score, in judge order (core/project-scores.ts: made when read). */
  scores: ReadonlyMap<string, JudgeScore>;
}

export interface Computed {
  judges: { id: string; file: string }[];
  projects: ProjectResult[];
  /** The scale the totals were normalised with (rubric `normalize: zscore`), else undefined. */
  normalization?: ZScale;
  /** With `normalize: offset`: each judge's fitted offset (core/offset.ts), by judge id. */
  offsets?: Map<string, Dec>;
  /** The review's arithmetic, projects in the order above: the robustness checks re-decide with it. */
  arithmetic: Arithmetic;
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

  interface Pending {
    id: string;
    sheetName?: string;
    recusal?: { file: string; line: number };
    /** Each judge's entry (recused ones included), in judge order; none where not assigned. */
    readonly entries: (SheetEntry | undefined)[];
    /** Judges not recused. */
    present: number;
  }
  // Rows by number, entries made only where asked for (core/panel-rows.ts).
  const panel = panelEntries(judges, ids.length);
  const pending: Pending[] = [];
  for (const id of ids) {
    const at = pending.length;
    panel.place(at, id);
    let present = 0;
    let sheetName: string | undefined;
    let recusal: { file: string; line: number } | undefined;
    for (let j = 0; j < judges.length; j++) {
      // A partial panel (judge groups): checkPanel() made sure the judge was not assigned it.
      if (!panel.has(at, j)) continue;
      sheetName ??= panel.name(at, j);
      if (panel.recused(at, j)) recusal ??= { file: judges[j]!.file, line: panel.line(at, j) };
      else present++;
    }
    if (present === 0) {
      issues.error('all-recused', recusal?.file ?? '', worded('all-recused', { project: id }), {
        line: recusal?.line,
      });
      continue;
    }
    const p: Pending = {
      id,
      present,
      get entries() {
        return panel.entries(at);
      },
    };
    if (sheetName !== undefined) p.sheetName = sheetName;
    if (recusal !== undefined) p.recusal = recusal;
    pending.push(p);
  }

  const { arithmetic, offsets } = chooseArithmetic(pending, rubric, judges, panel.rows);
  const decided = arithmetic.decide();

  const scorePanel: ScorePanel = {
    judges: judges.map((s) => s.judge),
    judgeAt: new Map(judges.map((s, j) => [s.judge, j])),
    rows: panel,
  };
  const projects: ProjectResult[] = [];
  for (const [index, p] of pending.entries()) {
    const d = decided.projects[index]!;
    // Project `index` is at slot `index` of the panel: the slots of all-recused projects were
    // reused. Its scores are read from the panel and the decision when asked for.
    const scores = new ProjectScores(scorePanel, index, d);
    if (d.fellBack) {
      issues.warn(
        'trim-fallback',
        p.recusal?.file ?? '',
        worded('trim-fallback', { project: p.id, present: p.present, trim: rubric.trim }),
        { line: p.recusal?.line },
      );
    }
    // From the decision's counts: the scores are made when read (project-scores.ts).
    if (restsOnOneOf(d.totals.length, d.totals.length - d.dropped.size, rubric.aggregate)) {
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
      ...outcomeOf(d),
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
        worded(s.count < 2 ? 'normalize-one-project' : 'normalize-same-total', { judge: s.judge }),
      );
    }
  }
  // Listed by rank; the arithmetic follows the same order, for the robustness checks.
  const order = projects.map((_, i) => i);
  order.sort(
    (a, b) => projects[a]!.rank - projects[b]!.rank || compareIds(projects[a]!.id, projects[b]!.id),
  );

  return {
    judges: judges.map((s) => ({ id: s.judge, file: s.file })),
    projects: order.map((i) => projects[i]!),
    ...(normalization ? { normalization } : {}),
    ...(offsets ? { offsets } : {}),
    arithmetic: arithmetic.reorder(order),
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

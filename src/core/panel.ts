import type { Assignment } from './assignments.js';
import { IssueList, type Issue } from './issues.js';
import { idKey, nameKey } from './project-hint.js';
import { compareIds } from './id-order.js';
import type { Roster } from './roster.js';
import type { Rubric } from './rubric.js';
import { SheetRows } from './score-store.js';
import type { JudgeSheet } from './sheet.js';
import { worded } from '../text/problems.js';

/**
 * How much of the panel the sheets are: `panel`, every judge's sheet; `sheets`, some sheets
 * checked as they arrive, so checks that need every judge (every project scored by every judge,
 * enough judges for the trim) are left for the whole review.
 */
export type PanelScope = 'panel' | 'sheets';

/**
 * Checks across sheets: each judge once, every project scored (or recused from) by every judge
 * (with judge groups: exactly the projects assigned to them), enough judges for the trim, names
 * that agree with the roster.
 */
export function checkPanel(
  sheets: readonly JudgeSheet[],
  rubric: Rubric,
  rubricFile: string,
  roster: Roster | undefined,
  assignment?: Assignment,
  scope: PanelScope = 'panel',
): Issue[] {
  const issues = new IssueList();
  const byJudge = new Map<string, JudgeSheet>();
  for (const sheet of sheets) {
    const other = byJudge.get(sheet.judge);
    if (other !== undefined) {
      issues.error(
        'judge-duplicate',
        sheet.file,
        worded('judge-duplicate', { judge: sheet.judge, other: other.file }),
      );
    } else byJudge.set(sheet.judge, sheet);
  }

  const projects =
    roster !== undefined
      ? [...roster.projects.keys()]
      : [...new Set(sheets.flatMap((s) => [...s.entries.keys()]))].sort(compareIds);
  for (const sheet of sheets) {
    const assigned = assignment?.byJudge.get(sheet.judge);
    if (assignment !== undefined) checkAssigned(sheet, assigned ?? new Set(), assignment, issues);
    const missing =
      scope === 'sheets'
        ? []
        : (assigned !== undefined ? [...assigned] : assignment ? [] : projects).filter(
            (p) => !sheet.entries.has(p),
          );
    for (const p of missing) {
      const name = roster?.projects.get(p)?.name;
      issues.error(
        'project-unscored',
        sheet.file,
        worded('project-unscored', {
          project: p,
          ...(name !== undefined ? { name } : {}),
          judge: sheet.judge,
          ...(assignment !== undefined ? { assigned: assignment.file } : {}),
          withRoster: roster !== undefined,
          ...sameIdHint(p, sheet),
        }),
      );
    }
    if (roster === undefined) continue;
    // A typed sheet knows which rows name their project otherwise than the roster does.
    const named =
      (sheet.entries instanceof SheetRows
        ? sheet.entries.namedUnlikeRoster(roster.projects)
        : undefined) ?? sheet.entries.values();
    for (const entry of named) {
      const rosterName = roster.projects.get(entry.project)?.name;
      if (
        entry.name !== undefined &&
        rosterName !== undefined &&
        !sameName(entry.name, rosterName)
      ) {
        issues.warn(
          'name-differs',
          sheet.file,
          worded('name-differs', { project: entry.project, name: entry.name, rosterName }),
          { line: entry.line },
        );
      }
    }
  }

  // With groups, the largest panel of a project decides whether trimming can leave anyone.
  const panelSize = assignment
    ? Math.max(0, ...[...assignment.byProject.values()].map((judges) => judges.length))
    : sheets.length;
  if (
    scope === 'panel' &&
    rubric.aggregate === 'trimmed-mean' &&
    panelSize > 0 &&
    2 * rubric.trim >= panelSize
  ) {
    issues.error(
      'trim-too-large',
      rubricFile,
      worded('trim-too-large', { trim: rubric.trim, judges: panelSize }),
    );
  }
  return issues.items;
}

/** A row for a project not assigned to the sheet's judge is an error at its line. */
function checkAssigned(
  sheet: JudgeSheet,
  assigned: ReadonlySet<string>,
  assignment: Assignment,
  issues: IssueList,
) {
  for (const entry of sheet.entries.values()) {
    if (assigned.has(entry.project)) continue;
    issues.error(
      'project-unassigned',
      sheet.file,
      worded('project-unassigned', {
        project: entry.project,
        judge: sheet.judge,
        file: assignment.file,
      }),
      { line: entry.line },
    );
  }
}

function sameName(a: string, b: string): boolean {
  return a === b || nameKey(a) === nameKey(b);
}

/**
 * Without a roster, P3 in one sheet and P03 in another are two projects, each missing from the
 * other sheets: name the row that was probably meant.
 */
function sameIdHint(
  project: string,
  sheet: JudgeSheet,
): { sameId?: { project: string; line: number } } {
  const key = idKey(project);
  for (const entry of sheet.entries.values()) {
    if (idKey(entry.project) === key)
      return { sameId: { project: entry.project, line: entry.line } };
  }
  return {};
}

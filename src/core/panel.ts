import { IssueList, type Issue } from './issues.js';
import { compareIds } from './rank.js';
import type { Roster } from './roster.js';
import type { Rubric } from './rubric.js';
import type { JudgeSheet } from './sheet.js';

/**
 * Checks across sheets: each judge once, every project scored (or recused from) by every judge,
 * enough judges for the trim, names that agree with the roster.
 */
export function checkPanel(
  sheets: readonly JudgeSheet[],
  rubric: Rubric,
  rubricFile: string,
  roster: Roster | undefined,
): Issue[] {
  const issues = new IssueList();
  const byJudge = new Map<string, JudgeSheet>();
  for (const sheet of sheets) {
    const other = byJudge.get(sheet.judge);
    if (other !== undefined) {
      issues.error(
        'judge-duplicate',
        sheet.file,
        `judge "${sheet.judge}" also has the sheet ${other.file}; each judge hands in one sheet`,
      );
    } else byJudge.set(sheet.judge, sheet);
  }

  const projects =
    roster !== undefined
      ? [...roster.projects.keys()]
      : [...new Set(sheets.flatMap((s) => [...s.entries.keys()]))].sort(compareIds);
  for (const sheet of sheets) {
    const missing = projects.filter((p) => !sheet.entries.has(p));
    for (const p of missing) {
      const name = roster?.projects.get(p)?.name;
      issues.error(
        'project-unscored',
        sheet.file,
        `no row for project ${p}${name ? ` (${name})` : ''}${roster ? '' : ', which other judges scored'}; add its scores, or mark the judge recused`,
      );
    }
    if (roster === undefined) continue;
    for (const entry of sheet.entries.values()) {
      const rosterName = roster.projects.get(entry.project)?.name;
      if (
        entry.name !== undefined &&
        rosterName !== undefined &&
        !sameName(entry.name, rosterName)
      ) {
        issues.warn(
          'name-differs',
          sheet.file,
          `project ${entry.project} is called "${entry.name}" here but "${rosterName}" in the roster`,
          { line: entry.line },
        );
      }
    }
  }

  if (
    rubric.aggregate === 'trimmed-mean' &&
    sheets.length > 0 &&
    2 * rubric.trim >= sheets.length
  ) {
    issues.error(
      'trim-too-large',
      rubricFile,
      `trim: ${rubric.trim} drops ${2 * rubric.trim} of the ${sheets.length} judges' totals and leaves none; lower trim or use mean or median`,
    );
  }
  return issues.items;
}

function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}

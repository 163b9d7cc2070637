import type { Row } from './model.js';
import { mapColumns, normalizeHeader } from './headers.js';
import { IssueList, type Issue } from './issues.js';
import { compareIds } from './id-order.js';
import { projectId, type Roster } from './roster.js';
import type { Rubric } from './rubric.js';
import { worded } from '../text/problems.js';

/**
 * Judge groups and partial panels (分组评审): who scores which project, from assignments.csv
 * (one judge,project pair a line) or from a group column in the roster with `groups:` in the
 * rubric. Without either, every judge scores every project.
 */

/** One line of assignments.csv. */
export interface AssignmentPair {
  judge: string;
  project: string;
  line: number;
}

export interface AssignmentTable {
  file: string;
  pairs: AssignmentPair[];
  /** False when some line was refused: the sheets are then not checked against the pairs. */
  complete: boolean;
}

/** Who scores what, checked against the judges' sheets and the roster. */
export interface Assignment {
  /** Where the pairs come from, for messages: assignments.csv, or the rubric's groups. */
  file: string;
  /** Judge id -> the projects assigned to them. */
  byJudge: Map<string, Set<string>>;
  /** Project id -> the judges assigned to it, in the order given. */
  byProject: Map<string, string[]>;
}

const COLUMNS = {
  judge: ['judge', '评委'],
  project: ['project', 'id', 'project id', '项目编号', '编号'],
} as const;
type Column = keyof typeof COLUMNS;
const headerOf = new Map<string, Column>();
for (const [field, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
  for (const n of names) headerOf.set(normalizeHeader(n), field);
}

/** Reads assignments.csv rows (first row = header): every problem at its line, all at once. */
export function parseAssignments(
  rows: readonly Row[],
  file: string,
): { table?: AssignmentTable; issues: Issue[] } {
  const issues = new IssueList();
  const [header, ...body] = rows;
  if (header === undefined) {
    issues.error('assignments-empty', file, worded('assignments-no-header', {}));
    return { issues: issues.items };
  }
  const columns = mapColumns(
    header.cells,
    headerOf,
    (cell, hint) =>
      issues.error(
        'assignments-column',
        file,
        worded('assignments-unknown-column', { header: cell, ...(hint ? { hint } : {}) }),
        { line: header.line, column: cell },
      ),
    (cell, field) =>
      issues.error('assignments-column', file, worded('assignments-second-column', { field }), {
        line: header.line,
        column: cell,
      }),
  );
  for (const field of ['judge', 'project'] as const) {
    if (!columns.has(field)) {
      issues.error(
        'assignments-column',
        file,
        worded('assignments-no-column', { field, names: [...COLUMNS[field]] }),
        { line: header.line },
      );
    }
  }
  if (issues.hasErrors) return { issues: issues.items };

  const pairs: AssignmentPair[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const judge = (row.cells[columns.get('judge')!] ?? '').normalize('NFKC').trim();
    const project = projectId(row.cells[columns.get('project')!] ?? '');
    if (judge === '' || project === '') {
      issues.error(
        'assignments-cell',
        file,
        worded('assignments-missing', { field: judge === '' ? 'judge' : 'project' }),
        { line: row.line },
      );
      continue;
    }
    const key = `${judge}\u0000${project}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.error(
        'assignments-duplicate',
        file,
        worded('assignments-duplicate', { judge, project, first }),
        { line: row.line },
      );
      continue;
    }
    seen.set(key, row.line);
    pairs.push({ judge, project, line: row.line });
  }
  if (pairs.length === 0 && !issues.hasErrors) {
    issues.error('assignments-empty', file, worded('assignments-no-pairs', {}), {
      line: header.line,
    });
    return { issues: issues.items };
  }
  // The pairs read are still checked against the sheets' judges and the roster, so that every
  // problem of the file shows at once.
  return { table: { file, pairs, complete: !issues.hasErrors }, issues: issues.items };
}

export interface AssignmentSources {
  /** The judges that handed in a sheet, and their files. */
  judges: ReadonlyMap<string, string>;
  rubric: Rubric;
  rubricFile: string;
  roster?: Roster;
  table?: AssignmentTable;
}

/**
 * Who scores what, from whichever source the review has (none: undefined, every judge scores
 * every project), checked against the sheets' judges and the roster.
 */
export function resolveAssignment(src: AssignmentSources): {
  assignment?: Assignment;
  issues: Issue[];
} {
  const issues = new IssueList();
  const { table, rubric, roster } = src;
  const groups = rubric.groups;
  if (table !== undefined && groups !== undefined) {
    issues.error('assignments-twice', table.file, bothSources(src.rubricFile));
    return { issues: issues.items };
  }
  if (groups === undefined && roster?.grouped === true && table === undefined) {
    issues.error(
      'groups-missing',
      roster.file,
      worded('groups-missing', { rubric: src.rubricFile }),
    );
    return { issues: issues.items };
  }
  let pairs: AssignmentPair[];
  let file: string;
  if (table !== undefined) {
    pairs = table.pairs;
    file = table.file;
    if (roster?.grouped === true) {
      issues.warn('groups-ignored', roster.file, worded('groups-ignored', { file: table.file }));
    }
  } else if (groups !== undefined) {
    file = src.rubricFile;
    const fromGroups = groupPairs(groups, src.rubricFile, roster, issues);
    if (fromGroups === undefined) return { issues: issues.items };
    pairs = fromGroups;
  } else return { issues: [] };

  const known = [...src.judges.keys()].sort(compareIds);
  const byJudge = new Map<string, Set<string>>();
  const byProject = new Map<string, string[]>();
  const reported = new Set<string>();
  for (const pair of pairs) {
    const at = pair.line > 0 ? { line: pair.line } : {};
    if (!src.judges.has(pair.judge)) {
      // In groups:, a judge appears once per project: say it once.
      if (!reported.has(pair.judge)) {
        issues.error(
          'assignments-judge',
          file,
          worded('assignments-judge-unknown', { judge: pair.judge, known }),
          at,
        );
      }
      reported.add(pair.judge);
      continue;
    }
    if (roster !== undefined && !roster.projects.has(pair.project)) {
      issues.error(
        'assignments-project',
        file,
        worded('assignments-project-unknown', { project: pair.project, roster: roster.file }),
        at,
      );
      continue;
    }
    const set = byJudge.get(pair.judge) ?? new Set<string>();
    set.add(pair.project);
    byJudge.set(pair.judge, set);
    const list = byProject.get(pair.project) ?? [];
    list.push(pair.judge);
    byProject.set(pair.project, list);
  }
  for (const [judge, sheet] of src.judges) {
    if (!byJudge.has(judge) && !reported.has(judge)) {
      issues.error(
        'assignments-judge',
        sheet,
        worded('assignments-judge-unassigned', { judge, file }),
      );
    }
  }
  if (roster !== undefined) {
    for (const p of roster.projects.values()) {
      if (byProject.has(p.id)) continue;
      issues.error(
        'assignments-unassigned',
        roster.file,
        worded('assignments-project-unassigned', { project: p.id, file }),
        { line: p.line },
      );
    }
  }
  return issues.hasErrors
    ? { issues: issues.items }
    : { assignment: { file, byJudge, byProject }, issues: issues.items };
}

/**
 * Each judge's projects as assignments.csv or groups: give them, in roster order, for blank
 * sheets (before any sheet exists); undefined when the review has neither.
 */
export function projectsByJudge(
  rubric: Rubric,
  rubricFile: string,
  roster: Roster,
  table: AssignmentTable | undefined,
): { byJudge?: Map<string, string[]>; issues: Issue[] } {
  const issues = new IssueList();
  if (table !== undefined && rubric.groups !== undefined) {
    issues.error('assignments-twice', table.file, bothSources(rubricFile));
    return { issues: issues.items };
  }
  const pairs =
    table?.pairs ??
    (rubric.groups !== undefined
      ? groupPairs(rubric.groups, rubricFile, roster, issues)
      : undefined);
  if (pairs === undefined || issues.hasErrors) return { issues: issues.items };
  const assigned = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const set = assigned.get(pair.judge) ?? new Set<string>();
    set.add(pair.project);
    assigned.set(pair.judge, set);
  }
  const order = [...roster.projects.keys()];
  const byJudge = new Map(
    [...assigned].map(([judge, set]) => [judge, order.filter((id) => set.has(id))]),
  );
  return { byJudge, issues: issues.items };
}

const bothSources = (rubricFile: string) => worded('assignments-twice', { rubric: rubricFile });

/** The pairs that groups: and the roster's group column make; undefined after an error. */
function groupPairs(
  groups: Record<string, string[]>,
  rubricFile: string,
  roster: Roster | undefined,
  issues: IssueList,
): AssignmentPair[] | undefined {
  if (roster?.grouped !== true) {
    issues.error(
      'groups-roster',
      roster?.file ?? rubricFile,
      worded('groups-roster', { rubric: rubricFile }),
    );
    return undefined;
  }
  const names = Object.keys(groups);
  const pairs: AssignmentPair[] = [];
  const used = new Set<string>();
  let failed = false;
  for (const p of roster.projects.values()) {
    if (p.group === undefined) {
      issues.error('groups-project', roster.file, worded('groups-no-group', { project: p.id }), {
        line: p.line,
      });
      failed = true;
      continue;
    }
    const judges = Object.hasOwn(groups, p.group) ? groups[p.group] : undefined;
    if (judges === undefined) {
      issues.error(
        'groups-project',
        roster.file,
        worded('groups-unknown', { project: p.id, group: p.group, rubric: rubricFile, names }),
        { line: p.line },
      );
      failed = true;
      continue;
    }
    used.add(p.group);
    // A judge listed twice in one group scores the project once.
    for (const judge of new Set(judges)) pairs.push({ judge, project: p.id, line: 0 });
  }
  for (const name of names) {
    if (!used.has(name)) {
      issues.warn('groups-empty', rubricFile, worded('groups-empty', { group: name }));
    }
  }
  return failed ? undefined : pairs;
}

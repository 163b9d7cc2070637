import type { Row } from './model.js';
import { mapColumns, normalizeHeader, ROSTER_FIELDS, type RosterField } from './headers.js';
import { IssueList, type Issue } from './issues.js';
import { parseNumber } from './number.js';
import { worded } from '../text/problems.js';

export interface RosterProject {
  id: string;
  line: number;
  name?: string;
  organization?: string;
  category?: string;
  amount?: number;
  /** The judge group that scores it (分组评审), from a group column. */
  group?: string;
}

export interface Roster {
  file: string;
  /** The roster has a group column. */
  grouped?: boolean;
  projects: Map<string, RosterProject>;
}

const rosterHeaders = new Map<string, RosterField>();
for (const [field, names] of Object.entries(ROSTER_FIELDS) as [RosterField, readonly string[]][]) {
  for (const n of names) rosterHeaders.set(normalizeHeader(n), field);
}

/** Normalised project id: full-width forms folded, surrounding spaces dropped. */
export function projectId(raw: string): string {
  return raw.normalize('NFKC').trim();
}

/** A control character in an id is corruption, not a name: it is refused, never written out. */
export function controlCharacter(id: string): string | undefined {
  // Control characters are single UTF-16 units, never part of a surrogate pair.
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

/** Validates projects.csv rows (first row = header). */
export function parseRoster(
  rows: readonly Row[],
  file: string,
): { roster?: Roster; issues: Issue[] } {
  const issues = new IssueList();
  const [header, ...body] = rows;
  if (header === undefined) {
    issues.error('roster-empty', file, worded('roster-empty', {}));
    return { issues: issues.items };
  }
  const columns = mapColumns(
    header.cells,
    rosterHeaders,
    (cell, hint) =>
      issues.warn(
        'roster-column',
        file,
        worded('roster-unused-column', { header: cell, hint: hint ?? '' }),
        { line: header.line, column: cell },
      ),
    (cell, field) =>
      issues.error('roster-column', file, worded('roster-second-column', { field }), {
        line: header.line,
        column: cell,
      }),
  );
  const idIndex = columns.get('id');
  if (idIndex === undefined) {
    issues.error('roster-column', file, worded('roster-no-id', {}), {
      line: header.line,
    });
    return { issues: issues.items };
  }

  const projects = new Map<string, RosterProject>();
  const headerOf = (field: RosterField) => header.cells[columns.get(field) ?? -1] ?? field;
  for (const row of body) {
    const cell = (field: RosterField) => {
      const i = columns.get(field);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    if (row.cells.every((c) => c.trim() === '')) continue;
    const id = projectId(row.cells[idIndex] ?? '');
    if (id === '') {
      issues.error('roster-id', file, worded('roster-id-missing', {}), {
        line: row.line,
        column: headerOf('id'),
      });
      continue;
    }
    const first = projects.get(id);
    if (first !== undefined) {
      issues.error(
        'roster-duplicate',
        file,
        worded('roster-duplicate', { project: id, firstLine: first.line }),
        {
          line: row.line,
          column: headerOf('id'),
        },
      );
      continue;
    }
    const project: RosterProject = { id, line: row.line };
    const name = cell('name');
    const organization = cell('organization');
    const category = cell('category');
    if (name) project.name = name;
    if (organization) project.organization = organization;
    if (category) project.category = category;
    const group = cell('group');
    if (group) project.group = group;
    const amount = cell('amount');
    if (amount) {
      const n = parseNumber(amount.replace(/[,，](?=\d{3}\b)/g, ''));
      if (n.ok && !n.value.isNegative()) project.amount = n.value.toNumber();
      else
        issues.error('roster-amount', file, worded('roster-amount', { amount }), {
          line: row.line,
          column: headerOf('amount'),
        });
    }
    projects.set(id, project);
  }
  if (projects.size === 0 && !issues.hasErrors) {
    issues.error('roster-empty', file, worded('roster-no-projects', {}), { line: header.line });
  }
  return issues.hasErrors
    ? { issues: issues.items }
    : {
        roster: { file, projects, ...(columns.has('group') ? { grouped: true } : {}) },
        issues: issues.items,
      };
}

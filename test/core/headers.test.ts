import { describe, expect, it } from 'vitest';
import { parseAssignments } from '../../src/core/assignments.js';
import { mapColumns } from '../../src/core/headers.js';
import { formatIssue } from '../../src/core/issues.js';
import { parseRoster } from '../../src/core/roster.js';

const rows = (...lines: string[][]) => lines.map((cells, i) => ({ line: i + 1, cells }));

describe('mapColumns', () => {
  const known = new Map([
    ['id', 'id'],
    ['项目编号', 'id'],
    ['name', 'name'],
  ] as const);

  it('maps each known header to its column, full-width and case folded, blanks skipped', () => {
    const seen: string[] = [];
    const columns = mapColumns(
      ['', 'ＩＤ', ' Name '],
      known,
      (cell) => seen.push(cell),
      (cell) => seen.push(cell),
    );
    expect([...columns]).toEqual([
      ['id', 1],
      ['name', 2],
    ]);
    expect(seen).toEqual([]);
  });

  it('hands an unknown header over with the closest known one, and a second column for a field', () => {
    const unknown: [string, string | undefined][] = [];
    const duplicate: [string, string][] = [];
    const columns = mapColumns(
      ['id', 'nme', '项目编号', 'budget'],
      known,
      (cell, hint) => unknown.push([cell, hint]),
      (cell, field) => duplicate.push([cell, field]),
    );
    // "nme" is one edit from "name"; "budget" is near nothing.
    expect(unknown).toEqual([
      ['nme', 'name'],
      ['budget', undefined],
    ]);
    // The first id column wins; 项目编号 is a second one.
    expect(duplicate).toEqual([['项目编号', 'id']]);
    expect([...columns]).toEqual([['id', 0]]);
  });
});

describe('the header problems of the roster and assignments.csv', () => {
  it('roster: an unknown column is a warning with a hint, a second id column an error', () => {
    const { issues } = parseRoster(rows(['id', 'nme', '项目编号'], ['P01', 'A', 'P01']), 'p.csv');
    expect(issues.map(formatIssue)).toEqual([
      'p.csv:1:nme: warning: column "nme" is not used (did you mean "name"?)',
      'p.csv:1:项目编号: a second id column',
    ]);
  });

  it('assignments.csv: an unknown column and a second judge column are errors', () => {
    const { table, issues } = parseAssignments(
      rows(['judge', 'projct', '评委'], ['judge-a', 'P01', 'judge-a']),
      'a.csv',
    );
    expect(table).toBeUndefined();
    expect(issues.map(formatIssue)).toEqual([
      'a.csv:1:projct: column "projct" is not judge or project (did you mean "project"?)',
      'a.csv:1:评委: a second judge column',
      'a.csv:1: no project column (project, id, project id, 项目编号, 编号) in the header',
    ]);
  });
});

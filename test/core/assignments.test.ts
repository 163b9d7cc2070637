import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssignments } from '../../src/core/assignments.js';
import { fixture, pcv, tempDir } from '../helpers.js';

/** A review folder from file texts (paths relative to the folder). */
function folder(files: Record<string, string>): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'scores'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const rubric = 'title: T\nthreshold: 60\ncriteria:\n  - id: score\n    max: 100\n';
const roster = 'id,name\nP1,One\nP2,Two\nP3,Three\n';
const rows = (...r: string[]) => `project,score\n${r.join('\n')}\n`;

describe('assignments.csv', () => {
  it('reads judge,project pairs, in English or Chinese headers', () => {
    const r = parseAssignments(
      [
        { line: 1, cells: ['评委', '项目编号'] },
        { line: 2, cells: ['a', 'P1'] },
        { line: 3, cells: ['', ''] },
        { line: 4, cells: ['b', 'Ｐ2'] },
      ],
      'assignments.csv',
    );
    expect(r.issues).toEqual([]);
    expect(r.table?.pairs).toEqual([
      { judge: 'a', project: 'P1', line: 2 },
      { judge: 'b', project: 'P2', line: 4 },
    ]);
  });

  it('lists every problem of the file at once, each at its line', async () => {
    const dir = folder({
      'rubric.yaml': rubric,
      'projects.csv': roster,
      'assignments.csv': 'judge,project\na,P1\nb,P1\na,P1\nzed,P2\nb,P9\na,P2\nb,P2\na,P3\nb,P3\n',
      'scores/a.csv': rows('P1,80', 'P2,70', 'P3,60'),
      'scores/b.csv': rows('P1,75', 'P2,72', 'P3,61'),
    });
    const r = await pcv(['validate', dir]);
    expect(r.code).toBe(1);
    const file = path.join(dir, 'assignments.csv');
    expect(r.stderr).toContain(`${file}:4: a is assigned project P1 twice (first on line 2)`);
    expect(r.stderr).toContain(
      `${file}:5: judge "zed" has no score sheet (the sheets' judges: a, b)`,
    );
    expect(r.stderr).toContain(`${file}:6: project P9 is not in the roster`);
  });

  it('refuses a row for an unassigned project at its line, and names a missing one', async () => {
    const dir = folder({
      'rubric.yaml': rubric,
      'projects.csv': roster,
      'assignments.csv': 'judge,project\na,P1\nb,P1\na,P2\nb,P3\nc,P2\nc,P3\n',
      'scores/a.csv': rows('P1,80', 'P2,70', 'P3,66'),
      'scores/b.csv': rows('P1,75'),
      'scores/c.csv': rows('P2,71', 'P3,64'),
    });
    const r = await pcv(['validate', dir]);
    expect(r.code).toBe(1);
    const sheet = (j: string) => path.join(dir, 'scores', `${j}.csv`);
    expect(r.stderr).toContain(
      `${sheet('a')}:4: project P3 is not assigned to a in ${path.join(dir, 'assignments.csv')}; remove the row, or assign the project`,
    );
    expect(r.stderr).toContain(`${sheet('b')}: no row for project P3 (Three), assigned to b in`);
    expect(r.stderr.split('\n').filter((l) => l.includes('error') || l.includes(dir))).toHaveLength(
      2,
    );
  });

  it('tallies a partial panel, warning about a project with a single judge', async () => {
    const dir = folder({
      'rubric.yaml': rubric,
      'projects.csv': roster,
      'assignments.csv': 'judge,project\na,P1\nb,P1\na,P2\nb,P2\nb,P3\n',
      'scores/a.csv': rows('P1,80', 'P2,70'),
      'scores/b.csv': rows('P1,76', 'P2,recused', 'P3,50'),
    });
    const out = path.join(dir, 'out');
    const r = await pcv(['tally', dir, '--out', out, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("project P3 has only one judge's total (b)");
    expect(r.stderr).toContain("project P2 has only one judge's total (a)");
    const json = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as {
      projects: { id: string; final: number; scores: Record<string, unknown> }[];
    };
    // Plain means: P1 (80 + 76) / 2 = 78; P2 70 (b recused); P3 50.
    expect(json.projects.map((p) => [p.id, p.final, Object.keys(p.scores)])).toEqual([
      ['P1', 78, ['a', 'b']],
      ['P2', 70, ['a', 'b']],
      ['P3', 50, ['b']],
    ]);
  });
});

describe('assignments.csv is one of the inputs results.json pins', () => {
  it('is listed with its sha256, counts in the fingerprint, and verify notices a change', async () => {
    const files = {
      'rubric.yaml': rubric,
      'projects.csv': roster,
      'assignments.csv': 'judge,project\na,P1\nb,P1\na,P2\nb,P2\na,P3\nb,P3\n',
      'scores/a.csv': rows('P1,80', 'P2,70', 'P3,66'),
      'scores/b.csv': rows('P1,75', 'P2,72', 'P3,64'),
    };
    const dir = folder(files);
    const out = path.join(dir, 'out');
    expect((await pcv(['tally', dir, '--out', out, '--format', 'json'])).code).toBe(0);
    const results = path.join(out, 'results.json');
    const json = JSON.parse(readFileSync(results, 'utf8')) as {
      fingerprint: string;
      assignments?: { file: string; sha256: string };
    };
    expect(json.assignments).toEqual({
      file: 'assignments.csv',
      sha256: createHash('sha256').update(files['assignments.csv']).digest('hex'),
    });
    // The fingerprint: sha256 over the sorted "sha256  file" lines of every input.
    const lines = Object.entries(files)
      .map(([f, t]) => `${createHash('sha256').update(t).digest('hex')}  ${f}\n`)
      .sort();
    expect(json.fingerprint).toBe(createHash('sha256').update(lines.join('')).digest('hex'));
    expect((await pcv(['verify', dir, '--results', results])).code).toBe(0);

    // Same pairs in another order: the results are the same, but the file is not the one
    // published, and verify says so.
    writeFileSync(
      path.join(dir, 'assignments.csv'),
      'judge,project\nb,P1\na,P1\na,P2\nb,P2\na,P3\nb,P3\n',
    );
    const again = await pcv(['verify', dir, '--results', results]);
    expect(again.code).not.toBe(0);
    expect(again.stdout + again.stderr).toContain('assignments.csv');
  });
});

describe('groups: in the rubric with a group column in the roster', () => {
  it('tallies fixtures/judge-groups, two groups sharing judge-c, with offsets summing to 0', async () => {
    const dir = tempDir();
    const r = await pcv(['tally', fixture('judge-groups'), '--out', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')) as {
      projects: { id: string; scores: Record<string, unknown> }[];
      judgeStats: { judge: string; offset: number }[];
      agreement: { n: number; k: number; block?: string[]; kendallW: number | null };
    };
    // Group A's complete block is 3 projects (judge-b recused from P02), group B's 4: B wins.
    expect(json.agreement).toMatchObject({ n: 4, k: 3, block: ['judge-c', 'judge-d', 'judge-e'] });
    expect(json.agreement.kendallW).not.toBeNull();
    const p05 = json.projects.find((p) => p.id === 'P05')!;
    expect(Object.keys(p05.scores)).toEqual(['judge-c', 'judge-d', 'judge-e']);
    const offsets = Object.fromEntries(json.judgeStats.map((j) => [j.judge, j.offset]));
    // In millionths, so that the sum is exact.
    expect(Object.values(offsets).reduce((a, o) => a + Math.round(o * 1e6), 0)).toBe(0);
    // Group B's judges score higher than judge-c on the same projects (by 8.5 to 12 points).
    expect(offsets['judge-d']! - offsets['judge-c']!).toBeGreaterThan(8);
    expect(offsets['judge-e']! - offsets['judge-c']!).toBeGreaterThan(8);
  });

  it('refuses a project whose group is not in groups:, and two sources at once', async () => {
    const groups = 'groups:\n  A: [a, b]\n';
    const dir = folder({
      'rubric.yaml': rubric + groups,
      'projects.csv': 'id,分组\nP1,A\nP2,C\n',
      'scores/a.csv': rows('P1,80'),
      'scores/b.csv': rows('P1,75'),
    });
    const r = await pcv(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${path.join(dir, 'projects.csv')}:3: project P2: group "C" is not in groups:`,
    );
    writeFileSync(path.join(dir, 'assignments.csv'), 'judge,project\na,P1\n');
    const both = await pcv(['validate', dir]);
    expect(both.stderr).toContain(
      'assignments.csv: both this file and groups: in ' + path.join(dir, 'rubric.yaml'),
    );
  });
});

describe('pcv template with judge groups', () => {
  it("writes each judge's sheet with only their assigned projects", async () => {
    const out = tempDir();
    const r = await pcv(['template', fixture('judge-groups'), '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    const ids = (judge: string) =>
      readFileSync(path.join(out, `${judge}.csv`), 'utf8')
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[0]);
    expect(ids('judge-a')).toEqual(['P01', 'P02', 'P03', 'P04']);
    expect(ids('judge-d')).toEqual(['P05', 'P06', 'P07', 'P08']);
    expect(ids('judge-c')).toHaveLength(8);
    const unknown = await pcv([
      'template',
      fixture('judge-groups'),
      '--judges',
      'judge-z',
      '--out',
      tempDir(),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('judge "judge-z" is assigned no project');
  });
});

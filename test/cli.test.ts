import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expected } from './expected/huanshan-2022.js';
import { copyFixture, fixture, listFiles, pcv, spawnPcv, tempDir } from './helpers.js';

describe('pcv tally (spawned binary)', () => {
  it('tallies the huanshan review: JSON alone on stdout, summary on stderr, results.json written', () => {
    const out = tempDir();
    const r = spawnPcv([
      'tally',
      'fixtures/huanshan-2022',
      '--json',
      '--out',
      out,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      projects: { id: string; final: number; rank: number }[];
    };
    expect(json.projects.map((p) => [p.id, p.final, p.rank])).toEqual(
      expected.map((p) => [p.id, p.final, p.rank]),
    );
    expect(readFileSync(path.join(out, 'results.json'), 'utf8')).toBe(r.stdout);
    expect(r.stderr).toContain('环山街道2022年公益创投项目评审');
    expect(r.stderr).toContain('共21个项目：21个通过，0个未通过（及格线60分）'); // lang: zh
    expect(r.stderr).not.toContain(String.fromCharCode(27)); // NO_COLOR: no escape codes
    // No temporary files left; the manifest records what pcv wrote.
    expect(listFiles(out).sort()).toEqual(['.pcv-manifest.json', 'results.json']);
  });

  it('prints the summary table on stdout without --json', () => {
    const out = tempDir();
    const r = spawnPcv(['tally', 'fixtures/basic', '--out', out, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Rank\s+ID\s+Project\s+judge-1\s+judge-2\s+judge-3\s+Final\s+Result/);
    expect(r.stdout).toMatch(
      /5\s+B5\s+Night Bus Outreach\s+56\.25\s+60\.63\s+59\.38\s+58\.75\s+FAIL/,
    );
  });

  it('names the fragile decision in the summary (one judge decides a pivotal project)', () => {
    const r = spawnPcv(['tally', 'fixtures/pivotal-judge', '--out', tempDir(), '--format', 'json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('Fragile decisions: Q3 pass/fail hinges on judge-1.');
    expect(lines.at(-3)).toMatch(/^Agreement over 5 projects every judge scored: ICC3k /);
  });

  it('inside the review folder, finds the rubric and roster for scores/*.csv (glob expanded by pcv)', () => {
    const out = tempDir();
    const r = spawnPcv(
      ['tally', 'scores/*.csv', '--json', '--out', out, '--format', 'json'],
      fixture('huanshan-2022'),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ projects: 21, passed: 21, failed: 0 });
  });

  it('writes byte-identical results.json on every run', () => {
    const a = tempDir();
    const b = tempDir();
    expect(
      spawnPcv(['tally', 'fixtures/huanshan-2022', '--out', a, '--format', 'json', '--quiet']).code,
    ).toBe(0);
    expect(
      spawnPcv(['tally', 'fixtures/huanshan-2022', '--out', b, '--format', 'json', '--quiet']).code,
    ).toBe(0);
    expect(readFileSync(path.join(a, 'results.json'))).toEqual(
      readFileSync(path.join(b, 'results.json')),
    );
  });

  it('validate checks and writes nothing', () => {
    // A copy: README's first command may have left reports in the repository's fixture.
    const dir = copyFixture('huanshan-2022');
    const r = spawnPcv(['validate', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('检查完毕：5份评分表，21个项目，没有问题。'); // lang: zh
    expect(existsSync(path.join(dir, 'pcv-out'))).toBe(false);
  });
});

describe('problems across files', () => {
  it('lists every problem of every file, sorted by file and line, exit 1, nothing written', async () => {
    const dir = copyFixture('basic');
    const s1 = path.join(dir, 'scores', 'judge-1.csv');
    const s3 = path.join(dir, 'scores', 'judge-3.csv');
    writeFileSync(
      s1,
      readFileSync(s1, 'utf8').replace('B2,Senior Lunch Circle,8,', 'B2,Senior Lunch Circle,11,'),
    );
    writeFileSync(
      s3,
      readFileSync(s3, 'utf8')
        .replace(/^B5,.*\n/m, '')
        .replace('impact', 'impakt'),
    );
    const before = readFileSync(s1);
    const out = path.join(dir, 'out');
    const r = spawnPcv(['tally', dir, '--out', out]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.map((l) => l.replace(dir + path.sep, ''))).toEqual([
      'scores/judge-1.csv:3:impact: 11 exceeds the maximum 10 for Community impact',
      'scores/judge-3.csv:1:impakt: unknown column "impakt" — did you mean "impact"?',
      '2 problems in 2 files; nothing was written.',
    ]);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(s1)).toEqual(before); // inputs are never modified
  });

  it('reports a roster project a judge did not score, and the same judge twice', async () => {
    const dir = copyFixture('basic');
    const s3 = path.join(dir, 'scores', 'judge-3.csv');
    writeFileSync(s3, readFileSync(s3, 'utf8').replace(/^B5,.*\n/m, ''));
    cpSync(path.join(dir, 'scores', 'judge-1.csv'), path.join(dir, 'scores', 'judge-1-copy.csv'));
    writeFileSync(
      path.join(dir, 'scores', 'judge-1-copy.csv'),
      readFileSync(path.join(dir, 'scores', 'judge-1.csv'), 'utf8')
        .replace('comment', 'comment,judge')
        .replace(/\n(?=B)/g, '\n')
        .split('\n')
        .map((l, i) => (i === 0 || l === '' ? l : `${l},judge-1`))
        .join('\n'),
    );
    const r = await pcv(['validate', dir], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'scores/judge-1.csv: judge "judge-1" also has the sheet scores/judge-1-copy.csv',
    );
    expect(r.stderr).toContain(
      'scores/judge-3.csv: no row for project B5 (Night Bus Outreach); add its scores, or mark the judge recused',
    );
  });

  it('reports rubric problems with the key path', async () => {
    const dir = copyFixture('basic');
    const rubric = path.join(dir, 'rubric.yaml');
    writeFileSync(
      rubric,
      readFileSync(rubric, 'utf8')
        .replace('threshold: 70', 'threshold: 170')
        .replace('weight: 30', 'weight: 0'),
    );
    const r = await pcv(['validate', dir], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'rubric.yaml:6: threshold: must be from 0 to 100',
      'rubric.yaml:22: criteria[1].weight: must be > 0',
    ]);
  });

  it('warns when trimming falls back to the mean for a project with recusals', async () => {
    const dir = copyFixture('basic');
    const rubric = path.join(dir, 'rubric.yaml');
    writeFileSync(
      rubric,
      readFileSync(rubric, 'utf8').replace('aggregate: mean', 'aggregate: trimmed-mean\ntrim: 1'),
    );
    const s2 = path.join(dir, 'scores', 'judge-2.csv');
    writeFileSync(
      s2,
      readFileSync(s2, 'utf8').replace(/^B1,([^,]*),[^,]*,[^,]*,[^,]*,/m, 'B1,$1,recused,,,'),
    );
    const r = await pcv(['tally', dir, '--json', '--format', 'json', '--out', tempDir()], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const b1 = json.projects.find((p: { id: string }) => p.id === 'B1');
    // judge-1 88.125 and judge-3 88.75 remain: too few to trim, plain mean 88.4375 -> 88.44.
    expect(b1.final).toBe(88.44);
    expect(b1.scores['judge-2']).toEqual({ recused: true });
    // With 3 judges, trim 1 leaves one total for every other project: the middle one (README's
    // totals): B2 80.00 81.88 79.38 -> judge-1; B3 64.38 71.88 73.75 -> judge-2; B4 71.25 73.75
    // 74.38 -> judge-2; B5 56.25 60.63 59.38 -> judge-3. Each is named at that judge's row.
    const one = (id: string, judge: string) =>
      `project ${id}: the final rests on 1 judge's total (${judge}'s): 3 of the 3 judges scored it and the trimmed mean drops 2 of those 3 totals; check it before the results are posted`;
    expect(json.warnings).toEqual([
      `scores/judge-1.csv:3: warning: ${one('B2', 'judge-1')}`,
      'scores/judge-2.csv:2: warning: project B1: only 2 judges scored it, too few to drop 1 highest and lowest; its final is the plain mean',
      `scores/judge-2.csv:4: warning: ${one('B3', 'judge-2')}`,
      `scores/judge-2.csv:5: warning: ${one('B4', 'judge-2')}`,
      `scores/judge-3.csv:6: warning: ${one('B5', 'judge-3')}`,
    ]);
  });
});

describe('usage and file errors (exit 2, one line, no stack trace)', () => {
  it.each([
    [['tally', 'no-such-folder'], 'pcv: no-such-folder: no such file or folder'],
    [
      ['tally', 'fixtures/nothing-*.csv'],
      'pcv: fixtures/nothing-*.csv: no files match this pattern',
    ],
    [
      ['tally', 'fixtures/basic', '--threshold', 'abc'],
      'pcv: --threshold abc: must be a number from 0 to 100',
    ],
    [
      ['tally', 'fixtures/basic', '--format', 'docx'],
      'pcv: --format docx: "docx" is not one of xlsx, pdf, json, cards, panel',
    ],
    [
      ['tally', 'fixtures/basic', '--rubric', 'missing.yaml'],
      'pcv: missing.yaml: no such rubric file',
    ],
    [['tally', 'fixtures/edge/ok-bom.csv'], 'pcv: no rubric found'],
  ])('%j', async (args, message) => {
    const r = await pcv(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown option or aggregate with exit 2', () => {
    expect(spawnPcv(['tally', '--bogus']).code).toBe(2);
    const r = spawnPcv(['tally', 'fixtures/basic', '--aggregate', 'max']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'max' is invalid");
  });

  it('refuses an --out inside the score sheets folder', async () => {
    const r = await pcv(['tally', 'fixtures/basic', '--out', 'fixtures/basic/scores']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("this is the score sheets' folder");
  });

  it('shows examples in --help and the version with --version', () => {
    const help = spawnPcv(['tally', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--threshold <n>');
    const version = spawnPcv(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});

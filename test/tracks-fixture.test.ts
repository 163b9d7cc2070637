import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsJson } from '../src/render/json.js';
import { tally } from '../src/tally.js';
import { fixture, listFiles, pcv, ROOT, tempDir } from './helpers.js';

interface JsonProject {
  id: string;
  final: number;
  rank: number;
  passed: boolean;
  track: string | null;
  trackRank: number | null;
  reason: string | null;
  funding: {
    requested: number | null;
    eligible: number;
    granted: number;
    tier: null;
    status: string;
  };
}

/*
 * fixtures/huanshan-2022-funding: the huanshan-2022 finals and ranks (worked by hand in
 * test/expected/huanshan-2022.ts), ranked in two tracks by category, cap 30,000, partial at the
 * line.
 *
 * Track social (社会组织, quota 12, budget 320,000), in overall-rank order:
 *   tr  id   final  rank  asked   eligible (cap 30,000)   running total
 *    1  P06  85.17   1    50,000  30,000                   30,000
 *    2  P01  84.17   2    50,000  30,000                   60,000
 *    3  P04  80.83   3    48,000  30,000                   90,000
 *    4  P11  80.83   4    30,000  30,000                  120,000
 *    5  P09  79.75   5    45,000  30,000                  150,000
 *    6  P10  76.33   7    35,000  30,000                  180,000
 *    7  P02  75.50   8    40,000  30,000                  210,000
 *    8  P13  75.00  10    40,000  30,000                  240,000
 *    9  P03  74.17  11    35,000  30,000                  270,000
 *   10  P07  73.50  12    30,000  30,000                  300,000
 *   11  P14  71.83  14    30,000  30,000  does not fit in 20,000 left -> partial 20,000, stop
 *   12  P08  71.33  15    25,000  25,000  after the stop -> not-funded
 *   13  P05  70.83  16    cut by the quota of 12 (reason "quota")
 *   14  P12  67.17  20    cut by the quota of 12 (reason "quota")
 *   granted 320,000 of 320,000.
 *
 * Track community (社区公益服务中心, threshold 65, budget 140,000):
 *    1  P18  77.83   6    25,000  25,000                   25,000
 *    2  P16  75.50   8    30,000  30,000                   55,000
 *    3  P21  72.83  13    30,000  30,000                   85,000
 *    4  P15  70.33  17    20,000  20,000                  105,000
 *    5  P17  69.67  18    25,000  25,000                  130,000
 *    6  P20  68.83  19    20,000  20,000  does not fit in 10,000 left -> partial 10,000
 *    7  P19  60.67  21    below 65 (reason "threshold")
 *   granted 140,000 of 140,000.
 */
const want: [string, string, number, boolean, string | null, number, number, string][] = [
  // id, track, trackRank, passed, reason, eligible, granted, status
  ['P06', 'social', 1, true, null, 30000, 30000, 'funded'],
  ['P01', 'social', 2, true, null, 30000, 30000, 'funded'],
  ['P04', 'social', 3, true, null, 30000, 30000, 'funded'],
  ['P11', 'social', 4, true, null, 30000, 30000, 'funded'],
  ['P09', 'social', 5, true, null, 30000, 30000, 'funded'],
  ['P18', 'community', 1, true, null, 25000, 25000, 'funded'],
  ['P10', 'social', 6, true, null, 30000, 30000, 'funded'],
  ['P02', 'social', 7, true, null, 30000, 30000, 'funded'],
  ['P16', 'community', 2, true, null, 30000, 30000, 'funded'],
  ['P13', 'social', 8, true, null, 30000, 30000, 'funded'],
  ['P03', 'social', 9, true, null, 30000, 30000, 'funded'],
  ['P07', 'social', 10, true, null, 30000, 30000, 'funded'],
  ['P21', 'community', 3, true, null, 30000, 30000, 'funded'],
  ['P14', 'social', 11, true, null, 30000, 20000, 'partial'],
  ['P08', 'social', 12, true, null, 25000, 0, 'not-funded'],
  ['P05', 'social', 13, false, 'quota', 0, 0, 'not-passed'],
  ['P15', 'community', 4, true, null, 20000, 20000, 'funded'],
  ['P17', 'community', 5, true, null, 25000, 25000, 'funded'],
  ['P20', 'community', 6, true, null, 20000, 10000, 'partial'],
  ['P12', 'social', 14, false, 'quota', 0, 0, 'not-passed'],
  ['P19', 'community', 7, false, 'threshold', 0, 0, 'not-passed'],
];

/** A copy of the funding fixture with its roster and rubric edited. */
function review(editRoster: (s: string) => string, editRubric: (s: string) => string = (s) => s) {
  const dir = tempDir();
  cpSync(fixture('huanshan-2022-funding'), dir, { recursive: true });
  const edit = (name: string, fn: (s: string) => string) =>
    writeFileSync(path.join(dir, name), fn(readFileSync(path.join(dir, name), 'utf8')));
  edit('projects.csv', editRoster);
  edit('rubric.yaml', editRubric);
  return dir;
}

describe('fixtures/huanshan-2022-funding (two tracks, per-track budgets, cap, partial)', () => {
  it('matches the hand-worked track ranks, pass/fail, reasons and grants', async () => {
    const outcome = await tally({ inputs: [fixture('huanshan-2022-funding')], cwd: ROOT });
    expect(outcome.issues).toEqual([]);
    const json = resultsJson(outcome.results!) as {
      projects: JsonProject[];
      summary: Record<string, unknown>;
    };
    expect(
      json.projects.map((p) => [
        p.id,
        p.track,
        p.trackRank,
        p.passed,
        p.reason,
        p.funding.eligible,
        p.funding.granted,
        p.funding.status,
      ]),
    ).toEqual(want);
    expect(json.projects.find((p) => p.id === 'P01')!.funding).toEqual({
      requested: 50000,
      eligible: 30000,
      granted: 30000,
      tier: null,
      status: 'funded',
    });
    expect(json.summary).toEqual({
      projects: 21,
      passed: 18, // 12 social + 6 community
      failed: 3,
      tracks: [
        {
          id: 'social',
          label: '社会组织项目',
          projects: 14,
          passed: 12,
          quota: 12,
          budget: 320000,
          granted: 320000,
        },
        {
          id: 'community',
          label: '社区自办项目',
          projects: 7,
          passed: 6,
          quota: null,
          budget: 140000,
          granted: 140000,
        },
      ],
      funding: { budget: 460000, granted: 460000, left: 0 },
    });
  });
});

describe('tracks and funding: input problems at the roster line', () => {
  it('a category in no track, and a passing project without an amount, stop the tally', async () => {
    const dir = review(
      (s) =>
        s
          .replace('社会组织,35000', '社会团体,35000') // P03: a category no track lists
          .replace('文登区和家调解服务中心,社会组织,30000', '文登区和家调解服务中心,社会组织,'), // P07: no amount
    );
    // The fixture says lang: zh; --lang en keeps the terminal English for these checks.
    const r = await pcv(['tally', dir, '--out', path.join(dir, 'out'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'projects.csv:4: project P03: category "社会团体" is in no track (tracks list "社会组织", "社区公益服务中心")',
    );
    expect(listFiles(path.join(dir, 'out'))).toEqual([]);
    // With P03's category mended, P07 (passing, social track rank 10) has nothing to grant.
    const mended = review((s) =>
      s.replace('文登区和家调解服务中心,社会组织,30000', '文登区和家调解服务中心,社会组织,'),
    );
    const r2 = await pcv(['tally', mended, '--out', path.join(mended, 'out'), '--lang', 'en']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain(
      'projects.csv:8: project P07 passes but has no amount (申请金额) to grant under funding.grant: request',
    );
  });

  it('a category listed in two tracks is reported at each of its projects', async () => {
    const dir = review(
      (s) => s,
      (s) =>
        s.replace('categories: [社区公益服务中心]', 'categories: [社区公益服务中心, 社会组织]'),
    );
    const r = await pcv(['validate', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'projects.csv:2: project P01: category "社会组织" is in two tracks (social, community); a project belongs to one',
    );
    expect(r.stderr).toContain(
      'projects.csv:15: project P14: category "社会组织" is in two tracks',
    );
  });

  it('a category written twice in one track is still one track', async () => {
    const dir = review(
      (s) => s,
      (s) => s.replace('categories: [社会组织]', 'categories: [社会组织, 社会组织]'),
    );
    const r = await pcv(['validate', dir]);
    expect(r.stderr).not.toContain('two tracks');
    expect(r.code).toBe(0);
  });
});

describe('terminal summary with tracks', () => {
  const summary = async () => {
    const out = tempDir();
    const r = await pcv([
      'tally',
      fixture('huanshan-2022-funding'),
      '--out',
      out,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    return r.stdout;
  };

  it('prints one line per track and the money (the review says lang: zh)', async () => {
    const stdout = await summary();
    // Sums from the table at the top of this file.
    expect(stdout).toContain(
      '社会组织项目：14个项目，12个通过，名额12个，资助320,000元（预算320,000元）',
    );
    // The community track's own pass mark (65) is named: the line above gives the review's 60.
    expect(stdout).toContain(
      '社区自办项目：7个项目，6个通过，及格线65分，资助140,000元（预算140,000元）',
    );
    expect(stdout).toContain('资金：预算460,000元，已资助460,000元，剩余0元。');
  });

  it('says a project cut by the quota failed on the quota (名额外), not on its score', async () => {
    const lines = (await summary()).split('\n');
    const row = (id: string) => lines.find((l) => l.includes(` ${id} `)) ?? '';
    // P05 (70.83) and P12 (67.17) clear 60 but are 13th and 14th of a quota of 12 (table above);
    // P19 (60.67) is below its track's 65; P14 passes.
    expect(row('P05')).toMatch(/70\.83 {2}名额外$/);
    expect(row('P12')).toMatch(/67\.17 {2}名额外$/);
    expect(row('P19')).toMatch(/60\.67 {2}未通过$/);
    expect(row('P14')).toMatch(/71\.83 {2}通过$/);
  });
});

describe('verify with funding', () => {
  it('names a grant that changed since publication', async () => {
    const dir = tempDir();
    cpSync(fixture('huanshan-2022-funding'), dir, { recursive: true });
    const out = path.join(dir, 'pcv-out');
    expect((await pcv(['tally', dir, '--out', out, '--format', 'json', '--quiet'])).code).toBe(0);
    const published = ['--results', path.join(out, 'results.json')];
    const first = await pcv(['verify', dir, ...published]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // 10,000 less for the social track: P14 (11th, partial) gets 10,000 instead of 20,000.
    const rubric = path.join(dir, 'rubric.yaml');
    writeFileSync(rubric, readFileSync(rubric, 'utf8').replace('budget: 320000', 'budget: 310000'));
    const r = await pcv(['verify', dir, ...published]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('P14：资助金额 20000 → 10000'); // lang: zh
  });
});

describe('one budget for the whole review, grants by tier, skip at the line', () => {
  it('walks the overall ranks across tracks and keeps the tier of an unfunded project', async () => {
    const dir = review(
      (s) => s,
      (s) =>
        s
          .replace('    budget: 320000\n', '')
          .replace('    budget: 140000\n', '')
          .replace(
            /funding:[\s\S]*$/,
            `funding:
  budget: 200000
  grant: tiers
  tiers:
    - { label: 一等, from: 80, amount: 30000 }
    - { label: 二等, from: 75, amount: 20000 }
    - { label: 三等, from: 60, amount: 10000 }
  atTheLine: skip
`,
          ),
    );
    const outcome = await tally({ inputs: [dir], cwd: ROOT });
    expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const json = resultsJson(outcome.results!) as {
      projects: JsonProject[];
      summary: { tracks: { granted: number; budget: null }[]; funding: object };
    };
    // Passing projects by overall rank (tier amount, lowered to a smaller request), budget 200,000:
    //   P06 85.17 一等 30,000 (asked 50,000)   30,000
    //   P01 84.17 一等 30,000                  60,000
    //   P04 80.83 一等 30,000                  90,000
    //   P11 80.83 一等 30,000                 120,000
    //   P09 79.75 二等 20,000                 140,000
    //   P18 77.83 二等 20,000                 160,000
    //   P10 76.33 二等 20,000                 180,000
    //   P02, P16 tied 8th, 二等 20,000 each: 40,000 > 20,000 left -> skipped (a warning)
    //   P13 75.00 二等 20,000                 200,000
    //   every later one (三等 10,000) finds nothing left -> not-funded, tier kept.
    // Quota and threshold as before: P05, P12 (quota) and P19 (threshold) do not pass.
    const got = Object.fromEntries(
      json.projects.map((p) => [p.id, [p.funding.tier, p.funding.granted, p.funding.status]]),
    );
    expect(got).toEqual({
      P06: ['一等', 30000, 'funded'],
      P01: ['一等', 30000, 'funded'],
      P04: ['一等', 30000, 'funded'],
      P11: ['一等', 30000, 'funded'],
      P09: ['二等', 20000, 'funded'],
      P18: ['二等', 20000, 'funded'],
      P10: ['二等', 20000, 'funded'],
      P02: ['二等', 0, 'not-funded'],
      P16: ['二等', 0, 'not-funded'],
      P13: ['二等', 20000, 'funded'],
      P03: ['三等', 0, 'not-funded'],
      P07: ['三等', 0, 'not-funded'],
      P21: ['三等', 0, 'not-funded'],
      P14: ['三等', 0, 'not-funded'],
      P08: ['三等', 0, 'not-funded'],
      P05: [null, 0, 'not-passed'],
      P15: ['三等', 0, 'not-funded'],
      P17: ['三等', 0, 'not-funded'],
      P20: ['三等', 0, 'not-funded'],
      P12: [null, 0, 'not-passed'],
      P19: [null, 0, 'not-passed'],
    });
    // Social: 4 x 30,000 + 3 x 20,000 (P09, P10, P13) = 180,000; community: P18's 20,000.
    expect(json.summary.tracks.map((t) => [t.budget, t.granted])).toEqual([
      [null, 180000],
      [null, 20000],
    ]);
    expect(json.summary.funding).toEqual({ budget: 200000, granted: 200000, left: 0 });
    expect(outcome.results!.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining('tie at the funding line: P02, P16 share rank 8'),
    );
  });
});

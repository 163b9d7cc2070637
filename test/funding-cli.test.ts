import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectTrack } from '../src/core/track-results.js';
import { pcv, tempDir } from './helpers.js';

/**
 * Small reviews worked by hand, run through the CLI as a user would: one judge and one criterion
 * out of 100, so each final is the judge's score. Projects as [id, category, amount, score].
 */
function review(rubricExtra: string, projects: [string, string, string, number][], threshold = 60) {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'scores'));
  writeFileSync(
    path.join(dir, 'rubric.yaml'),
    `title: T\nthreshold: ${threshold}\ncriteria: [{ id: s, max: 100 }]\n${rubricExtra}`,
  );
  const roster = projects.map(([id, category, amount]) => `${id},${category},${amount}\n`);
  writeFileSync(path.join(dir, 'projects.csv'), `id,category,amount\n${roster.join('')}`);
  const scores = projects.map(([id, , , s]) => `${id},${s}\n`);
  writeFileSync(path.join(dir, 'scores', 'j1.csv'), `project,s\n${scores.join('')}`);
  return dir;
}

/** results.json as far as these tests read it: the project fields are the ones track-results.ts adds. */
interface Json {
  projects: ({ id: string; passed: boolean } & Required<ProjectTrack>)[];
  summary: { passed: number; tracks?: unknown[]; funding?: unknown };
  warnings: string[];
}

async function tallyJson(dir: string) {
  const r = await pcv([
    'tally',
    dir,
    '--out',
    path.join(dir, 'out'),
    '--format',
    'json',
    '--quiet',
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const json = JSON.parse(readFileSync(path.join(dir, 'out', 'results.json'), 'utf8')) as Json;
  // These reviews have one judge, so every final rests on one total and says so
  // (test/single-total covers that warning); only the funding warnings are checked here.
  json.warnings = json.warnings.filter((w) => !w.includes('the final rests on'));
  // One row a project: where it placed, then its money.
  const rows = Object.fromEntries(
    json.projects.map(({ id, funding: f, ...p }) => {
      const place = [p.track, p.trackRank, p.passed, p.reason];
      return [id, [...place, f.eligible, f.granted, f.tier, f.status]];
    }),
  );
  return { json, rows };
}

describe('funding worked by hand, through the CLI', () => {
  it('per-track budgets in exact cents, partial shares of a tie rounded down to whole yuan', async () => {
    /*
     * Track s (budget 100,000), by track rank:
     *   S1 90 asks 33,333.33 -> fits, left 66,666.67
     *   S2 85 asks 33,333.33 -> fits, left 33,333.34
     *   S3 80 asks 40,000.00 } tied, need 60,000.01 > 33,333.34: partial, in cents
     *   S4 80 asks 20,000.01 }
     *     S3: 3,333,334 x 4,000,000 / 6,000,001 = 2,222,222.29... cents = 22,222.22 -> 22,222
     *     S4: 3,333,334 x 2,000,001 / 6,000,001 = 1,111,111.70... cents = 11,111.11 -> 11,111
     *   S5 75 asks 1,000 -> after partial the walk stops: not-funded
     *   granted 66,666.66 + 22,222 + 11,111 = 99,999.66
     * Track c (budget 33,333.33):
     *   C1 70 asks 33,333.33 -> fits exactly, left 0
     *   C2 65 asks 100 -> does not fit: its partial share of 0 leaves it not-funded (one project
     *   alone is no tie: no warning)
     * Summary: budget 133,333.33, granted 133,332.99, left 0.34.
     */
    const dir = review(
      `tracks:
  - { id: s, categories: [S], budget: 100000 }
  - { id: c, categories: [C], budget: 33333.33 }
funding: { atTheLine: partial }
`,
      [
        ['S1', 'S', '33333.33', 90],
        ['S2', 'S', '33333.33', 85],
        ['S3', 'S', '40000', 80],
        ['S4', 'S', '20000.01', 80],
        ['S5', 'S', '1000', 75],
        ['C1', 'C', '33333.33', 70],
        ['C2', 'C', '100', 65],
      ],
    );
    const { json, rows } = await tallyJson(dir);
    expect(rows).toEqual({
      S1: ['s', 1, true, null, 33333.33, 33333.33, null, 'funded'],
      S2: ['s', 2, true, null, 33333.33, 33333.33, null, 'funded'],
      S3: ['s', 3, true, null, 40000, 22222, null, 'partial'],
      S4: ['s', 3, true, null, 20000.01, 11111, null, 'partial'],
      S5: ['s', 5, true, null, 1000, 0, null, 'not-funded'],
      C1: ['c', 1, true, null, 33333.33, 33333.33, null, 'funded'],
      C2: ['c', 2, true, null, 100, 0, null, 'not-funded'],
    });
    expect(json.summary.tracks).toEqual([
      {
        id: 's',
        label: 's',
        projects: 5,
        passed: 5,
        quota: null,
        budget: 100000,
        granted: 99999.66,
      },
      {
        id: 'c',
        label: 'c',
        projects: 2,
        passed: 2,
        quota: null,
        budget: 33333.33,
        granted: 33333.33,
      },
    ]);
    expect(json.summary.funding).toEqual({ budget: 133333.33, granted: 133332.99, left: 0.34 });
    // Only the tied group (S3, S4) is a tie at the funding line.
    expect(json.warnings).toEqual([
      expect.stringMatching(/tie at the funding line in track s: S3, S4 share rank 3/),
    ]);
  });

  it('one budget across tracks by overall rank: tiers, a smaller request, the cap, skip', async () => {
    /*
     * Review threshold 50; track c's own 65. Tiers first >= 85: 30,000; second >= 75: 20,000;
     * third >= 60: 10,000; cap 25,000; budget 50,000; skip. Walking the overall ranks:
     *   1 S1 90 first 30,000, asks 40,000 (not smaller), cap -> 25,000; fits, left 25,000
     *   2 C1 86 first 30,000, asks 18,000.50 -> 18,000.50; fits, left 6,999.50
     *   3 S2 80 second 20,000 -> does not fit: skipped, not-funded (tier kept)
     *   4 S4 70 third 10,000 (no amount: fine under tiers) -> does not fit: skipped
     *   5 C2 62 below track c's 65 -> not passed, eligible 0, tier null
     *   6 S3 55 passes the review's 50 but is below every band: 0, tier null, not-funded
     * Granted 25,000 + 18,000.50 = 43,000.50; left 6,999.50. No tie, no warning.
     */
    const dir = review(
      `tracks:
  - { id: s, categories: [S] }
  - { id: c, categories: [C], threshold: 65 }
funding:
  budget: 50000
  grant: tiers
  cap: 25000
  tiers:
    - { label: first, from: 85, amount: 30000 }
    - { label: second, from: 75, amount: 20000 }
    - { label: third, from: 60, amount: 10000 }
  atTheLine: skip
`,
      [
        ['S1', 'S', '40000', 90],
        ['C1', 'C', '18000.50', 86],
        ['S2', 'S', '30000', 80],
        ['S4', 'S', '', 70],
        ['C2', 'C', '5000', 62],
        ['S3', 'S', '8000', 55],
      ],
      50,
    );
    const { json, rows } = await tallyJson(dir);
    expect(rows).toEqual({
      S1: ['s', 1, true, null, 25000, 25000, 'first', 'funded'],
      C1: ['c', 1, true, null, 18000.5, 18000.5, 'first', 'funded'],
      S2: ['s', 2, true, null, 20000, 0, 'second', 'not-funded'],
      S4: ['s', 3, true, null, 10000, 0, 'third', 'not-funded'],
      C2: ['c', 2, false, 'threshold', 0, 0, null, 'not-passed'],
      S3: ['s', 4, true, null, 0, 0, null, 'not-funded'],
    });
    expect(json.summary.funding).toEqual({ budget: 50000, granted: 43000.5, left: 6999.5 });
    expect(json.summary.passed).toBe(5);
    expect(json.warnings).toEqual([]);
  });
});

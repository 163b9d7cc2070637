import { describe, expect, it } from 'vitest';
import { resultsJson } from '../src/render/json.js';
import { tally } from '../src/tally.js';
import { expected, expectedBasic, type ExpectedProject } from './expected/huanshan-2022.js';
import { fixture, ROOT } from './helpers.js';

interface JsonProject {
  id: string;
  final: number;
  rank: number;
  passed: boolean;
  scores: Record<string, { total?: number; recused?: boolean; dropped?: boolean }>;
}

async function jsonOf(dir: string) {
  const outcome = await tally({ inputs: [fixture(dir)], cwd: ROOT });
  expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return resultsJson(outcome.results!) as { projects: JsonProject[]; [k: string]: unknown };
}

function compare(projects: JsonProject[], want: ExpectedProject[]) {
  expect(projects.map((p) => p.id)).toEqual(want.map((p) => p.id));
  for (const [i, w] of want.entries()) {
    const p = projects[i]!;
    expect({ id: p.id, final: p.final, rank: p.rank, passed: p.passed }).toEqual({
      id: w.id,
      final: w.final,
      rank: w.rank,
      passed: w.passed,
    });
    for (const [judge, total] of Object.entries(w.totals)) {
      if (total === 'recused')
        expect(p.scores[judge]).toEqual({ recused: true, comment: expect.any(String) });
      else expect(p.scores[judge]?.total).toBe(total);
    }
  }
}

describe('fixtures/huanshan-2022 (five sheets in five encodings and layouts)', () => {
  it('matches the hand-computed finals, ranks and results', async () => {
    compare((await jsonOf('huanshan-2022')).projects, expected);
  });

  it('follows the results.json contract', async () => {
    const json = await jsonOf('huanshan-2022');
    expect(json).toMatchObject({
      schemaVersion: 1,
      title: '环山街道2022年公益创投项目评审',
      date: '2022-06-14',
      threshold: 60,
      aggregate: 'trimmed-mean',
      trim: 1,
      decimals: 2,
      summary: { projects: 21, passed: 21, failed: 0 },
      warnings: [],
    });
    expect(json.criteria).toEqual([
      { id: 'roadshow', label: '路演展示', max: 20, weight: 20, step: 0.5 },
      { id: 'qualification', label: '组织资质', max: 20, weight: 20, step: 0.5 },
      { id: 'service_plan', label: '服务方案', max: 40, weight: 40, step: 0.5 },
      { id: 'management', label: '项目管理', max: 20, weight: 20, step: 0.5 },
    ]);
    const judges = json.judges as { id: string; file: string; sha256: string }[];
    expect(judges.map((j) => [j.id, j.file])).toEqual([
      ['judge-a', 'scores/judge-a.csv'],
      ['judge-b', 'scores/judge-b.csv'],
      ['judge-c', 'scores/judge-c.csv'],
      ['judge-d', 'scores/judge-d.csv'],
      ['judge-e', 'scores/judge-e.csv'],
    ]);
    for (const j of judges) expect(j.sha256).toMatch(/^[0-9a-f]{64}$/);
    // P06: totals 83.5, 95, 79.5, 90.5, 81.5 -> judge-b (95) and judge-c (79.5) are trimmed away.
    const p06 = json.projects.find((p) => p.id === 'P06')!;
    expect(p06.scores['judge-b']?.dropped).toBe(true);
    expect(p06.scores['judge-c']?.dropped).toBe(true);
    expect(p06.scores['judge-a']?.dropped).toBeUndefined();
  });
});

describe('fixtures/basic (weighted criteria, plain mean)', () => {
  it('matches the hand-computed finals, ranks and results', async () => {
    compare((await jsonOf('basic')).projects, expectedBasic);
  });

  it('lets the command line override the aggregation and threshold', async () => {
    const outcome = await tally({
      inputs: [fixture('basic')],
      cwd: ROOT,
      overrides: { aggregate: 'median', threshold: 80 },
    });
    const b1 = outcome.results!.projects.find((p) => p.id === 'B1')!;
    // Median of 88.125, 86.25, 88.75 is 88.125 -> 88.13 (half-up).
    expect(b1.final.toFixed(2)).toBe('88.13');
    expect(outcome.results!.projects.filter((p) => p.passed).map((p) => p.id)).toEqual([
      'B1',
      'B2',
    ]);
  });
});

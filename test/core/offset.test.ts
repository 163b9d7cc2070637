import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeResults } from '../../src/core/compute.js';
import { dec } from '../../src/core/decimal.js';
import { choleskySolve, designParts, fitOffsets, offsetUnits } from '../../src/core/offset.js';
import type { Rubric } from '../../src/core/rubric.js';
import type { JudgeSheet, SheetEntry } from '../../src/core/sheet.js';
import { methodNote } from '../../src/render/method-facts.js';
import { tally } from '../../src/tally.js';
import { fixture, pcv, ROOT, tempDir } from '../helpers.js';

const rubricOf = (normalize: Rubric['normalize'], aggregate: Rubric['aggregate'] = 'mean') =>
  ({
    title: 'T',
    lang: 'en',
    threshold: 70,
    aggregate,
    trim: 1,
    decimals: 2,
    tieBreak: [],
    criteria: [{ id: 'score', label: 'Score', aliases: [], max: 100, weight: 100, step: 0.5 }],
    announcement: { listAll: false },
    normalize,
  }) as Rubric;

/** Sheets from totals[project][judge] (undefined: not assigned). */
function sheetsOf(totals: (number | undefined)[][], judges: number): JudgeSheet[] {
  return Array.from({ length: judges }, (_, j) => {
    const entries = new Map<string, SheetEntry>();
    totals.forEach((row, p) => {
      const t = row[j];
      if (t === undefined) return;
      const id = `P${String(p + 1).padStart(4, '0')}`;
      entries.set(id, {
        project: id,
        line: p + 2,
        recused: false,
        scores: new Map([['score', dec(t)]]),
      });
    });
    const judge = `j${String(j + 1).padStart(3, '0')}`;
    return { judge, file: `${judge}.csv`, entries };
  });
}

/** mulberry32: a small seeded generator, so the simulated review is the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes a review folder: one criterion `score` out of 100, assignments.csv, one sheet a judge. */
function reviewFolder(
  sheets: Record<string, [string, number | 'recused'][]>,
  assignments: string,
  rubricExtra = '',
): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'scores'));
  writeFileSync(
    path.join(dir, 'rubric.yaml'),
    `title: T\nthreshold: 70\nnormalize: offset\n${rubricExtra}criteria:\n  - id: score\n    max: 100\n`,
  );
  writeFileSync(path.join(dir, 'assignments.csv'), assignments);
  for (const [judge, rows] of Object.entries(sheets)) {
    const body = rows.map(([p, t]) => `${p},${t}\n`).join('');
    writeFileSync(path.join(dir, 'scores', `${judge}.csv`), `project,score\n${body}`);
  }
  return dir;
}

interface Json {
  projects: { id: string; final: number; passed: boolean; rank: number }[];
  judgeStats: { judge: string; offset?: number }[];
}
const readJson = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'out', 'results.json'), 'utf8')) as Json;

describe('normalize: offset', () => {
  it('matches a small case solved by hand', async () => {
    /*
     * Judges a, b, c; P1 by a, b; P2 by b, c; P3 by a, c; P4 by all three.
     *   P1: a 80, b 70 (mean 75)   P2: b 60, c 66 (mean 63)
     *   P3: a 90, c 78 (mean 84)   P4: a 70, b 64, c 67 (mean 67)
     * Right-hand sides b[j] = sum of (total - project mean):
     *   a: 5 + 6 + 3 = 14;  b: -5 - 3 - 3 = -11;  c: 3 - 6 + 0 = -3
     * Each judge has 3 totals; diagonal 3 - (1/2 + 1/2 + 1/3) = 5/3; each pair of judges shares
     * one 2-judge project and P4, so off-diagonal -(1/2 + 1/3) = -5/6. With sum(o) = 0,
     * (L o)[j] = 5/3 o[j] + 5/6 o[j] = 5/2 o[j], so o = 2/5 b:
     *   o_a = 5.6, o_b = -4.4, o_c = -1.2   (sum 0)
     * Adjusted totals and their means (the finals):
     *   P1: 74.4, 74.4 -> 74.40   P2: 64.4, 67.2 -> 65.80
     *   P3: 84.4, 79.2 -> 81.80   P4: 64.4, 68.4, 68.2 -> 67.00
     * Threshold 70: P3 and P1 pass; plain means would be 84, 75, 67, 63.
     */
    const dir = reviewFolder(
      {
        a: [
          ['P1', 80],
          ['P3', 90],
          ['P4', 70],
        ],
        b: [
          ['P1', 70],
          ['P2', 60],
          ['P4', 64],
        ],
        c: [
          ['P2', 66],
          ['P3', 78],
          ['P4', 67],
        ],
      },
      'judge,project\na,P1\nb,P1\nb,P2\nc,P2\na,P3\nc,P3\na,P4\nb,P4\nc,P4\n',
    );
    const r = await pcv(['tally', dir, '--out', path.join(dir, 'out'), '--format', 'json']);
    expect(r.stderr).not.toMatch(/warning|error/);
    expect(r.code).toBe(0);
    const json = readJson(dir);
    expect(json.projects.map((p) => [p.id, p.final, p.rank, p.passed])).toEqual([
      ['P3', 81.8, 1, true],
      ['P1', 74.4, 2, true],
      ['P4', 67, 3, false],
      ['P2', 65.8, 4, false],
    ]);
    expect(json.judgeStats.map((j) => [j.judge, j.offset])).toEqual([
      ['a', 5.6],
      ['b', -4.4],
      ['c', -1.2],
    ]);
  });

  it('recovers offsets injected into a simulated review (seeded, little noise)', () => {
    const rand = seeded(2025);
    const J = 40;
    const P = 200;
    const raw = Array.from({ length: J }, () => (rand() - 0.5) * 16);
    const shift = raw.reduce((a, b) => a + b, 0) / J;
    const injected = raw.map((o) => o - shift);
    const totals = Array.from({ length: P }, () => {
      const value = 55 + rand() * 30;
      const row: (number | undefined)[] = Array.from({ length: J }, () => undefined);
      let placed = 0;
      while (placed < 4) {
        const j = Math.floor(rand() * J);
        if (row[j] !== undefined) continue;
        // Noise of at most half a point, then whole halves as a judge writes them.
        const t = value + injected[j]! + (rand() - 0.5);
        row[j] = Math.round(t * 2) / 2;
        placed++;
      }
      return row;
    });
    const computed = computeResults(rubricOf('offset'), sheetsOf(totals, J), undefined);
    const errors = injected.map((o, j) => {
      const fitted = computed.offsets!.get(`j${String(j + 1).padStart(3, '0')}`)!.toNumber();
      return Math.abs(fitted - o);
    });
    expect(Math.max(...errors)).toBeLessThan(0.5);
    expect(errors.reduce((a, b) => a + b, 0) / J).toBeLessThan(0.15);
  });

  it('with every judge scoring every project, leaves each mean of totals exactly unchanged', () => {
    const panel = fc
      .record({ judges: fc.integer({ min: 2, max: 6 }), projects: fc.integer({ min: 1, max: 8 }) })
      .chain(({ judges, projects }) =>
        fc.array(
          fc.array(fc.integer({ min: 0, max: 200 }), { minLength: judges, maxLength: judges }),
          { minLength: projects, maxLength: projects },
        ),
      );
    fc.assert(
      fc.property(panel, (halves) => {
        const totals = halves.map((row) => row.map((h) => h / 2));
        const sheets = sheetsOf(totals, totals[0]!.length);
        const plain = computeResults(rubricOf('none'), sheets, undefined);
        const offset = computeResults(rubricOf('offset'), sheets, undefined);
        const finals = (c: typeof plain) =>
          Object.fromEntries(c.projects.map((p) => [p.id, p.exactFinal.toString()]));
        expect(finals(offset)).toEqual(finals(plain));
        const sum = [...offset.offsets!.values()].reduce((a, o) => a.plus(o), dec(0));
        expect(sum.isZero()).toBe(true);
      }),
    );
  });

  it('aggregates the adjusted totals by median and trimmed mean', async () => {
    /*
     * Complete panel, so offset[j] = judge j's mean - the grand mean.
     * Median, judges a, b, c:  P1: 90, 80, 70   P2: 80, 60, 76
     *   means a 85, b 70, c 73, grand 76 -> offsets a 9, b -6, c -3 (sum 0)
     *   adjusted P1: 81, 86, 73 -> median 81 (plain median 80)
     *            P2: 71, 66, 79 -> median 71 (plain median 76)
     * Trimmed mean (trim 1), judges a, b, c, d:  P1: 90, 80, 70, 60   P2: 80, 60, 76, 64
     *   means a 85, b 70, c 73, d 62, grand 72.5 -> offsets 12.5, -2.5, 0.5, -10.5 (sum 0)
     *   adjusted P1: 77.5, 82.5, 69.5, 70.5 -> drop 82.5 and 69.5 -> (77.5 + 70.5) / 2 = 74
     *            P2: 67.5, 62.5, 75.5, 74.5 -> drop 75.5 and 62.5 -> (67.5 + 74.5) / 2 = 71
     */
    const scores = { a: [90, 80], b: [80, 60], c: [70, 76], d: [60, 64] };
    const sheetsFor = (judges: (keyof typeof scores)[]) =>
      Object.fromEntries(
        judges.map((j) => [j, scores[j].map((t, p) => [`P${p + 1}`, t] as [string, number])]),
      );
    const pairs = (judges: string[]) =>
      `judge,project\n${judges.flatMap((j) => [`${j},P1\n`, `${j},P2\n`]).join('')}`;
    const run = async (dir: string) => {
      const r = await pcv(['tally', dir, '--out', path.join(dir, 'out'), '--format', 'json']);
      expect(r.code).toBe(0);
      const json = readJson(dir);
      return [
        json.projects.map((p) => [p.id, p.final]),
        json.judgeStats.map((j) => [j.judge, j.offset]),
      ];
    };
    expect(
      await run(
        reviewFolder(sheetsFor(['a', 'b', 'c']), pairs(['a', 'b', 'c']), 'aggregate: median\n'),
      ),
    ).toEqual([
      [
        ['P1', 81],
        ['P2', 71],
      ],
      [
        ['a', 9],
        ['b', -6],
        ['c', -3],
      ],
    ]);
    expect(
      await run(
        reviewFolder(
          sheetsFor(['a', 'b', 'c', 'd']),
          pairs(['a', 'b', 'c', 'd']),
          'aggregate: trimmed-mean\ntrim: 1\n',
        ),
      ),
    ).toEqual([
      [
        ['P1', 74],
        ['P2', 71],
      ],
      [
        ['a', 12.5],
        ['b', -2.5],
        ['c', 0.5],
        ['d', -10.5],
      ],
    ]);
  });

  it('leaves a recused (still assigned) pair out of the fit', async () => {
    /*
     * P1 by a, b; P2 by b, c (a assigned but recused); P3 by a, c.
     *   P1: a 80, b 70   P2: b 60, c 66   P3: a 90, c 84
     * Two judges a project: the fit minimises the squared differences against o_j - o_k:
     *   (x - 10)^2 + (y + 6)^2 + (x + y - 6)^2, x = o_a - o_b, y = o_b - o_c
     *   d/dx: 2x + y = 16; d/dy: x + 2y = 0 -> y = -16/3, x = 32/3
     *   with o_a + o_b + o_c = 0: o_a = 16/3, o_b = -16/3, o_c = 0 -> 5.333333, -5.333333, 0
     * Finals (means of adjusted totals, rounded half-up):
     *   P1: 74.666667, 75.333333 -> 75.00   P2: 65.333333, 66 -> 65.6666665 -> 65.67
     *   P3: 84.666667, 84 -> 84.3333335 -> 84.33
     */
    const dir = reviewFolder(
      {
        a: [
          ['P1', 80],
          ['P2', 'recused'],
          ['P3', 90],
        ],
        b: [
          ['P1', 70],
          ['P2', 60],
        ],
        c: [
          ['P2', 66],
          ['P3', 84],
        ],
      },
      'judge,project\na,P1\nb,P1\na,P2\nb,P2\nc,P2\na,P3\nc,P3\n',
    );
    const r = await pcv(['tally', dir, '--out', path.join(dir, 'out'), '--format', 'json']);
    expect(r.code).toBe(0);
    const json = readJson(dir);
    expect(json.projects.map((p) => [p.id, p.final])).toEqual([
      ['P3', 84.33],
      ['P1', 75],
      ['P2', 65.67],
    ]);
    expect(json.judgeStats.map((j) => [j.judge, j.offset])).toEqual([
      ['a', 5.333333],
      ['b', -5.333333],
      ['c', 0],
    ]);
  });

  it('refuses a design whose groups share no judge, naming each part', async () => {
    const dir = reviewFolder(
      {
        a: [
          ['P1', 80],
          ['P2', 70],
        ],
        b: [
          ['P1', 75],
          ['P2', 72],
        ],
        c: [['P3', 60]],
        d: [['P3', 66]],
      },
      'judge,project\na,P1\nb,P1\na,P2\nb,P2\nc,P3\nd,P3\n',
    );
    const r = await pcv(['tally', dir, '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('assignments.csv: normalize: offset cannot put these judges');
    expect(r.stderr).toContain('(1) a, b: 2 projects; (2) c, d: 1 project');
    expect(r.stderr).toContain('Groups that share no judge cannot be compared');
  });

  it('solves by Cholesky, and rounds offsets to millionths that sum to exactly zero', () => {
    // [[4, 2], [2, 3]] x = [2, 1]: x = (1/8)[3*2 - 2*1, 4*1 - 2*2] = [0.5, 0]
    expect([
      ...choleskySolve(Float64Array.from([4, 2, 2, 3]), Float64Array.from([2, 1]), 2),
    ]).toEqual([0.5, 0]);
    // 0.4, 0.4 and -0.8 millionths round to 0, 0 and -1: one unit short. It goes to the offset
    // whose rounding went down furthest (0.4 each: the first on the tie).
    const units = offsetUnits(Float64Array.from([4e-7, 4e-7, -8e-7]), () => true);
    expect(units).toEqual([1, 0, -1]);
  });

  it('finds the connected parts of a design', () => {
    // P0: judges 0, 1; P1: judge 2; P2: judges 2, 3; judge 4 scored nothing.
    const design = {
      judgeCount: 5,
      start: Int32Array.from([0, 2, 3]),
      count: Int32Array.from([2, 1, 2]),
      judge: Int32Array.from([0, 1, 2, 2, 3]),
      total: new Float64Array(5),
    };
    expect(designParts(design)).toEqual([
      { judges: [0, 1], projects: 1 },
      { judges: [2, 3], projects: 2 },
    ]);
    // Exact data (no noise): the fit returns the offsets that made it, 1 and -1.
    const exact = {
      ...design,
      judgeCount: 2,
      start: Int32Array.from([0, 2]),
      count: Int32Array.from([2, 2]),
      judge: Int32Array.from([0, 1, 0, 1]),
      total: Float64Array.from([71, 69, 51, 49]),
    };
    const fitted = fitOffsets(exact);
    expect(fitted[0]).toBeCloseTo(1, 12);
    expect(fitted[1]).toBeCloseTo(-1, 12);
  });
});

describe('normalize: offset in the reports (fixtures/judge-groups)', () => {
  it('says in the method note that totals were adjusted for leniency, and keeps leave-one-out', async () => {
    const outcome = await tally({ inputs: [fixture('judge-groups')], cwd: ROOT });
    const results = outcome.results!;
    expect(methodNote(results)).toContain(
      "Each judge's totals were first adjusted for that judge's leniency, estimated from all the scores of the review.",
    );
    expect(methodNote({ ...results, rubric: { ...results.rubric, lang: 'zh' } })).toContain(
      '各评委总分先按全部评审数据估计的评委宽严程度',
    );
    // Without judge-d, P05's final is the mean of the other two adjusted totals, with the
    // offsets fitted on the whole review (judge-a never scored P05: no change without them).
    const p05 = results.projects.find((p) => p.id === 'P05')!;
    const adjusted = (j: string) => {
      const s = p05.scores.get(j)!;
      return s.recused ? NaN : s.normalizedTotal!.toNumber();
    };
    const loo = results.analytics.projects.find((p) => p.id === 'P05')!.leaveOneOut;
    const withoutD = loo.find((a) => a.judge === 'judge-d')!.final!;
    // Rounded half-up to 2 places: within half a hundredth of the exact mean.
    const exact = (adjusted('judge-c') + adjusted('judge-e')) / 2;
    expect(Math.abs(withoutD - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(loo.find((a) => a.judge === 'judge-a')!.final).toBe(p05.final.toNumber());
  });
});

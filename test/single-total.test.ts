import { describe, expect, it } from 'vitest';
import { pcv, tempDir } from './helpers.js';
import { oneCriterionReview } from './review-folder.js';

interface Json {
  warnings: string[];
  projects: { id: string; final: number }[];
}

async function tallyJson(dir: string) {
  const r = await pcv(['tally', dir, '--json', '--format', 'json', '--out', tempDir()], dir);
  expect(r.code).toBe(0);
  return { json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

const P = (a: number | 'recused', b: number | 'recused') => ({ P1: a, P2: b });

describe("a final that rests on one judge's total (issue #10, item 5)", () => {
  it('4 judges, trim 1, one recusal: 3 totals, 2 dropped, 1 left — warned, naming project and judge', async () => {
    // P2: a 70, b 80, c 90, d recused. Trimmed: 70 and 90 dropped, the final is b's 80 alone.
    // P1: 60 70 80 90, 60 and 90 dropped, (70 + 80) / 2 = 75 from two totals: no warning.
    const dir = oneCriterionReview('aggregate: trimmed-mean\ntrim: 1', {
      a: P(60, 70),
      b: P(70, 80),
      c: P(80, 90),
      d: P(90, 'recused'),
    });
    const { json } = await tallyJson(dir);
    expect(json.projects.map((p) => [p.id, p.final])).toEqual([
      ['P2', 80],
      ['P1', 75],
    ]);
    // At b's row of P2 (line 3 of b.csv), the total that decides.
    expect(json.warnings).toEqual([
      "scores/b.csv:3: warning: project P2: the final rests on 1 judge's total (b's): 3 of the 4 judges scored it and the trimmed mean drops 2 of those 3 totals; check it before the results are posted",
    ]);
    const table = await pcv(['tally', dir, '--format', 'json', '--out', tempDir()], dir);
    expect(table.stdout).toContain(
      "Finals resting on one judge's total (see the warnings): P2 (b).",
    );
  });

  // [case, aggregate and trim, the judges' scores of P2 (every judge scores P1), projects warned]
  it.each([
    ['mean, one judge present', 'aggregate: mean', [70, 'recused'], ['P2']],
    ['mean, two present', 'aggregate: mean', [70, 80], []],
    ['median, one present', 'aggregate: median', [70, 'recused', 'recused'], ['P2']],
    ['median of two (their mean)', 'aggregate: median', [70, 80, 'recused'], []],
    ['median of three (the middle one, by design)', 'aggregate: median', [70, 80, 90], []],
    // Three judges and trim 1: P1's final, too, is its middle total.
    ['trim 1 leaving 1 of 3', 'aggregate: trimmed-mean\ntrim: 1', [70, 80, 90], ['P1', 'P2']],
    ['trim 1 leaving 2 of 4', 'aggregate: trimmed-mean\ntrim: 1', [70, 80, 90, 95], []],
    [
      'trim 1, two present: the plain mean of 2',
      'aggregate: trimmed-mean\ntrim: 1',
      [70, 80, 'recused'],
      ['P1'],
    ],
    [
      'trim 1, one present: the plain mean of 1',
      'aggregate: trimmed-mean\ntrim: 1',
      [70, 'recused', 'recused'],
      ['P1', 'P2'],
    ],
    [
      'trim 2 leaving 1 of 5',
      'aggregate: trimmed-mean\ntrim: 2',
      [60, 70, 80, 90, 95, 'recused'],
      ['P2'],
    ],
    ['trim 0: a plain mean of 3', 'aggregate: trimmed-mean\ntrim: 0', [70, 80, 90], []],
  ] as const)('%s', async (_, rubric, p2, warned) => {
    // Everyone scores P1, so the panel is valid whatever the trim.
    const judges = Object.fromEntries(
      p2.map((s, j) => [`j${j + 1}`, P(50 + j, s as number | 'recused')]),
    );
    const { json } = await tallyJson(oneCriterionReview(rubric, judges));
    const one = json.warnings.filter((w) => w.includes("rests on 1 judge's total"));
    expect(one.map((w) => /project (\w+)/.exec(w)![1]).sort()).toEqual(warned);
  });
});

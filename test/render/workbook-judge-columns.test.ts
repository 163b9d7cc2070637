import { describe, expect, it } from 'vitest';
import type { Results } from '../../src/core/model.js';
import { ProjectScores } from '../../src/core/project-scores.js';
import { judgeColumns } from '../../src/render/workbook/judge-columns.js';
import { reportText } from '../../src/text/report.js';
import { tally } from '../../src/tally.js';
import { fixture, ROOT } from '../helpers.js';

async function resultsOf(dir: string): Promise<Results> {
  const { results, issues } = await tally({ inputs: [dir], cwd: ROOT });
  if (!results) throw new Error(`tally failed: ${JSON.stringify(issues)}`);
  return results;
}

/*
 * The Summary's judge columns read computed scores row by row (ProjectScores.forEachRow) and any
 * other map of scores entry by entry: both give each judge's cell where a look-up by judge does.
 */
describe('judgeColumns', () => {
  for (const name of ['huanshan-2022', 'pivotal-judge']) {
    it(`puts each judge's total or recusal in the judge's column (${name})`, async () => {
      const results = await resultsOf(fixture(name));
      const t = reportText(results.rubric.lang).workbook;
      const jc = judgeColumns(results, t);
      const judges = results.judges.map((j) => j.id);
      // The cells by a look-up per judge, as the column is meant to read.
      const recused = t.recused;
      const expected = results.projects.map((p) =>
        judges.map((j) => {
          const s = p.scores.get(j);
          if (s === undefined) return undefined;
          return s.recused ? recused : s.total.toNumber();
        }),
      );
      const shown = (p: Results['projects'][number]) =>
        jc.cells(p).map((c) => (c === undefined ? undefined : c.value));
      expect(results.projects.every((p) => p.scores instanceof ProjectScores)).toBe(true);
      const computed = results.projects.map(shown);
      // Totals rounded to the review's places: compare at those places.
      const round = (rows: unknown[][]) =>
        rows.map((r) =>
          r.map((v) => (typeof v === 'number' ? v.toFixed(results.rubric.decimals) : v)),
        );
      expect(round(computed)).toEqual(round(expected));
      expect(computed.flat()).toContain(recused);
      // The same results with each project's scores as a plain map, judges in reverse order.
      const plain = results.projects.map((p) => ({
        ...p,
        scores: new Map([...p.scores].reverse()),
      }));
      expect(plain.map(shown)).toEqual(computed);
    });
  }
});

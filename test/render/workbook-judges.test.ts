import { describe, expect, it } from 'vitest';
import { reportText } from '../../src/text/report.js';
import { judgesSheet } from '../../src/render/workbook/judges.js';
import { round } from '../../src/render/workbook/numbers.js';
import type { Dec } from '../../src/core/decimal.js';
import type { CellSpec, RowSpec } from '../../src/render/workbook/writer.js';
import { tally, type Results } from '../../src/tally.js';
import { fixture, ROOT } from '../helpers.js';

async function resultsOf(dir: string): Promise<Results> {
  const { results, issues } = await tally({ inputs: [dir], cwd: ROOT });
  if (!results) throw new Error(`tally failed: ${JSON.stringify(issues)}`);
  return results;
}

const valuesOf = (rows: Iterable<RowSpec>) =>
  [...rows].map((r) => (Array.isArray(r) ? r.map((c: CellSpec | undefined) => c?.value) : r));

/*
 * The Judges sheet counts each judge's rows once, in one pass over the projects (computed scores
 * row by row, any other map entry by entry), for both of the writer's passes. These expect what looking each judge up in every project gives.
 */
describe('judgesSheet', () => {
  for (const name of ['huanshan-2022', 'judge-groups', 'pivotal-judge']) {
    it(`counts each judge's scores, recusals and drops as a look-up per project does (${name})`, async () => {
      const results = await resultsOf(fixture(name));
      const t = reportText(results.rubric.lang).workbook;
      const spec = judgesSheet(results, t);
      const first = valuesOf(spec.rows());
      // The second pass (the one written) gives the same rows.
      expect(valuesOf(spec.rows())).toEqual(first);
      const places = results.rubric.decimals;
      const expected = results.judges.map((j) => {
        let scored = 0;
        let recusals = 0;
        let dropped = 0;
        const totals: Dec[] = [];
        for (const p of results.projects) {
          const s = p.scores.get(j.id);
          if (s === undefined) continue;
          if (s.recused) recusals++;
          else {
            scored++;
            totals.push(s.total);
            if (s.dropped) dropped++;
          }
        }
        const mean =
          scored > 0
            ? round(totals.reduce((a, b) => a.plus(b)).dividedBy(scored), places)
            : undefined;
        return [scored, recusals, dropped, mean];
      });
      const rows = first.slice(1, 1 + results.judges.length) as unknown[][];
      expect(rows.map((r) => r[0])).toEqual(results.judges.map((j) => j.id));
      expect(rows.map((r) => r.slice(3, 7))).toEqual(expected);
      expect(expected.some(([, recusals]) => (recusals as number) > 0)).toBe(true);
      // The same results with each project's scores as a plain map, judges in reverse order.
      const plain = {
        ...results,
        projects: results.projects.map((p) => ({ ...p, scores: new Map([...p.scores].reverse()) })),
      };
      expect(valuesOf(judgesSheet(plain, t).rows())).toEqual(first);
    });
  }
});

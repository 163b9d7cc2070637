import { describe, expect, it } from 'vitest';
import type { Results } from '../../src/core/model.js';
import { ProjectScores } from '../../src/core/project-scores.js';
import { scoresSheet } from '../../src/render/workbook/scores.js';
import type { RowSpec } from '../../src/render/workbook/writer.js';
import { reportText } from '../../src/text/report.js';
import { tally } from '../../src/tally.js';
import { fixture, ROOT } from '../helpers.js';

async function resultsOf(dir: string): Promise<Results> {
  const { results, issues } = await tally({ inputs: [dir], cwd: ROOT });
  if (!results) throw new Error(`tally failed: ${JSON.stringify(issues)}`);
  return results;
}

/** Each cell's value and style, or the span's. */
const cellsOf = (rows: Iterable<RowSpec>) =>
  [...rows].map((r) =>
    Array.isArray(r) ? r.map((c) => (c === undefined ? c : [c.value, c.style])) : r,
  );

/*
 * The Scores sheet reads computed scores row by row (ProjectScores.forEachRow) and writes them in
 * judge order; any other map of scores is looked up judge by judge. Both give the same rows.
 */
describe('scoresSheet', () => {
  // Recusals and drops (huanshan-2022); partial panels with normalize: offset (judge-groups).
  for (const name of ['huanshan-2022', 'judge-groups']) {
    it(`writes the same rows from computed scores as from a map (${name})`, async () => {
      const results = await resultsOf(fixture(name));
      expect(results.projects.every((p) => p.scores instanceof ProjectScores)).toBe(true);
      const t = reportText(results.rubric.lang).workbook;
      const spec = scoresSheet(results, t);
      const computed = cellsOf(spec.rows());
      expect(cellsOf(spec.rows())).toEqual(computed);
      // Each project's scores as a plain map, judges in reverse order: the rows keep judge order.
      const plain = {
        ...results,
        projects: results.projects.map((p) => ({ ...p, scores: new Map([...p.scores].reverse()) })),
      };
      expect(cellsOf(scoresSheet(plain, t).rows())).toEqual(computed);
      // One row per judge's row and one per project.
      const judgeRows = results.projects.reduce((n, p) => n + p.scores.size, 0);
      expect(computed.length).toBe(1 + judgeRows + results.projects.length);
    });
  }
});

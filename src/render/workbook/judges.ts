import { type Dec } from '../../core/decimal.js';
import type { Results } from '../../core/model.js';
import { eachScore } from '../../core/project-scores.js';
import { reportText } from '../../text/report.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';

import { type SheetSpec } from './writer.js';
import { STYLE, fmt, text, number, headerRow } from './style.js';
import { round } from './numbers.js';
import { statistic } from './agreement.js';

const OFFSET_FMT = '0.00####';

/** A judge's rows of the review, counted: the Judges sheet's row before its statistics. */
interface JudgeTally {
  scored: number;
  recusals: number;
  dropped: number;
  /** The judge's totals added up, when there is any. */
  sum?: Dec;
}

export function judgesSheet(results: Results, t: Labels): SheetSpec {
  const { rubric, projects } = results;
  const header = [
    t.judge,
    t.file,
    t.sha256,
    t.scored,
    t.recusals,
    t.droppedCount,
    t.meanTotal,
    t.sdTotal,
    t.leniency,
  ];
  // With normalize: offset, the offset fitted and taken off each judge's totals.
  const x = rubric.normalize === 'offset' ? reportText(rubric.lang).workbookExtra : undefined;
  if (x) header.push(x.offset);
  const statsOf = new Map(results.analytics.judges.map((j) => [j.judge, j]));
  // What each judge scored, counted once for both of the writer's passes over the rows (a few
  // numbers per judge) and in one pass over the projects: looking each judge up in each
  // project's scores, judge by judge, made a score object 2 × judges × projects times.
  let tallies: JudgeTally[] | undefined;
  const tallyJudges = (): JudgeTally[] => {
    const at = new Map(results.judges.map((j, i) => [j.id, i]));
    const out = results.judges.map(() => ({ scored: 0, recusals: 0, dropped: 0 }) as JudgeTally);
    // In project order, as the sum was taken before: the same decimals added alike. Computed
    // results are read row by row, without a score object made for each (core/project-scores.ts).
    const add = (judge: string, total: Dec | undefined, dropped: boolean) => {
      const i = at.get(judge);
      if (i === undefined) return;
      const c = out[i]!;
      if (total === undefined) c.recusals++;
      else {
        c.sum = c.sum === undefined ? total : c.sum.plus(total);
        c.scored++;
        if (dropped) c.dropped++;
      }
    };
    for (const p of projects) eachScore(p.scores, add);
    return out;
  };
  return {
    name: t.sheets.judges,
    columns: [{ max: 30 }, { max: 50 }, { max: 66 }, {}, {}, {}, {}, {}, {}, ...(x ? [{}] : [])],
    headerRow: 1,
    tableRows: results.judges.length,
    *rows() {
      yield headerRow(header);
      tallies ??= tallyJudges();
      for (const [i, j] of results.judges.entries()) {
        const { scored, recusals, dropped, sum } = tallies[i]!;
        const mean =
          sum !== undefined
            ? number(round(sum.dividedBy(scored), rubric.decimals), fmt(rubric.decimals))
            : undefined;
        const stats = statsOf.get(j.id);
        yield [
          text(j.id),
          text(j.file),
          text(j.sha256),
          number(scored),
          number(recusals),
          number(dropped),
          mean,
          statistic(stats?.sd ?? null),
          statistic(stats?.leniency ?? null),
          // Offsets are exact to 6 places (core/offset.ts): shown as taken off the totals.
          ...(x
            ? [stats?.offset === undefined ? undefined : number(stats.offset, OFFSET_FMT)]
            : []),
        ];
      }
      yield [];
      yield { span: text(t.leniencyNote, STYLE.note) };
      if (x) yield { span: text(x.offsetNote, STYLE.note) };
    },
  };
}

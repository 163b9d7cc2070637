import { type Dec } from '../../core/decimal.js';
import type { Results } from '../../core/model.js';
import { type Labels } from '../xlsx-labels.js';

import { type SheetSpec } from './writer.js';
import { STYLE, fmt, text, number, headerRow, round } from './style.js';
import { statistic } from './agreement.js';

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
  const statsOf = new Map(results.analytics.judges.map((j) => [j.judge, j]));
  return {
    name: t.sheets.judges,
    columns: [{ max: 30 }, { max: 50 }, { max: 66 }, {}, {}, {}, {}, {}, {}],
    headerRow: 1,
    tableRows: results.judges.length,
    *rows() {
      yield headerRow(header);
      for (const j of results.judges) {
        const totals: Dec[] = [];
        let recusals = 0;
        let dropped = 0;
        for (const p of projects) {
          const s = p.scores.get(j.id);
          if (s === undefined) continue;
          if (s.recused) recusals++;
          else {
            totals.push(s.total);
            if (s.dropped) dropped++;
          }
        }
        const mean =
          totals.length > 0
            ? number(
                round(totals.reduce((a, b) => a.plus(b)).dividedBy(totals.length), rubric.decimals),
                fmt(rubric.decimals),
              )
            : undefined;
        const stats = statsOf.get(j.id);
        yield [
          text(j.id),
          text(j.file),
          text(j.sha256),
          number(totals.length),
          number(recusals),
          number(dropped),
          mean,
          statistic(stats?.sd ?? null),
          statistic(stats?.leniency ?? null),
        ];
      }
      yield [];
      yield { span: text(t.leniencyNote, STYLE.note) };
    },
  };
}

import { type Dec } from '../../core/decimal.js';
import type { Results } from '../../core/model.js';
import { reportText } from '../../text/report.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';

import { type SheetSpec } from './writer.js';
import { STYLE, fmt, text, number, headerRow } from './style.js';
import { round } from './numbers.js';
import { statistic } from './agreement.js';

const OFFSET_FMT = '0.00####';

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
  return {
    name: t.sheets.judges,
    columns: [{ max: 30 }, { max: 50 }, { max: 66 }, {}, {}, {}, {}, {}, {}, ...(x ? [{}] : [])],
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

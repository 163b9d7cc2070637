import type { Results } from '../../core/model.js';
import { reportText } from '../../text/report.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';

import { type CellSpec, type RowSpec, type SheetSpec } from './writer.js';
import { DecimalCells, TextCells } from './cell-cache.js';
import { PLAIN, withFormat } from './shared-style.js';
import { STYLE, fmt, fineFmt, text, number, headerRow, totalStyle } from './style.js';
import { exact, round } from './numbers.js';

export function scoresSheet(results: Results, t: Labels): SheetSpec {
  const { rubric, projects } = results;
  const judges = results.judges.map((j) => j.id);
  const fine = Math.max(rubric.decimals + 2, 4);
  const fineNum = fineFmt(rubric.decimals, fine);
  // With normalize: offset, each total less the judge's offset, next to the total written.
  const adjusted = rubric.normalize === 'offset';
  const extra = adjusted ? [undefined] : [];
  const header = [
    t.rank,
    t.id,
    t.name,
    t.judge,
    ...rubric.criteria.map((c) => `${c.label} (${c.max})`),
    t.total,
    ...(adjusted ? [reportText(rubric.lang).workbookExtra.adjustedTotal] : []),
    t.recusedFlag,
    t.droppedFlag,
    t.comment,
  ];
  const aggregateLabel = t.aggregateRow(rubric.aggregate);
  return {
    name: t.sheets.scores,
    columns: [
      {},
      {},
      { max: 30 },
      { max: 24 },
      ...rubric.criteria.map(() => ({ max: 20 })),
      {},
      ...(adjusted ? [{}] : []),
      {},
      {},
      { max: 50 },
    ],
    headerRow: 1,
    tableRows: projects.length * (judges.length + 1),
    *rows() {
      yield headerRow(header);
      // 60,000 rows of a 10,000-project review repeat a few cells: a judge's name, the yes mark,
      // a score or total (shared decimals), a comment. Each such cell is built once and handed
      // out again (cells are only read), and rows are filled by index, not spread.
      const scores = new DecimalCells(exact);
      const totals = new DecimalCells((d) => round(d, fine));
      const totalFmt = [false, true].map((dropped) => withFormat(totalStyle(dropped), fineNum));
      const judgeCell = new Map(judges.map((j) => [j, text(j)]));
      const comments = new TextCells(STYLE.text);
      const yes = text(t.yes);
      const recused = text(t.recused, STYLE.recused);
      // The aggregate row's fixed cells.
      const blank = text(undefined, STYLE.aggregate);
      const label = text(aggregateLabel, STYLE.aggregate);
      const finalFmt = fmt(rubric.decimals);
      const n = rubric.criteria.length;
      const width = 4 + n + extra.length + 4;
      for (const p of projects) {
        const rank = number(p.rank);
        const id = text(p.id);
        const name = text(p.name);
        for (const j of judges) {
          const s = p.scores.get(j);
          if (s === undefined) continue;
          const row: RowSpec = new Array<CellSpec | undefined>(width);
          row[0] = rank;
          row[1] = id;
          row[2] = name;
          row[3] = judgeCell.get(j);
          let k = 4;
          if (s.recused) {
            k += n;
            row[k++] = recused;
            if (adjusted) k++;
            row[k++] = yes;
            k++;
            row[k] = comments.cell(s.comment);
            yield row;
            continue;
          }
          for (const c of rubric.criteria) {
            const v = s.criteria.get(c.id);
            row[k++] = v === undefined ? undefined : scores.cell(v, PLAIN);
          }
          const style = totalFmt[s.dropped ? 1 : 0]!;
          row[k++] = totals.cell(s.total, style);
          if (adjusted)
            row[k++] =
              s.normalizedTotal === undefined ? undefined : totals.cell(s.normalizedTotal, style);
          k++;
          row[k++] = s.dropped ? yes : undefined;
          row[k] = comments.cell(s.comment);
          yield row;
        }
        const aggregate: RowSpec = [
          number(p.rank, undefined, STYLE.aggregate),
          text(p.id, STYLE.aggregate),
          text(p.name, STYLE.aggregate),
          label,
        ];
        for (const c of rubric.criteria) {
          const v = p.criteria.get(c.id);
          aggregate.push(
            v === undefined ? blank : number(round(v, fine), fineNum, STYLE.aggregate),
          );
        }
        // With offsets the final aggregates the adjusted totals, so it stands under them.
        if (adjusted) aggregate.push(blank);
        aggregate.push(number(exact(p.final), finalFmt, STYLE.aggregate), blank, blank, blank);
        yield aggregate;
      }
    },
  };
}

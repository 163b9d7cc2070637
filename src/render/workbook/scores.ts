import type { Dec } from '../../core/decimal.js';
import type { Results } from '../../core/model.js';
import { ProjectScores } from '../../core/project-scores.js';
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
      const judgeCells = judges.map((j) => text(j));
      const comments = new TextCells(STYLE.text);
      const yes = text(t.yes);
      const recused = text(t.recused, STYLE.recused);
      // The aggregate row's fixed cells.
      const blank = text(undefined, STYLE.aggregate);
      const label = text(aggregateLabel, STYLE.aggregate);
      const finalFmt = fmt(rubric.decimals);
      const n = rubric.criteria.length;
      const width = 4 + n + extra.length + 4;
      // A judge's row of the current project.
      let rank: CellSpec, id: CellSpec, name: CellSpec;
      const lead = (i: number): (CellSpec | undefined)[] => {
        const row = new Array<CellSpec | undefined>(width);
        row[0] = rank;
        row[1] = id;
        row[2] = name;
        row[3] = judgeCells[i];
        return row;
      };
      const recusedRow = (i: number, comment: string | undefined): RowSpec => {
        const row = lead(i);
        let k = 4 + n;
        row[k++] = recused;
        if (adjusted) k++;
        row[k++] = yes;
        k++;
        row[k] = comments.cell(comment);
        return row;
      };
      const scoredRow = (
        i: number,
        criteria: ReadonlyMap<string, Dec>,
        total: Dec,
        dropped: boolean,
        normalized: Dec | undefined,
        comment: string | undefined,
      ): RowSpec => {
        const row = lead(i);
        let k = 4;
        for (const c of rubric.criteria) {
          const v = criteria.get(c.id);
          row[k++] = v === undefined ? undefined : scores.cell(v, PLAIN);
        }
        const style = totalFmt[dropped ? 1 : 0]!;
        row[k++] = totals.cell(total, style);
        if (adjusted)
          row[k++] = normalized === undefined ? undefined : totals.cell(normalized, style);
        k++;
        row[k++] = dropped ? yes : undefined;
        row[k] = comments.cell(comment);
        return row;
      };
      // Computed results are read row by row (core/project-scores.ts): each judge's row of the
      // project noted by the judge's position, then written in judge order, without a score
      // object made for each (twice: the writer builds the rows twice). One callback for all.
      const J = judges.length;
      const column = new Map(judges.map((j, i) => [j, i]));
      const seen = new Int32Array(J);
      const rowAt = new Int32Array(J);
      const presentAt = new Int32Array(J);
      const totalAt: (Dec | undefined)[] = new Array<Dec | undefined>(J);
      const droppedAt: boolean[] = new Array<boolean>(J).fill(false);
      let stamp = 0;
      const note = (
        judge: string,
        total: Dec | undefined,
        dropped: boolean,
        j: number,
        k: number,
      ) => {
        const i = column.get(judge);
        if (i === undefined) return;
        seen[i] = stamp;
        rowAt[i] = j;
        presentAt[i] = k;
        totalAt[i] = total;
        droppedAt[i] = dropped;
      };
      for (const p of projects) {
        rank = number(p.rank);
        id = text(p.id);
        name = text(p.name);
        const computed = p.scores instanceof ProjectScores ? p.scores : undefined;
        if (computed) {
          stamp++;
          computed.forEachRow(note);
        }
        for (let i = 0; i < J; i++) {
          if (computed) {
            if (seen[i] !== stamp) continue;
            const j = rowAt[i]!;
            const total = totalAt[i];
            yield total === undefined
              ? recusedRow(i, computed.commentAt(j))
              : scoredRow(
                  i,
                  computed.criteriaAt(j),
                  total,
                  droppedAt[i]!,
                  computed.normalizedAt(presentAt[i]!),
                  computed.commentAt(j),
                );
            continue;
          }
          const s = p.scores.get(judges[i]!);
          if (s === undefined) continue;
          yield s.recused
            ? recusedRow(i, s.comment)
            : scoredRow(i, s.criteria, s.total, s.dropped, s.normalizedTotal, s.comment);
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

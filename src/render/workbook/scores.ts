import type { Results } from '../../core/model.js';
import { reportText } from '../../text/report.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';

import { type SheetSpec } from './writer.js';
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
      for (const p of projects) {
        const lead = [number(p.rank), text(p.id), text(p.name)];
        for (const j of judges) {
          const s = p.scores.get(j);
          if (s === undefined) continue;
          if (s.recused) {
            yield [
              ...lead,
              text(j),
              ...rubric.criteria.map(() => undefined),
              text(t.recused, STYLE.recused),
              ...extra,
              text(t.yes),
              undefined,
              text(s.comment, STYLE.text),
            ];
            continue;
          }
          yield [
            ...lead,
            text(j),
            ...rubric.criteria.map((c) => {
              const v = s.criteria.get(c.id);
              return v === undefined ? undefined : number(exact(v));
            }),
            number(round(s.total, fine), fineNum, totalStyle(s.dropped)),
            ...(adjusted
              ? [
                  s.normalizedTotal === undefined
                    ? undefined
                    : number(round(s.normalizedTotal, fine), fineNum, totalStyle(s.dropped)),
                ]
              : []),
            undefined,
            s.dropped ? text(t.yes) : undefined,
            text(s.comment, STYLE.text),
          ];
        }
        yield [
          number(p.rank, undefined, STYLE.aggregate),
          text(p.id, STYLE.aggregate),
          text(p.name, STYLE.aggregate),
          text(aggregateLabel, STYLE.aggregate),
          ...rubric.criteria.map((c) => {
            const v = p.criteria.get(c.id);
            return v === undefined
              ? text(undefined, STYLE.aggregate)
              : number(round(v, fine), fineNum, STYLE.aggregate);
          }),
          // With offsets the final aggregates the adjusted totals, so it stands under them.
          ...(adjusted
            ? [
                text(undefined, STYLE.aggregate),
                number(exact(p.final), fmt(rubric.decimals), STYLE.aggregate),
              ]
            : [number(exact(p.final), fmt(rubric.decimals), STYLE.aggregate)]),
          text(undefined, STYLE.aggregate),
          text(undefined, STYLE.aggregate),
          text(undefined, STYLE.aggregate),
        ];
      }
    },
  };
}

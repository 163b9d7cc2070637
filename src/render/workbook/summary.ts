import type { Results } from '../../core/model.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';
import { exact } from './numbers.js';

import { type CellSpec, type SheetSpec } from './writer.js';
import { STYLE, fmt, text, number, headerRow, listIds } from './style.js';
import { resultCell, trackColumns } from './track-columns.js';
import { judgeColumns } from './judge-columns.js';

export function summarySheet(results: Results, t: Labels): SheetSpec {
  const { rubric, projects } = results;
  const dec = fmt(rubric.decimals);
  const tc = trackColumns(results);
  const jc = judgeColumns(results, t);
  const header = [
    t.rank,
    t.id,
    t.name,
    t.organization,
    t.category,
    ...(tc?.leadHeader ?? []),
    ...jc.header,
    t.final,
    t.result,
    ...(tc?.tailHeader ?? []),
  ];
  const anyDropped = projects.some((p) =>
    [...p.scores.values()].some((s) => !s.recused && s.dropped),
  );
  const anyRecused = projects.some((p) => [...p.scores.values()].some((s) => s.recused));
  const fellBack = projects.filter((p) => p.fellBack).map((p) => p.id);

  const notes: CellSpec[] = [];
  if (anyDropped) {
    notes.push({
      value: {
        richText: [
          { text: t.droppedMark, font: STYLE.dropped },
          { text: t.droppedNote(rubric.trim), font: STYLE.note.font },
        ],
      },
      style: STYLE.note,
    });
  }
  if (anyRecused) notes.push(text(t.recusedNote, STYLE.note));
  notes.push(text(t.passNote(rubric.threshold, rubric.decimals), STYLE.note));
  notes.push(...(tc?.notes ?? []));
  if (fellBack.length > 0) notes.push(text(t.fallbackNote(listIds(fellBack)), STYLE.note));
  notes.push(...jc.notes);

  return {
    name: t.sheets.summary,
    columns: [
      {},
      {},
      { max: 50 },
      { max: 40 },
      { max: 24 },
      ...(tc?.leadColumns ?? []),
      ...jc.columns,
      {},
      {},
      ...(tc?.tailColumns ?? []),
    ],
    headerRow: 2,
    tableRows: projects.length,
    *rows() {
      yield { span: text(rubric.title, STYLE.title), height: 24 };
      yield headerRow(header);
      for (const p of projects) {
        yield [
          number(p.rank),
          text(p.id),
          text(p.name, STYLE.text),
          text(p.organization, STYLE.text),
          text(p.category),
          ...(tc?.lead(p) ?? []),
          ...jc.cells(p),
          number(exact(p.final), dec, STYLE.bold),
          resultCell(results, p, t),
          ...(tc?.tail(p) ?? []),
        ];
      }
      yield [];
      for (const note of notes) yield { span: note };
    },
  };
}

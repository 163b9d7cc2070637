import { toNumber } from '../../core/decimal.js';
import type { Results } from '../../core/model.js';
import { type Labels } from '../xlsx-labels.js';

import { type CellSpec, type SheetSpec } from './writer.js';
import { font, STYLE, fmt, text, number, headerRow, round, listIds } from './style.js';

export function summarySheet(results: Results, t: Labels): SheetSpec {
  const { rubric, projects } = results;
  const judges = results.judges.map((j) => j.id);
  const dec = fmt(rubric.decimals);
  const header = [t.rank, t.id, t.name, t.organization, t.category, ...judges, t.final, t.result];
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
  if (fellBack.length > 0) notes.push(text(t.fallbackNote(listIds(fellBack)), STYLE.note));

  return {
    name: t.sheets.summary,
    columns: [{}, {}, { max: 50 }, { max: 40 }, { max: 24 }, ...judges.map(() => ({})), {}, {}],
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
          ...judges.map((j) => {
            const s = p.scores.get(j);
            if (s === undefined) return undefined;
            if (s.recused) return text(t.recused, STYLE.recused);
            return number(
              round(s.total, rubric.decimals),
              dec,
              s.dropped ? { font: STYLE.dropped } : {},
            );
          }),
          number(toNumber(p.final), dec, { font: font({ bold: true }) }),
          p.passed ? text(t.pass, STYLE.pass) : text(t.fail, STYLE.fail),
        ];
      }
      yield [];
      for (const note of notes) yield { span: note };
    },
  };
}

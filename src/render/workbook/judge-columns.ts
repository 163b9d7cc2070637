import type { Dec } from '../../core/decimal.js';
import type { JudgeScore, ProjectResult, Results } from '../../core/model.js';
import { eachScore } from '../../core/project-scores.js';
import { reportText } from '../../text/report.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';

import { type CellSpec, type ColumnSpec } from './writer.js';
import { STYLE, fmt, text, totalStyle } from './style.js';
import { withFormat } from './shared-style.js';
import { DecimalCells } from './cell-cache.js';
import { round } from './numbers.js';

/**
 * Above this many judges, a review in judge groups (partial panels) shows each project's judges
 * in one cell instead of one column per judge: with 300 judges and 5 per project, 295 of every
 * row's judge columns would be empty and the table unreadable.
 */
export const MAX_JUDGE_COLUMNS = 20;

export interface JudgeColumns {
  header: string[];
  columns: ColumnSpec[];
  cells: (p: ProjectResult) => (CellSpec | undefined)[];
  notes: CellSpec[];
}

export function isPartialPanel(results: Results): boolean {
  const k = results.judges.length;
  return results.projects.some((p) => p.scores.size < k);
}

/** The Summary's judges' totals: one column per judge, or one "judge: total" cell. */
export function judgeColumns(results: Results, t: Labels): JudgeColumns {
  const { rubric } = results;
  const judges = results.judges.map((j) => j.id);
  const dec = fmt(rubric.decimals);
  if (judges.length <= MAX_JUDGE_COLUMNS || !isPartialPanel(results)) {
    // Totals are shared decimals: one cell per total and style (cell-cache.ts).
    const totals = new DecimalCells((d) => round(d, rubric.decimals));
    const styles = [false, true].map((dropped) => withFormat(totalStyle(dropped), dec));
    const recused = text(t.recused, STYLE.recused);
    const column = new Map(judges.map((j, i) => [j, i]));
    // Computed results are read row by row (core/project-scores.ts), without a score object made
    // for each judge of each project (twice: the writer builds the rows twice). One callback for
    // every project, filling the row in hand.
    let row: (CellSpec | undefined)[] = [];
    const put = (judge: string, total: Dec | undefined, dropped: boolean) => {
      const i = column.get(judge);
      if (i === undefined) return;
      row[i] = total === undefined ? recused : totals.cell(total, styles[dropped ? 1 : 0]!);
    };
    return {
      header: judges,
      columns: judges.map(() => ({})),
      cells: (p) => {
        row = judges.map(() => undefined);
        eachScore(p.scores, put);
        return row;
      },
      notes: offsetNotes(results),
    };
  }
  const x = reportText(rubric.lang).workbookExtra;
  const places = (n: number) => n.toFixed(rubric.decimals);
  // With offsets, the adjusted total follows the total written: "judge-7: 80.00 → 76.33".
  const shown = (s: JudgeScore) =>
    s.recused
      ? t.recused
      : places(round(s.total, rubric.decimals)) +
        (s.normalizedTotal !== undefined && rubric.normalize === 'offset'
          ? ` → ${places(round(s.normalizedTotal, rubric.decimals))}`
          : '') +
        (s.dropped ? ` (${t.droppedFlag})` : '');
  return {
    header: [x.judgeTotals],
    columns: [{ max: 60 }],
    cells: (p) => [text([...p.scores].map(([j, s]) => `${j}: ${shown(s)}`).join('; '), STYLE.text)],
    notes: [text(x.judgeTotalsNote, STYLE.note), ...offsetNotes(results)],
  };
}

/** With offsets the Summary's totals are the ones written; the note says what the final used. */
function offsetNotes(results: Results): CellSpec[] {
  const { rubric } = results;
  if (rubric.normalize !== 'offset') return [];
  return [text(reportText(rubric.lang).workbookExtra.summaryOffsetNote, STYLE.note)];
}

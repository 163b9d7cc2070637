import type { ProjectResult, Results } from '../../core/model.js';
import { reportText } from '../../text/report.js';
import { flagContext } from '../panel-text.js';
import type { FlagContext } from '../../text/flags.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';
import { exact } from './numbers.js';

import { type CellSpec, type SheetSpec } from './writer.js';
import { TextCells } from './cell-cache.js';
import { STYLE, fmt, text, number, headerRow, resultStyle } from './style.js';
import { TOP, TOP_TEXT } from './agreement.js';

/** The column of the flags' sentences. */
const DETAILS = 7;

/** One row per robustness or outlier flag, projects in rank order; a sentence when there is none. */
export function flagsSheet(results: Results, t: Labels): SheetSpec {
  const { rubric, analytics } = results;
  const spreadOf = new Map(analytics.projects.map((p) => [p.id, p]));
  const flagged = results.projects.flatMap((p) => {
    const spread = spreadOf.get(p.id)!;
    return spread.flags.map((f) => ({ p, f }));
  });
  const { outlier, outlierMinJudges, rankMove } = analytics.limits;
  return {
    name: t.sheets.flags,
    columns: [{}, {}, { max: 30 }, {}, {}, { max: 30 }, { max: 24 }, { max: 90 }],
    headerRow: 1,
    tableRows: flagged.length,
    *rows(full) {
      yield headerRow([t.rank, t.id, t.name, t.final, t.result, t.flag, t.judge, t.details]);
      // A project has several flags (6.8 each in a 10,000-project review): its five leading
      // cells are built once for all of them, and each kind's cell once for the sheet.
      const { kind: kinds, sentence } = reportText(rubric.lang).flags;
      const kindCells = new TextCells(TOP_TEXT);
      const judgeCells = new TextCells(TOP);
      const finalFmt = fmt(rubric.decimals);
      let lead: CellSpec[] = [];
      let leadOf: ProjectResult | undefined;
      // What a sentence needs of its project, also made once per project (flagSentence's words).
      let context: FlagContext | undefined;
      for (const { p, f } of flagged) {
        if (leadOf !== p) {
          leadOf = p;
          context = flagContext(rubric, p);
          lead = [
            number(p.rank, undefined, TOP),
            text(p.id, TOP),
            text(p.name, TOP_TEXT),
            number(exact(p.final), finalFmt, TOP),
            text(p.passed ? t.pass : t.fail, resultStyle(p.passed, TOP)),
          ];
        }
        // One literal of eight: a copy of the five then three pushes grew each of 28,000 held
        // rows to room for 23 (V8's growth step), 1.7 MB more for the collector to copy.
        yield [
          lead[0],
          lead[1],
          lead[2],
          lead[3],
          lead[4],
          kindCells.cell(kinds[f.type]),
          judgeCells.cell(f.judge),
          // The sentences soon fill their column: measuring, the rest are not built for nothing.
          full?.(DETAILS) ? undefined : text(sentence(f, context!), TOP_TEXT),
        ];
      }
      if (flagged.length === 0) yield { span: text(t.noFlags, STYLE.text) };
      yield [];
      const trim = rubric.aggregate === 'trimmed-mean' && rubric.trim > 0;
      yield { span: text(t.flagsNote(outlier, outlierMinJudges, rankMove, trim), STYLE.note) };
    },
  };
}

import type { Results } from '../../core/model.js';
import { reportText } from '../../text/report.js';
import { flagSentence } from '../panel-text.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';
import { exact } from './numbers.js';

import { type SheetSpec } from './writer.js';
import { STYLE, fmt, text, number, headerRow, resultStyle } from './style.js';
import { TOP, TOP_TEXT } from './agreement.js';

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
    *rows() {
      yield headerRow([t.rank, t.id, t.name, t.final, t.result, t.flag, t.judge, t.details]);
      for (const { p, f } of flagged) {
        yield [
          number(p.rank, undefined, TOP),
          text(p.id, TOP),
          text(p.name, TOP_TEXT),
          number(exact(p.final), fmt(rubric.decimals), TOP),
          text(p.passed ? t.pass : t.fail, resultStyle(p.passed, TOP)),
          text(reportText(rubric.lang).flags.kind[f.type], TOP_TEXT),
          text(f.judge, TOP),
          text(flagSentence(f, p, rubric), TOP_TEXT),
        ];
      }
      if (flagged.length === 0) yield { span: text(t.noFlags, STYLE.text) };
      yield [];
      const trim = rubric.aggregate === 'trimmed-mean' && rubric.trim > 0;
      yield { span: text(t.flagsNote(outlier, outlierMinJudges, rankMove, trim), STYLE.note) };
    },
  };
}

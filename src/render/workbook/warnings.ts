import { formatIssue } from '../../core/issues.js';
import type { Results } from '../../core/model.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';

import { type SheetSpec } from './writer.js';
import { STYLE, text, number, headerRow } from './style.js';

export function warningsSheet(results: Results, t: Labels): SheetSpec {
  return {
    name: t.sheets.warnings,
    columns: [{}, { max: 24 }, { max: 120 }],
    headerRow: 1,
    tableRows: results.warnings.length,
    *rows() {
      yield headerRow([t.number, t.code, t.warning]);
      for (const [i, w] of results.warnings.entries()) {
        yield [number(i + 1), text(w.code), text(formatIssue(w), STYLE.text)];
      }
    },
  };
}

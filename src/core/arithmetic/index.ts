import type { Dec } from '../decimal.js';
import type { PanelRows } from '../panel-rows.js';
import type { Rubric } from '../rubric.js';
import type { JudgeSheet, SheetEntry } from '../sheet.js';
import { decimalArithmetic } from './decimal-backend.js';
import { integerArithmetic } from './integer-backend.js';
import { scalePanel } from './integer-panel.js';
import { designOf, judgeOffsets, offsetPanel } from './offset-panel.js';
import type { Arithmetic } from './types.js';

export type { Arithmetic, Decided, Facts, Method, PanelProject, PanelScore } from './types.js';

/**
 * The one choice of arithmetic for a review, made once: integers when every number fits
 * (always, for real rubrics), decimal.js for z-scores, whose square roots are not exact, and for
 * scores beyond a double's integer range. Both decide the same finals, passes and ranks (the
 * equivalence tests hold them to each other); the integers are many times faster.
 *
 * With `normalize: offset` the judges' offsets are fitted here, once, on the whole review, and
 * taken off the totals exactly by whichever arithmetic decides; they are returned for the results.
 */
export function chooseArithmetic(
  projects: readonly { id: string; entries: readonly (SheetEntry | undefined)[] }[],
  rubric: Rubric,
  judges: readonly JudgeSheet[],
  /** The same entries as typed rows, when the sheets have them (core/panel-rows.ts). */
  rows?: PanelRows,
): { arithmetic: Arithmetic; offsets?: Map<string, Dec> } {
  const integers =
    rubric.normalize !== 'zscore'
      ? scalePanel(projects, rubric.criteria, judges.length, rows)
      : undefined;
  if (rubric.normalize !== 'offset') {
    return {
      arithmetic: integers
        ? integerArithmetic(integers, rubric)
        : decimalArithmetic(projects, rubric, judges),
    };
  }
  const { design, den } = designOf(projects, rubric.criteria, judges.length, integers);
  const offsets = judgeOffsets(
    design,
    den,
    judges.map((j) => j.judge),
  );
  const adjusted = integers && offsetPanel(integers, offsets.units);
  return {
    arithmetic:
      integers && adjusted
        ? integerArithmetic(integers, rubric, adjusted)
        : decimalArithmetic(projects, rubric, judges, offsets.byJudge),
    offsets: offsets.byJudge,
  };
}

import type { Rubric } from '../rubric.js';
import type { JudgeSheet, SheetEntry } from '../sheet.js';
import { decimalArithmetic } from './decimal-backend.js';
import { integerArithmetic } from './integer-backend.js';
import { scalePanel } from './integer-panel.js';
import type { Arithmetic } from './types.js';

export type { Arithmetic, Decided, Facts, Method, PanelProject, PanelScore } from './types.js';

/**
 * The one choice of arithmetic for a review, made once: integers when every number fits
 * (always, for real rubrics), decimal.js for z-scores, whose square roots are not exact, and for
 * scores beyond a double's integer range. Both decide the same finals, passes and ranks (the
 * equivalence tests hold them to each other); the integers are many times faster.
 */
export function chooseArithmetic(
  projects: readonly { id: string; entries: readonly SheetEntry[] }[],
  rubric: Rubric,
  judges: readonly JudgeSheet[],
): Arithmetic {
  const panel =
    rubric.normalize === 'none' ? scalePanel(projects, rubric.criteria, judges.length) : undefined;
  return panel ? integerArithmetic(panel, rubric) : decimalArithmetic(projects, rubric, judges);
}

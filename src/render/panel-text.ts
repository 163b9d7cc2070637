import type { Flag, FlagType } from '../core/analytics.js';
import type { ProjectResult } from '../core/model.js';
import type { Lang, Rubric } from '../core/rubric.js';
import type { FlagContext } from '../text/flags.js';
import { reportText } from '../text/report.js';

export { fixed, pValue, signed } from '../text/numbers.js';
export type { Statistic } from '../text/report-statistics.js';

/**
 * What panel.pdf and the workbook share about the judging panel: the close-call margin, which
 * flags are hinges, and a flag with what its sentence needs. The words are in src/text.
 */

/** A final this close to the pass mark (or closer) is a close decision, marked in panel.pdf. */
export const CLOSE_MARGIN = 3;

/** The flags that say a decision would change: the fragile ones, as opposed to outliers. */
export function isHinge(type: FlagType): boolean {
  return type.includes('-hinges-on-');
}

// results.json words every flag of a large review: the track labels are looked up once per rubric.
const trackLabels = new WeakMap<Rubric, (id: string) => string>();

/** What a flag's sentence needs besides the flag: the project's outcome and the rubric's rules. */
export function flagContext(rubric: Rubric, project: ProjectResult): FlagContext {
  let trackLabel = trackLabels.get(rubric);
  if (trackLabel === undefined) {
    const labels = new Map((rubric.tracks ?? []).map((t) => [t.id, t.label ?? t.id]));
    trackLabel = (id) => labels.get(id) ?? id;
    trackLabels.set(rubric, trackLabel);
  }
  return {
    project,
    decimals: rubric.decimals,
    normalize: rubric.normalize,
    trim: rubric.trim,
    trackLabel,
  };
}

/** A flag as one sentence, without its kind, in `lang` (the rubric's unless said). */
export function flagSentence(
  flag: Flag,
  project: ProjectResult,
  rubric: Rubric,
  lang: Lang = rubric.lang,
): string {
  return reportText(lang).flags.sentence(flag, flagContext(rubric, project));
}

import type { ComputedResults } from '../core/model.js';
import { rescaledFrom } from '../core/rescale.js';
import { reportText } from '../text/report.js';
import type { MethodFacts } from '../text/report-method.js';
import { formatNumber } from '../text/numbers.js';

/** The facts the method note states (text/report-method.ts words them). */
export function methodFacts(results: ComputedResults): MethodFacts {
  const { rubric, projects } = results;
  const trim = rubric.aggregate === 'trimmed-mean' ? rubric.trim : 0;
  // Tracks with their own pass mark or quota: the review's threshold is not the whole rule.
  const tracks = rubric.tracks ?? [];
  return {
    method: rubric.aggregate === 'median' ? 'median' : trim > 0 ? 'trimmed' : 'mean',
    trim,
    recusals: projects.some((p) => [...p.scores.values()].some((s) => s.recused)),
    fellBack: trim > 0 && projects.some((p) => p.fellBack),
    plainSum:
      rubric.criteria.every((c) => c.weight === c.max) &&
      rubric.criteria.reduce((s, c) => s + c.max, 0) === 100,
    rescaled: rescaledFrom(rubric.criteria),
    tieBreak: rubric.tieBreak
      .map((id) => rubric.criteria.find((c) => c.id === id)?.label ?? id)
      .filter((s) => s !== ''),
    decimals: rubric.decimals,
    threshold: formatNumber(rubric.threshold),
    passRule:
      tracks.length > 0 && tracks.every((tr) => tr.threshold !== undefined)
        ? 'tracks'
        : tracks.some((tr) => tr.threshold !== undefined || tr.quota !== undefined)
          ? 'some'
          : 'review',
    offset: rubric.normalize === 'offset',
  };
}

/** One sentence on how the final score was reached, for a reader who wants to check it. */
export function methodNote(results: ComputedResults): string {
  return reportText(results.rubric.lang).method(methodFacts(results));
}

import type { Aggregate } from './rubric.js';
import { worded, type Worded } from '../text/problems.js';

/**
 * Finals that rest on one judge's total. A panel averages several judges so that no single view
 * decides; when recusals (or a small panel) leave one total after trimming — 4 judges, trim 1, one
 * recusal: 3 totals, the highest and lowest dropped, 1 left — the final is that judge's total
 * alone, and the organiser should know before it is posted.
 *
 * - mean, and trimmed mean that falls back to the mean: when only one judge scored the project;
 * - trimmed mean: when the trim leaves exactly one total (present − 2 × trim = 1);
 * - median: only when one judge scored it. The median of 3 or 5 is one judge's total by design,
 *   chosen by all the others, and the organiser asked for it; warning on every project would
 *   bury the cases that matter.
 */
export function restsOnOneTotal(
  scores: Iterable<{ recused: boolean; dropped?: boolean }>,
  aggregate: Aggregate,
): boolean {
  let present = 0;
  let kept = 0;
  for (const s of scores) {
    if (s.recused) continue;
    present++;
    if (!s.dropped) kept++;
  }
  return restsOnOneOf(present, kept, aggregate);
}

/** restsOnOneTotal() from the counts: judges present, and their totals the trim kept. */
export function restsOnOneOf(present: number, kept: number, aggregate: Aggregate): boolean {
  return aggregate === 'median' ? present === 1 : kept === 1;
}

/** The warning, in plain words: the project, the one judge, and how the others fell away. */
export function oneTotalMessage(
  id: string,
  judge: string,
  present: number,
  judges: number,
  trimmed: number,
): Worded {
  return worded('one-total', { project: id, judge, present, judges, trimmed });
}

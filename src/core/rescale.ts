import { D } from './decimal.js';
import type { Criterion } from './rubric.js';

/**
 * The sum of the criteria's maxima when totals are silently rescaled: no weights of its own (each
 * weight is its maximum) and maxima that do not add up to 100, so a judge's plain sum of 96 out of
 * 120 becomes a total of 80. Undefined when the total is the plain sum, or when the rubric sets
 * weights (then the rescaling is what the organiser asked for). Summed in decimal: 33.3 + 33.3 +
 * 33.4 is 100.
 */
export function rescaledFrom(
  criteria: readonly Pick<Criterion, 'max' | 'weight'>[],
): number | undefined {
  if (!criteria.every((c) => c.weight === c.max)) return undefined;
  const sum = criteria.reduce((s, c) => s.plus(c.max), new D(0));
  return sum.equals(100) ? undefined : sum.toNumber();
}

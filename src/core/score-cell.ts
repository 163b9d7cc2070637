import type { Dec } from './decimal.js';
import { parseNumber } from './number.js';
import type { Criterion } from './rubric.js';

/** Words that mark a recusal when written in a criterion cell. */
export const RECUSAL_WORDS = new Set(['recused', 'recuse', '回避']);
/** Values of a `recused` column that mean yes, and those that mean no. */
export const YES = new Set(['yes', 'y', 'true', '1', '是', 'x', '回避', 'recused']);
export const NO = new Set(['', 'no', 'n', 'false', '0', '否']);

/** A `recused` cell's text as looked up in YES and NO. */
export function flagText(cell: string): string {
  return cell.normalize('NFKC').trim().toLowerCase();
}

/** A score, or the reason it is not one. */
export function checkScore(
  text: string,
  criterion: Criterion,
  decimalComma: boolean,
): Dec | string {
  const what = `${criterion.label} (0-${criterion.max})`;
  if (text === '') return `missing score for ${what}`;
  const n = parseNumber(text, decimalComma);
  if (!n.ok)
    return `"${text}" is not a number; write the score for ${what} as a plain number such as 17.5`;
  const value = n.value;
  if (value.isNegative() && !value.isZero())
    return `${value.toString()} is negative; scores for ${what} run from 0`;
  if (value.greaterThan(criterion.max)) {
    return `${value.toString()} exceeds the maximum ${criterion.max} for ${criterion.label}`;
  }
  if (criterion.step !== undefined && !value.mod(criterion.step).isZero()) {
    return `${value.toString()} is not a multiple of the step ${criterion.step} for ${criterion.label}`;
  }
  return value;
}

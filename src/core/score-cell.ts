import type { Dec } from './decimal.js';
import { parseNumber } from './number.js';
import type { Criterion } from './rubric.js';
import { worded, type Worded } from '../text/problems.js';

/** Words that mark a recusal when written in a criterion cell. */
export const RECUSAL_WORDS = new Set(['recused', 'recuse', '回避']);
/** Values of a `recused` column that mean yes, and those that mean no. */
export const YES = new Set(['yes', 'y', 'true', '1', '是', 'x', '回避', 'recused']);
export const NO = new Set(['', 'no', 'n', 'false', '0', '否']);

/** A `recused` cell's text as looked up in YES and NO. */
export function flagText(cell: string): string {
  return cell.normalize('NFKC').trim().toLowerCase();
}

/** A score, or the reason it is not one (worded by the text layer). */
export function checkScore(
  text: string,
  criterion: Criterion,
  decimalComma: boolean,
): Dec | Worded {
  const what = { criterion: criterion.label, max: criterion.max };
  if (text === '') return worded('score-missing', what);
  const n = parseNumber(text, decimalComma);
  if (!n.ok) return worded('score-not-number', { text, ...what });
  const value = n.value;
  if (value.isNegative() && !value.isZero())
    return worded('score-negative', { value: value.toString(), ...what });
  if (value.greaterThan(criterion.max)) {
    return worded('score-over-max', { value: value.toString(), ...what });
  }
  if (criterion.step !== undefined && !value.mod(criterion.step).isZero()) {
    return worded('score-step', {
      value: value.toString(),
      criterion: criterion.label,
      step: criterion.step,
    });
  }
  return value;
}

import type { Lang } from '../core/rubric.js';

/**
 * What the method note says, as facts about the review (render/method-facts.ts gathers them):
 * the catalogs below turn them into one sentence on how the final score was reached.
 */
export interface MethodFacts {
  method: 'mean' | 'median' | 'trimmed';
  trim: number;
  /** Some judge recused from some project. */
  recusals: boolean;
  /** Some project had too few judges to trim, and took the plain mean. */
  fellBack: boolean;
  /** Totals are the plain sum of the scores (weights equal to maxima that add up to 100). */
  plainSum: boolean;
  /** The maxima's sum when totals are rescaled to 100 (core/rescale.ts), else undefined. */
  rescaled: number | undefined;
  /** The tie-break criteria, by label. */
  tieBreak: string[];
  decimals: number;
  /** The threshold as a person writes it (60, 62.5). */
  threshold: string;
  /** Whose pass mark counts: the review's, every track's own, or the review's with exceptions. */
  passRule: 'review' | 'tracks' | 'some';
  offset: boolean;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The note on maxima that do not add up to 100 (core/rescale.ts), a clause: once in the summary,
 * the method note and results.json (in English there, whatever the review's language).
 */
export const RESCALE_NOTE: Record<Lang, (maxSum: number) => string> = {
  en: (maxSum) =>
    `criteria maxima add up to ${maxSum}; each judge's total is rescaled to 100 points`,
  zh: (maxSum) => `各评分项满分合计${maxSum}分，每位评委的总分按比例折算为100分制`,
};

function en(f: MethodFacts): string {
  const { trim, decimals: d } = f;
  const of = f.plainSum ? "the judges' totals" : "the judges' weighted totals (0-100)";
  let s =
    f.method === 'trimmed'
      ? `The final score is the mean of ${of} after dropping the ${trim} highest and ${trim} lowest`
      : f.method === 'median'
        ? `The final score is the median of ${of}`
        : `The final score is the mean of ${of}`;
  if (f.recusals) s += ' (judges who recused are left out)';
  s +=
    d === 0
      ? ', rounded half-up to a whole number'
      : `, rounded half-up to ${d} decimal place${d === 1 ? '' : 's'}`;
  s +=
    f.passRule === 'tracks'
      ? '; each track sets its own pass mark'
      : `; projects scoring ${f.threshold} or more pass${f.passRule === 'some' ? " (a track's own pass mark or quota applies where it sets one)" : ''}`;
  if (f.tieBreak.length > 0) s += `; equal scores are ranked by ${f.tieBreak.join(', then ')}`;
  s += '.';
  if (f.fellBack) s += ` Projects scored by fewer than ${2 * trim + 1} judges take the plain mean.`;
  if (f.offset)
    s +=
      " Each judge's totals were first adjusted for that judge's leniency, estimated from all the scores of the review.";
  if (f.rescaled !== undefined) s += ` ${capitalize(RESCALE_NOTE.en(f.rescaled))}.`;
  return s;
}

function zh(f: MethodFacts): string {
  const { trim, decimals: d } = f;
  const of = f.plainSum ? '各评委总分' : '各评委按权重折算为百分制的总分';
  let s =
    f.method === 'trimmed'
      ? `最终得分为${of}去掉${trim}个最高分和${trim}个最低分后的平均分`
      : f.method === 'median'
        ? `最终得分为${of}的中位数`
        : `最终得分为${of}的平均分`;
  if (f.recusals) s += '（回避的评委不计分）';
  s += d === 0 ? '，四舍五入取整' : `，四舍五入保留${d}位小数`;
  s +=
    f.passRule === 'tracks'
      ? '；通过分数线按各组别的规定'
      : `；${f.threshold}分及以上为通过${f.passRule === 'some' ? '（组别另有分数线或名额的，按其规定）' : ''}`;
  if (f.tieBreak.length > 0) s += `；得分相同时按${f.tieBreak.join('、')}得分排序`;
  s += '。';
  if (f.fellBack) s += `评分评委不足${2 * trim + 1}人的项目取平均分。`;
  if (f.offset)
    s +=
      '各评委总分先按全部评审数据估计的评委宽严程度（偏高或偏低的幅度）作了校正，再计算最终得分。';
  if (f.rescaled !== undefined) s += `${RESCALE_NOTE.zh(f.rescaled)}。`;
  return s;
}

export const METHOD_NOTE: Record<Lang, (facts: MethodFacts) => string> = { en, zh };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A YYYY-MM-DD date (already validated) as a reader writes it. */
export const DATE: Record<Lang, (date: string) => string> = {
  en: (date) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return `${d} ${MONTHS[m - 1]} ${y}`;
  },
  zh: (date) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return `${y}年${m}月${d}日`;
  },
};

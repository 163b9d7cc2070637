import { MIN_JUDGES, MIN_TARGETS, ICC_FORMS, type Agreement } from '../core/agreement.js';
import {
  OUTLIER_LIMIT,
  type Flag,
  type FlagType,
  type ProjectAnalytics,
} from '../core/analytics.js';
import type { ProjectResult } from '../core/model.js';
import { dec, roundHalfUp, type Dec } from '../core/decimal.js';
import type { Lang, Rubric } from '../core/rubric.js';

/**
 * The words about the judging panel that both panel.pdf and the workbook show: what each
 * agreement statistic means, why one is missing, and each robustness flag as a sentence. The
 * analytics core writes its flags in English only; the Chinese sentences are rebuilt here from the
 * flags' fields, so both languages say exactly the same thing.
 */

/** A final this close to the pass mark (or closer) is a close decision, marked in panel.pdf. */
export const CLOSE_MARGIN = 3;

/** Half-up to `places`, as text. Statistics are binary floats; they print like every number. */
export function fixed(x: number, places = 2): string {
  const text = roundHalfUp(dec(x), places).toFixed(places);
  // -0.001 rounds to "-0.00": a sign on zero only confuses.
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** With an explicit sign: +6.54, -5.90, 0.00. */
export function signed(x: number, places = 2): string {
  const text = fixed(x, places);
  return Number(text) > 0 ? `+${text}` : text;
}

/** "p < 0.001" or "p = 0.023": a tiny p-value is not worth its digits. */
export function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${fixed(p, 3)}`;
}

export type Statistic = (typeof ICC_FORMS)[number] | 'kendallW';

/** One plain sentence per statistic, for an organiser who is not a statistician. */
const MEANING: Record<Lang, Record<Statistic, string>> = {
  en: {
    ICC1: "How far one judge's total can be trusted, treating the judges as interchangeable (one-way model).",
    ICC2: "How closely one judge's totals match the others' in absolute terms: a judge who scores every project higher counts as disagreeing.",
    ICC3: "How consistently one judge rates projects higher or lower like the others, ignoring that judge's overall leniency.",
    ICC1k:
      "As ICC1, but for the average of all the judges: how far the panel's mean can be trusted.",
    ICC2k:
      'As ICC2, for the average of all the judges: how closely another panel like this one would reproduce the final scores.',
    ICC3k:
      "As ICC3, for the average of all the judges: how reliably this panel's averages put the projects in order.",
    kendallW:
      'How alike the judges order the projects, from 0 (no agreement) to 1 (the same order); p is the chance of this much agreement if they ranked at random.',
  },
  zh: {
    ICC1: '单个评委评分的可靠程度（把评委视为可互换，单向模型）。',
    ICC2: '单个评委打分与他人的绝对一致程度：整体偏高或偏低也算不一致。',
    ICC3: '单个评委对项目高低的判断与他人是否一致，不计整体宽严差异。',
    ICC1k: '同ICC1，但针对全体评委的平均分：评审组平均分的可靠程度。',
    ICC2k: '同ICC2，针对全体评委的平均分：换一组同类评委能否重现最终得分。',
    ICC3k: '同ICC3，针对全体评委的平均分：平均分排出的项目高低是否可靠。',
    kendallW:
      '评委对项目排序的一致程度，0为毫无一致，1为排序完全相同；p为评委随机排序时出现如此一致的概率。',
  },
};

export function meaning(statistic: Statistic, lang: Lang): string {
  return MEANING[lang][statistic];
}

/**
 * Why some agreement statistic is missing, in the report's language, or undefined when none is.
 * The English is the core's own note; the Chinese is rebuilt from the same conditions.
 */
export function agreementNote(a: Agreement, lang: Lang): string | undefined {
  if (a.note === undefined) return undefined;
  if (lang === 'en') return `${a.note.charAt(0).toUpperCase()}${a.note.slice(1)}.`;
  if (a.k < MIN_JUDGES) return `评委少于${MIN_JUDGES}位（现有${a.k}位），无法计算一致性指标。`;
  if (a.n < MIN_TARGETS) {
    return `全部评委都评了分的项目少于${MIN_TARGETS}个（现有${a.n}个），一致性指标没有意义，不予计算。`;
  }
  const notes = a.unmeaningful.map((u) => {
    switch (u.kind) {
      case 'no-variance':
        return '部分ICC因总分差异太小而无法计算';
      case 'exact':
        return '部分ICC的置信区间因评委完全一致而无法计算';
      case 'out-of-range':
        return `${u.forms.join('、')}的估计值或置信区间超出−1至1的范围，在此无意义（项目太少，或项目之间差别太小）`;
      case 'all-equal':
        return '各评委给出的总分全部相同，Kendall W无法计算';
      case 'no-spread':
        return `${u.judges.join('、')}给所有项目的总分都相同，没有排出先后，Kendall W在此无意义`;
    }
  });
  return `${notes.join('；')}。`;
}

/** What a report prints in place of a statistic that is null although it was computed. */
export function notMeaningful(lang: Lang): string {
  return lang === 'zh' ? '在此无意义' : 'not meaningful here';
}

const TYPE: Record<Lang, Record<FlagType, string>> = {
  en: {
    outlier: 'Outlier total',
    'pass-hinges-on-judge': 'Pass/fail hinges on one judge',
    'rank-hinges-on-judge': 'Rank hinges on one judge',
    'pass-hinges-on-trim': 'Pass/fail hinges on the trim',
    'rank-hinges-on-trim': 'Rank hinges on the trim',
    'trim-fallback': 'Too few judges to trim',
  },
  zh: {
    outlier: '离群分',
    'pass-hinges-on-judge': '通过与否取决于一位评委',
    'rank-hinges-on-judge': '排名取决于一位评委',
    'pass-hinges-on-trim': '通过与否取决于去掉哪个分数',
    'rank-hinges-on-trim': '排名取决于去掉哪个分数',
    'trim-fallback': '评委人数不足，未去掉最高分和最低分',
  },
};

export function flagType(type: FlagType, lang: Lang): string {
  return TYPE[lang][type];
}

/** The flags that say a decision would change: the fragile ones, as opposed to outliers. */
export function isHinge(type: FlagType): boolean {
  return type.includes('-hinges-on-');
}

/**
 * A flag as one sentence in the rubric's language, without its type (see flagType). English is the
 * core's message; Chinese is rebuilt from the fields the core keeps for that purpose.
 */
export function flagSentence(
  flag: Flag,
  project: ProjectResult,
  spread: ProjectAnalytics,
  rubric: Rubric,
): string {
  if (rubric.lang === 'en') return flag.message;
  const d = rubric.decimals;
  const places = Math.max(d, 2);
  const judge = flag.judge ?? '';
  const final = project.final.toFixed(d);
  const alt = flag.final !== undefined ? fixed(flag.final, d) : '';
  const verdict = (passed: boolean | undefined) => (passed ? '通过' : '未通过');
  const totalOf = (id: string | undefined): string => {
    const s = id === undefined ? undefined : project.scores.get(id);
    if (s === undefined || s.recused) return '';
    return fmt(s.normalizedTotal ?? s.total, places);
  };
  const kind = rubric.normalize === 'zscore' ? '标准化总分' : '总分';
  // With tracks: the track's pass mark, and with a quota the track rank, which then decides.
  const t = flag.track;
  const why =
    t === undefined
      ? ''
      : `（${t.id}组通过线${t.threshold}${t.quota !== undefined ? `，组内第${t.to}名，名额${t.quota}` : ''}）`;
  const ranked = (to: number | undefined) =>
    t?.quota !== undefined
      ? { now: `组内排名第${t.from}`, then: `组内第${t.to}` }
      : { now: `排名第${project.rank}`, then: `第${to ?? ''}` };
  const swap = `若改为去掉${flag.instead ?? ''}的${kind}${totalOf(flag.instead)}、保留${judge}的${totalOf(flag.judge)}`;
  switch (flag.type) {
    case 'outlier': {
      const deviation = flag.deviation ?? 0;
      return `${judge}的总分${fixed(flag.total ?? 0, places)}比中位数${fixed(spread.median, places)}${
        deviation > 0 ? '高' : '低'
      }${fixed(Math.abs(deviation), places)}分（界限${OUTLIER_LIMIT}分）`;
    }
    case 'pass-hinges-on-judge':
      return `最终得分${final}，${verdict(project.passed)}；若不计${judge}的评分，将以${alt}分${verdict(flag.passed)}${why}`;
    case 'rank-hinges-on-judge': {
      const r = ranked(flag.rank);
      return `${r.now}；若不计${judge}的评分，将排${r.then}名（${alt}分）`;
    }
    case 'pass-hinges-on-trim':
      return `最终得分${final}，${verdict(project.passed)}；${swap}，将以${alt}分${verdict(flag.passed)}${why}`;
    case 'rank-hinges-on-trim': {
      const r = ranked(flag.rank);
      return `${r.now}；${swap}，将排${r.then}名（${alt}分）`;
    }
    case 'trim-fallback': {
      const present = [...project.scores.values()].filter((s) => !s.recused).length;
      return `仅${present}位评委评分，不足以去掉${rubric.trim}个最高分和${rubric.trim}个最低分，最终得分按算术平均计算`;
    }
  }
}

function fmt(value: Dec, places: number): string {
  return roundHalfUp(value, places).toFixed(places);
}

import { MIN_JUDGES, MIN_TARGETS, type Agreement, type IccForm } from '../core/agreement.js';
import type { Lang } from '../core/rubric.js';

export type Statistic = IccForm | 'kendallW';

/** The words about the panel's agreement that panel.pdf, the workbook and the terminal share. */
export interface StatisticsWords {
  /** One plain sentence per statistic, for an organiser who is not a statistician. */
  meaning: Record<Statistic, string>;
  /** What a report prints in place of a statistic that is null although it was computed. */
  notMeaningful: string;
  /** Why some agreement statistic is missing, or undefined when none is: a sentence. */
  agreementNote: (a: Agreement) => string | undefined;
  /** The same reason as the terminal quotes it, after "Agreement: " or "原因：". */
  agreementReason: (a: Agreement) => string | undefined;
}

const en: StatisticsWords = {
  meaning: {
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
  notMeaningful: 'not meaningful here',
  // The core's own note (results.json keeps it), as a sentence.
  agreementNote: (a) =>
    a.note === undefined ? undefined : `${a.note.charAt(0).toUpperCase()}${a.note.slice(1)}.`,
  agreementReason: (a) => a.note,
};

const zh: StatisticsWords = {
  meaning: {
    ICC1: '单个评委评分的可靠程度（把评委视为可互换，单向模型）。',
    ICC2: '单个评委打分与他人的绝对一致程度：整体偏高或偏低也算不一致。',
    ICC3: '单个评委对项目高低的判断与他人是否一致，不计整体宽严差异。',
    ICC1k: '同ICC1，但针对全体评委的平均分：评审组平均分的可靠程度。',
    ICC2k: '同ICC2，针对全体评委的平均分：换一组同类评委能否重现最终得分。',
    ICC3k: '同ICC3，针对全体评委的平均分：平均分排出的项目高低是否可靠。',
    kendallW:
      '评委对项目排序的一致程度，0为毫无一致，1为排序完全相同；p为评委随机排序时出现如此一致的概率。',
  },
  notMeaningful: '在此无意义',
  agreementNote: zhReason,
  agreementReason: zhReason,
};

// Rebuilt from the same conditions as the core's English note.
function zhReason(a: Agreement): string | undefined {
  if (a.note === undefined) return undefined;
  if (a.noBlock === true) {
    return `各评委评的项目不同（分组评审），找不到${MIN_TARGETS}个由同一批评委（${MIN_JUDGES}位或以上）都评了分的项目；一致性指标需要这样一组完整的评分，无法计算。`;
  }
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

export const STATISTICS_WORDS: Record<Lang, StatisticsWords> = { en, zh };

import type { Lang } from '../core/rubric.js';

/** panel.pdf's words for `normalize: offset`: the chart's legend, the table column, the note. */
export interface OffsetLabels {
  leniencyKey: string;
  offsetKey: string;
  offset: string;
  /** Under the report's title: what the offset is and what it does to the totals. */
  methodNote: string;
  /** The chart continued on the next page. */
  continued: (heading: string) => string;
}

const ZH: OffsetLabels = {
  leniencyKey: '宽严度（与中位数之差的平均值）',
  offsetKey: '拟合偏移（已从总分中扣除）',
  offset: '宽严偏移',
  methodNote:
    '宽严偏移：以“总分＝项目分值＋评委偏移”为模型，按本次评审的全部总分用最小二乘法拟合，各评委偏移之和为零；正值表示该评委打分比评审组整体偏高。每个总分先减去该评委的偏移，再按上述方法计算最终得分。',
  continued: (h) => `${h}（续）`,
};

const EN: OffsetLabels = {
  leniencyKey: 'leniency (mean difference from the median)',
  offsetKey: 'fitted offset (taken off the totals)',
  offset: 'Offset',
  methodNote:
    "A judge's offset is fitted by least squares over every total of the review, on the model total = project value + judge offset, the offsets adding up to zero; positive means the judge scores above the panel as a whole. Each total less its judge's offset is what the final is computed from.",
  continued: (h) => `${h} (continued)`,
};

export const OFFSET_LABELS: Record<Lang, OffsetLabels> = { en: EN, zh: ZH };

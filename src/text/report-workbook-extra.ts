import type { FundingStatus } from '../core/funding.js';
import type { Lang } from '../core/rubric.js';

/** The workbook's words for tracks, funding and fitted offsets, in both report languages. */
export interface ExtraLabels {
  track: string;
  trackRank: string;
  requested: string;
  granted: string;
  tier: string;
  status: string;
  /** A project that met the threshold but fell outside its track's quota. */
  failQuota: string;
  fundingStatus: Record<FundingStatus, string>;
  fundingSheet: string;
  fundingTitle: string;
  projects: string;
  passed: string;
  quota: string;
  budget: string;
  left: string;
  total: string;
  fundedTitle: string;
  moneyNote: string;
  offset: string;
  adjustedTotal: string;
  offsetNote: string;
  summaryOffsetNote: string;
  /** The Summary's one column of judges' totals when the panel is too wide for one column each. */
  judgeTotals: string;
  judgeTotalsNote: string;
}

const ZH: ExtraLabels = {
  track: '组别',
  trackRank: '组内排名',
  requested: '申请金额',
  granted: '资助金额',
  tier: '档次',
  status: '资助情况',
  failQuota: '未通过（超出名额）',
  fundingStatus: {
    funded: '资助',
    partial: '部分资助',
    'not-funded': '未获资助（资金不足）',
    'not-passed': '—',
  },
  fundingSheet: '资助',
  fundingTitle: '资金使用情况',
  projects: '项目数',
  passed: '通过数',
  quota: '名额',
  budget: '资金总额',
  left: '结余',
  total: '合计',
  fundedTitle: '获资助项目',
  moneyNote: '金额单位：元，精确到分。',
  offset: '宽严偏移',
  adjustedTotal: '调整后总分',
  offsetNote:
    '宽严偏移：按本次评审的全部总分以最小二乘法拟合的该评委打分比评审组整体偏高（正）或偏低（负）的分数（各评委偏移之和为零）；调整后总分＝评委总分－其宽严偏移，最终得分按调整后总分计算。',
  summaryOffsetNote:
    '表中为评委给出的总分；最终得分按扣除各评委宽严偏移后的调整后总分计算（见“评分明细”和“评委”表）。',
  judgeTotals: '各评委总分',
  judgeTotalsNote: '评委人数较多且分组评审，每个项目只列出为其评分的评委及总分（评委：总分）。',
};

const EN: ExtraLabels = {
  track: 'Track',
  trackRank: 'Track rank',
  requested: 'Requested',
  granted: 'Granted',
  tier: 'Tier',
  status: 'Funding',
  failQuota: 'fail (quota)',
  fundingStatus: {
    funded: 'funded',
    partial: 'partial',
    'not-funded': 'not funded (budget spent)',
    'not-passed': '—',
  },
  fundingSheet: 'Funding',
  fundingTitle: 'Budget and grants',
  projects: 'Projects',
  passed: 'Passed',
  quota: 'Quota',
  budget: 'Budget',
  left: 'Left',
  total: 'Total',
  fundedTitle: 'Funded projects',
  moneyNote: 'Amounts in yuan, to the cent.',
  offset: 'Offset',
  adjustedTotal: 'Adjusted total',
  offsetNote:
    "Offset: how many points the judge scores above (positive) or below (negative) the panel as a whole, fitted by least squares over every total of the review (the offsets add up to zero). Adjusted total = the judge's total minus their offset; finals are computed from the adjusted totals.",
  summaryOffsetNote:
    "The totals shown are those the judges wrote; finals are computed from the adjusted totals, each less its judge's offset (see the Scores and Judges sheets).",
  judgeTotals: "Judges' totals",
  judgeTotalsNote:
    'With this many judges in groups, each project lists only the judges who scored it, as "judge: total".',
};

export const WORKBOOK_EXTRA: Record<Lang, ExtraLabels> = { en: EN, zh: ZH };

import type { Lang } from '../core/rubric.js';
import { formatNumber } from './numbers.js';

/**
 * Every fixed piece of text in the PDF reports (and the HTML announcement), in both report
 * languages. Kept in one table so a translation is reviewed in one place and the layout code never
 * holds a literal.
 */
export interface PdfLabels {
  titleSuffix: (title: string) => string;
  rank: string;
  id: string;
  name: string;
  organization: string;
  final: string;
  result: string;
  passed: string;
  failed: string;
  summary: (reviewed: number, passed: number, listAll: boolean) => string;
  nonePassed: (reviewed: number) => string;
  noticePeriod: (from: string, to: string) => string;
  objection: string;
  fingerprint: (hex: string) => string;
  page: (page: number, pages: number) => string;
  // Feedback cards.
  cardTitle: string;
  rankOf: (rank: number, of: number, tied: boolean) => string;
  threshold: (threshold: number) => string;
  criterion: string;
  maximum: string;
  weight: string;
  thisProject: string;
  fieldAverage: string;
  finalRow: string;
  judgeTotals: string;
  judge: (n: number) => string;
  recused: string;
  dropped: (total: string) => string;
  comments: string;
  noComments: string;
  criteriaNote: string;
  /** The judging-panel report (panel.pdf). */
  panel: PanelLabels;
}

export interface PanelLabels {
  title: (title: string) => string;
  internal: string;
  overview: (projects: number, judges: number, threshold: number) => string;
  leniencyHeading: string;
  leniencyNote: string;
  stricter: string;
  moreLenient: string;
  profilesHeading: string;
  judge: string;
  scored: string;
  recused: string;
  mean: string;
  sd: string;
  leniency: string;
  trimmed: string;
  agreementHeading: string;
  agreementBasis: (n: number, k: number) => string;
  statistic: string;
  value: string;
  interval: string;
  meaning: string;
  iccGuide: string;
  spreadHeading: string;
  spreadNote: string;
  normalisedNote: string;
  project: string;
  final: string;
  counted: string;
  dropped: string;
  outlier: string;
  finalMark: string;
  passLine: (threshold: string) => string;
  closeBand: (margin: number) => string;
  flagged: string;
  moreFlags: (n: number) => string;
}

const ZH: PdfLabels = {
  // A title such as "…项目评审" already names the review: "…项目评审结果公示", not "…评审评审结果公示".
  titleSuffix: (t) => (t.endsWith('评审') ? `${t}结果公示` : `${t}评审结果公示`),
  rank: '排名',
  id: '项目编号',
  name: '项目名称',
  organization: '申报单位',
  final: '最终得分',
  result: '评审结果',
  passed: '通过',
  failed: '未通过',
  summary: (n, p, all) =>
    `本次评审共有${n}个项目参评，${p === n ? '全部' : `其中${p}个项目`}通过评审。` +
    (all ? '评审结果按得分排序如下：' : '通过项目按得分排序如下：'),
  nonePassed: (n) => `本次评审共有${n}个项目参评，无项目通过评审。`,
  noticePeriod: (a, b) => `公示期：${a}至${b}`,
  objection: '公示期内，如对评审结果有异议，请以书面形式实名向主办单位反映。',
  fingerprint: (hex) => `校验码 (SHA-256)：${hex} · 可用 pcv verify 核对`,
  page: (i, n) => `第 ${i} 页 / 共 ${n} 页`,
  cardTitle: '项目评审反馈',
  rankOf: (r, n, tied) => `第 ${r} 名${tied ? '（并列）' : ''}，共 ${n} 个项目`,
  threshold: (t) => `（通过分数线：${formatNumber(t)}分）`,
  criterion: '评审内容',
  maximum: '满分',
  weight: '权重',
  thisProject: '本项目得分',
  fieldAverage: '全部项目平均分',
  finalRow: '最终得分（百分制）',
  judgeTotals: '各评委总分',
  judge: (n) => `评委${n}`,
  recused: '回避',
  dropped: (t) => `${t}（去掉）`,
  comments: '评委意见',
  noComments: '（无）',
  criteriaNote: '各项得分按与最终得分相同的方法分别汇总，各项之和不一定等于最终得分。',
  panel: {
    title: (t) => `${t}·评委评分分析`,
    internal: '内部报告，供主办单位参考，不对外公示',
    overview: (n, k, t) => `${n}个项目，${k}位评委，通过分数线${formatNumber(t)}分`,
    leniencyHeading: '评委宽严',
    leniencyNote:
      '宽严度：评委给出的总分与同一项目全体评委总分中位数之差的平均值。正值表示打分比评审组整体偏高（偏宽），负值表示偏低（偏严）。',
    stricter: '← 偏严',
    moreLenient: '偏宽 →',
    profilesHeading: '评委评分概况',
    judge: '评委',
    scored: '评分项目数',
    recused: '回避',
    mean: '平均总分',
    sd: '标准差',
    leniency: '宽严度',
    trimmed: '被去掉次数',
    agreementHeading: '评委打分的一致程度',
    agreementBasis: (n, k) =>
      `按全部${k}位评委都评了分的${n}个项目计算（有评委回避的项目不计入）。`,
    statistic: '指标',
    value: '数值',
    interval: '95%置信区间 / 检验',
    meaning: '含义',
    iccGuide:
      '参考：ICC低于0.5为差，0.5至0.75为中等，0.75至0.9为良好，高于0.9为优秀（Koo & Li, 2016）。',
    spreadHeading: '各项目评委总分与通过分数线',
    spreadNote: '每行一个项目，按排名排列；圆点为各评委给出的总分（百分制），竖线为最终得分。',
    normalisedNote: '圆点为标准化（z分数）后的总分，即最终得分所依据的数值。',
    project: '项目',
    final: '最终得分',
    counted: '计入的评委总分',
    dropped: '去掉的最高/最低分',
    outlier: '偏离较大的总分',
    finalMark: '最终得分',
    passLine: (t) => `通过分数线 ${t}`,
    closeBand: (m) => `接近分数线：最终得分与分数线相差不超过${formatNumber(m)}分`,
    flagged: '需留意',
    moreFlags: (n) => `……另有${n}条提示`,
  },
};

const EN: PdfLabels = {
  // A no-break space keeps the dash from starting a line when the title wraps.
  titleSuffix: (t) => (/\breview$/i.test(t) ? `${t}\u00a0— Results` : `${t}\u00a0— Review Results`),
  rank: 'Rank',
  id: 'ID',
  name: 'Project',
  organization: 'Organisation',
  final: 'Final score',
  result: 'Result',
  passed: 'Passed',
  failed: 'Not passed',
  summary: (n, p, all) =>
    `${n} ${n === 1 ? 'project was' : 'projects were'} reviewed and ${p} passed. ` +
    (all
      ? 'All projects are listed below in order of their final score.'
      : `The ${p === 1 ? 'project that passed is' : 'projects that passed are'} listed below in order of their final score.`),
  nonePassed: (n) => `${n} ${n === 1 ? 'project was' : 'projects were'} reviewed and none passed.`,
  noticePeriod: (a, b) => `Public notice period: ${a} to ${b}`,
  objection:
    'Anyone who objects to these results may write to the organiser, giving their name, within the notice period.',
  fingerprint: (hex) => `Fingerprint (SHA-256): ${hex} · check with pcv verify`,
  page: (i, n) => `Page ${i} of ${n}`,
  cardTitle: 'Review feedback',
  rankOf: (r, n, tied) => `${r}${tied ? ' (tied)' : ''} of ${n} projects`,
  threshold: (t) => ` (the pass mark is ${formatNumber(t)})`,
  criterion: 'Criterion',
  maximum: 'Maximum',
  weight: 'Weight',
  thisProject: 'This project',
  fieldAverage: 'Average of all projects',
  finalRow: 'Final score (0-100)',
  judgeTotals: "Each judge's total",
  judge: (n) => `Judge ${n}`,
  recused: 'recused',
  dropped: (t) => `${t} (dropped)`,
  comments: "Judges' comments",
  noComments: 'None.',
  criteriaNote:
    "Each criterion's score is combined across judges by the same method as the final score, so the criterion scores need not add up to the final.",
  panel: {
    title: (t) => `${t}\u00a0— Judging panel report`,
    internal: 'Internal report for the organiser; not for publication',
    overview: (n, k, t) =>
      `${n} ${n === 1 ? 'project' : 'projects'}, ${k} ${k === 1 ? 'judge' : 'judges'}, pass mark ${formatNumber(t)}`,
    leniencyHeading: 'Judge leniency',
    leniencyNote:
      "Leniency is a judge's average difference from the panel's median total for the same projects: positive means the judge scored higher than the panel as a whole (lenient), negative lower (strict).",
    stricter: '← stricter',
    moreLenient: 'more lenient →',
    profilesHeading: "Judges' profiles",
    judge: 'Judge',
    scored: 'Scored',
    recused: 'Recused',
    mean: 'Mean total',
    sd: 'SD',
    leniency: 'Leniency',
    trimmed: 'Times trimmed',
    agreementHeading: 'How much the judges agree',
    agreementBasis: (n, k) =>
      `Over the ${n} projects that all ${k} judges scored (projects with a recusal are left out).`,
    statistic: 'Statistic',
    value: 'Value',
    interval: '95% CI / test',
    meaning: 'What it means',
    iccGuide:
      'Rule of thumb for an ICC: below 0.5 poor, 0.5 to 0.75 moderate, 0.75 to 0.9 good, above 0.9 excellent (Koo & Li 2016).',
    spreadHeading: "Each project's judge totals against the pass mark",
    spreadNote:
      "One row per project, in rank order; each dot is one judge's total (0-100), the vertical bar the final score.",
    normalisedNote:
      'Dots are the z-score normalised totals, the values the final is computed from.',
    project: 'Project',
    final: 'Final',
    counted: 'total counted',
    dropped: 'total trimmed away',
    outlier: 'outlier',
    finalMark: 'final score',
    passLine: (t) => `pass mark ${t}`,
    closeBand: (m) => `close call: final within ${formatNumber(m)} points of the pass mark`,
    flagged: 'flagged',
    moreFlags: (n) => `… and ${n} more`,
  },
};

export const PDF_LABELS: Record<Lang, PdfLabels> = { en: EN, zh: ZH };

import type { Aggregate, Lang } from '../core/rubric.js';

/** Every word the workbook shows, in the rubric's language. */
export interface WorkbookLabels {
  sheets: {
    summary: string;
    scores: string;
    judges: string;
    agreement: string;
    flags: string;
    warnings: string;
    about: string;
  };
  rank: string;
  id: string;
  name: string;
  organization: string;
  category: string;
  final: string;
  result: string;
  pass: string;
  fail: string;
  recused: string;
  judge: string;
  total: string;
  recusedFlag: string;
  droppedFlag: string;
  comment: string;
  yes: string;
  aggregateRow: (method: Aggregate) => string;
  droppedMark: string;
  droppedNote: (trim: number) => string;
  recusedNote: string;
  passNote: (threshold: number, decimals: number) => string;
  fallbackNote: (ids: string) => string;
  file: string;
  sha256: string;
  scored: string;
  recusals: string;
  droppedCount: string;
  meanTotal: string;
  sdTotal: string;
  leniency: string;
  leniencyNote: string;
  agreementTitle: string;
  agreementBasis: (n: number, k: number) => string;
  statistic: string;
  value: string;
  ciLow: string;
  ciHigh: string;
  meaning: string;
  chi2Meaning: string;
  dfMeaning: string;
  pMeaning: string;
  nLabel: string;
  nMeaning: string;
  kLabel: string;
  kMeaning: string;
  iccGuide: string;
  flag: string;
  details: string;
  noFlags: string;
  flagsNote: (outlier: number, minJudges: number, rankMove: number, trim: boolean) => string;
  number: string;
  code: string;
  warning: string;
  title: string;
  organizer: string;
  date: string;
  projects: string;
  passed: string;
  failed: string;
  threshold: string;
  aggregate: string;
  method: (method: Aggregate, trim: number) => string;
  decimals: string;
  rounding: (decimals: number) => string;
  tieBreak: string;
  none: string;
  criteria: string;
  criterionId: string;
  label: string;
  max: string;
  weight: string;
  step: string;
  inputs: string;
  role: string;
  rubricFile: string;
  rosterFile: string;
  assignmentsFile: string;
  sheetFile: string;
  fingerprint: string;
  version: string;
  generatedAt: string;
  /** Page footer, in Excel's header/footer codes (&P page, &N pages). */
  page: string;
}

const en: WorkbookLabels = {
  sheets: {
    summary: 'Summary',
    scores: 'Scores',
    judges: 'Judges',
    agreement: 'Agreement',
    flags: 'Flags',
    warnings: 'Warnings',
    about: 'About',
  },
  rank: 'Rank',
  id: 'ID',
  name: 'Project',
  organization: 'Organisation',
  category: 'Category',
  final: 'Final',
  result: 'Result',
  pass: 'pass',
  fail: 'fail',
  recused: 'recused',
  judge: 'Judge',
  total: 'Total',
  recusedFlag: 'Recused',
  droppedFlag: 'Dropped',
  comment: 'Comment',
  yes: 'yes',
  aggregateRow: (m) => (m === 'trimmed-mean' ? 'Trimmed mean' : m === 'median' ? 'Median' : 'Mean'),
  droppedMark: 'Grey, struck-through totals',
  droppedNote: (trim) =>
    ` were dropped by the trimmed mean: the ${trim} highest and ${trim} lowest total${trim === 1 ? '' : 's'} of each project do not count towards its final.`,
  recusedNote:
    '"recused": the judge declared a conflict of interest and did not score the project; its final uses the other judges only.',
  passNote: (threshold, decimals) =>
    `A project passes when its final score, rounded half-up to ${decimals} decimal${decimals === 1 ? '' : 's'}, is at least ${threshold}.`,
  fallbackNote: (ids) =>
    `Too few judges scored these projects to drop the highest and lowest totals; their final is the plain mean: ${ids}.`,
  file: 'File',
  sha256: 'SHA-256',
  scored: 'Projects scored',
  recusals: 'Recusals',
  droppedCount: 'Totals dropped',
  meanTotal: 'Mean total',
  sdTotal: 'SD of totals',
  leniency: 'Leniency',
  leniencyNote:
    "Leniency: the judge's average difference from the median of all judges' totals for the same projects. Positive: the judge scores higher than the panel (lenient); negative: lower (strict). SD: the sample standard deviation of the judge's totals, how widely they spread their scores.",
  agreementTitle: 'Agreement of the judges',
  agreementBasis: (n, k) =>
    `Computed from the totals of the ${n} projects that all ${k} judges scored (projects with a recusal are left out).`,
  statistic: 'Statistic',
  value: 'Value',
  ciLow: '95% CI lower',
  ciHigh: '95% CI upper',
  meaning: 'What it means',
  chi2Meaning:
    "Kendall's W as a test statistic, m (n - 1) W, compared with the chi-square distribution.",
  dfMeaning: 'Degrees of freedom of the chi-square test: projects minus one.',
  pMeaning:
    'The chance of agreement this strong if the judges had ranked the projects at random; below 0.05 is usually taken as real agreement.',
  nLabel: 'Projects (n)',
  nMeaning: 'Projects scored by every judge: the ones the statistics use.',
  kLabel: 'Judges (k)',
  kMeaning: 'Judges on the panel.',
  iccGuide:
    'Rule of thumb for an ICC: below 0.5 poor, 0.5 to 0.75 moderate, 0.75 to 0.9 good, above 0.9 excellent (Koo & Li 2016).',
  flag: 'Flag',
  details: 'Details',
  noFlags:
    'No project was flagged: no judge total is an outlier, and no pass/fail decision or rank hinges on a single judge.',
  flagsNote: (outlier, minJudges, rankMove, trim) =>
    `Outlier: a judge's total more than ${outlier} points from the median of the project's totals (looked for among ${minJudges} judges or more). Hinges on one judge: leaving that judge's scores out would change the pass/fail result, or move the rank by more than ${rankMove} places.` +
    (trim ? " Hinges on the trim: dropping the next judge's total instead would do so." : ''),
  number: '#',
  code: 'Code',
  warning: 'Warning',
  title: 'Title',
  organizer: 'Organizer',
  date: 'Date',
  projects: 'Projects',
  passed: 'Passed',
  failed: 'Failed',
  threshold: 'Pass mark',
  aggregate: 'Final score',
  method: (m, trim) =>
    m === 'trimmed-mean'
      ? `trimmed mean of the judges' totals: the ${trim} highest and ${trim} lowest are dropped, the rest averaged (recused judges left out)`
      : m === 'median'
        ? "median of the judges' totals (recused judges left out)"
        : "mean of the judges' totals (recused judges left out)",
  decimals: 'Rounding',
  rounding: (d) => `half-up to ${d} decimal${d === 1 ? '' : 's'}, in exact decimal arithmetic`,
  tieBreak: 'Equal finals ordered by',
  none: '(none: equal finals share a rank)',
  criteria: 'Criteria',
  criterionId: 'ID',
  label: 'Label',
  max: 'Max',
  weight: 'Weight',
  step: 'Step',
  inputs: 'Input files',
  role: 'Role',
  rubricFile: 'rubric',
  rosterFile: 'roster',
  assignmentsFile: 'assignments',
  sheetFile: 'score sheet',
  fingerprint: 'Fingerprint',
  version: 'Generated by',
  generatedAt: 'Generated at',
  page: 'Page &P of &N',
};

const zh: WorkbookLabels = {
  sheets: {
    summary: '汇总',
    scores: '评分明细',
    judges: '评委',
    agreement: '评委打分的一致程度',
    flags: '需留意的评分',
    warnings: '提示',
    about: '说明',
  },
  rank: '排名',
  id: '项目编号',
  name: '项目名称',
  organization: '申报单位',
  category: '类别',
  final: '最终得分',
  result: '结果',
  pass: '通过',
  fail: '未通过',
  recused: '回避',
  judge: '评委',
  total: '总分',
  recusedFlag: '回避',
  droppedFlag: '去掉',
  comment: '评语',
  yes: '是',
  aggregateRow: (m) =>
    m === 'trimmed-mean' ? '去掉最高最低分后平均' : m === 'median' ? '中位数' : '平均',
  droppedMark: '灰色带删除线的分数',
  droppedNote: (trim) => `为去掉的最高分和最低分（各${trim}个），不计入该项目的最终得分。`,
  recusedNote: '“回避”：该评委因利益冲突回避，未对该项目评分，其最终得分只按其他评委的评分计算。',
  passNote: (threshold, decimals) =>
    `最终得分（四舍五入保留${decimals}位小数）不低于${threshold}分的项目为通过。`,
  fallbackNote: (ids) =>
    `以下项目评分的评委人数不足，未去掉最高分和最低分，最终得分按算术平均计算：${ids}。`,
  file: '文件',
  sha256: 'SHA-256',
  scored: '评分项目数',
  recusals: '回避数',
  droppedCount: '被去掉次数',
  meanTotal: '平均总分',
  sdTotal: '总分标准差',
  leniency: '宽严度',
  leniencyNote:
    '宽严度：评委给出的总分与同一项目全体评委总分中位数之差的平均值。正值表示打分比评审组整体偏高（偏宽），负值表示偏低（偏严）。总分标准差：该评委各项目总分的样本标准差，反映其打分拉开差距的程度。',
  agreementTitle: '评委打分的一致程度',
  agreementBasis: (n, k) =>
    `按全部${k}位评委都评了分的${n}个项目的总分计算（有评委回避的项目不计入）。`,
  statistic: '指标',
  value: '数值',
  ciLow: '95%置信区间下限',
  ciHigh: '95%置信区间上限',
  meaning: '含义',
  chi2Meaning: 'Kendall W 的检验统计量 m(n-1)W，按卡方分布检验。',
  dfMeaning: '卡方检验的自由度：项目数减一。',
  pMeaning: '评委随机排序时出现如此一致的概率；通常低于0.05即认为评委确有一致。',
  nLabel: '项目数 (n)',
  nMeaning: '全部评委都评了分的项目数，即计算所用的项目。',
  kLabel: '评委数 (k)',
  kMeaning: '评审组的评委人数。',
  iccGuide:
    '参考：ICC低于0.5为差，0.5至0.75为中等，0.75至0.9为良好，高于0.9为优秀（Koo & Li, 2016）。',
  flag: '提示',
  details: '说明',
  noFlags:
    '没有需要留意的评分：没有哪位评委的总分明显偏离其他评委，也没有项目能否通过或排名取决于某一位评委。',
  flagsNote: (outlier, minJudges, rankMove, trim) =>
    `总分偏离较大：某位评委的总分与该项目各评委总分的中位数相差超过${outlier}分（评分评委不少于${minJudges}位时才检查）。取决于一位评委：不计这位评委的评分，项目能否通过会改变，或排名变动超过${rankMove}位。` +
    (trim
      ? '换一个去掉的分数：去掉的最高分或最低分换成紧挨着的另一位评委的总分，就会出现上述变化。'
      : ''),
  number: '序号',
  code: '代码',
  warning: '提示',
  title: '标题',
  organizer: '主办单位',
  date: '评审日期',
  projects: '项目数',
  passed: '通过',
  failed: '未通过',
  threshold: '通过分数线',
  aggregate: '最终得分计算方法',
  method: (m, trim) =>
    m === 'trimmed-mean'
      ? `去掉${trim}个最高分和${trim}个最低分后取平均（回避的评委不计）`
      : m === 'median'
        ? '各评委总分的中位数（回避的评委不计）'
        : '各评委总分的算术平均（回避的评委不计）',
  decimals: '小数处理',
  rounding: (d) => `按精确十进制计算，四舍五入保留${d}位小数`,
  tieBreak: '同分时依次比较',
  none: '（无：同分项目排名并列）',
  criteria: '评分标准',
  criterionId: '编号',
  label: '名称',
  max: '满分',
  weight: '权重',
  step: '步长',
  inputs: '输入文件',
  role: '类型',
  rubricFile: '评分细则',
  rosterFile: '项目名单',
  assignmentsFile: '评委分工表',
  sheetFile: '评分表',
  fingerprint: '校验码',
  version: '生成工具',
  generatedAt: '生成时间',
  page: '第 &P 页，共 &N 页',
};

export const WORKBOOK_LABELS: Record<Lang, WorkbookLabels> = { en, zh };

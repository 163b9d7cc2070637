import { withDecimalPoint } from './decimal-point.js';
import { lazySections } from './lazy-sections.js';
import type { Messages } from './messages.js';
import { filesZh } from './problems/files-zh.js';
import { optionsZh } from './problems/options-zh.js';
import { reviewZh } from './problems/review-zh.js';
import { rowsZh } from './problems/rows-zh.js';
import { rubricZh } from './problems/rubric-zh.js';

/** 1 -> 一个, 2 -> 两个, as a person says it; larger counts in digits. */
const count = (n: number) => (n === 1 ? '一个' : n === 2 ? '两个' : `${n}个`);

/**
 * Written for the clerk who runs the review: the words on a 公益创投 score sheet and 公示
 * (最终得分, 评委, 回避, 及格线), not statistics' jargon.
 */
export const zh: Messages = lazySections<Messages>({
  table() {
    return {
      rank: '排名',
      id: '项目编号',
      project: '项目名称',
      final: '最终得分',
      result: '结果',
      pass: '通过',
      fail: '未通过',
      quota: '名额外',
      recused: '回避',
      method: {
        mean: '各评委总分的平均分',
        median: '各评委总分的中位数',
        trimmed: (trim) =>
          `去掉${count(trim)}最高分和${count(trim)}最低分后的平均分（去掉的最高分和最低分加括号）`,
      },
      summary: (projects, passed, failed, threshold, method) =>
        `共${projects}个项目：${passed}，${failed}（及格线${threshold}分）；最终得分为${method}。`,
      passed: (n) => `${n}个通过`,
      failed: (n) => `${n}个未通过`,
      rescaled: (note) => `说明：${note}。`,
      oneTotal: (items) =>
        `以下项目的最终得分只来自一位评委的总分（见警告）：${items.map(([id, judge]) => `${id}（${judge}）`).join('、')}。`,
    };
  },
  tracks() {
    return {
      projects: (n) => `${n}个项目`,
      passed: (n) => `${n}个通过`,
      quota: (n) => `名额${n}个`,
      threshold: (n) => `及格线${n}分`,
      granted: (granted, budget) =>
        `资助${granted}元${budget !== undefined ? `（预算${budget}元）` : ''}`,
      line: (label, parts) => `${label}：${parts.join('，')}`,
      funding: (granted, budget, left) =>
        `资金：预算${budget}元，已资助${granted}元，剩余${left}元。`,
    };
  },
  analytics() {
    return {
      agreement: (n, block, icc, ci, w, p, why) => {
        const no = '在此无意义';
        const iccText =
          icc === undefined ? `ICC3k ${no}` : `ICC3k ${icc}（95%置信区间 ${ci ?? no}）`;
        const wText = w === undefined ? `Kendall W ${no}` : `Kendall W ${w}（${p}）`;
        return `评委打分的一致程度（${block !== undefined ? `${block}都评了分的` : ''}${n}个项目）：${iccText}，${wText}。${why !== undefined ? `原因：${why}` : ''}`;
      },
      agreementNote: (note) => `评委打分的一致程度：${note}`,
      leniency: (hi, hiBy, lo, loBy) =>
        `评委宽严（与全体评委中位数的平均差）：最宽松 ${hi} ${hiBy}，最严格 ${lo} ${loBy}。`,
      fragile: (items) => `结果容易变动的项目：${items.join('；')}。`,
      fragileItem: (id, pass, on) => `${id}${pass ? '能否通过' : '的排名'}取决于${on.join('、')}`,
      judgeScores: (judge) => `${judge}的评分`,
      theTrim: '去掉哪个最高分和最低分',
    };
  },
  verify() {
    return {
      missingInput: (file) => `${file}：找不到了（它是已公布结果用到的文件）`,
      changedInput: (file) => `${file}：公布结果之后被改动过（sha256 校验值不同）`,
      noLongerTally: (summary) => `${summary}：这些文件现在算不出结果。`,
      noLongerTallyDifference: '这些文件现在算不出结果（问题见上）',
      fingerprint: (want, have) => `校验码 ${want} 与这些文件的校验码 ${have} 不符`,
      notVerified: (n) => `核对不一致：与已公布的结果有${n}处不同。`,
      verified: (projects, judges, fingerprint) =>
        `核对一致：已公布的结果与这些文件相符（${projects}个项目，${judges}位评委，校验码 ${fingerprint}）`,
      projectGone: (id) => `${id}：这些文件里已没有这个项目`,
      judgeGone: (id, judge) => `${id}，${judge}：这位评委的评分不见了`,
      recusal: (id, judge, was) =>
        `${id}，${judge}：${was ? '原来回避，现在有评分' : '现在改为回避'}`,
      criterion: (id, judge, label, was, now) =>
        `${id}，${judge}：${label} ${was} → ${now ?? '没有分数'}`,
      final: (id, was, now) => `${id}：最终得分 ${was} → ${now}`,
      rank: (id, was, now) => `${id}：排名 ${was} → ${now}`,
      passed: (id, was, now) => `${id}：${was ? '通过' : '未通过'} → ${now ? '通过' : '未通过'}`,
      trackRank: (id, was, now) => `${id}：组内排名 ${was} → ${now}`,
      granted: (id, was, now) => `${id}：资助金额 ${was} → ${now}`,
      notPublished: (id) => `${id}：已公布的结果里没有这个项目`,
    };
  },
  init() {
    return {
      rubric: {
        header: [
          'pcv 评分细则。每一项设置都会检查：设置名写错了会报错，不会被悄悄忽略。',
          '全部设置的说明见 pcv 的 README 中「rubric.yaml」一节。',
        ],
        date: '评审会日期（年-月-日）；公示期从第二天算起',
        lang: '报告和提示用的语言：zh 中文 | en 英文',
        threshold: '及格线：最终得分（满分100分）达到这个分数即为通过',
        aggregate: '计分方法：mean 平均分 | trimmed-mean 去掉最高分和最低分后平均 | median 中位数',
        trim: '去掉一个最高分和一个最低分，其余评委的总分取平均',
        decimals: '最终得分四舍五入，保留几位小数',
        tieBreak: '最终得分相同时，依次比较这些评分项的得分',
        criteria: [
          '每个评分项写一条。评分表的列名可以用评分项的 id、名称（label）或别名（aliases）。',
          '权重（weight）可以不写，默认等于满分（max）；这里四项满分加起来正好100分，',
          '所以评委的总分就是四项得分相加。',
        ],
        step: '分数须为0.5的整数倍',
        announcement: '评审结果公示的文字。',
        noticeDays: '公示期天数',
        listAll: 'true：未通过的项目也列出来',
        postingDate: '公示落款日期（默认：评审会日期）',
        noticeWorkdays: '代替 noticeDays：公示期按工作日计算（节假日不算）',
      },
      created: (dir, files) => `已在 ${dir} 建好评审文件夹：${files.join('、')}`,
      next: (dir) =>
        `下一步：编辑 rubric.yaml 和 projects.csv，然后运行：pcv template ${dir === '.' ? '' : dir + ' '}--judges 评委A,评委B,评委C`,
    };
  },
  problems() {
    return {
      ...rowsZh(),
      ...filesZh(),
      ...rubricZh(),
      ...reviewZh(),
      ...optionsZh(),
      'score-missing': (p) => `缺少「${p.criterion}」的分数（0到${p.max}分）`,
      'score-not-number': (p) => {
        const point = withDecimalPoint(p.text);
        return point === undefined
          ? `「${p.text}」不是数字；「${p.criterion}」的分数（0到${p.max}分）请只填数字，如17.5`
          : `「${p.text}」不是数字：逗号分隔的评分表里，逗号不能当小数点用。如果「${p.criterion}」（0到${p.max}分）想填${point}分，请写成${point}，或把评分表另存为分号分隔`;
      },
      'score-negative': (p) => `${p.value}是负数；「${p.criterion}」的分数从0分起`,
      'score-over-max': (p) => `${p.value}超过了「${p.criterion}」的满分${p.max}分`,
      'score-step': (p) =>
        `${p.value}不是${p.step}的整数倍；「${p.criterion}」的分数须按${p.step}分一档打`,
      'sheet-empty': () => '评分表是空的：需要一行表头，每个项目一行',
      'sheet-blank': () => '这份评分表一个分数也没填（是还没填写的空白表吗？）',
      'sheet-no-rows': () => '评分表只有表头，没有项目行',
      'header-project': () => '表头里没有项目编号列（项目编号、project 或 id）',
      'header-missing': (p) =>
        `没有「${p.criterion}」（${p.id}）这一列；请加上，列名用评分项的名称、id 或别名`,
      'project-missing': () => '这一行有分数，但没有项目编号',
      'project-duplicate': (p) => `项目${p.project}出现了两次（第一次在第${p.firstLine}行）`,
      'recused-scored': (p) =>
        `评委对${p.project}回避，但这一格填了分数（「${p.text}」）；回避的项目请不要打分`,
      'header-empty': (p) => `第${p.column}列有内容，但没有表头`,
      'header-unknown': (p) =>
        `不认识的列「${p.header}」；每个评分项一列（${p.criteria}），另外可以有项目编号、项目名称、备注、评委、回避、总分这几列`,
      'header-unknown-hint': (p) => `不认识的列「${p.header}」——是不是「${p.hint}」？`,
      'header-duplicate': (p) => `「${p.header}」和「${p.other}」是同一列`,
      'judge-mixed': (p) =>
        `评委「${p.name}」与第${p.line}行的「${p.first}」不是同一人；一份评分表只能是一位评委的`,
      'roster-empty': () => '项目名单是空的：需要一行表头，其中要有项目编号列',
      'roster-unused-column': (p) =>
        `「${p.header}」这一列用不上${p.hint ? `（是不是「${p.hint}」？）` : ''}`,
      'roster-second-column': (p) => `又出现了一个 ${p.field} 列`,
      'roster-no-id': () => '表头里没有项目编号列（项目编号或 id）',
      'roster-id-missing': () => '缺少项目编号',
      'roster-duplicate': (p) => `项目${p.project}列了两次（第一次在第${p.firstLine}行）`,
      'roster-amount': (p) => `金额「${p.amount}」不是数字（以元为单位）`,
      'roster-no-projects': () => '项目名单里一个项目也没有',
    };
  },
  run() {
    return {
      severity: { warning: '警告：', note: '说明：' },
      problems: (errors, files) => `${files}个文件中共有${errors}处问题`,
      nothingWritten: (summary) => `${summary}，没有写出任何文件。`,
      progress: { reading: '读取评分表', writing: '写出报告' },
      internalError: (detail) => `${detail}（加上 --debug 再运行一次可看到详细信息）`,
      wrote: (files) => `已写出 ${files.join('、')}`,
      removed: (files) => `已删除 ${files}：上一次运行写的报告，这次没有再写`,
      fileCount: (n) => `${n}个文件`,
      unaccounted: (file) =>
        `${file}: 警告：不是这次运行写的，也没有记录说明是哪次运行写的（pcv 0.1 不做记录），可能已经过时；如果是，请删除`,
      validated: (sheets, projects, warnings) =>
        `检查完毕：${sheets}份评分表，${projects}个项目，没有问题${warnings ? `（${warnings}条警告）` : ''}。`,
      failedValidation: (summary) => `${summary}。`,
      templates: (sheets, projects, dir, files) =>
        `已在 ${dir} 写出${sheets}份空白评分表（${projects === undefined ? '每份只列该评委负责的项目' : `每份${projects}个项目`}）：${files.join('、')}`,
      sendTemplates: '请每位评委各发一份；收回填好的评分表放进 scores/ 文件夹，再运行：pcv tally',
      skippedChecks:
        '这些不是全部评委的评分表，以下检查没有做：每个项目是否都有每位评委（或本组评委）的评分、评委人数是否够去掉最高分和最低分、最终得分和评委打分的一致程度。检查整个评审文件夹时会做这些检查。',
    };
  },
});

import type { FamilyWords } from '../problems.js';
import type { RubricProblems, ValueShown } from './rubric.js';

const TYPES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表',
  object: '一组设置（名称: 值）',
};
const shown = (v: ValueShown) =>
  v.kind === 'text'
    ? `「${v.text}」`
    : v.kind === 'other'
      ? v.text
      : v.kind === 'list'
        ? '列表'
        : v.kind === 'mapping'
          ? '一组设置'
          : '空的';
const key = (k: string) => k || '（最外层）';
/** A score sheet's columns by the header a Chinese sheet gives them (core/headers.ts). */
const FIELDS: Record<string, string> = {
  project: '项目编号',
  name: '项目名称',
  comment: '备注',
  judge: '评委',
  recused: '回避',
  total: '总分',
  no: '序号',
};

/** Keys stay as written in rubric.yaml (threshold, criteria[1].max): the clerk edits those. */
export function rubricZh(): FamilyWords<RubricProblems> {
  return {
    'rule-positive': () => '必须大于0',
    'rule-id-chars': () => '只能用小写英文字母、数字、“_”或“-”',
    'rule-not-empty': () => '不能为空',
    'rule-date': () => '日期要写成 年-月-日（如 2026-05-20）',
    'rule-real-date': () => '不是一个真实的日期',
    'rule-whole-days': () => '天数必须是整数',
    'rule-at-least-one': () => '至少为1',
    'rule-lang': () => '只能是 zh（中文）或 en（英文）',
    'rule-percent': () => '必须在0到100之间',
    'rule-aggregate': () =>
      '只能是 mean（平均分）、trimmed-mean（去掉最高分和最低分后的平均分）或 median（中位数）',
    'rule-whole': () => '必须是整数',
    'rule-not-negative': () => '不能小于0',
    'rule-normalize': () => '只能是 none、zscore 或 offset',
    'rule-decimals': () => '必须在0到6之间',
    'rule-criteria': () => '至少要有一个评分项',
    'rule-judges': () => '至少要有一位评委',
    'rule-yuan': () => '金额（元）不能小于0',
    'rule-cents': () => '金额最多精确到分（最多两位小数）',
    'rule-categories': () => '至少要列出一个项目类别（项目名单里的类别）',
    'rule-whole-projects': () => '项目个数必须是整数',
    'rule-tiers': () => '至少要有一个档次',
    'rule-grant': () => '只能是 request（按申请金额资助）或 tiers（按档次资助）',
    'rule-at-the-line': () => '只能是 stop、skip 或 partial',
    'rule-tracks': () => '至少要有一个组别',
    'rule-quota-ties': () => '只能是 include 或 exclude',
    'yaml-invalid': (p) => `评分细则的格式有误（YAML）：${p.detail}`,
    'yaml-alias-bomb': () => 'YAML 引用（*名称）展开超过100次；可能是恶意构造的文件，不予读取',
    'rubric-unreadable': (p) => `评分细则读不出来：${p.detail}`,
    'rubric-not-mapping': () => '评分细则应是一条条“名称: 值”的设置（title、criteria 等）',
    'rubric-unknown-key': (p) =>
      `${key(p.key)}：没有这项设置${p.hint !== undefined ? `——是不是「${p.hint}」？` : ''}`,
    'rubric-value': (p) => `${key(p.key)}：${p.why}`,
    'value-required': () => '必须填写',
    'value-type': (p) => `应是${TYPES[p.expected] ?? p.expected}，而不是${shown(p.got)}`,
    'value-min': (p) => `不能小于${p.min}`,
    'value-other': (p) => p.message,
    'criterion-duplicate': (p) => `评分项 id「${p.id}」重复了`,
    'header-reserved': (p) =>
      `「${p.name}」是评分表里“${FIELDS[p.field] ?? p.field}”一列的名字，不能再用作评分项`,
    'header-taken': (p) => `「${p.name}」已经是评分项「${p.owner}」的列名`,
    'step-max': (p) => `满分${p.max}不是${p.step}分一档的整数倍`,
    'tiebreak-unknown': (p) => `「${p.id}」不是评分项的 id`,
    'notice-both': () => 'noticeDays（按自然日）和 noticeWorkdays（按工作日）只能写一个',
    'notice-start': () => '按工作日计算公示期需要起算日期：announcement.date 或评审会日期（date）',
    'notice-calendar': (p) =>
      `从${p.start}起算的公示期要算到${p.year}年，但节假日日历（chinese-days）只有${p.first}到${p.last}年的；请更新 pcv 的 chinese-days，或改用 noticeDays`,
    'track-duplicate': (p) => `组别 id「${p.id}」重复了（tracks[${p.first}] 也是）`,
    'track-budget-missing': (p) =>
      `组别「${p.id}」没有预算，其他组别却有：请给每个组别都写预算，或都不写、改写 funding.budget`,
    'track-budget-both': () => '各组别已有自己的预算：按组别写预算或写 funding.budget，只能选一种',
    'funding-budget': () => '资助需要预算：写 funding.budget，或给每个组别写预算',
    'tiers-missing': () => 'grant: tiers 需要列出各档次（label、from、amount）',
    'tiers-unused': () => '只有 grant: tiers 时才用得上 tiers',
    'tiers-order': (p) => `各档次要按 from 从高到低排列：${p.from} 排在了 ${p.prev} 后面`,
  };
}

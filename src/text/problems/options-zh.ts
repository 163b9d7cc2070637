import type { FamilyWords } from '../problems.js';
import type { OptionProblems } from './options.js';

const WHY = {
  full: '磁盘满了',
  denied: '没有写入权限',
  'in-the-way': '有一个同名文件挡住了这个文件夹',
};
const list = (xs: readonly string[]) => xs.join('、');

/** Option names stay as typed (--threshold): the clerk types them so. */
export function optionsZh(): FamilyWords<OptionProblems> {
  return {
    'option-threshold': (p) => `--threshold ${p.value}：及格线须是0到100之间的数`,
    'option-aggregate': (p) => `--aggregate ${p.value}：只能是 ${p.choices.join('、')} 之一`,
    'option-trim': (p) => `--trim ${p.value}：须是0或正整数`,
    'option-decimals': (p) => `--decimals ${p.value}：须在0到6之间`,
    'option-normalize': (p) => `--normalize ${p.value}：只能是 none、zscore 或 offset`,
    'option-lang': (p) => `--lang ${p.value}：只能是 zh（中文）或 en（英文）`,
    'format-unknown': (p) =>
      `--format ${p.list}：「${p.part}」不在可选的格式里（${p.formats.join('、')}）`,
    'format-empty': (p) => `--format：请至少写一种格式（${p.formats.join('、')}）`,
    'template-format': (p) => `--format ${p.value}：只能是 xlsx 或 csv`,
    'write-failed': (p) =>
      `报告没法写进 ${p.dir}：${
        p.why === 'locked'
          ? `另一次 pcv 运行还在往里写（${p.detail}）`
          : p.why === 'other'
            ? p.detail
            : WHY[p.why]
      }；原来的报告（如果有）没有改动`,
    'out-is-input': (p) => `--out ${p.dir}：这是一个输入文件`,
    'out-is-sheets': (p) => `--out ${p.dir}：这是评分表所在的文件夹；请换一个输出文件夹`,
    'init-exists': (p) => `${list(p.files)} 已经存在；什么也没有改动（要覆盖请加 --force）`,
    'template-no-roster': (p) =>
      `没有 ${p.file}：空白评分表要列出项目名单里的项目；请先建好项目名单，或用 --roster 指定文件`,
    'template-unassigned': (p) => `${p.file} 里没有给评委「${p.judge}」分配项目`,
    'template-exists': (p) => `${list(p.files)} 已经存在；什么也没有写（要覆盖请加 --force）`,
    'judges-file': (p) => `${p.file}：评委名单文件读不出来`,
    'judges-missing': () => '请写出评委：--judges 评委A,评委B 或 --judges-file 文件名',
    'judge-name': (p) =>
      `评委「${p.name}」：这个名字不能用作文件名；请用汉字、字母、数字、“-”或“_”`,
    'judge-twice': (p) => `评委「${p.name}」写了两次`,
    'published-missing': (p) => `${p.file}：这里没有已公布的结果；请用 --results 指定文件`,
    'published-json': (p) => `${p.file}：不是有效的 JSON 文件`,
    'published-schema': (p) =>
      `${p.file}：不是 pcv 的 results.json（schemaVersion 1）${p.key !== undefined ? `（${p.key}: ${p.message}）` : ''}`,
    'font-unreadable': (p) => `无法读取字体文件 ${p.file}${p.code ? `（${p.code}）` : ''}`,
    'font-changed': (p) => `字体文件 ${p.file} 在生成 PDF 时被改动，请重新运行 pcv`,
    'font-unusable': (p) => `${p.file}：不是可用的 TrueType/OpenType 字体（${p.detail}）`,
  };
}

import type { FamilyWords } from '../problems.js';
import type { RowProblems } from './rows.js';

const dash = (advice: string | undefined) => (advice === undefined ? '' : `——${advice}`);
/** 第8格, 第8到9格. */
const cellNames = (from: number, to: number) =>
  to - from === 1 ? `第${to}格` : `第${from + 1}到${to}格`;

export function rowsZh(): FamilyWords<RowProblems> {
  return {
    'row-short': (p) => `这一行有${p.cells}格，表头却有${p.width}列：少了一个分隔符（逗号或分号）`,
    'row-long-filled': (p) =>
      `这一行有${p.cells}格，表头只有${p.width}列：最后一列之后的${cellNames(p.from, p.cells)}填了${p.values.map((v) => `「${v}」`).join('、')}${p.more ? '等' : ''}${p.advice !== undefined ? dash(p.advice) : '；是不是某一格的内容里有逗号，却没有加引号？'}`,
    'row-long-empty': (p) =>
      `这一行有${p.cells}格，表头只有${p.width}列：最后一列之后的${cellNames(p.from, p.cells)}在这一行是空的，第${p.line}行却没有${p.advice !== undefined ? dash(p.advice) : '；是不是多了一个分隔符？'}`,
    'decimal-comma-advice': ({ splits }) => {
      const written = splits.map((s) => `「${s.criterion}」下的「${s.written}」`).join('和');
      const meant = splits.map((s) => s.meant).join('和');
      return `${written}看来是用逗号当小数点写的${meant}，在用逗号分隔的表格里被拆成了两格：请写成${meant}，或把表格另存为用分号分隔`;
    },
    'decimal-comma': (p) => `这里的数字${p.text}很可能是错了位的分数：${p.advice}`,
    'recused-value': (p) => `「${p.text}」既不是“是”也不是“否”${dash(p.advice)}`,
    'total-invalid': (p) => `总分「${p.text}」不是数字${dash(p.advice)}`,
    'total-mismatch': (p) =>
      `填写的总分${p.written}与各项分数相加的${p.actual}不一致${dash(p.advice)}`,
    'project-control': (p) => `项目编号里有看不见的特殊字符（${p.control}）`,
    'project-unknown': (p) => `项目${p.project}不在项目名单（${p.roster}）里${dash(p.hint)}`,
    'project-hint': (p) =>
      `是不是${p.meant.map((m) => (m.name !== undefined ? `${m.id}（${m.name}）` : m.id)).join('或')}？${p.zeros ? '（Excel 把编号当成数字时会去掉开头的0：请把编号这一列设成文本格式）' : ''}`,
    'judge-duplicate': (p) => `评委「${p.judge}」还交了另一份评分表 ${p.other}；每位评委只交一份`,
    'project-unscored': (p) =>
      `没有项目${p.project}${p.name ? `（${p.name}）` : ''}这一行${
        p.assigned !== undefined
          ? `，它分配给了${p.judge}（见 ${p.assigned}）`
          : p.withRoster
            ? ''
            : `，其他评委给它打了分${p.sameId !== undefined ? `（第${p.sameId.line}行的${p.sameId.project}是不是同一个项目？每份评分表里的项目编号请写成一样）` : ''}`
      }；请补上分数，或注明这位评委回避`,
    'name-differs': (p) =>
      `项目${p.project}在这里叫「${p.name}」，在项目名单里叫「${p.rosterName}」`,
    'trim-too-large': (p) =>
      `trim: ${p.trim} 要去掉${p.trim}个最高分和${p.trim}个最低分，${p.judges}位评委的总分就一个也不剩了；请把 trim 改小，或改用 mean（平均分）或 median（中位数）`,
    'project-unassigned': (p) =>
      `项目${p.project}没有分配给${p.judge}（见 ${p.file}）；请删去这一行，或把这个项目分配给这位评委`,
  };
}

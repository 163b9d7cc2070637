import type { FamilyWords } from '../problems.js';
import type { ReviewProblems } from './review.js';

const list = (xs: readonly string[]) => xs.join('、');
const quoted = (xs: readonly string[]) => xs.map((x) => `「${x}」`).join('、');
const FIELD = { judge: '评委', project: '项目编号' };

export function reviewZh(): FamilyWords<ReviewProblems> {
  return {
    'all-recused': (p) => `所有评委都对项目${p.project}回避了，这个项目没法计分`,
    'trim-fallback': (p) =>
      `项目${p.project}只有${p.present}位评委打了分，不够去掉${p.trim}个最高分和${p.trim}个最低分；它的最终得分按这几位评委总分的平均分计算`,
    'one-total': (p) =>
      `项目${p.project}的最终得分只来自一位评委（${p.judge}）的总分：${
        p.present === 1
          ? `${p.judges}位评委中只有1位打了分`
          : `${p.judges}位评委中有${p.present}位打了分，去掉最高分和最低分时又去掉了其中${p.trimmed}个总分`
      }；公示前请核对`,
    'normalize-one-project': (p) =>
      `评委${p.judge}只给一个项目打了分，没法按 normalize 的设置折算这位评委的总分；仍用原来的总分`,
    'normalize-same-total': (p) =>
      `评委${p.judge}给每个项目的总分都一样，没法按 normalize 的设置折算这位评委的总分；仍用原来的总分`,
    'panel-thin': (p) =>
      `项目${p.project}只有一位评委（${p.judge}）的总分：它的最终得分只取决于这一位评委`,
    'offset-disconnected': (p) =>
      `normalize: offset 没法把这些评委放在一起比较：他们分成了${p.parts.length}部分，各部分之间没有共同评过的项目，${p.parts
        .map((part, i) => `（${i + 1}）${list(part.judges)}：${part.projects}个项目`)
        .join(
          '；',
        )}。没有共同评委的组之间没法比较；请让一位评委也评另一组的项目，或改用 normalize: none`,
    'tracks-roster': () => 'tracks: 需要项目名单（projects.csv），并写明每个项目的类别',
    'track-no-category': (p) => `项目${p.project}没有类别，分不进任何组别`,
    'track-category-unknown': (p) =>
      `项目${p.project}的类别「${p.category}」不属于任何组别（各组别的类别：${quoted(p.categories)}）`,
    'track-category-twice': (p) =>
      `项目${p.project}的类别「${p.category}」同时属于两个组别（${list(p.tracks)}）；一个项目只能属于一个组别`,
    'amount-cents': (p) => `项目${p.project}的金额${p.amount}不是整分（最多两位小数）`,
    'quota-tie': (p) =>
      `组别${p.track}：${list(p.ids)}并列第${p.rank}名，正好卡在${p.quota}个名额的线上；按 quotaTies: ${p.ties}，${p.passed ? '全部通过' : '全部不通过'}`,
    'funding-amount': (p) =>
      `项目${p.project}通过了，但没有申请金额，按 funding.grant: request 定不了资助金额`,
    'funding-tie': (p) =>
      `资助线上出现并列${p.pool ? `（组别${p.pool}）` : ''}：${list(p.ids)}并列第${p.rank}名，剩下的资金不够全部资助（atTheLine: ${p.atTheLine}）`,
    'assignments-no-header': () => '没有表头：应有 judge（评委）和 project（项目编号）两列',
    'assignments-unknown-column': (p) =>
      `「${p.header}」这一列既不是评委也不是项目编号${p.hint ? `（是不是「${p.hint}」？）` : ''}`,
    'assignments-second-column': (p) => `又出现了一个${FIELD[p.field]}列`,
    'assignments-no-column': (p) => `表头里没有${FIELD[p.field]}列（${p.names.join('、')}）`,
    'assignments-missing': (p) => `缺少${FIELD[p.field]}：每一行写一位评委和一个项目`,
    'assignments-duplicate': (p) =>
      `项目${p.project}给${p.judge}分配了两次（第一次在第${p.first}行）`,
    'assignments-no-pairs': () => '表头下面没有一行评委和项目',
    'assignments-twice': (p) =>
      `这个文件和 ${p.rubric} 里的 groups: 都规定了哪位评委评哪些项目；只能留一个`,
    'groups-missing': (p) =>
      `项目名单里有分组列，但 ${p.rubric} 里没有写 groups:（各组的评委）；请加上 groups:，或删掉这一列`,
    'groups-ignored': (p) => `分组列用不上：${p.file} 已经规定了哪位评委评哪些项目`,
    'assignments-judge-unknown': (p) =>
      `评委「${p.judge}」没有评分表（交了评分表的评委：${list(p.known)}）`,
    'assignments-project-unknown': (p) => `项目${p.project}不在项目名单 ${p.roster} 里`,
    'assignments-judge-unassigned': (p) =>
      `评委「${p.judge}」交了评分表，但 ${p.file} 里没有给这位评委分配项目`,
    'assignments-project-unassigned': (p) => `项目${p.project}在 ${p.file} 里没有分配给任何评委`,
    'groups-roster': (p) =>
      `${p.rubric} 里的 groups: 需要项目名单（projects.csv）里有一列分组，写明每个项目属于哪一组`,
    'groups-no-group': (p) => `项目${p.project}没有分组`,
    'groups-unknown': (p) =>
      `项目${p.project}的分组「${p.group}」不在 ${p.rubric} 的 groups: 里（${list(p.names)}）`,
    'groups-empty': (p) => `项目名单里没有属于「${p.group}」组的项目`,
  };
}

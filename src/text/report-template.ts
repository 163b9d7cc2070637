import type { Criterion, Lang, Rubric } from '../core/rubric.js';

/** The words of a blank score sheet (`pcv template`): headers, the instructions, validation. */
export interface TemplateLabels {
  /** Headers pcv reads back (core/headers.ts accepts both languages' forms). */
  headers: { project: string; name: string; recused: string; comment: string };
  sheet: string;
  instructions: string;
  yes: string;
  no: string;
  lines: (judge: string, rubric: Rubric) => string[];
  /** The message Excel shows when a score is out of range. */
  range: (c: Criterion) => string;
}

const zh: TemplateLabels = {
  headers: { project: '项目编号', name: '项目名称', recused: '回避', comment: '备注' },
  sheet: '评分表',
  instructions: '填写说明',
  yes: '是',
  no: '否',
  lines: (judge, rubric) => [
    `评委：${judge}`,
    `评审：${rubric.title}`,
    '1. 每个项目一行，只填写白色单元格；项目编号和名称已锁定。',
    ...rubric.criteria.map(
      (c) =>
        `   ${c.label}：0 至 ${c.max} 分${c.step !== undefined ? `，以 ${c.step} 分为单位` : ''}。`,
    ),
    '2. 与项目存在利益冲突时，在“回避”列选择“是”，并将该行分数留空。',
    '3. 可在“备注”列填写评语。',
    '4. 填写完成后保存本文件（.xlsx），交回评审组织方。',
  ],
  range: (c) =>
    `请填写 0 至 ${c.max} 之间的数字${c.step !== undefined ? `，以 ${c.step} 为单位` : ''}。`,
};

const en: TemplateLabels = {
  headers: { project: 'project', name: 'name', recused: 'recused', comment: 'comment' },
  sheet: 'Scores',
  instructions: 'Instructions',
  yes: 'yes',
  no: 'no',
  lines: (judge, rubric) => [
    `Judge: ${judge}`,
    `Review: ${rubric.title}`,
    '1. One row per project; fill in the white cells only. Project ids and names are locked.',
    ...rubric.criteria.map(
      (c) =>
        `   ${c.label}: 0 to ${c.max}${c.step !== undefined ? `, in steps of ${c.step}` : ''}.`,
    ),
    '2. If you have a conflict of interest with a project, choose "yes" under "recused" and leave its scores empty.',
    '3. Comments are welcome in the "comment" column.',
    '4. Save this file (.xlsx) and return it to the organiser.',
  ],
  range: (c) =>
    `Enter a number from 0 to ${c.max}${c.step !== undefined ? ` in steps of ${c.step}` : ''}.`,
};

export const TEMPLATE_LABELS: Record<Lang, TemplateLabels> = { en, zh };

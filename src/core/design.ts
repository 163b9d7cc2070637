import type { Assignment } from './assignments.js';
import { IssueList, type Issue } from './issues.js';
import { designParts, type Design } from './offset.js';
import { compareIds } from './rank.js';
import type { Rubric } from './rubric.js';
import type { JudgeSheet } from './sheet.js';

/**
 * Checks of the review's design (who scored what), once the sheets agree with the assignments:
 * projects left with fewer than two judges' totals, and for `normalize: offset` whether the
 * judges are connected through shared projects (the fit needs it).
 */
export function checkDesign(
  sheets: readonly JudgeSheet[],
  rubric: Rubric,
  rubricFile: string,
  assignment: Assignment | undefined,
): Issue[] {
  const issues = new IssueList();
  const judges = [...sheets].sort((a, b) => compareIds(a.judge, b.judge));
  const projects = [...new Set(judges.flatMap((s) => [...s.entries.keys()]))].sort(compareIds);
  const start: number[] = [];
  const count: number[] = [];
  const judge: number[] = [];
  for (const id of projects) {
    start.push(judge.length);
    const present: string[] = [];
    judges.forEach((sheet, j) => {
      const entry = sheet.entries.get(id);
      if (entry === undefined || entry.recused) return;
      judge.push(j);
      present.push(sheet.judge);
    });
    count.push(present.length);
    // A complete panel keeps today's behaviour: a thin project there is the recusals' doing.
    if (assignment !== undefined && present.length === 1) {
      issues.warn(
        'panel-thin',
        assignment.file,
        `project ${id} has only one judge's total (${present[0]}): its final rests on a single judge`,
      );
    }
  }
  if (rubric.normalize !== 'offset') return issues.items;
  const design: Design = {
    judgeCount: judges.length,
    start: Int32Array.from(start),
    count: Int32Array.from(count),
    judge: Int32Array.from(judge),
    total: new Float64Array(judge.length),
  };
  const parts = designParts(design);
  if (parts.length > 1) {
    const described = parts.map(
      (part, i) =>
        `(${i + 1}) ${part.judges.map((j) => judges[j]!.judge).join(', ')}: ${part.projects} project${part.projects === 1 ? '' : 's'}`,
    );
    issues.error(
      'offset-disconnected',
      assignment?.file ?? rubricFile,
      `normalize: offset cannot put these judges on one scale: they fall into ${parts.length} parts that share no project, ${described.join('; ')}. Groups that share no judge cannot be compared; let a judge score projects of both groups, or use normalize: none`,
    );
  }
  return issues.items;
}

import type { Assignment } from './assignments.js';
import { IssueList, type Issue } from './issues.js';
import { designParts, type Design } from './offset.js';
import { scoredBy } from './panel-rows.js';
import { compareIds } from './id-order.js';
import type { Rubric } from './rubric.js';
import type { JudgeSheet } from './sheet.js';
import { worded } from '../text/problems.js';

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
  // Both checks need one or the other: without them the list of projects from every sheet's
  // ids (250,000 in a million-cell review, then sorted) was made for nothing.
  if (assignment === undefined && rubric.normalize !== 'offset') return [];
  const issues = new IssueList();
  const judges = [...sheets].sort((a, b) => compareIds(a.judge, b.judge));
  const projects = [...new Set(judges.flatMap((s) => [...s.entries.keys()]))].sort(compareIds);
  const start: number[] = [];
  const count: number[] = [];
  const judge: number[] = [];
  for (const id of projects) {
    start.push(judge.length);
    // Without a SheetEntry made per judge and project (core/panel-rows.ts).
    let present = 0;
    let first = '';
    judges.forEach((sheet, j) => {
      if (!scoredBy(sheet, id)) return;
      judge.push(j);
      if (present++ === 0) first = sheet.judge;
    });
    count.push(present);
    // A complete panel keeps today's behaviour: a thin project there is the recusals' doing.
    if (assignment !== undefined && present === 1) {
      issues.warn(
        'panel-thin',
        assignment.file,
        worded('panel-thin', { project: id, judge: first }),
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
    issues.error(
      'offset-disconnected',
      assignment?.file ?? rubricFile,
      worded('offset-disconnected', {
        parts: parts.map((part) => ({
          judges: part.judges.map((j) => judges[j]!.judge),
          projects: part.projects,
        })),
      }),
    );
  }
  return issues.items;
}

import type { FamilyWords } from '../problems.js';
import type { ReviewProblems } from './review.js';

const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

export function reviewEn(): FamilyWords<ReviewProblems> {
  return {
    'all-recused': (p) => `every judge recused from project ${p.project}; it cannot be scored`,
    'trim-fallback': (p) =>
      `project ${p.project}: only ${p.present} judges scored it, too few to drop ${p.trim} highest and lowest; its final is the plain mean`,
    'one-total': (p) =>
      `project ${p.project}: the final rests on 1 judge's total (${p.judge}'s): ${
        p.present === 1
          ? `only 1 of the ${p.judges} judges scored it`
          : `${p.present} of the ${p.judges} judges scored it and the trimmed mean drops ${p.trimmed} of those ${p.present} totals`
      }; check it before the results are posted`,
    'normalize-one-project': (p) =>
      `judge ${p.judge} scored only one project, so their totals cannot be normalised; the raw total is used`,
    'normalize-same-total': (p) =>
      `judge ${p.judge} gave every project the same total, so their totals cannot be normalised; the raw totals are used`,
    'panel-thin': (p) =>
      `project ${p.project} has only one judge's total (${p.judge}): its final rests on a single judge`,
    'offset-disconnected': (p) =>
      `normalize: offset cannot put these judges on one scale: they fall into ${p.parts.length} parts that share no project, ${p.parts
        .map(
          (part, i) =>
            `(${i + 1}) ${part.judges.join(', ')}: ${part.projects} project${part.projects === 1 ? '' : 's'}`,
        )
        .join(
          '; ',
        )}. Groups that share no judge cannot be compared; let a judge score projects of both groups, or use normalize: none`,
    'tracks-roster': () =>
      'tracks: needs a roster (projects.csv) with a category for every project',
    'track-no-category': (p) => `project ${p.project} has no category, so no track`,
    'track-category-unknown': (p) =>
      `project ${p.project}: category "${p.category}" is in no track (tracks list ${quoted(p.categories)})`,
    'track-category-twice': (p) =>
      `project ${p.project}: category "${p.category}" is in two tracks (${p.tracks.join(', ')}); a project belongs to one`,
    'amount-cents': (p) =>
      `project ${p.project}: amount ${p.amount} is not whole cents (at most 2 decimals)`,
    'quota-tie': (p) =>
      `track ${p.track}: ${p.ids.join(', ')} share rank ${p.rank} across the quota of ${p.quota}; quotaTies: ${p.ties} ${p.passed ? 'passes all of them' : 'passes none of them'}`,
    'funding-amount': (p) =>
      `project ${p.project} passes but has no amount (申请金额) to grant under funding.grant: request`,
    'funding-tie': (p) =>
      `tie at the funding line${p.pool ? ` in track ${p.pool}` : ''}: ${p.ids.join(', ')} share rank ${p.rank} and their grants do not all fit in what is left (atTheLine: ${p.atTheLine})`,
    'assignments-no-header': () => 'no header row: expected the columns judge,project',
    'assignments-unknown-column': (p) =>
      `column "${p.header}" is not judge or project${p.hint ? ` (did you mean "${p.hint}"?)` : ''}`,
    'assignments-second-column': (p) => `a second ${p.field} column`,
    'assignments-no-column': (p) => `no ${p.field} column (${p.names.join(', ')}) in the header`,
    'assignments-missing': (p) => `missing ${p.field}: each line names one judge and one project`,
    'assignments-duplicate': (p) =>
      `${p.judge} is assigned project ${p.project} twice (first on line ${p.first})`,
    'assignments-no-pairs': () => 'no judge,project pairs below the header',
    'assignments-twice': (p) =>
      `both this file and groups: in ${p.rubric} say which judge scores which project; keep one of them`,
    'groups-missing': (p) =>
      `the roster has a group column but ${p.rubric} has no groups: naming each group's judges; add groups:, or remove the column`,
    'groups-ignored': (p) =>
      `the group column is not used: ${p.file} says which judge scores which project`,
    'assignments-judge-unknown': (p) =>
      `judge "${p.judge}" has no score sheet (the sheets' judges: ${p.known.join(', ')})`,
    'assignments-project-unknown': (p) => `project ${p.project} is not in the roster ${p.roster}`,
    'assignments-judge-unassigned': (p) =>
      `judge "${p.judge}" has a score sheet but no project is assigned to them in ${p.file}`,
    'assignments-project-unassigned': (p) =>
      `project ${p.project} is assigned to no judge in ${p.file}`,
    'groups-roster': (p) =>
      `groups: in ${p.rubric} needs a group (分组) column in the roster (projects.csv) giving each project's group`,
    'groups-no-group': (p) => `project ${p.project} has no group`,
    'groups-unknown': (p) =>
      `project ${p.project}: group "${p.group}" is not in groups: in ${p.rubric} (${p.names.join(', ')})`,
    'groups-empty': (p) => `group "${p.group}" has no projects in the roster`,
  };
}

import { withDecimalPoint } from './decimal-point.js';
import { lazySections } from './lazy-sections.js';
import type { Messages } from './messages.js';
import { filesEn } from './problems/files-en.js';
import { optionsEn } from './problems/options-en.js';
import { reviewEn } from './problems/review-en.js';
import { rowsEn } from './problems/rows-en.js';
import { rubricEn } from './problems/rubric-en.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const en: Messages = lazySections<Messages>({
  table() {
    return {
      rank: 'Rank',
      id: 'ID',
      project: 'Project',
      final: 'Final',
      result: 'Result',
      pass: 'pass',
      fail: 'FAIL',
      quota: 'FAIL (quota)',
      recused: 'recused',
      method: {
        mean: 'mean',
        median: 'median',
        trimmed: (trim) =>
          `trimmed mean, dropping the ${trim} highest and ${trim} lowest total${trim === 1 ? '' : 's'} (shown in parentheses)`,
      },
      summary: (projects, passed, failed, threshold, method) =>
        `${projects} projects: ${passed}, ${failed} at threshold ${threshold}; final = ${method}.`,
      passed: (n) => `${n} passed`,
      failed: (n) => `${n} failed`,
      rescaled: (note) => `Note: ${note}.`,
      oneTotal: (items) =>
        `Finals resting on one judge's total (see the warnings): ${items.map(([id, judge]) => `${id} (${judge})`).join(', ')}.`,
    };
  },
  tracks() {
    return {
      projects: (n) => `${n} projects`,
      passed: (n) => `${n} passed`,
      quota: (n) => `quota ${n}`,
      threshold: (n) => `threshold ${n}`,
      granted: (granted, budget) =>
        `granted ${granted}${budget !== undefined ? ` of ${budget}` : ''}`,
      line: (label, parts) => `${label}: ${parts.join(', ')}`,
      funding: (granted, budget, left) => `Funding: granted ${granted} of ${budget}, ${left} left.`,
    };
  },
  analytics() {
    return {
      agreement: (n, block, icc, ci, w, p, why) => {
        const no = 'not meaningful here';
        const iccText = icc === undefined ? `ICC3k ${no}` : `ICC3k ${icc} (95% CI ${ci ?? no})`;
        const wText = w === undefined ? `Kendall's W ${no}` : `Kendall's W ${w} (${p})`;
        return `Agreement over ${n} projects ${block !== undefined ? `all scored by ${block}` : 'every judge scored'}: ${iccText}, ${wText}.${why !== undefined ? ` Why: ${why}.` : ''}`;
      },
      agreementNote: (note) => `Agreement: ${note}`,
      leniency: (hi, hiBy, lo, loBy) =>
        `Leniency (mean difference from the panel median): highest ${hi} ${hiBy}, lowest ${lo} ${loBy}.`,
      fragile: (items) => `Fragile decisions: ${items.join('; ')}.`,
      fragileItem: (id, pass, on) =>
        `${id} ${pass ? 'pass/fail' : 'rank'} hinges on ${on.join(', ')}`,
      judgeScores: (judge) => judge,
      theTrim: 'the trim',
    };
  },
  verify() {
    return {
      missingInput: (file) => `${file}: missing (it was an input of the published results)`,
      changedInput: (file) => `${file}: changed since the results were published (sha256 differs)`,
      noLongerTally: (summary) => `${summary}: the inputs no longer tally.`,
      noLongerTallyDifference: 'the inputs no longer tally (problems listed above)',
      fingerprint: (want, have) =>
        `fingerprint ${want} does not match the inputs' fingerprint ${have}`,
      notVerified: (n) => `NOT verified: ${plural(n, 'difference')} from the published results.`,
      verified: (projects, judges, fingerprint) =>
        `verified: the published results match the inputs (${plural(projects, 'project')}, ${plural(judges, 'judge')}, fingerprint ${fingerprint})`,
      projectGone: (id) => `${id}: no longer in the inputs`,
      judgeGone: (id, judge) => `${id}, ${judge}: the judge's scores are gone`,
      recusal: (id, judge, was) =>
        `${id}, ${judge}: ${was ? 'was recused, now scored' : 'now recused'}`,
      criterion: (id, judge, label, was, now) =>
        `${id}, ${judge}: ${label} ${was} → ${now ?? 'missing'}`,
      final: (id, was, now) => `${id}: final ${was} → ${now}`,
      rank: (id, was, now) => `${id}: rank ${was} → ${now}`,
      passed: (id, was, now) =>
        `${id}: ${was ? 'passed' : 'failed'} → ${now ? 'passed' : 'failed'}`,
      trackRank: (id, was, now) => `${id}: track rank ${was} → ${now}`,
      granted: (id, was, now) => `${id}: granted ${was} → ${now}`,
      notPublished: (id) => `${id}: not in the published results`,
    };
  },
  init() {
    return {
      rubric: {
        header: [
          'pcv review rubric. Every key is checked: a typo is reported, never ignored.',
          'Full reference: the "rubric.yaml" section of pcv\'s README.',
        ],
        date: 'date of the review meeting (YYYY-MM-DD); the notice period starts the day after',
        lang: 'language of the reports: zh | en',
        threshold: 'a project passes when its final score (0-100 scale) is at least this',
        aggregate: 'mean | trimmed-mean | median',
        trim: 'trimmed mean: drop the 1 highest and the 1 lowest judge total, average the rest',
        decimals: 'final scores are rounded half-up to this many decimals',
        tieBreak: 'equal finals are separated by these criteria, in order',
        criteria: [
          "One entry per scoring criterion. Judges' sheets name a criterion by its id, its label or an",
          "alias. Weights are optional (default: the max); here the maxima add up to 100, so a judge's",
          'total is simply the sum of the four scores.',
        ],
        step: 'scores must be multiples of 0.5',
        announcement: 'Text for the PDF result announcement.',
        noticeDays: 'public notice period in days',
        listAll: 'true: list the projects that did not pass too',
        postingDate: 'the posting date at the foot (default: the review date)',
        noticeWorkdays: 'instead of noticeDays: Chinese working days (holidays skipped)',
      },
      created: (dir, files) => `Created a review folder in ${dir}: ${files.join(', ')}`,
      next: (dir) =>
        `Next: edit rubric.yaml and projects.csv, then run: pcv template ${dir === '.' ? '' : dir + ' '}--judges judge-a,judge-b,judge-c`,
    };
  },
  problems() {
    return {
      ...rowsEn(),
      ...filesEn(),
      ...rubricEn(),
      ...reviewEn(),
      ...optionsEn(),
      'score-missing': (p) => `missing score for ${p.criterion} (0-${p.max})`,
      'score-not-number': (p) => {
        const point = withDecimalPoint(p.text);
        return point === undefined
          ? `"${p.text}" is not a number; write the score for ${p.criterion} (0-${p.max}) as a plain number such as 17.5`
          : `"${p.text}" is not a number in a comma-separated sheet: if ${p.criterion} (0-${p.max}) is meant to be ${point}, write ${point} with a decimal point, or save the sheet with semicolons`;
      },
      'score-negative': (p) =>
        `${p.value} is negative; scores for ${p.criterion} (0-${p.max}) run from 0`,
      'score-over-max': (p) => `${p.value} exceeds the maximum ${p.max} for ${p.criterion}`,
      'score-step': (p) => `${p.value} is not a multiple of the step ${p.step} for ${p.criterion}`,
      'sheet-empty': () => 'the sheet is empty; it needs a header row and one row per project',
      'sheet-blank': () => 'this sheet is blank: no scores entered (a template not yet filled?)',
      'sheet-no-rows': () => 'the sheet has a header but no project rows',
      'header-project': () => 'no project column (project, id or 项目编号) in the header',
      'header-missing': (p) =>
        `no column for criterion "${p.criterion}" (${p.id}); add it, named by its id, label or an alias`,
      'project-missing': () => 'a row with scores but no project id',
      'project-duplicate': (p) =>
        `project ${p.project} appears twice (first on line ${p.firstLine})`,
      'recused-scored': (p) =>
        `the judge recused from ${p.project} but this cell holds a score ("${p.text}"); leave it empty`,
      'header-empty': (p) => `column ${p.column} has values but no header`,
      'header-unknown': (p) =>
        `unknown column "${p.header}"; expected one column per criterion (${p.criteria}) and optionally project, name, comment, judge, recused, total`,
      'header-unknown-hint': (p) => `unknown column "${p.header}" — did you mean "${p.hint}"?`,
      'header-duplicate': (p) => `"${p.header}" and "${p.other}" are the same column`,
      'judge-mixed': (p) =>
        `judge "${p.name}" differs from "${p.first}" on line ${p.line}; one sheet is one judge's`,
      'roster-empty': () => 'the roster is empty; it needs a header row with an id column',
      'roster-unused-column': (p) =>
        `column "${p.header}" is not used${p.hint ? ` (did you mean "${p.hint}"?)` : ''}`,
      'roster-second-column': (p) => `a second ${p.field} column`,
      'roster-no-id': () => 'no id column (id or 项目编号) in the header',
      'roster-id-missing': () => 'missing project id',
      'roster-duplicate': (p) =>
        `project ${p.project} is listed twice (first on line ${p.firstLine})`,
      'roster-amount': (p) => `amount "${p.amount}" is not a number of yuan`,
      'roster-no-projects': () => 'the roster lists no projects',
    };
  },
  run() {
    return {
      severity: { warning: 'warning: ', note: 'note: ' },
      problems: (errors, files) => `${plural(errors, 'problem')} in ${plural(files, 'file')}`,
      nothingWritten: (summary) => `${summary}; nothing was written.`,
      progress: { reading: 'Reading sheets', writing: 'Writing reports' },
      internalError: (detail) => `${detail} (run again with --debug for details)`,
      wrote: (files) => `Wrote ${files.join(', ')}`,
      removed: (files) => `Removed ${files}: reports of an earlier run that this run did not write`,
      fileCount: (n) => plural(n, 'file'),
      unaccounted: (file) =>
        `${file}: warning: not written by this run, and no record says which run wrote it (pcv 0.1 kept none); it may be out of date — delete it if so`,
      validated: (sheets, projects, warnings) =>
        `OK: ${plural(sheets, 'sheet')}, ${plural(projects, 'project')}, no problems${warnings ? ` (${plural(warnings, 'warning')})` : ''}.`,
      failedValidation: (summary) => `${summary}.`,
      templates: (sheets, projects, dir, files) =>
        `Wrote ${plural(sheets, 'blank sheet')} (${projects === undefined ? 'each with its assigned projects' : `${projects} projects`}) to ${dir}: ${files.join(', ')}`,
      sendTemplates:
        'Send one to each judge; put the filled-in sheets into scores/ and run: pcv tally',
      skippedChecks:
        "Skipped, as these are not all the judges' sheets: every project scored by every judge (or by its group's judges), enough judges for the trimmed mean, the finals and the agreement; validate the review folder to check them.",
    };
  },
});

import path from 'node:path';
import { resolveAssignment } from './core/assignments.js';
import { computeResults } from './core/compute.js';
import { checkDesign } from './core/design.js';
import { IssueList, sortIssues, type Issue } from './core/issues.js';
import { checkPanel, type PanelScope } from './core/panel.js';
import { applyTracks, checkTrackRoster, hasTracksOrFunding } from './core/track-results.js';
import type { Lang } from './core/rubric.js';
import { validateSheet, type JudgeSheet } from './core/sheet.js';
import { resolveInputs, type ResolvedInputs } from './io/inputs.js';
import type { ComputedResults, InputFile, Results } from './core/model.js';
import { LIMITS } from './io/limits.js';
import { lineOf, readParsed } from './io/read.js';
import { formattedScoreProblems, readSheetTable, type ReadProblem } from './io/sheet-table.js';
import { loadReview, type Overrides } from './review.js';

export type { Overrides } from './review.js';
export type { InputFile, Results } from './core/model.js';

/** Which long work a progress call is about, so a bar can say it in the user's language. */
export type ProgressPhase = 'reading' | 'writing';

/**
 * Reports progress of long work: a label (English, for a program that shows it as it is), units
 * done, units in all, and the phase the label names.
 */
export type Progress = (label: string, done: number, total: number, phase?: ProgressPhase) => void;

export interface TallyOptions {
  /** Review folder, sheet files, folders of sheets or glob patterns (default: the current folder). */
  inputs?: string[];
  rubric?: string;
  roster?: string;
  /** assignments.csv: which judge scores which project (default: the review folder's). */
  assignments?: string;
  /** Working directory for relative paths (default: process.cwd()). */
  cwd?: string;
  overrides?: Overrides;
  /** Called as each sheet is read, for a progress bar. */
  onProgress?: Progress;
  /**
   * `sheets`: the inputs are some of the judges' sheets (validating them as they arrive): check
   * them against the rubric, the roster and each other only, and compute nothing.
   */
  scope?: PanelScope;
  /**
   * Stop once every check has run, warnings included (what `pcv validate` prints): the outcome
   * has `checked` instead of results, and the analytics are neither loaded nor computed, nor the
   * inputs' sha256.
   */
  checksOnly?: boolean;
  /**
   * Called once the results are known and before the analytics are computed (only when there are
   * no errors): what needs no analytics, the announcement, can start meanwhile.
   */
  onComputed?: (results: ComputedResults, inputs: ResolvedInputs) => void;
}

export interface TallyOutcome {
  /** Present only when there are no errors. */
  results?: Results;
  /** Every problem found, errors and warnings, sorted by file and line. */
  issues: Issue[];
  inputs: ResolvedInputs;
  /** With scope `sheets` or `checksOnly` and no errors: how many sheets and projects were checked. */
  checked?: { sheets: number; projects: number };
  /** The rubric's language, when it could be read: the terminal speaks it (text/lang.ts). */
  lang?: Lang;
}

/**
 * The whole pipeline: find the inputs, read and validate every file, and compute the results.
 * Problems in the inputs come back as issues; only a missing or unreadable file throws (PcvError).
 */
export async function tally(options: TallyOptions = {}): Promise<TallyOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const inputs = await resolveInputs(options.inputs ?? [], {
    cwd,
    ...(options.rubric !== undefined ? { rubric: options.rubric } : {}),
    ...(options.roster !== undefined ? { roster: options.roster } : {}),
    ...(options.assignments !== undefined ? { assignments: options.assignments } : {}),
  });
  const digests = options.checksOnly !== true;
  const review = await loadReview(inputs, cwd, options.overrides ?? {}, digests);
  const { rubric, roster, rubricFile, rosterFile, describe } = review;
  const lang = review.lang !== undefined ? { lang: review.lang } : {};
  const issues = new IssueList();
  issues.addAll(review.issues);
  // A roster that could not be read has its own problems; tracks are checked against a read one.
  if (rubric !== undefined && (inputs.rosterPath === undefined || roster !== undefined))
    issues.addAll(checkTrackRoster(rubric, roster, rubricFile.shown));

  // Every file in a sheets folder is accounted for: those not read as sheets are named here.
  for (const aside of inputs.setAside) {
    const shown = describe(aside.path).shown;
    if (aside.severity === 'error') issues.error(aside.code, shown, aside.message);
    else issues.note(aside.code, shown, aside.message);
  }

  const sheets: JudgeSheet[] = [];
  const sheetFiles = new Map<string, InputFile>();
  for (const [index, sheetPath] of inputs.sheetPaths.entries()) {
    options.onProgress?.('Reading sheets', index, inputs.sheetPaths.length, 'reading');
    const info = describe(sheetPath);
    const read = await readParsed(
      sheetPath,
      info.shown,
      LIMITS.sheetBytes,
      (bytes) => readSheetTable(sheetPath, bytes),
      digests,
    );
    sheetFiles.set(info.shown, { ...info, sha256: read.sha256 });
    const table = read.parsed;
    // Too large to read has one message; a sheet that cannot be read may have several.
    const problems: ReadProblem[] = table.ok
      ? rubric !== undefined
        ? formattedScoreProblems(table, rubric)
        : []
      : 'problems' in table
        ? table.problems
        : [{ message: table.message, ...lineOf(table) }];
    for (const p of problems) {
      const { message, ...at } = p;
      issues.error('sheet-read', info.shown, message, at);
    }
    if (!table.ok || problems.length > 0) continue;
    for (const note of table.notes) issues.note(note.code, info.shown, note.message);
    if (rubric === undefined) continue;
    const result = validateSheet(
      {
        file: info.shown,
        baseName: path.basename(sheetPath).replace(/\.[^.]+$/, ''),
        rows: table.rows,
        decimalComma: table.decimalComma,
        ...(table.sheetName !== undefined ? { sheetName: table.sheetName } : {}),
      },
      rubric,
      roster,
    );
    issues.addAll(result.issues);
    if (result.sheet) sheets.push(result.sheet);
  }

  // Cross-sheet checks only make sense when every sheet could be read; otherwise they would
  // repeat the same problems in another form.
  const allRead =
    rubric !== undefined &&
    sheets.length > 0 &&
    sheets.length === inputs.sheetPaths.length &&
    !inputs.setAside.some((a) => a.severity === 'error');
  if (
    rubric !== undefined &&
    allRead &&
    (inputs.rosterPath === undefined || roster !== undefined) &&
    (inputs.assignmentsPath === undefined || review.assignments !== undefined)
  ) {
    if (options.scope === 'sheets') {
      // Some sheets, as they arrive: who was assigned what needs every judge's sheet.
      issues.addAll(checkPanel(sheets, rubric, rubricFile.shown, roster, undefined, 'sheets'));
    } else {
      const { assignment, issues: assignmentIssues } = resolveAssignment({
        judges: new Map(sheets.map((s) => [s.judge, s.file])),
        rubric,
        rubricFile: rubricFile.shown,
        ...(roster !== undefined ? { roster } : {}),
        ...(review.assignments !== undefined ? { table: review.assignments } : {}),
      });
      issues.addAll(assignmentIssues);
      const failed = (list: readonly Issue[]) => list.some((i) => i.severity === 'error');
      // Without the assignment the sheets cannot be checked against it; the design only once they agree.
      if (!failed(assignmentIssues) && review.assignments?.complete !== false) {
        const panelIssues = checkPanel(sheets, rubric, rubricFile.shown, roster, assignment);
        issues.addAll(panelIssues);
        if (!failed(panelIssues))
          issues.addAll(checkDesign(sheets, rubric, rubricFile.shown, assignment));
      }
    }
  }
  if (issues.hasErrors || rubric === undefined) {
    return { issues: sortIssues(issues.items), inputs, ...lang };
  }
  if (options.scope === 'sheets') {
    const projects = new Set(sheets.flatMap((s) => [...s.entries.keys()])).size;
    return {
      issues: sortIssues(issues.items),
      inputs,
      checked: { sheets: sheets.length, projects },
      ...lang,
    };
  }

  const computed = computeResults(rubric, sheets, roster);
  // The results hold what they need of the sheets; the rows by project id can go (a large review
  // has hundreds of thousands of them).
  sheets.length = 0;
  issues.addAll(computed.issues);
  // Tracks re-decide pass/fail by track threshold and quota, then the grants; the robustness
  // checks (analytics) re-decide their what-ifs by the same track rule.
  const tracked = hasTracksOrFunding(rubric)
    ? applyTracks(rubric, computed.projects, roster, rubricFile.shown)
    : undefined;
  if (tracked) issues.addAll(tracked.issues);
  const sorted = sortIssues(issues.items);
  if (issues.hasErrors) return { issues: sorted, inputs, ...lang };
  const projects = tracked?.projects ?? computed.projects;
  if (options.checksOnly) {
    const checked = { sheets: computed.judges.length, projects: projects.length };
    return { issues: sorted, inputs, checked, ...lang };
  }

  const computedResults: ComputedResults = {
    rubric,
    rubricFile,
    ...(rosterFile ? { rosterFile } : {}),
    ...(review.assignmentsFile ? { assignmentsFile: review.assignmentsFile } : {}),
    judges: computed.judges.map((j) => ({ id: j.id, ...sheetFiles.get(j.file)! })),
    projects,
    warnings: sorted.filter((i) => i.severity === 'warning'),
    ...(tracked ? { tracks: tracked.results } : {}),
  };
  options.onComputed?.(computedResults, inputs);
  // Loaded here, not with the checks: validate never needs it.
  const { analyze } = await import('./core/analytics.js');
  const results: Results = {
    ...computedResults,
    analytics: analyze(rubric, tracked ? { ...computed, projects } : computed),
  };
  return { results, issues: sorted, inputs, ...lang };
}

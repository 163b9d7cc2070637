import path from 'node:path';
import { computeResults, type ProjectResult } from './core/compute.js';
import { IssueList, sortIssues, type Issue } from './core/issues.js';
import { checkPanel } from './core/panel.js';
import { parseRoster, type Roster } from './core/roster.js';
import { parseRubric, type Aggregate, type Lang, type Rubric } from './core/rubric.js';
import { validateSheet, type JudgeSheet } from './core/sheet.js';
import { display, resolveInputs, type ResolvedInputs } from './io/inputs.js';
import { bytesToTable, readInput } from './io/read.js';

export interface Overrides {
  threshold?: number;
  aggregate?: Aggregate;
  trim?: number;
  lang?: Lang;
  decimals?: number;
}

export interface TallyOptions {
  /** Review folder, sheet files, folders of sheets or glob patterns (default: the current folder). */
  inputs?: string[];
  rubric?: string;
  roster?: string;
  /** Working directory for relative paths (default: process.cwd()). */
  cwd?: string;
  overrides?: Overrides;
}

export interface InputFile {
  /** Path relative to the review folder, with forward slashes. */
  file: string;
  /** Path as shown in messages. */
  shown: string;
  sha256: string;
}

export interface Results {
  rubric: Rubric;
  rubricFile: InputFile;
  rosterFile?: InputFile;
  judges: (InputFile & { id: string })[];
  projects: ProjectResult[];
  warnings: Issue[];
}

export interface TallyOutcome {
  /** Present only when there are no errors. */
  results?: Results;
  /** Every problem found, errors and warnings, sorted by file and line. */
  issues: Issue[];
  inputs: ResolvedInputs;
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
  });
  const issues = new IssueList();
  const describe = (p: string): Omit<InputFile, 'sha256'> => ({
    file: path.relative(inputs.baseDir, p).split(path.sep).join('/'),
    shown: display(p, cwd),
  });

  const rubricInfo = describe(inputs.rubricPath);
  const rubricRead = await readInput(inputs.rubricPath, rubricInfo.shown);
  const rubricText = new TextDecoder('utf-8').decode(rubricRead.bytes);
  const parsedRubric = parseRubric(rubricText.replace(/^\uFEFF/, ''), rubricInfo.shown);
  issues.addAll(parsedRubric.issues);
  const rubric =
    parsedRubric.rubric && applyOverrides(parsedRubric.rubric, options.overrides ?? {});

  let roster: Roster | undefined;
  let rosterFile: InputFile | undefined;
  if (inputs.rosterPath !== undefined) {
    const info = describe(inputs.rosterPath);
    const read = await readInput(inputs.rosterPath, info.shown);
    rosterFile = { ...info, sha256: read.sha256 };
    const table = bytesToTable(read.bytes);
    if (!table.ok) {
      issues.error(
        'roster-read',
        info.shown,
        table.message,
        table.line !== undefined ? { line: table.line } : {},
      );
    } else {
      const parsed = parseRoster(table.rows, info.shown);
      issues.addAll(parsed.issues);
      roster = parsed.roster;
    }
  }

  const sheets: JudgeSheet[] = [];
  const sheetFiles = new Map<string, InputFile>();
  for (const sheetPath of inputs.sheetPaths) {
    const info = describe(sheetPath);
    const read = await readInput(sheetPath, info.shown);
    sheetFiles.set(info.shown, { ...info, sha256: read.sha256 });
    if (/\.xlsx$/i.test(sheetPath)) {
      issues.error(
        'sheet-xlsx',
        info.shown,
        'reading .xlsx sheets is not supported yet; save the sheet as CSV (UTF-8)',
      );
      continue;
    }
    const table = bytesToTable(read.bytes);
    if (!table.ok) {
      issues.error(
        'sheet-read',
        info.shown,
        table.message,
        table.line !== undefined ? { line: table.line } : {},
      );
      continue;
    }
    if (rubric === undefined) continue;
    const result = validateSheet(
      {
        file: info.shown,
        baseName: path.basename(sheetPath).replace(/\.[^.]+$/, ''),
        rows: table.rows,
        decimalComma: table.delimiter !== ',',
      },
      rubric,
      roster,
    );
    issues.addAll(result.issues);
    if (result.sheet) sheets.push(result.sheet);
  }

  // Cross-sheet checks only make sense when every sheet could be read; otherwise they would
  // repeat the same problems in another form.
  const allRead = rubric !== undefined && sheets.length === inputs.sheetPaths.length;
  if (
    rubric !== undefined &&
    allRead &&
    (inputs.rosterPath === undefined || roster !== undefined)
  ) {
    issues.addAll(checkPanel(sheets, rubric, rubricInfo.shown, roster));
  }
  if (issues.hasErrors || rubric === undefined) {
    return { issues: sortIssues(issues.items), inputs };
  }

  const computed = computeResults(rubric, sheets, roster);
  issues.addAll(computed.issues);
  const sorted = sortIssues(issues.items);
  if (issues.hasErrors) return { issues: sorted, inputs };

  const results: Results = {
    rubric,
    rubricFile: { ...rubricInfo, sha256: rubricRead.sha256 },
    ...(rosterFile ? { rosterFile } : {}),
    judges: computed.judges.map((j) => ({ id: j.id, ...sheetFiles.get(j.file)! })),
    projects: computed.projects,
    warnings: sorted.filter((i) => i.severity === 'warning'),
  };
  return { results, issues: sorted, inputs };
}

function applyOverrides(rubric: Rubric, o: Overrides): Rubric {
  return {
    ...rubric,
    ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
    ...(o.aggregate !== undefined ? { aggregate: o.aggregate } : {}),
    ...(o.trim !== undefined ? { trim: o.trim } : {}),
    ...(o.lang !== undefined ? { lang: o.lang } : {}),
    ...(o.decimals !== undefined ? { decimals: o.decimals } : {}),
  };
}

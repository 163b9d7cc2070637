import path from 'node:path';
import { parseAssignments, type AssignmentTable } from './core/assignments.js';
import type { Row } from './io/csv.js';
import { IssueList, type Issue } from './core/issues.js';
import { parseRoster, type Roster } from './core/roster.js';
import {
  parseRubric,
  type Aggregate,
  type Lang,
  type Normalize,
  type Rubric,
} from './core/rubric.js';
import { display, type ReviewFiles } from './io/inputs.js';
import { LIMITS } from './io/limits.js';
import { bytesToTable, readInput, tooLargeMessage, type Table } from './io/read.js';
import { decodeBytes } from './io/decode.js';

export interface Overrides {
  threshold?: number;
  aggregate?: Aggregate;
  trim?: number;
  lang?: Lang;
  decimals?: number;
  normalize?: Normalize;
}

export interface InputFile {
  /** Path relative to the review folder, with forward slashes. */
  file: string;
  /** Path as shown in messages. */
  shown: string;
  sha256: string;
}

export interface Review {
  rubric?: Rubric;
  roster?: Roster;
  rubricFile: InputFile;
  rosterFile?: InputFile;
  /** assignments.csv, read and parsed (judge groups). */
  assignments?: AssignmentTable;
  assignmentsFile?: InputFile;
  issues: Issue[];
  /** Names a file the way results.json and messages do. */
  describe: (p: string) => Omit<InputFile, 'sha256'>;
}

/** Reads and validates the rubric (with command-line overrides) and the roster of a review. */
export async function loadReview(
  files: ReviewFiles,
  cwd: string,
  overrides: Overrides,
): Promise<Review> {
  const issues = new IssueList();
  const describe = (p: string): Omit<InputFile, 'sha256'> => ({
    file: path.relative(files.baseDir, p).split(path.sep).join('/'),
    shown: display(p, cwd),
  });

  const rubricInfo = describe(files.rubricPath);
  const rubricRead = await readInput(files.rubricPath, rubricInfo.shown, LIMITS.rubricBytes);
  const rubricFile = { ...rubricInfo, sha256: rubricRead.sha256 };
  let rubric: Rubric | undefined;
  const decoded = decodeBytes(rubricRead.bytes);
  if (rubricRead.tooLarge !== undefined) {
    issues.error(
      'rubric-size',
      rubricInfo.shown,
      tooLargeMessage(rubricRead.tooLarge, LIMITS.rubricBytes),
    );
  } else if (!decoded.ok) {
    issues.error(
      'rubric-read',
      rubricInfo.shown,
      decoded.message,
      decoded.line !== undefined ? { line: decoded.line } : {},
    );
  } else {
    if (decoded.note !== undefined) issues.note('rubric-encoding', rubricInfo.shown, decoded.note);
    const parsed = parseRubric(decoded.text, rubricInfo.shown);
    issues.addAll(parsed.issues);
    rubric = parsed.rubric && applyOverrides(parsed.rubric, overrides);
  }

  const readCsv = async <T>(
    p: string | undefined,
    code: string,
    parse: (rows: Row[], file: string) => { value?: T; issues: Issue[] },
  ): Promise<{ value?: T; file?: InputFile }> => {
    if (p === undefined) return {};
    const info = describe(p);
    const read = await readInput(p, info.shown, LIMITS.sheetBytes);
    const file = { ...info, sha256: read.sha256 };
    const table: Table =
      read.tooLarge !== undefined
        ? { ok: false, message: tooLargeMessage(read.tooLarge, LIMITS.sheetBytes) }
        : bytesToTable(read.bytes);
    if (!table.ok) {
      issues.error(
        code,
        info.shown,
        table.message,
        table.line !== undefined ? { line: table.line } : {},
      );
      return { file };
    }
    // e.g. roster-read -> roster-encoding: a legacy encoding chosen by plausibility is said.
    if (table.note !== undefined)
      issues.note(code.replace(/-read$/, '-encoding'), info.shown, table.note);
    const parsed = parse(table.rows, info.shown);
    issues.addAll(parsed.issues);
    return parsed.value !== undefined ? { value: parsed.value, file } : { file };
  };
  const { value: roster, file: rosterFile } = await readCsv(
    files.rosterPath,
    'roster-read',
    (rows, f) => {
      const r = parseRoster(rows, f);
      return r.roster !== undefined ? { value: r.roster, issues: r.issues } : { issues: r.issues };
    },
  );
  const { value: assignments, file: assignmentsFile } = await readCsv(
    files.assignmentsPath,
    'assignments-read',
    (rows, f) => {
      const r = parseAssignments(rows, f);
      return r.table !== undefined ? { value: r.table, issues: r.issues } : { issues: r.issues };
    },
  );
  return {
    ...(rubric !== undefined ? { rubric } : {}),
    ...(roster !== undefined ? { roster } : {}),
    rubricFile,
    ...(rosterFile !== undefined ? { rosterFile } : {}),
    ...(assignments !== undefined ? { assignments } : {}),
    ...(assignmentsFile !== undefined ? { assignmentsFile } : {}),
    issues: issues.items,
    describe,
  };
}

function applyOverrides(rubric: Rubric, o: Overrides): Rubric {
  return {
    ...rubric,
    ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
    ...(o.aggregate !== undefined ? { aggregate: o.aggregate } : {}),
    ...(o.trim !== undefined ? { trim: o.trim } : {}),
    ...(o.lang !== undefined ? { lang: o.lang } : {}),
    ...(o.decimals !== undefined ? { decimals: o.decimals } : {}),
    ...(o.normalize !== undefined ? { normalize: o.normalize } : {}),
  };
}

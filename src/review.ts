import path from 'node:path';
import { parseAssignments, type AssignmentTable } from './core/assignments.js';
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
import { bytesToTable, lineOf, readParsed } from './io/read.js';
import { decodeBytes } from './io/decode.js';
import type { InputFile, Row } from './core/model.js';

export interface Overrides {
  threshold?: number;
  aggregate?: Aggregate;
  trim?: number;
  lang?: Lang;
  decimals?: number;
  normalize?: Normalize;
}

export type { InputFile } from './core/model.js';

export interface Review {
  rubric?: Rubric;
  roster?: Roster;
  rubricFile: InputFile;
  rosterFile?: InputFile;
  /** assignments.csv, read and parsed (judge groups). */
  assignments?: AssignmentTable;
  assignmentsFile?: InputFile;
  issues: Issue[];
  /** The rubric's language, also when the rubric has problems (they are told in it). */
  lang?: Lang;
  /** Names a file the way results.json and messages do. */
  describe: (p: string) => Omit<InputFile, 'sha256'>;
}

/**
 * Reads and validates the rubric (with command-line overrides) and the roster of a review.
 * Without `digests` the files' sha256 are left '' (checks that publish nothing).
 */
export async function loadReview(
  files: ReviewFiles,
  cwd: string,
  overrides: Overrides,
  digests = true,
): Promise<Review> {
  const issues = new IssueList();
  const describe = (p: string): Omit<InputFile, 'sha256'> => ({
    file: path.relative(files.baseDir, p).split(path.sep).join('/'),
    shown: display(p, cwd),
  });

  const rubricInfo = describe(files.rubricPath);
  const rubricRead = await readParsed(
    files.rubricPath,
    rubricInfo.shown,
    LIMITS.rubricBytes,
    decodeBytes,
    digests,
  );
  const rubricFile = { ...rubricInfo, sha256: rubricRead.sha256 };
  let rubric: Rubric | undefined;
  let lang: Lang | undefined;
  const decoded = rubricRead.parsed;
  if (!decoded.ok) {
    issues.error(
      'tooLarge' in decoded ? 'rubric-size' : 'rubric-read',
      rubricInfo.shown,
      decoded.message,
      lineOf(decoded),
    );
  } else {
    if (decoded.note !== undefined) issues.note('rubric-encoding', rubricInfo.shown, decoded.note);
    const parsed = parseRubric(decoded.text, rubricInfo.shown);
    issues.addAll(parsed.issues);
    rubric = parsed.rubric && applyOverrides(parsed.rubric, overrides);
    lang = rubric?.lang ?? parsed.lang;
  }

  const readCsv = async <T>(
    p: string | undefined,
    code: string,
    parse: (rows: Row[], file: string) => { value?: T; issues: Issue[] },
  ): Promise<{ value?: T; file?: InputFile }> => {
    if (p === undefined) return {};
    const info = describe(p);
    const read = await readParsed(p, info.shown, LIMITS.sheetBytes, bytesToTable, digests);
    const file = { ...info, sha256: read.sha256 };
    const table = read.parsed;
    if (!table.ok) {
      issues.error(code, info.shown, table.message, lineOf(table));
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
    ...(lang !== undefined ? { lang } : {}),
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

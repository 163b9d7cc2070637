import type { Worded } from '../text/problems.js';
import { wordProblem } from '../text/word.js';

/**
 * Problems are data: every check appends to a list instead of throwing, so one run can report
 * every problem of every file at once.
 */
/** A note says what pcv decided that the user should know (a file skipped, an encoding chosen). */
export type Severity = 'error' | 'warning' | 'note';

export interface Issue {
  /** Stable machine-readable identifier, e.g. `score-over-max`. */
  code: string;
  severity: Severity;
  /** File as shown to the user (relative to the working directory when possible). */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  /** Column as the user sees it: the header text of a sheet column. */
  column?: string;
  /** Spreadsheet cell reference (`Sheet1!C7`) for problems in an .xlsx sheet. */
  cell?: string;
  /** In English: what results.json and the workbook list. */
  message: string;
  /**
   * The problem as a wording key and values (text/problems.ts), for the terminal's language. Every
   * problem core and io report has one; an Issue made by other code may not.
   */
  worded?: Worded;
}

/** English stays the message (results.json, the workbook); the key goes along for the terminal. */
function words(message: Worded): Pick<Issue, 'message' | 'worded'> {
  return { message: wordProblem(message, 'en'), worded: message };
}

export type Location = Pick<Issue, 'line' | 'column' | 'cell'>;

/** Problems are reported as wording keys, never as sentences: see text/problems.ts. */
export class IssueList {
  readonly items: Issue[] = [];

  error(code: string, file: string, message: Worded, at: Location = {}) {
    this.items.push({ code, severity: 'error', file, ...at, ...words(message) });
  }

  warn(code: string, file: string, message: Worded, at: Location = {}) {
    this.items.push({ code, severity: 'warning', file, ...at, ...words(message) });
  }

  note(code: string, file: string, message: Worded, at: Location = {}) {
    this.items.push({ code, severity: 'note', file, ...at, ...words(message) });
  }

  addAll(issues: readonly Issue[]) {
    this.items.push(...issues);
  }

  get hasErrors(): boolean {
    return this.items.some((i) => i.severity === 'error');
  }
}

/**
 * `FILE:LINE:COLUMN: message`, leaving out the parts a problem does not have; for an .xlsx sheet
 * `FILE:Sheet1!C7: message`.
 */
export function formatIssue(issue: Issue): string {
  return formatIssueWith(issue, issue.severity === 'error' ? '' : `${issue.severity}: `);
}

/** As formatIssue, with the severity's word given (the terminal's language: "警告："). */
export function formatIssueWith(issue: Issue, prefix: string): string {
  if (issue.cell !== undefined) return `${issue.file}:${issue.cell}: ${prefix}${issue.message}`;
  let where = issue.file;
  if (issue.line !== undefined) where += `:${issue.line}`;
  if (issue.column !== undefined && issue.column !== '') where += `:${issue.column}`;
  return `${where}: ${prefix}${issue.message}`;
}

/** Sorted by file, then line (file-level problems first), then column, keeping insertion order. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      if (a.issue.file !== b.issue.file) return a.issue.file < b.issue.file ? -1 : 1;
      const la = a.issue.line ?? 0;
      const lb = b.issue.line ?? 0;
      if (la !== lb) return la - lb;
      return a.index - b.index;
    })
    .map((x) => x.issue);
}

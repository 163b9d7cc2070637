import type { ChalkInstance } from 'chalk';
import { formatIssueWith, type Issue } from '../core/issues.js';
import { PcvError } from '../errors.js';
import { worded } from '../text/problems.js';
import {
  AGGREGATES,
  LANGS,
  NORMALIZE_METHODS,
  type Aggregate,
  type Lang,
  type Normalize,
} from '../core/rubric.js';
import type { Overrides, TallyOptions } from '../tally.js';
import { messages } from '../text/index.js';
import { wordProblem } from '../text/word.js';

/** Where a command prints: injectable so tests can read both streams. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  chalk: ChalkInstance;
  cwd: string;
  /** Environment (SOURCE_DATE_EPOCH) and clock, injected so that commands stay testable. */
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  /** Where a progress bar may go (stderr when it is a terminal); none in tests. */
  progress?: NodeJS.WriteStream;
}

/**
 * The date stamped into reports and workbooks: SOURCE_DATE_EPOCH when set (reproducible builds
 * convention), else the review date, else a fixed date — never the clock, so that the same
 * inputs give byte-identical files.
 */
export function reportDate(rubric: { date?: string | undefined }, env: Io['env']): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (rubric.date !== undefined) return new Date(`${rubric.date}T00:00:00Z`);
  return new Date('2000-01-01T00:00:00Z');
}

/**
 * The reports' folder when --out is not given: `pcv-out` inside the review folder (the folder
 * named, or the current one), so that `pcv verify <folder>` finds what `pcv tally <folder>` wrote.
 */
export const DEFAULT_OUT = 'pcv-out';

/** Options shared by tally and validate, as commander hands them over (strings). */
export interface InputFlags {
  rubric?: string;
  roster?: string;
  assignments?: string;
  threshold?: string;
  aggregate?: string;
  trim?: string;
  lang?: string;
  decimals?: string;
  normalize?: string;
}

export function tallyOptions(inputs: string[], flags: InputFlags, cwd: string): TallyOptions {
  const overrides: Overrides = {};
  if (flags.threshold !== undefined) {
    const n = Number(flags.threshold);
    if (flags.threshold.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
      throw new PcvError(worded('option-threshold', { value: flags.threshold }));
    }
    overrides.threshold = n;
  }
  if (flags.aggregate !== undefined) {
    if (!(AGGREGATES as readonly string[]).includes(flags.aggregate)) {
      throw new PcvError(
        worded('option-aggregate', { value: flags.aggregate, choices: [...AGGREGATES] }),
      );
    }
    overrides.aggregate = flags.aggregate as Aggregate;
  }
  if (flags.trim !== undefined) {
    if (!/^\d+$/.test(flags.trim)) throw new PcvError(worded('option-trim', { value: flags.trim }));
    overrides.trim = Number(flags.trim);
  }
  if (flags.decimals !== undefined) {
    if (!/^[0-6]$/.test(flags.decimals))
      throw new PcvError(worded('option-decimals', { value: flags.decimals }));
    overrides.decimals = Number(flags.decimals);
  }
  if (flags.normalize !== undefined) {
    if (!(NORMALIZE_METHODS as readonly string[]).includes(flags.normalize)) {
      throw new PcvError(worded('option-normalize', { value: flags.normalize }));
    }
    overrides.normalize = flags.normalize as Normalize;
  }
  if (flags.lang !== undefined) {
    if (!(LANGS as readonly string[]).includes(flags.lang)) {
      throw new PcvError(worded('option-lang', { value: flags.lang }));
    }
    overrides.lang = flags.lang as Lang;
  }
  return {
    inputs,
    cwd,
    overrides,
    ...(flags.rubric !== undefined ? { rubric: flags.rubric } : {}),
    ...(flags.roster !== undefined ? { roster: flags.roster } : {}),
    ...(flags.assignments !== undefined ? { assignments: flags.assignments } : {}),
  };
}

/** Prints every problem, one line each, and returns the error count. */
export function printIssues(
  issues: readonly Issue[],
  io: Io,
  quiet = false,
  lang: Lang = 'en',
): number {
  const severity = messages(lang).run.severity;
  // A converted problem is worded in the terminal's language; the others keep their English.
  const say = (issue: Issue): Issue =>
    issue.worded !== undefined && lang !== 'en'
      ? { ...issue, message: wordProblem(issue.worded, lang) }
      : issue;
  let errors = 0;
  for (const issue of issues) {
    if (issue.severity === 'error') {
      errors++;
      io.err(io.chalk.red(formatIssueWith(say(issue), '')));
    } else if (!quiet)
      io.err(io.chalk.yellow(formatIssueWith(say(issue), severity[issue.severity])));
  }
  return errors;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function problemSummary(issues: readonly Issue[], lang: Lang = 'en'): string {
  const errors = issues.filter((i) => i.severity === 'error');
  return messages(lang).run.problems(errors.length, new Set(errors.map((i) => i.file)).size);
}

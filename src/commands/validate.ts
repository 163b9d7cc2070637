import { statSync } from 'node:fs';
import path from 'node:path';
import type { PanelScope } from '../core/panel.js';
import { tally } from '../tally.js';
import { chooseLang, messages } from '../text/index.js';
import { printIssues, problemSummary, tallyOptions, type InputFlags, type Io } from './common.js';

export interface ValidateFlags extends InputFlags {
  quiet?: boolean;
}

/**
 * Checks every input and reports; writes nothing. Sheets named one by one (files or glob
 * patterns) are checked as they arrive: against the rubric, the roster and each other, leaving
 * the checks that need the whole panel for `pcv validate` of the review folder.
 */
export async function validateCommand(
  inputs: string[],
  flags: ValidateFlags,
  io: Io,
): Promise<number> {
  const scope = scopeOf(inputs, io.cwd);
  const outcome = await tally({ ...tallyOptions(inputs, flags, io.cwd), scope, checksOnly: true });
  const lang = chooseLang(flags.lang, outcome.lang, io.env);
  const m = messages(lang).run;
  const errors = printIssues(outcome.issues, io, flags.quiet, lang);
  const warnings = outcome.issues.filter((i) => i.severity === 'warning').length;
  if (scope === 'sheets' && !flags.quiet) io.err(m.skippedChecks);
  if (errors > 0) {
    io.err(m.failedValidation(problemSummary(outcome.issues, lang)));
    return 1;
  }
  const checked = outcome.checked!;
  if (!flags.quiet) {
    io.err(io.chalk.green(m.validated(checked.sheets, checked.projects, warnings)));
  }
  return 0;
}

/**
 * The whole panel when validate is given nothing (the current folder) or any folder (a review
 * folder, or a folder of sheets); only the sheets named when every input is a file or a glob
 * pattern.
 */
export function scopeOf(inputs: readonly string[], cwd: string): PanelScope {
  if (inputs.length === 0) return 'panel';
  return inputs.some((arg) => isFolder(path.resolve(cwd, arg))) ? 'panel' : 'sheets';
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

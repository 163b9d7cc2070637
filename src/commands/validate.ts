import { tally } from '../tally.js';
import {
  plural,
  printIssues,
  problemSummary,
  tallyOptions,
  type InputFlags,
  type Io,
} from './common.js';

export interface ValidateFlags extends InputFlags {
  quiet?: boolean;
}

/** Checks every input and reports; writes nothing. */
export async function validateCommand(
  inputs: string[],
  flags: ValidateFlags,
  io: Io,
): Promise<number> {
  const outcome = await tally(tallyOptions(inputs, flags, io.cwd));
  const errors = printIssues(outcome.issues, io, flags.quiet);
  if (errors > 0) {
    io.err(`${problemSummary(outcome.issues)}.`);
    return 1;
  }
  const r = outcome.results!;
  const warnings = outcome.issues.length;
  if (!flags.quiet) {
    io.err(
      io.chalk.green(
        `OK: ${plural(r.judges.length, 'sheet')}, ${plural(r.projects.length, 'project')}, no problems${warnings ? ` (${plural(warnings, 'warning')})` : ''}.`,
      ),
    );
  }
  return 0;
}

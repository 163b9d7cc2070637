import { tally } from '../tally.js';
import { printIssues, problemSummary, tallyOptions, type InputFlags, type Io } from './common.js';

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
        `OK: ${r.judges.length} sheets, ${r.projects.length} projects, no problems${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}.`,
      ),
    );
  }
  return 0;
}

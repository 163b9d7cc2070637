import type { Worded } from './text/problems.js';
import { wordProblem } from './text/word.js';

/**
 * A failure that stops the run before any result: a missing file, a bad option. The CLI prints
 * its message as one line and exits with `exitCode` (2: usage or unreadable input). A worded
 * one keeps its key, so the CLI can say it in the terminal's language; `message` is English.
 */
export class PcvError extends Error {
  readonly worded?: Worded;

  constructor(
    message: string | Worded,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(typeof message === 'string' ? message : wordProblem(message, 'en'));
    this.name = 'PcvError';
    if (typeof message !== 'string') this.worded = message;
  }
}

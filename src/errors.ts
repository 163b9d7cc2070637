/**
 * A failure that stops the run before any result: a missing file, a bad option. The CLI prints
 * its message as one line and exits with `exitCode` (2: usage or unreadable input).
 */
export class PcvError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'PcvError';
  }
}

// An entry of the bundle that bin/pcv.js loads before the CLI for `pcv tally` with a PDF among
// other reports: the PDF worker then starts ~0.15 s sooner (the CLI's own loading), so its loading
// of pdfkit is done by the time the results are. The tally takes it (reports.ts
// startPdfWorkerFor) or stops it.
import { spawnPdfWorker } from './render/pdf-spawn.js';
import { drawsPdfBeside, holdPdfWorker } from './render/pdf-prestart.js';
import { spareCoreNow } from './spare-core.js';

/** For `pcv tally ARGS`: starts the worker when the words ask for a PDF and a core is free. */
export function prestartPdfWorker(argv: readonly string[]): void {
  if (asksForPdfAndMore(argv) && spareCoreNow()) holdPdfWorker(spawnPdfWorker());
}

/**
 * Whether a tally's words ask for the announcement and another report: the default formats, or a
 * --format list naming pdf and something else. A guess before commander has parsed them; the
 * tally decides again from its parsed options and stops a worker it does not want.
 */
export function asksForPdfAndMore(argv: readonly string[]): boolean {
  let formats = 'xlsx,pdf,json';
  argv.forEach((arg, i) => {
    if (arg === '--format') formats = argv[i + 1] ?? '';
    else if (arg.startsWith('--format=')) formats = arg.slice('--format='.length);
  });
  const list = formats.split(',').map((f) => f.trim().toLowerCase());
  return drawsPdfBeside(list.filter((f) => f !== ''));
}

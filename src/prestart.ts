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
  return drawsPdfBeside(formatWords(argv));
}

/**
 * Whether the CLI process caps V8's heap growth (bin/pcv.js): not for a tally whose words ask
 * for a workbook or a PDF. The cap keeps a large review's garbage out of its peak while the
 * sheets are held and results.json is written; where a workbook or a PDF is made, they set the
 * peak (the 10k review's peak was the same with and without the cap) and the cap only made their
 * many short-lived objects cost ~0.5 s more CPU in collections (BENCHMARKS.md, "Reports written
 * while the announcement is drawn").
 */
export function capsHeapGrowth(argv: readonly string[]): boolean {
  return argv[0] !== 'tally' || formatWords(argv).every((f) => f === 'json');
}

/** The --format list as words, before commander has parsed them (the last --format wins). */
function formatWords(argv: readonly string[]): string[] {
  let formats = 'xlsx,pdf,json';
  argv.forEach((arg, i) => {
    if (arg === '--format') formats = argv[i + 1] ?? '';
    else if (arg.startsWith('--format=')) formats = arg.slice('--format='.length);
  });
  return formats
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== '');
}

import type { SpawnedPdfWorker } from './pdf-spawn.js';

/**
 * The PDF worker bin/pcv.js starts before the CLI has loaded (src/prestart.ts), held until the
 * tally takes it. A module of its own, without imports, so that holding costs nothing to runs that
 * never draw a PDF.
 */
let held: SpawnedPdfWorker | undefined;

export function holdPdfWorker(worker: SpawnedPdfWorker | undefined): void {
  held?.cancel();
  held = worker;
}

/**
 * Whether a worker pays for these formats: the announcement and another report to write meanwhile.
 * Asked twice, of the words before the CLI loads and of the parsed formats.
 */
export function drawsPdfBeside(formats: readonly string[]): boolean {
  return formats.includes('pdf') && formats.some((f) => f !== 'pdf');
}

/** The held worker, once: the caller uses it or cancels it. */
export function takeHeldPdfWorker(): SpawnedPdfWorker | undefined {
  const worker = held;
  held = undefined;
  return worker;
}

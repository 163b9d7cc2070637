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

/** The held worker, once: the caller uses it or cancels it. */
export function takeHeldPdfWorker(): SpawnedPdfWorker | undefined {
  const worker = held;
  held = undefined;
  return worker;
}

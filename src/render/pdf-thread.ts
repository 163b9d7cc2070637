import type { ComputedResults } from '../core/model.js';
import { announcementContent, type AnnouncementContent } from './announcement.js';
import type { PdfOptions } from './pdf-doc.js';
import { spawnPdfWorker, type SpawnedPdfWorker } from './pdf-spawn.js';
import type { Worded } from '../text/problems.js';

/**
 * announcement.pdf drawn in a worker thread, so that on a machine with two cores it is drawn
 * while the main thread loads exceljs and writes the workbook: the two heaviest reports of review
 * day, each mostly module loading and layout, then take the time of the slower one instead of
 * the sum. The main thread words the announcement (announcementContent: plain strings, no
 * Decimals) and the worker only draws it, so the bytes are those of renderAnnouncement().
 *
 * The worker can be started before there is anything to draw (startPdfWorker, as `pcv tally`
 * does before reading the sheets): it loads the PDF code while the main thread reads and
 * computes, then draws the content it is given — posted before the analytics, which the
 * announcement does not use, so that it is drawn while they are computed and results.json is
 * written.
 */

/** What the worker is given: the announcement's words and the PDF options. */
export interface PdfJob {
  content: AnnouncementContent;
  options: PdfOptions;
}

/**
 * A failure in the worker as plain data: a PcvError keeps its exit code and its wording key, so
 * the CLI can still say it in the user's language.
 */
export interface WorkerFailure {
  message: string;
  stack: string;
  exitCode?: 1 | 2;
  worded?: Worded;
}

/** What the worker answers: the PDF's bytes, or its failure as plain data. */
export type PdfReply = { ok: true; bytes: Uint8Array } | { ok: false; error: WorkerFailure };

export interface PendingPdf {
  /** The PDF's bytes; a failure in the worker rejects as it would have thrown in this thread. */
  bytes: Promise<Buffer>;
  /** Stops the worker (when another report failed and its PDF is no longer wanted). */
  cancel: () => void;
}

/** A started worker waiting for its one announcement. */
export interface PdfWorker {
  /** Hands the worker the announcement to draw; call once. */
  draw: (results: ComputedResults, options: PdfOptions) => PendingPdf;
  /** Stops the worker, drawn or not: a run that writes no PDF does not wait for it. */
  cancel: () => void;
}

/**
 * Starts the worker thread, which loads the PDF code and then waits for draw(). Undefined when
 * pcv runs from its TypeScript sources (the tests), where there is no compiled worker to start:
 * the caller then draws in this thread, with the same bytes. Until draw() the worker does not
 * keep the process alive, so an exit on an error never waits for it.
 */
export function startPdfWorker(): PdfWorker | undefined {
  const spawned = spawnPdfWorker();
  return spawned === undefined ? undefined : pdfWorkerFrom(spawned);
}

/** A spawned worker (pdf-spawn.ts) that is handed results: the words are made here. */
export function pdfWorkerFrom(spawned: SpawnedPdfWorker): PdfWorker {
  return {
    draw: (results, options) => spawned.post({ content: announcementContent(results), options }),
    cancel: spawned.cancel,
  };
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Results } from '../core/model.js';
import { PcvError } from '../errors.js';
import { announcementContent, type AnnouncementContent } from './announcement.js';
import type { PdfOptions } from './pdf-doc.js';

/**
 * announcement.pdf drawn in a worker thread, so that on a machine with two cores it is drawn
 * while the main thread loads exceljs and writes the workbook: the two heaviest reports of review
 * day, each mostly module loading and layout, then take the time of the slower one instead of
 * the sum. The main thread words the announcement (announcementContent: plain strings, no
 * Decimals) and the worker only draws it, so the bytes are those of renderAnnouncement().
 */

/** What the worker is given: the announcement's words and the PDF options. */
export interface PdfJob {
  content: AnnouncementContent;
  options: PdfOptions;
}

/** What the worker answers: the PDF's bytes, or its failure as plain data. */
export type PdfReply =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: { message: string; stack: string; exitCode?: 1 | 2 } };

export interface PendingPdf {
  /** The PDF's bytes; a failure in the worker rejects as it would have thrown in this thread. */
  bytes: Promise<Buffer>;
  /** Stops the worker (when another report failed and its PDF is no longer wanted). */
  cancel: () => void;
}

/**
 * Starts drawing the announcement in a worker thread. Undefined when pcv runs from its
 * TypeScript sources (the tests), where there is no compiled worker to start: the caller then
 * draws it in this thread, with the same bytes.
 */
export function startAnnouncement(results: Results, options: PdfOptions): PendingPdf | undefined {
  const entry = new URL('./pdf-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(entry))) return undefined;
  const job: PdfJob = { content: announcementContent(results), options };
  const worker = new Worker(entry, { workerData: job });
  const bytes = new Promise<Buffer>((resolve, reject) => {
    worker.once('message', (reply: PdfReply) => {
      if (reply.ok) {
        resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      } else {
        reject(revive(reply.error));
      }
    });
    worker.once('error', reject);
    // After a reply this changes nothing: a promise settles once.
    worker.once('exit', (code) => reject(new Error(`the PDF worker stopped (exit code ${code})`)));
  });
  // Awaited only after the other reports: a failure meanwhile must not count as unhandled.
  bytes.catch(() => {});
  return { bytes, cancel: () => void worker.terminate() };
}

/** The worker's failure as the error this thread would have seen: a PcvError stays one. */
function revive(error: { message: string; stack: string; exitCode?: 1 | 2 }): Error {
  if (error.exitCode !== undefined) return new PcvError(error.message, error.exitCode);
  const revived = new Error(error.message);
  revived.stack = error.stack;
  return revived;
}

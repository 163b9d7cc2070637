import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfJob, PdfReply, PendingPdf, WorkerFailure } from './pdf-thread.js';

/**
 * The PDF worker thread itself: started, handed its one job, answered or stopped. Kept apart from
 * pdf-thread.ts, which words the announcement, so that bin/pcv.js can start the worker before any
 * of pcv's report code has loaded (src/prestart.ts): this module imports only Node's own.
 */
export interface SpawnedPdfWorker {
  /** Hands the worker its job; call once. */
  post: (job: PdfJob) => PendingPdf;
  /** Stops the worker, drawn or not. */
  cancel: () => void;
}

/** Undefined when there is no compiled worker next to this file (pcv run from its sources). */
export function spawnPdfWorker(): SpawnedPdfWorker | undefined {
  const entry = new URL('./pdf-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(entry))) return undefined;
  // A young generation of 3 MB instead of V8's default (up to ~48 MB): the drawing's short-lived
  // objects are then collected in pages already touched, where a larger nursery keeps touching
  // fresh ones, each ~13 µs of kernel time on the VMs pcv was measured on. Review day ~2,000
  // fewer page faults and ~25 ms less wall; the 10k announcement ~9,000 fewer faults, ~20 MB
  // less peak, no slower (BENCHMARKS.md, "Review day: a small nursery for the PDF worker").
  // Below ~3 MB the scavenges grow too frequent for a 10k-row table.
  const worker = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: 3 } });
  let answered = false;
  const bytes = new Promise<Buffer>((resolve, reject) => {
    worker.once('message', (reply: PdfReply) => {
      answered = true;
      if (reply.ok) {
        resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      } else {
        revive(reply.error).then(reject, reject);
      }
    });
    worker.once('error', reject);
    // After a reply the thread ends on its own; its failure may still be on its way (revive).
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the PDF worker stopped (exit code ${code})`));
    });
  });
  // Awaited only after the other reports, or never: a failure meanwhile must not count as
  // unhandled.
  bytes.catch(() => {});
  // After the listeners: attaching a 'message' listener refs the worker again.
  worker.unref();
  const cancel = () => void worker.terminate();
  return {
    post: (job) => {
      worker.postMessage(job);
      // From here the main thread waits for the bytes: the worker keeps the process alive.
      worker.ref();
      return { bytes, cancel };
    },
    cancel,
  };
}

/**
 * The worker's failure as the error this thread would have seen: a PcvError stays one, with its
 * wording key. The error class loads only for a failure (it brings the problem catalogs).
 */
async function revive(error: WorkerFailure): Promise<Error> {
  if (error.exitCode !== undefined) {
    const { PcvError } = await import('../errors.js');
    return new PcvError(error.worded ?? error.message, error.exitCode);
  }
  const revived = new Error(error.message);
  revived.stack = error.stack;
  return revived;
}

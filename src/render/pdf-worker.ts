// The worker thread that draws announcement.pdf (see pdf-thread.ts): it receives the
// announcement's words as plain data, draws them with pdfkit and posts the bytes back. Nothing
// here touches the disk; the main thread writes the report with the others, whole or not at all.
import { parentPort, workerData } from 'node:worker_threads';
import { PcvError } from '../errors.js';
import type { PdfJob, PdfReply } from './pdf-thread.js';
import { renderAnnouncementContent } from './pdf.js';

const job = workerData as PdfJob;
let reply: PdfReply;
let transfer: ArrayBuffer[] = [];
try {
  const pdf = await renderAnnouncementContent(job.content, job.options);
  // A buffer of its own, so moving it to the main thread detaches nothing shared.
  const bytes =
    pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : Uint8Array.from(pdf);
  reply = { ok: true, bytes };
  transfer = [bytes.buffer as ArrayBuffer];
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  reply = {
    ok: false,
    error: {
      message: error.message,
      stack: error.stack ?? error.message,
      ...(error instanceof PcvError ? { exitCode: error.exitCode } : {}),
    },
  };
}
parentPort!.postMessage(reply, transfer);

// The worker thread that draws announcement.pdf (see pdf-thread.ts): started before the results
// exist, it loads the PDF code at once, then receives the announcement's words as plain data,
// draws them with pdfkit and posts the bytes back. Nothing here touches the disk; the main thread
// writes the report with the others, whole or not at all.
import { parentPort } from 'node:worker_threads';
import { PcvError } from '../errors.js';
import type { PdfJob, PdfReply } from './pdf-thread.js';

// Loading while the main thread reads the sheets; a failure here is the job's failure, answered
// when the job comes.
const loading = Promise.all([import('./pdf.js'), import('pdfkit')]);
loading.catch(() => {});

parentPort!.once('message', (job: PdfJob) => void draw(job));

async function draw(job: PdfJob): Promise<void> {
  let reply: PdfReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const [{ renderAnnouncementContent }] = await loading;
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
        ...(error instanceof PcvError
          ? { exitCode: error.exitCode, ...(error.worded ? { worded: error.worded } : {}) }
          : {}),
      },
    };
  }
  parentPort!.postMessage(reply, transfer);
  // Nothing else to wait for: the thread ends.
  parentPort!.close();
}

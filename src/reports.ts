import { resultsJsonStream } from './render/json.js';
import { spareCore } from './spare-core.js';
import type { ReportFile } from './io/write.js';
import type { Results } from './core/model.js';
import type { Progress } from './tally.js';
import type { PdfWorker, PendingPdf } from './render/pdf-thread.js';
import { drawsPdfBeside, takeHeldPdfWorker } from './render/pdf-prestart.js';

export const FORMATS = ['xlsx', 'pdf', 'json', 'cards', 'panel', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  /** Stamped into the PDFs and the workbook: never the clock, so output is reproducible. */
  date: Date;
  /** A font file for the PDFs (default: the bundled Noto Sans SC). */
  fontPath?: string;
  /** Called before each report is rendered, for a progress bar. */
  onProgress?: Progress;
  /**
   * The PDF worker started ahead (startPdfWorkerFor), or undefined when it was decided then that
   * the announcement is drawn in this thread. Absent: decided here.
   */
  pdfWorker?: PdfWorker | undefined;
  /** The announcement already handed to the worker (PdfWorker.draw, before the analytics). */
  pdf?: PendingPdf;
}

/**
 * With other reports to write meanwhile and a core to spare, the announcement is drawn in a
 * worker thread. Started before the sheets are read, the worker loads the PDF code while this
 * thread reads and computes; the caller cancels it when no report is written. A worker bin/pcv.js
 * started even sooner (src/prestart.ts) is taken here, or stopped when no PDF is wanted.
 */
export async function startPdfWorkerFor(
  formats: readonly Format[],
): Promise<PdfWorker | undefined> {
  const held = takeHeldPdfWorker();
  if (!drawsPdfBeside(formats)) {
    held?.cancel();
    return undefined;
  }
  if (held === undefined && !spareCore()) return undefined;
  const thread = await import('./render/pdf-thread.js');
  return held !== undefined ? thread.pdfWorkerFrom(held) : thread.startPdfWorker();
}

/**
 * Renders the chosen reports into memory, in a fixed order (results.json is made as it is
 * written, a project at a time). Nothing touches the disk here, and a failure while writing
 * removes the temporary files, so the output folder stays as it was. The heavy libraries (exceljs,
 * pdfkit) load only for the formats asked for.
 */
export async function renderReports(
  results: Results,
  formats: readonly Format[],
  options: ReportOptions,
): Promise<ReportFile[]> {
  const files = await startReports(results, formats, options);
  return Promise.all(files.map(async ({ name, data }) => ({ name, data: await data })));
}

/**
 * renderReports, except that the announcement being drawn in the worker is not waited for: its
 * data is a promise, which writeReportSet awaits only after writing the reports before it (the
 * workbook, results.json), so that they are written while the worker draws. The caller stops the
 * worker if it gives up on the files.
 */
export async function startReports(
  results: Results,
  formats: readonly Format[],
  options: ReportOptions,
): Promise<ReportFile[]> {
  const wanted = (Object.keys(RENDERERS) as Format[]).filter((f) => formats.includes(f));
  const pdf =
    options.pdf ?? (await pdfWorkerFor(wanted, options))?.draw(results, pdfOptions(options));
  const files: ReportFile[] = [];
  try {
    for (const [done, format] of wanted.entries()) {
      options.onProgress?.('Writing reports', done, wanted.length, 'writing');
      if (format === 'pdf' && pdf !== undefined) {
        files.push({ name: 'announcement.pdf', data: pdf.bytes });
      } else {
        files.push(...(await RENDERERS[format](results, options)));
      }
    }
  } catch (err) {
    pdf?.cancel();
    throw err;
  }
  return files;
}

const pdfWorkerFor = (wanted: readonly Format[], options: ReportOptions) =>
  'pdfWorker' in options ? options.pdfWorker : startPdfWorkerFor(wanted);

type Renderer = (results: Results, options: ReportOptions) => Promise<ReportFile[]>;

export const pdfOptions = (options: Pick<ReportOptions, 'date' | 'fontPath'>) => ({
  createdAt: options.date,
  ...(options.fontPath !== undefined ? { fontPath: options.fontPath } : {}),
});

/**
 * One renderer per format, in the order they are rendered; each loads its library only when
 * asked for. A new format is one file in src/render/ and one entry here.
 */
const RENDERERS: Record<Format, Renderer> = {
  // Made as it is written: a large review's results.json is never held whole.
  json: async (results) => [{ name: 'results.json', data: resultsJsonStream(results) }],
  xlsx: async (results, options) => {
    const { renderWorkbook } = await import('./render/xlsx.js');
    const data = await renderWorkbook(results, { generatedAt: options.date });
    return [{ name: 'results.xlsx', data }];
  },
  pdf: async (results, options) => {
    const { renderAnnouncement } = await import('./render/pdf.js');
    return [
      { name: 'announcement.pdf', data: await renderAnnouncement(results, pdfOptions(options)) },
    ];
  },
  html: async (results) => {
    const { renderAnnouncementHtml } = await import('./render/html.js');
    return [{ name: 'announcement.html', data: renderAnnouncementHtml(results) }];
  },
  panel: async (results, options) => {
    const { renderPanel } = await import('./render/panel.js');
    return [{ name: 'panel.pdf', data: await renderPanel(results, pdfOptions(options)) }];
  },
  cards: async (results, options) => {
    const { renderCards } = await import('./render/cards.js');
    const cards = await renderCards(results, pdfOptions(options));
    return cards.map((card) => ({ name: `cards/${card.fileName}`, data: card.bytes }));
  },
};

import { resultsJsonText } from './render/json.js';
import type { ReportFile } from './io/write.js';
import type { Results } from './core/model.js';

export const FORMATS = ['xlsx', 'pdf', 'json', 'cards', 'panel'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  /** Stamped into the PDFs and the workbook: never the clock, so output is reproducible. */
  date: Date;
  /** A font file for the PDFs (default: the bundled Noto Sans SC). */
  fontPath?: string;
  /** Called before each report is rendered, for a progress bar. */
  onProgress?: (label: string, done: number, total: number) => void;
}

/**
 * Renders the chosen reports into memory, in a fixed order. Nothing touches the disk here, so a
 * failure in any renderer leaves the output folder as it was. The heavy libraries (exceljs,
 * pdfkit) load only for the formats asked for.
 */
export async function renderReports(
  results: Results,
  formats: readonly Format[],
  options: ReportOptions,
): Promise<ReportFile[]> {
  const files: ReportFile[] = [];
  const wanted = FORMATS.filter((f) => formats.includes(f));
  let done = 0;
  const step = () => options.onProgress?.('Writing reports', done++, wanted.length);
  const pdf = {
    createdAt: options.date,
    ...(options.fontPath !== undefined ? { fontPath: options.fontPath } : {}),
  };
  if (formats.includes('json')) {
    step();
    files.push({
      name: 'results.json',
      data: resultsJsonText(results),
    });
  }
  if (formats.includes('xlsx')) {
    step();
    const { renderWorkbook } = await import('./render/xlsx.js');
    files.push({
      name: 'results.xlsx',
      data: await renderWorkbook(results, { generatedAt: options.date }),
    });
  }
  if (formats.includes('pdf')) {
    step();
    const { renderAnnouncement } = await import('./render/pdf.js');
    files.push({ name: 'announcement.pdf', data: await renderAnnouncement(results, pdf) });
  }
  if (formats.includes('panel')) {
    step();
    const { renderPanel } = await import('./render/panel.js');
    files.push({ name: 'panel.pdf', data: await renderPanel(results, pdf) });
  }
  if (formats.includes('cards')) {
    step();
    const { renderCards } = await import('./render/cards.js');
    for (const card of await renderCards(results, pdf)) {
      files.push({ name: `cards/${card.fileName}`, data: card.bytes });
    }
  }
  return files;
}

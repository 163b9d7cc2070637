import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { tally, type Results } from '../src/tally.js';
import { fixture, ROOT } from './helpers.js';

/** The date stamped into PDFs rendered by the tests. */
export const createdAt = new Date('2022-06-14T08:00:00Z');

/** Results of a fixture review, through the real pipeline. */
export async function load(name: string): Promise<Results> {
  const outcome = await tally({ inputs: [fixture(name)], cwd: ROOT });
  if (!outcome.results) throw new Error(`${name} did not tally`);
  return outcome.results;
}

/** The text of each page, as a PDF reader extracts it. */
export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(
      content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''),
    );
  }
  await pdf.destroy();
  return pages;
}

/** Text may wrap or be drawn in pieces: compare without any whitespace. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

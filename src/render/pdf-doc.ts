import { createRequire } from 'node:module';
import type PDFDocumentClass from 'pdfkit';
import { PcvError } from '../errors.js';
import { worded } from '../text/problems.js';
import { reportText } from '../text/report.js';
import { drawRepeatedText } from './pdf-lines.js';
import { skipPlainShaping, type FontkitFont } from './pdf-plain-layout.js';
import { cacheWidths } from './pdf-width-cache.js';
import {
  readFontFile,
  readOutlinesOnDemand,
  sameFontBytes,
  type FontFile,
  type OutlineFont,
} from './pdf-font-file.js';

export type Doc = InstanceType<typeof PDFDocumentClass>;

export interface PdfOptions {
  /** A TrueType/OpenType font for all text (default: the bundled Noto Sans SC). */
  fontPath?: string;
  /** The bold face; defaults to Noto Sans SC Bold, or to `fontPath` when only that is given. */
  boldFontPath?: string;
  /** Written as the creation date. Always passed in, never read from the clock, so the same
   *  inputs give the same bytes. */
  createdAt: Date;
}

/** Font aliases registered on every document; pdfkit caches an alias's parsed font. */
export const REGULAR = 'pcv-regular';
export const BOLD = 'pcv-bold';

const NOTO = '@expo-google-fonts/noto-sans-sc';

export function defaultFontPath(weight: 'regular' | 'bold'): string {
  const file =
    weight === 'bold' ? '700Bold/NotoSansSC_700Bold.ttf' : '400Regular/NotoSansSC_400Regular.ttf';
  return createRequire(import.meta.url).resolve(`${NOTO}/${file}`);
}

export interface Fonts {
  regular: FontFile;
  bold: FontFile;
}

/**
 * Reads the fonts once, their outlines only as glyphs are used (pdf-font-file.ts). Documents get
 * the bytes (not the path) so a batch of feedback cards does not re-read a font per card; pdfkit
 * only embeds the glyphs used.
 */
export async function loadFonts(options: PdfOptions): Promise<Fonts> {
  const regularPath = options.fontPath ?? defaultFontPath('regular');
  const boldPath = options.boldFontPath ?? options.fontPath ?? defaultFontPath('bold');
  // Read at once, not through the thread pool: a 10 MB file read in 512 KB turns waited ~0.15 s
  // behind the workbook's compression there while the PDF worker had nothing else to do.
  const read = (p: string) => {
    try {
      return readFontFile(p);
    } catch (err) {
      if (err instanceof PcvError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      throw new PcvError(worded('font-unreadable', { file: p, ...(code ? { code } : {}) }));
    }
  };
  const regular = read(regularPath);
  const bold = boldPath === regularPath ? regular : read(boldPath);
  return { regular, bold };
}

export interface DocMeta {
  title: string;
  author?: string;
  subject?: string;
  lang: 'zh' | 'en';
}

/** A4 with margins wide enough for drawing pins on a notice board. */
export const PAGE = { top: 70, bottom: 70, left: 64, right: 64 } as const;

export interface OpenDoc {
  doc: Doc;
  /** Font aliases to pass to doc.font(); `bold` is the regular face when no bold one exists. */
  regular: string;
  bold: string;
  /** Ends the document and resolves with its bytes. */
  finish: () => Promise<Buffer>;
}

export async function openDocument(
  meta: DocMeta,
  fonts: Fonts,
  createdAt: Date,
  /** Keep every page until the end (for stampFooters); false writes each page out when left. */
  bufferPages = true,
): Promise<OpenDoc> {
  // pdfkit takes ~75 ms to load; only pay for it when a PDF is actually written.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...PAGE },
    bufferPages,
    lang: reportText(meta.lang).typography.tag,
    displayTitle: true,
    // pdfkit derives the file /ID from an MD5 of these entries (CreationDate included) and has
    // no other clock or random input, so fixing them makes the output byte-for-byte repeatable.
    info: {
      Title: meta.title,
      ...(meta.author ? { Author: meta.author } : {}),
      ...(meta.subject ? { Subject: meta.subject } : {}),
      Creator: 'pcv',
      Producer: 'pcv',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  cacheWidths(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Two aliases of the same face would defeat pdfkit's cache (the second alias is re-parsed on
  // every doc.font() call), so a missing bold face is simply the regular alias.
  const sameFace = sameFontBytes(fonts.bold, fonts.regular);
  const faces: [string, Fonts['regular']][] = [[REGULAR, fonts.regular]];
  if (!sameFace) faces.push([BOLD, fonts.bold]);
  for (const [alias, font] of faces) {
    doc.registerFont(alias, font.bytes);
    try {
      doc.font(alias);
    } catch (err) {
      throw new PcvError(
        worded('font-unusable', {
          file: font.path,
          detail: err instanceof Error ? err.message : String(err),
        }),
      );
    }
    // pdfkit's embedded font holds the fontkit font it lays text out with.
    const embedded = (doc as unknown as { _font: { font?: FontkitFont & OutlineFont } })._font;
    if (embedded.font !== undefined) readOutlinesOnDemand(embedded.font, font);
    if (typeof embedded.font?.layout === 'function') skipPlainShaping(embedded.font);
  }
  doc.font(REGULAR);
  return {
    doc,
    regular: REGULAR,
    bold: sameFace ? REGULAR : BOLD,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` more points fit below the current position. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) {
    doc.addPage();
  }
}

/**
 * The footer of every page, written once the page count is known: the fingerprint on the left
 * (so a single page taken off the board can still be checked) and "page i of n" on the right.
 */
export function stampFooters(
  doc: Doc,
  left: string,
  right: (page: number, pages: number) => string,
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    stampFooter(doc, left, right(i - start + 1, count));
  }
  doc.fillColor('black');
}

/** The footer of the current page, below its bottom margin: `left` and, right-aligned, `right`. */
export function stampFooter(doc: Doc, left: string, right: string): void {
  const { margins } = doc.page;
  const bottom = margins.bottom;
  // Text below the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
  margins.bottom = 0;
  const y = doc.page.height - bottom + 22;
  const width = contentWidth(doc);
  doc.font(REGULAR).fontSize(8).fillColor('#777777');
  drawRepeatedText(doc, left, margins.left, y, width);
  doc.fontSize(9).fillColor('#333333');
  doc.text(right, margins.left, y - 0.5, { width, align: 'right', lineBreak: false });
  margins.bottom = bottom;
}

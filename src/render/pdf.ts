import type { Results } from '../core/model.js';
import type { AnnouncementContent, AnnouncementTable, ColumnKind } from './announcement.js';
import {
  contentWidth,
  ensureSpace,
  loadFonts,
  pageBottom,
  openDocument,
  stampFooter,
  type Doc,
  type Fonts,
  type PdfOptions,
} from './pdf-doc.js';
import { batchContent } from './pdf-content-batch.js';
import { leanRuns, runsNotKept } from './pdf-lean-runs.js';
import { writeInBlocks } from './pdf-output-blocks.js';
import { countPages, drawPages } from './pdf-pages.js';
import {
  drawTable,
  measureTable,
  type Column,
  type TableLayout,
  type TableStyle,
} from './pdf-table.js';
import { reportText } from '../text/report.js';

export type { PdfOptions } from './pdf-doc.js';

const TITLE_SIZE = 19;
const BODY_SIZE = 11.5;
const BODY_GAP = 3.5;
const PARAGRAPH_GAP = 6;
const TABLE_SIZE = 10.5;
const PAD_X = 5;

/**
 * announcement.pdf: the public notice (公示) of the results as the organiser posts it: title,
 * introduction, the table of passed projects (or of all, with `announcement.listAll`), how the
 * scores were combined, the notice period, how to object, the organiser and date, and on every
 * page the inputs' fingerprint and page number. The same results and `createdAt` always give the
 * same bytes.
 */
export async function renderAnnouncement(results: Results, options: PdfOptions): Promise<Buffer> {
  // Imported here, not at the top: the PDF worker thread draws content worded elsewhere and
  // need not load the wording's dependencies (decimal.js, the analytics' statistics).
  const { announcementContent } = await import('./announcement.js');
  return renderAnnouncementContent(announcementContent(results), options);
}

/** The PDF of announcement content already worded: plain data, so a worker thread can draw it. */
export async function renderAnnouncementContent(
  content: AnnouncementContent,
  options: PdfOptions,
): Promise<Buffer> {
  return writeAnnouncement(content, await loadFonts(options), options.createdAt);
}

async function writeAnnouncement(
  content: AnnouncementContent,
  fonts: Fonts,
  createdAt: Date,
): Promise<Buffer> {
  const { lang, title } = content;
  // Pages are written out as they fill (see pdf-pages.ts), not held until the end.
  const { doc, regular, bold, finish } = await openDocument(
    { title, author: content.organizer, subject: content.subject, lang },
    fonts,
    createdAt,
    false,
  );
  batchContent(doc);
  writeInBlocks(doc);
  leanRuns(doc, [regular, bold]);
  const faces = { regular, bold };
  // Measured once, laid out twice: when counting the pages and when drawing them.
  const tables = content.tables.map((t) =>
    t.rows.length > 0 ? resultsTable(doc, t, faces) : undefined,
  );
  const flow = () => layOut(doc, content, faces, tables);
  const pages = countPages(doc, flow);
  const label = reportText(lang).pdf.page;
  const drawn = drawPages(doc, flow, (page) =>
    stampFooter(doc, content.fingerprint, label(page, pages)),
  );
  if (drawn !== pages) {
    throw new Error(`the announcement was counted as ${pages} pages but filled ${drawn}`);
  }
  return finish();
}

/** The announcement from the title to the signature, from the top of the first page. */
function layOut(
  doc: Doc,
  content: AnnouncementContent,
  { regular, bold }: Faces,
  tables: readonly (ResultsTable | undefined)[],
) {
  const { lang, title } = content;
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  // Chinese paragraphs open with a two-character indent; English ones are set flush.
  const indent = reportText(lang).typography.indent ? 2 * BODY_SIZE : 0;
  const paragraph = (text: string, gapAfter = PARAGRAPH_GAP) => {
    doc.font(regular).fontSize(BODY_SIZE).fillColor('black');
    doc.text(text, left, doc.y, { width, indent, lineGap: BODY_GAP, align: 'left' });
    doc.y += gapAfter;
  };

  doc.font(bold).fontSize(TITLE_SIZE);
  doc.text(title, left, doc.y, { width, align: 'center', lineGap: 4 });
  doc.moveDown(0.9);

  for (const t of content.opening) paragraph(t);

  if (content.tables.length > 0) {
    doc.y += 2;
    for (const [i, table] of content.tables.entries()) {
      if (table.heading !== undefined) {
        doc.font(bold).fontSize(BODY_SIZE + 1);
        // A heading keeps at least its table's header row and first row with it.
        ensureSpace(doc, doc.heightOfString(table.heading, { width }) + 4 * TABLE_SIZE + 24);
        if (i > 0) doc.y += 10;
        doc.fillColor('black').text(table.heading, left, doc.y, { width });
        doc.y += 4;
      }
      const prepared = tables[i];
      if (prepared !== undefined) {
        drawTable(doc, prepared.columns, table.rows, prepared.style, prepared.measured);
      }
    }
    if (content.funding !== undefined) {
      doc.y += 8;
      paragraph(content.funding, 0);
    }
    for (const rule of content.trackRules) {
      doc.y += PARAGRAPH_GAP;
      paragraph(rule, 0);
    }
    doc.y += 14;
  }

  const { closing } = content;
  // The closing text and the signature stay together: a page holding only the organiser's name
  // and the date looks detached from the notice it signs.
  doc.font(regular).fontSize(BODY_SIZE);
  const closingHeight =
    closing.reduce(
      (h, t) => h + doc.heightOfString(t, { width, indent, lineGap: BODY_GAP }) + PARAGRAPH_GAP,
      0,
    ) + signatureHeight(doc);
  if (closingHeight < pageBottom(doc) - doc.page.margins.top) ensureSpace(doc, closingHeight);
  for (const t of closing) paragraph(t);

  signature(doc, content, regular);
}

interface Faces {
  regular: string;
  bold: string;
}

/** A results table ready for drawTable(): its columns and style, and its rows measured. */
interface ResultsTable {
  columns: Column[];
  style: TableStyle;
  measured: TableLayout;
}

function resultsTable(doc: Doc, table: AnnouncementTable, fonts: Faces): ResultsTable {
  const { columns, rows } = table;
  // Narrow columns are as wide as their widest entry; names and organisations share the rest
  // and wrap inside their cells.
  const fit = (i: number, cap = Infinity) => {
    const header = columns[i]!.header;
    doc.font(fonts.bold).fontSize(TABLE_SIZE);
    let w = doc.widthOfString(header);
    doc.font(fonts.regular);
    for (const v of new Set(rows.map((r) => r[i]!))) w = Math.max(w, doc.widthOfString(v));
    return Math.min(w, cap) + 2 * PAD_X + 1;
  };
  const flexibleKinds: readonly ColumnKind[] = ['name', 'organization'];
  const all: Column[] = columns.map((c, i) => ({
    header: c.header,
    align: c.align,
    width: flexibleKinds.includes(c.kind) ? 0 : fit(i, c.kind === 'id' ? 90 : Infinity),
  }));
  const flexible = columns.flatMap((c, i) => (flexibleKinds.includes(c.kind) ? [i] : []));
  const rest = contentWidth(doc) - all.reduce((s, c) => s + c.width, 0);
  if (flexible.length === 1) all[flexible[0]!]!.width = rest;
  if (flexible.length === 2) {
    const [a, b] = flexible as [number, number];
    const share = balance(
      doc,
      fonts.regular,
      rows.map((r) => [r[a]!, r[b]!]),
      rest,
    );
    all[a]!.width = rest * share;
    all[b]!.width = rest - all[a]!.width;
  }
  const id = columns.findIndex((c) => c.kind === 'id');
  if (flexible.length === 0 && id >= 0) all[id]!.width += rest;

  const style: TableStyle = {
    regular: fonts.regular,
    bold: fonts.bold,
    fontSize: TABLE_SIZE,
    padX: PAD_X,
    padY: 4,
    lineGap: 1,
    headerFill: '#e6e6e6',
  };
  return { columns: all, style, measured: measureTable(doc, all, rows, style) };
}

/**
 * The split of `rest` between the name and organisation columns that gives the shortest table,
 * estimating each cell's lines from its text width (cheap enough for ten thousand rows): it keeps
 * an organisation from wrapping a single character onto a second line when the names have room.
 */
function balance(doc: Doc, font: string, pairs: [string, string][], rest: number): number {
  doc.font(font).fontSize(TABLE_SIZE);
  // Most long names and organisations are then drawn as wrapped lines, never whole: their
  // widths are remembered (pdf-width-cache.ts) without pdfkit keeping their runs.
  const widths = runsNotKept(doc, () =>
    pairs.map(([n, o]) => [doc.widthOfString(n), doc.widthOfString(o)]),
  );
  // One line is exact (the table draws a cell on one line when its width fits); beyond that,
  // lines break at words, so allow some slack per line.
  const lines = (w: number, inner: number, slack: number) =>
    w <= inner ? 1 : Math.ceil(w / slack);
  let best = 0.58;
  let bestHeight = Infinity;
  let bestLines = Infinity;
  // From wide names to narrow: on equal cost the names keep the room.
  for (let step = 0; step <= 80; step++) {
    const share = 0.7 - step * 0.005;
    // Each column's inner width and its slack, once per split rather than once per row.
    const nameInner = rest * share - 2 * PAD_X;
    const organizationInner = rest * (1 - share) - 2 * PAD_X;
    const nameSlack = nameInner * 0.92;
    const organizationSlack = organizationInner * 0.92;
    // Row heights first; among equal heights, fewer wrapped cells read better.
    let height = 0;
    let total = 0;
    for (const [n, o] of widths) {
      const a = lines(n!, nameInner, nameSlack);
      const b = lines(o!, organizationInner, organizationSlack);
      height += Math.max(a, b);
      total += a + b;
    }
    if (height < bestHeight || (height === bestHeight && total < bestLines)) {
      bestHeight = height;
      bestLines = total;
      best = share;
    }
  }
  return best;
}

const signatureLine = (doc: Doc) => doc.currentLineHeight(true) + BODY_GAP;
/** A blank line and the two signature lines, at the body font size. */
const signatureHeight = (doc: Doc) => 3 * signatureLine(doc);

/** Organiser and date at the foot, right-aligned, the date centred under the name. */
function signature(doc: Doc, content: AnnouncementContent, font: string) {
  const lines = content.signature;
  if (lines.length === 0) return;
  doc.font(font).fontSize(BODY_SIZE);
  const lineHeight = signatureLine(doc);
  const width = contentWidth(doc);
  // Chinese official notices keep the signature a couple of characters in from the margin and
  // centre the date under the name; English letters align both to the right.
  const align = reportText(content.lang).typography.signature;
  const inset = align === 'center' ? 2 * BODY_SIZE : 0;
  const block = Math.min(width - inset, Math.max(...lines.map((l) => doc.widthOfString(l))));
  const x = doc.page.margins.left + width - inset - block;
  doc.y += lineHeight;
  ensureSpace(doc, lines.length * lineHeight);
  for (const line of lines) {
    doc.text(line, x, doc.y, { width: block, align, lineGap: BODY_GAP });
  }
  doc.x = doc.page.margins.left;
}

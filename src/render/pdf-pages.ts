import type { Doc } from './pdf-doc.js';

/**
 * A document whose pages are written out as they fill, with "page i of n" on each. pdfkit can
 * only put the page count on a page once it knows it; with `bufferPages` it keeps every page's
 * content (thousands of small buffers a page) until the end, which for a 250-page announcement
 * is most of its memory and a third of its time in the garbage collector. Instead the document
 * is laid out twice with the same code: first counted — every drawing call of pdfkit is
 * silenced, pages are only counted — then drawn, each page getting its footer just before pdfkit
 * writes it out. Both runs make the same page breaks because they run the same code on the same
 * measurements; the drawn run checks that it filled the pages the count found.
 */

/** What pdfkit does that the counting run replaces; not in @types/pdfkit. */
interface Internals {
  addPage: Doc['addPage'];
  addContent(data: string): unknown;
  _fragment(text: string, x: number, y: number, options: unknown): void;
  _font: unknown;
  _fontSize: number;
  _fillColor: unknown;
}

const counting = new WeakSet<Doc>();

/** True while `countPages` runs: what is drawn then is thrown away, so it may be skipped. */
export function isCounting(doc: Doc): boolean {
  return counting.has(doc);
}

/**
 * The number of pages `flow` fills, starting on the document's current (fresh) page, found
 * without drawing: text is placed and wrapped as usual but not written, page breaks only move
 * the position to the top of the page. The document is left as it was.
 */
export function countPages(doc: Doc, flow: () => void): number {
  const d = doc as unknown as Internals;
  const saved = {
    x: doc.x,
    y: doc.y,
    font: d._font,
    fontSize: d._fontSize,
    fillColor: d._fillColor,
  };
  const { addPage, addContent, _fragment } = d;
  let pages = 1;
  d.addPage = () => {
    pages++;
    doc.x = doc.page.margins.left;
    doc.y = doc.page.margins.top;
    return doc;
  };
  d.addContent = () => doc;
  d._fragment = () => {};
  counting.add(doc);
  try {
    flow();
  } finally {
    counting.delete(doc);
    d.addPage = addPage;
    d.addContent = addContent;
    d._fragment = _fragment;
    doc.x = saved.x;
    doc.y = saved.y;
    d._font = saved.font;
    d._fontSize = saved.fontSize;
    d._fillColor = saved.fillColor;
  }
  return pages;
}

/**
 * Runs `flow` with `footer(page)` drawn at the foot of each page as the page is left — before
 * pdfkit starts the next one and writes this one out — and on the last page at the end. The
 * footer draws with its own font and colours; the text state of `flow` (position, font, size,
 * fill colour) is restored afterwards, since a page can end in the middle of a paragraph that
 * pdfkit goes on wrapping. Returns the number of pages filled.
 */
export function drawPages(doc: Doc, flow: () => void, footer: (page: number) => void): number {
  const d = doc as unknown as Internals;
  const addPage = d.addPage;
  let page = 1;
  const stamp = () => {
    const saved = {
      x: doc.x,
      y: doc.y,
      font: d._font,
      fontSize: d._fontSize,
      fillColor: d._fillColor as [string, number | undefined] | undefined,
    };
    footer(page);
    doc.x = saved.x;
    doc.y = saved.y;
    d._font = saved.font;
    d._fontSize = saved.fontSize;
    // pdfkit sets its fill colour again on the new page when a paragraph runs over, so its
    // record must be the paragraph's; written here it only ends the finished page's content.
    if (saved.fillColor === undefined) d._fillColor = undefined;
    else doc.fillColor(...saved.fillColor);
  };
  d.addPage = function (this: Doc, ...args: Parameters<Doc['addPage']>) {
    stamp();
    page++;
    return addPage.apply(this, args);
  };
  try {
    flow();
    stamp();
  } finally {
    d.addPage = addPage;
  }
  return page;
}

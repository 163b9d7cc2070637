import type { Doc } from './pdf-doc.js';

/** What this file uses of pdfkit's document; not in @types/pdfkit. */
interface Internals {
  page: { write(chunk: string | Uint8Array): unknown };
  addContent(data: string | Uint8Array): unknown;
  flushPages(): void;
}

/**
 * Collects a page's content operators as strings and hands them to pdfkit once, when the page
 * is written out. pdfkit's `addContent` turns every operator (`BT`, `1 0 0 1 x y Tm`, a colour,
 * a line) into a Uint8Array of its own, kept until the page ends: a 10,000-row table makes
 * millions of them, and collecting them is much of its garbage collection. pdfkit writes each
 * operator followed by a newline; the batch is the operators joined by newlines followed by one,
 * so the page's content stream has the same bytes.
 *
 * Only for a document whose pages are written as they fill (`bufferPages: false`), so that the
 * pending operators always belong to the current page, and without marked content (pdfkit
 * writes its end markers to the page directly).
 */
export function batchContent(doc: Doc): void {
  const d = doc as unknown as Internals;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    // As bytes: pdfkit would add the newline and copy a string to bytes in a JavaScript loop,
    // one character at a time (its fromBinaryString keeps the low byte, as latin1 does; the
    // operators are ASCII anyway: text is written as hex glyph ids).
    // An empty last element gives the final newline without copying the page's text again.
    pending.push('');
    d.page.write(Buffer.from(pending.join('\n'), 'latin1'));
    pending = [];
  };
  d.addContent = (data) => {
    if (typeof data === 'string') {
      pending.push(data);
    } else {
      flush();
      d.page.write(data);
    }
    return doc;
  };
  // pdfkit writes pages out here: before starting a new page and when the document ends.
  const flushPages = d.flushPages.bind(doc);
  d.flushPages = () => {
    flush();
    flushPages();
  };
}

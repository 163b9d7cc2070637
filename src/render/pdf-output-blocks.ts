import type { Doc } from './pdf-doc.js';

/**
 * Hands a document's bytes on in blocks of 64 KB instead of one chunk per write. pdfkit writes
 * every piece of the file (each object's header, dictionary and `endobj`, each stream) as a chunk
 * of its own: a string copied to a Uint8Array one character at a time, or a stream deflated by
 * `zlib.deflateSync`, whose answer for a page is a slice of a fresh 16 KB buffer. The collected
 * chunks are held until the document ends; for the 878 pages of a 10,000-row announcement that
 * is ~10,000 chunks and ~14 MB of buffers for a 2.3 MB file. Copied into blocks as written, the
 * file takes about its own size, and each deflated stream is garbage as soon as it is copied.
 *
 * The bytes are pdfkit's: a string is written as pdfkit's `fromBinaryString` writes it plus the
 * newline it adds (the low byte of each UTF-16 unit, as Node's latin1 encoding writes it), bytes
 * as they are, in the same order, and the offsets pdfkit keeps for its cross-reference table
 * count the same lengths.
 */

/** The parts of pdfkit's document (a Readable stream) this replaces; not in @types/pdfkit. */
interface Output {
  _write(data: string | Uint8Array): void;
  push(chunk: Uint8Array | null): boolean;
  _offset: number;
}

const BLOCK = 64 * 1024;

export function writeInBlocks(doc: Doc): void {
  const d = doc as unknown as Output;
  const push = d.push.bind(doc);
  let block = Buffer.allocUnsafe(BLOCK);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    // The block goes to the reader as it is: a new one is started, never written over.
    push(block.subarray(0, used));
    block = Buffer.allocUnsafe(BLOCK);
    used = 0;
  };
  d._write = (data) => {
    // pdfkit's own test: anything but bytes is written as text with a newline.
    const text = data instanceof Uint8Array ? undefined : `${data as string}\n`;
    const length = text === undefined ? (data as Uint8Array).byteLength : text.length;
    if (used + length > BLOCK) flush();
    if (length > BLOCK) {
      // A large stream (a font subset) is copied out on its own.
      push(text === undefined ? Buffer.from(data as Uint8Array) : Buffer.from(text, 'latin1'));
    } else if (text === undefined) {
      block.set(data as Uint8Array, used);
      used += length;
    } else {
      used += block.write(text, used, 'latin1');
    }
    d._offset += length;
  };
  d.push = (chunk) => {
    // pdfkit ends the stream with push(null): the last block first.
    if (chunk === null) flush();
    return push(chunk);
  };
}

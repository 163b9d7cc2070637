import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { PcvError } from '../errors.js';
import { worded } from '../text/problems.js';

/**
 * A TrueType font file read for fontkit without reading its outlines until a glyph is used.
 *
 * Noto Sans SC is 10.5 MB, of which the `glyf` table (the outlines) is 10.1 MB, while a review's
 * announcement uses a few hundred glyphs. Reading the whole file costs little copying but every
 * fresh 4 KB page of memory is a page fault, ~40 ms for each face on the 2-core VM the benchmarks
 * run on (BENCHMARKS.md, "Review day: fonts read by the page"), on the PDF worker's critical path.
 *
 * So the buffer fontkit gets is allocated whole but filled only where it will be read: every
 * table but `glyf` at once, and a glyph's outline (its `loca` range) when fontkit is first asked
 * for that glyph (`font.getGlyph`, which every path to an outline goes through: laying text out,
 * a glyph's box, a composite's parts, the subset pdfkit embeds). A page never filled is never
 * touched. test/render/pdf-font-file.test.ts fills those pages with noise and expects the same
 * PDF bytes as from the whole file.
 */
export interface FontFile {
  path: string;
  /** The file's bytes, as fontkit reads them. */
  bytes: Buffer;
  /** Set when the outlines are read on demand; absent when the whole file was read. */
  outlines?: OnDemandOutlines;
}

/** What a font file needs to read its outlines when fontkit asks for a glyph. */
interface OnDemandOutlines {
  /** Where `glyf` starts in the file. */
  glyfOffset: number;
  /** Reads the file's bytes [from, to) into `bytes`, unless already read. */
  ensure: (from: number, to: number) => void;
  /** Reads every byte not yet read (before the bytes are compared whole). */
  ensureAll: () => void;
}

/** The part of a fontkit font this module touches. */
export interface OutlineFont {
  loca?: { offsets: ArrayLike<number> };
  getGlyph: (id: number, characters?: number[]) => unknown;
}

const PAGE = 4096;
const TRUETYPE = [0x00010000, 0x74727565]; // 1.0 and 'true'

/** For tests: the byte every page not yet read is filled with, to show a read that skips ensure. */
export interface ReadOptions {
  unreadFill?: number;
}

/**
 * Reads a font file. A TrueType font whose outlines are in `glyf` is read without them (above);
 * any other (OpenType/CFF, a collection, a variable font) is read whole. Throws the fs error, or
 * font-changed when the file shrinks meanwhile.
 */
export function readFontFile(path: string, options: ReadOptions = {}): FontFile {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    // Zero-filled, which costs nothing at this size (fresh pages are zero): a page never read
    // holds zeros, never an earlier allocation's bytes.
    const bytes = Buffer.alloc(size);
    const tables = outlineTables(fd, size);
    if (tables === undefined) {
      readRange(fd, bytes, 0, size, path);
      return { path, bytes };
    }
    if (options.unreadFill !== undefined) bytes.fill(options.unreadFill);
    const pages = Math.ceil(size / PAGE);
    const read = new Uint8Array(pages);
    const { glyf, head, loca } = tables;
    const firstOutlinePage = Math.floor(glyf.offset / PAGE);
    const lastOutlinePage = Math.ceil((glyf.offset + glyf.length) / PAGE); // exclusive
    const readPages = (from: number, to: number, file: number) => {
      for (let p = from; p < to;) {
        if (read[p]) {
          p++;
          continue;
        }
        let q = p;
        while (q < to && !read[q]) read[q++] = 1;
        readRange(file, bytes, p * PAGE, Math.min(q * PAGE, size), path);
        p = q;
      }
    };
    // Every table but the outlines, with the pages the outlines share with them.
    readPages(0, firstOutlinePage + 1, fd);
    readPages(lastOutlinePage - 1, pages, fd);

    // Later reads open the file again and close it once the burst of glyphs is done: laying a
    // document out asks for many glyphs in one go, and nothing is left open between documents.
    let later: number | undefined;
    const ensure = (from: number, to: number) => {
      const first = Math.floor(from / PAGE);
      const last = Math.min(pages, Math.ceil(to / PAGE));
      let p = first;
      while (p < last && read[p]) p++;
      if (p === last) return;
      if (later === undefined) {
        later = openSync(path, 'r');
        const now = fstatSync(later);
        if (now.size !== size || now.mtimeMs !== mtimeMs) {
          closeSync(later);
          later = undefined;
          throw new PcvError(worded('font-changed', { file: path }));
        }
        setImmediate(() => {
          if (later !== undefined) closeSync(later);
          later = undefined;
        });
      }
      readPages(p, last, later);
    };
    // Glyph 0 (.notdef) is read before any hook exists: pdfkit asks for its width as it opens
    // the font, and a font without vertical metrics gives that from the outline's box.
    const long = bytes.readInt16BE(head.offset + 50) === 1; // indexToLocFormat
    const [start, end] = long
      ? [bytes.readUInt32BE(loca.offset), bytes.readUInt32BE(loca.offset + 4)]
      : [bytes.readUInt16BE(loca.offset) * 2, bytes.readUInt16BE(loca.offset + 2) * 2];
    ensure(glyf.offset + start, glyf.offset + end);
    return {
      path,
      bytes,
      outlines: { glyfOffset: glyf.offset, ensure, ensureAll: () => ensure(0, size) },
    };
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes fontkit read a glyph's outline before it uses the glyph. Installed on each fontkit font
 * opened from the file (one per document), before anything asks it for a glyph but glyph 0,
 * whose outline is read here.
 */
export function readOutlinesOnDemand(font: OutlineFont, file: FontFile): void {
  const outlines = file.outlines;
  if (outlines === undefined) return;
  const offsets = font.loca?.offsets;
  if (offsets === undefined) {
    // Not the font we measured (no loca fontkit can read): read it all, and fontkit reads as ever.
    outlines.ensureAll();
    return;
  }
  const glyphs = offsets.length - 1;
  const seen = new Uint8Array(glyphs);
  const ensure = (id: number) => {
    if (id >= 0 && id < glyphs && seen[id] === 0) {
      seen[id] = 1;
      const [start, end] = [offsets[id]!, offsets[id + 1]!];
      // A glyph's box is read from its 10-byte header even when it has no outline (a space);
      // offsets out of order (a broken font) leave nothing to trust: read it all.
      if (end >= start) {
        outlines.ensure(
          outlines.glyfOffset + start,
          outlines.glyfOffset + Math.max(end, start + 10),
        );
      } else outlines.ensureAll();
    }
  };
  // pdfkit asked for glyph 0 (its width) while opening the font, before this hook existed.
  ensure(0);
  const getGlyph = font.getGlyph;
  font.getGlyph = function (this: OutlineFont, id: number, characters?: number[]) {
    ensure(id);
    return getGlyph.call(this, id, characters);
  };
}

/** Whether two font files hold the same bytes, read whole first if need be. */
export function sameFontBytes(a: FontFile, b: FontFile): boolean {
  if (a.bytes === b.bytes) return true;
  if (a.bytes.length !== b.bytes.length) return false;
  a.outlines?.ensureAll();
  b.outlines?.ensureAll();
  return a.bytes.equals(b.bytes);
}

interface Place {
  offset: number;
  length: number;
}

/**
 * Where `glyf`, `head` and `loca` are in a TrueType font without variations, or undefined to read
 * the file whole.
 */
function outlineTables(
  fd: number,
  size: number,
): { glyf: Place; head: Place; loca: Place } | undefined {
  if (size < 12) return undefined;
  const offsetTable = Buffer.alloc(12);
  readSync(fd, offsetTable, 0, 12, 0);
  if (!TRUETYPE.includes(offsetTable.readUInt32BE(0))) return undefined;
  const count = offsetTable.readUInt16BE(4);
  const directory = Buffer.alloc(count * 16);
  if (12 + directory.length > size) return undefined;
  readSync(fd, directory, 0, directory.length, 12);
  const tables = new Map<string, Place>();
  for (let i = 0; i < count; i++) {
    const at = i * 16;
    tables.set(directory.toString('latin1', at, at + 4), {
      offset: directory.readUInt32BE(at + 8),
      length: directory.readUInt32BE(at + 12),
    });
  }
  const [glyf, head, loca] = [tables.get('glyf'), tables.get('head'), tables.get('loca')];
  // A variable font's outlines are changed by gvar as they are read: read it whole.
  if (glyf === undefined || head === undefined || loca === undefined) return undefined;
  if (tables.has('gvar') || tables.has('fvar')) return undefined;
  // Tables where fontkit would not look for them: let fontkit read (and refuse) the whole file.
  for (const t of [glyf, head, loca]) if (t.offset + t.length > size) return undefined;
  if (head.length < 54 || loca.length < 4) return undefined;
  return { glyf, head, loca };
}

function readRange(fd: number, into: Buffer, from: number, to: number, path: string): void {
  let at = from;
  while (at < to) {
    const n = readSync(fd, into, at, to - at, at);
    if (n === 0) {
      // Shorter than fstat said: the file was cut while pcv read it.
      throw new PcvError(worded('font-changed', { file: path }));
    }
    at += n;
  }
}

import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PcvError } from '../../src/errors.js';
import { renderCards } from '../../src/render/cards.js';
import { defaultFontPath, loadFonts, openDocument } from '../../src/render/pdf-doc.js';
import * as fontFile from '../../src/render/pdf-font-file.js';
import { renderPanel } from '../../src/render/panel.js';
import { renderAnnouncement } from '../../src/render/pdf.js';
import type { Results } from '../../src/tally.js';
import { createdAt, load } from '../pdf-helpers.js';

// How the documents below read their fonts: 'whole' as pcv did before (every byte read),
// 'noise' on demand with every page not read filled with 0xA5. A read of an outline that did not
// go through fontkit's getGlyph would then see noise and change the PDF's bytes.
let mode: 'whole' | 'noise' | 'demand' = 'demand';
vi.mock('../../src/render/pdf-font-file.js', async (importOriginal) => {
  const real = await importOriginal<typeof fontFile>();
  return {
    ...real,
    readFontFile: (path: string) =>
      mode === 'whole'
        ? { path, bytes: readFileSync(path) }
        : real.readFontFile(path, mode === 'noise' ? { unreadFill: 0xa5 } : {}),
  };
});

const { readFontFile, sameFontBytes } = await vi.importActual<typeof fontFile>(
  '../../src/render/pdf-font-file.js',
);

async function both<T>(make: () => Promise<T>): Promise<[T, T]> {
  mode = 'whole';
  const whole = await make();
  mode = 'noise';
  const noise = await make();
  mode = 'demand';
  return [whole, noise];
}

/** A document of `text` in both faces, as the reports draw text. */
async function textDocument(text: string): Promise<Buffer> {
  const fonts = await loadFonts({ createdAt });
  const { doc, bold, finish } = await openDocument({ title: 't', lang: 'zh' }, fonts, createdAt);
  doc.fontSize(10).text(text);
  doc.font(bold).text(text);
  return finish();
}

/** A deterministic string of `n` characters from the ranges reports print (a linear congruential generator). */
function sample(n: number, seed: number): string {
  const ranges: [number, number][] = [
    [0x20, 0x7e], // ASCII, with the pairs fontkit kerns and ligates
    [0x4e00, 0x9fff], // CJK ideographs
    [0x3000, 0x303f], // CJK punctuation
    [0xff01, 0xff5e], // full-width forms
    [0x2010, 0x2027], // dashes, quotes, ellipsis
  ];
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
  let out = '';
  for (let i = 0; i < n; i++) {
    const [lo, hi] = ranges[Math.floor(next() * ranges.length)]!;
    out += String.fromCodePoint(lo + Math.floor(next() * (hi - lo + 1)));
    if (next() < 0.1) out += ' ';
  }
  return out;
}

describe('fonts read by the page (pdf-font-file.ts)', () => {
  let results: Results;
  let dir: string;
  beforeAll(async () => {
    results = await load('huanshan-2022');
    dir = mkdtempSync(join(tmpdir(), 'pcv-font-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the announcement, cards and analysis the bytes the whole font gives', async () => {
    const [a, b] = await both(() => renderAnnouncement(results, { createdAt }));
    expect(b.equals(a)).toBe(true);
    const [c, d] = await both(() => renderCards(results, { createdAt }));
    expect(d.map((x) => x.bytes.toString('base64'))).toEqual(
      c.map((x) => x.bytes.toString('base64')),
    );
    const [e, f] = await both(() => renderPanel(results, { createdAt }));
    expect(f.equals(e)).toBe(true);
  });

  it('gives the same bytes for 6,000 characters of Chinese, ASCII and punctuation', async () => {
    const text = sample(6000, 20220614);
    const [whole, noise] = await both(() => textDocument(text));
    expect(noise.equals(whole)).toBe(true);
  });

  it('reads only the outlines used', async () => {
    // The bundled regular face: 10.1 of its 10.6 MB are outlines (glyf), ~2,470 pages.
    const file = readFontFile(defaultFontPath('regular'), { unreadFill: 0xa5 });
    expect(file.outlines).toBeDefined();
    const fill = Buffer.alloc(4096, 0xa5);
    const unread = () => {
      let pages = 0;
      for (let at = 0; at + 4096 <= file.bytes.length; at += 4096) {
        if (file.bytes.subarray(at, at + 4096).equals(fill)) pages++;
      }
      return pages;
    };
    // Every page of the tables before glyf is read; of glyf only glyph 0's page.
    const before = unread();
    expect(before).toBeGreaterThan(2400);
    // Outlines of 上 and 龟, far apart in the font: a page or two each.
    const fonts = { regular: file, bold: file };
    const { doc, finish } = await openDocument({ title: 't', lang: 'zh' }, fonts, createdAt);
    doc.text('上龟');
    await finish();
    const after = unread();
    expect(before - after).toBeGreaterThanOrEqual(2);
    expect(before - after).toBeLessThanOrEqual(8);
    // Whole, the bytes are the file's.
    file.outlines!.ensureAll();
    expect(file.bytes.equals(readFileSync(defaultFontPath('regular')))).toBe(true);
  });

  it('reads a font that is not TrueType outlines whole', () => {
    const path = join(dir, 'not-truetype.otf');
    // 'OTTO' (CFF outlines) and a table directory fontkit would read.
    writeFileSync(path, Buffer.concat([Buffer.from('OTTO'), Buffer.alloc(60, 7)]));
    const file = readFontFile(path);
    expect(file.outlines).toBeUndefined();
    expect(file.bytes.equals(readFileSync(path))).toBe(true);
  });

  it('says the font changed when it is cut while a PDF is drawn', () => {
    const path = join(dir, 'cut.ttf');
    copyFileSync(defaultFontPath('regular'), path);
    const file = readFontFile(path);
    truncateSync(path, 1_000_000);
    let error: unknown;
    try {
      file.outlines!.ensure(9_000_000, 9_000_100);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PcvError);
    expect((error as PcvError).worded).toEqual({ key: 'font-changed', params: { file: path } });
  });

  it('compares two faces by their bytes, whole', () => {
    const copy = join(dir, 'copy.ttf');
    copyFileSync(defaultFontPath('regular'), copy);
    const a = readFontFile(defaultFontPath('regular'));
    const b = readFontFile(copy);
    expect(sameFontBytes(a, b)).toBe(true);
    expect(sameFontBytes(a, readFontFile(defaultFontPath('bold')))).toBe(false);
  });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultFontPath } from '../src/render/pdf-doc.js';
import { ROOT, copyFixture, pcv, spawnPcv, tempDir } from './helpers.js';

/*
 * scripts/bundle-patches.mjs defers work fontkit and pdfkit do when they load: fontkit's Arabic,
 * Indic and Universal shapers' tables are built on first look-up, brotli and AES are required on
 * first use. A PDF in Noto Sans SC never reaches them, so the digests cannot tell a broken edit
 * from a working one. These tests lay out text of those scripts with the bundle's fontkit (the
 * one pdfkit embeds, reached through a document) and with the unpatched package, and expect the
 * same glyphs and positions: a deferred table that is not built, or built wrong, throws or
 * differs. They need `npm run build` first.
 *
 * fontkit picks a shaper by the scripts the font's substitutions list, and Noto Sans SC lists
 * none of these; so both fonts get the same extra entries, each pointing at the font's default
 * script, which makes fontkit run those shapers (on .notdef glyphs: the shaping, not the font, is
 * what is tested).
 */

interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}
interface Font {
  layout(text: string): Run;
  GSUB: { scriptList: { tag: string; script: unknown }[] };
}

const BUNDLE = path.join(ROOT, 'dist', 'bundle');

async function bundledFont(bytes: Buffer): Promise<Font> {
  const chunk = readdirSync(BUNDLE).find((f) => /^pdfkit\.node-\w+\.js$/.test(f));
  expect(chunk).toBeDefined();
  const { default: PDFDocument } = (await import(
    pathToFileURL(path.join(BUNDLE, chunk!)).href
  )) as {
    default: new () => { registerFont(n: string, b: Buffer): void; font(n: string): unknown };
  };
  const doc = new PDFDocument();
  doc.registerFont('f', bytes);
  doc.font('f');
  return (doc as unknown as { _font: { font: Font } })._font.font;
}

/** Makes fontkit shape Arabic, Devanagari and Balinese text with their own shapers. */
function listScripts(font: Font): Font {
  const { scriptList } = font.GSUB;
  const fallback = scriptList.find((s) => s.tag === 'DFLT') ?? scriptList[0]!;
  for (const tag of ['arab', 'dev2', 'deva', 'bali'])
    scriptList.push({ tag, script: fallback.script });
  return font;
}

/** The unpatched fontkit from node_modules (pdfkit's own dependency). */
async function packageFont(bytes: Buffer): Promise<Font> {
  const fontkit = (await import('fontkit' as string)) as { create(b: Buffer): Font };
  return fontkit.create(bytes);
}

const shape = (font: Font, text: string) => {
  const run = font.layout(text);
  return { ids: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => ({ ...p })) };
};

describe("the bundle's deferred fontkit tables", () => {
  // One string per shaper whose table is now built on first use: Arabic (joining), Devanagari
  // (Indic syllables), Balinese (the Universal Shaping Engine).
  const texts = { arabic: 'سلام عليكم', devanagari: 'नमस्ते दुनिया', balinese: 'ᬅᬓ᭄ᬱᬭ' };

  it('are deferred in the bundle', () => {
    const chunk = readdirSync(BUNDLE).find((f) => /^pdfkit\.node-\w+\.js$/.test(f))!;
    const text = readFileSync(path.join(BUNDLE, chunk), 'utf8');
    // One builder per table; the tables themselves are no longer built at the top level.
    expect(text.match(/\$var\$makeTrie=\(\)=>/g)).toHaveLength(3);
  });

  it('shape each script as the unpatched fontkit does', async () => {
    const bytes = readFileSync(defaultFontPath('regular'));
    const bundled = listScripts(await bundledFont(bytes));
    const original = listScripts(await packageFont(bytes));
    for (const text of Object.values(texts)) {
      const expected = shape(original, text);
      expect(shape(bundled, text)).toEqual(expected);
    }
  });
});

describe("the bundle's string-width", () => {
  it('makes its segmenter on first use, not when it loads', () => {
    // The bundle is written without spaces: `var segmenter=new Intl.Segmenter,…` before.
    const chunk = readdirSync(BUNDLE)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(BUNDLE, f), 'utf8'))
      .find((text) => text.includes('defaultIgnorableCodePointRegex'));
    expect(chunk).toBeDefined();
    expect(chunk).toContain('(segmenter??=new Intl.Segmenter).segment(');
    expect(chunk).not.toMatch(/segmenter=new Intl\.Segmenter[,;]/);
  });

  it('measures text it is handed as the package does: the same workbook from the bundle', async () => {
    // Organisations with an emoji and a combining accent are measured by string-width whole
    // (src/render/width.ts), so the workbook's column widths come from the bundle's patched copy
    // in the built binary and from the package itself in this process.
    const review = copyFixture('huanshan-2022');
    const roster = path.join(review, 'projects.csv');
    const text = readFileSync(roster, 'utf8')
      .replace('文登区康馨社会工作服务中心', '文登区康馨社会工作服务中心🌱🏡')
      .replace('文登区善邻社会工作服务中心', 'Cafe\u0301 善邻社会工作服务中心');
    writeFileSync(roster, text);
    const [bundled, sources] = [tempDir(), tempDir()];
    const args = (out: string) => ['tally', review, '--format', 'xlsx', '--out', out, '--quiet'];
    expect(spawnPcv(args(bundled)).code).toBe(0);
    expect((await pcv(args(sources))).code).toBe(0);
    const workbook = (dir: string) => readFileSync(path.join(dir, 'results.xlsx'));
    expect(workbook(bundled).equals(workbook(sources))).toBe(true);
  }, 60_000);
});

describe("the bundle's tiny-inflate, done by zlib (scripts/bundle-inflate.cjs)", () => {
  type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array;
  const requireHere = createRequire(import.meta.url);
  const native = requireHere(path.join(ROOT, 'scripts', 'bundle-inflate.cjs')) as Inflate;
  const original = requireHere('tiny-inflate') as Inflate;

  /** The Unicode tables the bundled packages inflate: base64 literals in their published files. */
  function tables(): { from: string; bytes: Buffer }[] {
    const files = [
      'unicode-properties/dist/main.cjs',
      'linebreak/dist/main.cjs',
      'fontkit/dist/module.mjs',
    ];
    return files.flatMap((file) => {
      const text = readFileSync(path.join(ROOT, 'node_modules', file), 'utf8');
      return [...text.matchAll(/"([A-Za-z0-9+/]{500,}={0,2})"/g)].map((m) => ({
        from: file,
        bytes: Buffer.from(m[1]!, 'base64'),
      }));
    });
  }

  it("inflates every bundled package's tables to tiny-inflate's bytes", () => {
    const found = tables();
    // unicode-properties 1, linebreak 1, fontkit's Arabic, Indic and Universal shapers 3.
    expect(found.map((t) => t.from.split('/')[0])).toEqual([
      'unicode-properties',
      'linebreak',
      'fontkit',
      'fontkit',
      'fontkit',
    ]);
    for (const { bytes } of found) {
      // unicode-trie's layout: three 32-bit words, the third the table's size, then the table
      // deflated twice.
      const size = bytes.readUInt32LE(8);
      const twice = (inflate: Inflate) =>
        inflate(inflate(bytes.subarray(12), new Uint8Array(size)), new Uint8Array(size));
      const expected = twice(original);
      expect(expected.length).toBe(size);
      expect(Buffer.from(twice(native)).equals(Buffer.from(expected))).toBe(true);
    }
  });

  it('keeps its contract for a short, an exact and a too small destination', () => {
    const text = Buffer.from('环山街道公益创投 '.repeat(400));
    for (const level of [0, 1, 9]) {
      const stream = deflateRawSync(text, { level });
      for (const size of [text.length + 100, text.length, 1000]) {
        for (const make of [(n: number) => new Uint8Array(n), (n: number) => Buffer.alloc(n)]) {
          const [a, b] = [make(size), make(size)];
          const [fromOriginal, fromNative] = [original(stream, a), native(stream, b)];
          expect(fromNative.length).toBe(fromOriginal.length);
          expect(Buffer.from(fromNative).equals(Buffer.from(fromOriginal))).toBe(true);
          // The destination itself is returned exactly when tiny-inflate returns it.
          expect(fromNative === b).toBe(fromOriginal === a);
          // A shorter stream's part is a copy from a Uint8Array, a view of a Buffer (slice).
          expect(fromNative.buffer === b.buffer).toBe(fromOriginal.buffer === a.buffer);
          expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
        }
      }
    }
    // fontkit hands a WOFF table's zlib stream without its 2-byte header: the raw stream, then
    // the 4-byte Adler-32 that follows it, which both must leave unread.
    const woff = deflateSync(text).subarray(2);
    expect(Buffer.from(native(woff, new Uint8Array(text.length))).equals(text)).toBe(true);
    expect(Buffer.from(original(woff, new Uint8Array(text.length))).equals(text)).toBe(true);
    expect(() => native(Buffer.from([0xff, 0xff, 0xff]), new Uint8Array(10))).toThrow();
  });

  it('is what the bundle has in place of tiny-inflate', () => {
    const chunk = readdirSync(BUNDLE).find((f) => /^pdfkit\.node-\w+\.js$/.test(f))!;
    const text = readFileSync(path.join(BUNDLE, chunk), 'utf8');
    expect(text).toContain('inflateRawSync(source)');
    expect(text).not.toContain('tinf_uncompress');
  });
});

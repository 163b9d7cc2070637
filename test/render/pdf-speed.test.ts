import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  BOLD,
  defaultFontPath,
  loadFonts,
  openDocument,
  REGULAR,
  type Doc,
} from '../../src/render/pdf-doc.js';
import { drawLines, drawRepeatedText, measureLines } from '../../src/render/pdf-lines.js';
import { plainGlyphs, plainRun, type FontkitFont } from '../../src/render/pdf-plain-layout.js';
import { drawTextLine } from '../../src/render/pdf-text-line.js';
import { createdAt } from '../pdf-helpers.js';

/*
 * The announcement's speed-ups must not move a single glyph: each is checked here against what
 * pdfkit and fontkit do without it. (The digests of every fixture's PDFs and of the benchmark's
 * 10,000-row announcement check the same on whole documents.)
 */

const fontkit = createRequire(import.meta.url)('fontkit') as {
  create(bytes: Buffer): FontkitFont;
};
const noto = () => fontkit.create(readFileSync(defaultFontPath('regular')));

describe('plain layout (no shaping where no lookup applies)', () => {
  const font = noto();
  const plain = plainGlyphs(font);

  it('reads the lookups of Noto Sans SC', () => {
    expect(plain).not.toBeNull();
  });

  it('gives exactly fontkit’s glyphs and advances for Chinese names and organisations', () => {
    for (const text of [
      '文登区同心社会工作服务中心',
      '银龄暖心社区老年助餐服务项目',
      '环山街道社会组织联合会　公益创投',
    ]) {
      const fast = plainRun(font, plain!, text);
      expect(fast, text).toBeDefined();
      const shaped = font.layout(text);
      expect(fast!.glyphs.map((g) => g.id)).toEqual(shaped.glyphs.map((g) => g.id));
      expect(fast!.positions).toEqual(
        shaped.positions.map((p) => ({
          xAdvance: p.xAdvance,
          yAdvance: p.yAdvance,
          xOffset: p.xOffset,
          yOffset: p.yOffset,
        })),
      );
      expect(fast!.advanceWidth).toBe(shaped.advanceWidth);
    }
  });

  it('leaves to fontkit what shaping changes: the —— ligature and kerned Latin', () => {
    // Noto Sans SC joins two em dashes into one two-em dash glyph (ccmp), and kerns A and V.
    expect(font.layout('——').glyphs).toHaveLength(1);
    expect(plainRun(font, plain!, '——')).toBeUndefined();
    expect(plainRun(font, plain!, '党建引领“银龄暖心”——项目')).toBeUndefined();
    const a = font.glyphForCodePoint(0x41).advanceWidth;
    const v = font.glyphForCodePoint(0x56).advanceWidth;
    expect(font.layout('AV').advanceWidth).toBeLessThan(a + v);
    expect(plainRun(font, plain!, 'AV')).toBeUndefined();
  });

  it('refuses characters fontkit treats specially: a soft hyphen, a combining tone mark', () => {
    expect(plainRun(font, plain!, '社区\u00ad服务')).toBeUndefined();
    expect(plainRun(font, plain!, '社\u302a区')).toBeUndefined();
  });
});

describe('width cache and one layout per cell', () => {
  const open = async () =>
    openDocument({ title: 't', lang: 'zh' }, await loadFonts({ createdAt }), createdAt);

  it('measures as pdfkit does, and lets character spacing through uncached', async () => {
    const { doc, finish } = await open();
    doc.fontSize(10.5);
    const text = '党建引领“四点半课堂”——埠口张家产残障人士关爱成长计划';
    const first = doc.widthOfString(text);
    expect(doc.widthOfString(text)).toBe(first);
    doc.fontSize(21);
    // Twice the size, twice the width: the cache keys by size as well.
    expect(doc.widthOfString(text)).toBeCloseTo(2 * first, 9);
    const spaced = doc.widthOfString(text, { characterSpacing: 1 });
    // One point after each of the n - 1 gaps between characters.
    expect(spaced).toBeCloseTo(2 * first + (text.length - 1), 9);
    await finish();
  });

  it('draws a wrapped cell from its measured lines with the bytes of doc.text', async () => {
    const text =
      '党建引领“银龄暖心”——环山张家产老年人就业支持服务与邻里互助网络建设工程\n第二段 with Latin words, wrapped';
    const options = { width: 120, lineGap: 1 };
    const a = await open();
    a.doc.fontSize(10.5).text(text, 80, 100, { ...options, align: 'left' });
    const b = await open();
    b.doc.fontSize(10.5);
    const { height, lines } = measureLines(b.doc, text, options);
    expect(lines.length).toBeGreaterThan(3);
    expect(height).toBe(a.doc.y - 100);
    drawLines(b.doc, lines, 80, 100, options.lineGap);
    expect((await b.finish()).equals(await a.finish())).toBe(true);
  });

  it('draws a text repeated on every page with the bytes of doc.text', async () => {
    // The announcement's footer fingerprint (one line, drawn from the cached line after the
    // first page), and a long text that wraps at this width (left to doc.text every time).
    const texts = [
      '全市公益创投项目评审（基准测试·报告）评审结果公示 · 8cc823fb881081a8 · verify (SHA-256)',
      '党建引领“银龄暖心”——环山张家产老年人就业支持服务与邻里互助网络建设工程 with Latin words',
    ];
    const draw = async (text: (doc: Doc, t: string, x: number, y: number, w: number) => void) => {
      const { doc, finish } = await open();
      for (const page of [1, 2, 3]) {
        if (page > 1) doc.addPage();
        doc.fontSize(8);
        text(doc, texts[0]!, 56.7, 600, 481.9);
        text(doc, texts[1]!, 56.7, 100, 150);
      }
      return finish();
    };
    const expected = await draw((doc, t, x, y, width) => {
      doc.text(t, x, y, { width, lineBreak: false });
    });
    const actual = await draw(drawRepeatedText);
    expect(actual.equals(expected)).toBe(true);
  });

  it('writes single lines with the bytes of doc.text, first and repeated, in both fonts', async () => {
    // Chinese, the —— ligature, kerned Latin (AV, To), digits, a full-width space, and the same
    // texts again: the second time the glyph operators come from the cache.
    const texts = [
      '文登区同心社会工作服务中心',
      '党建引领——项目',
      'AVATAR To',
      'P000123',
      '87.25',
      '甲　乙',
    ];
    const draw = async (line: (doc: Doc, text: string, x: number, y: number) => void) => {
      const { doc, finish } = await open();
      let y = 60;
      for (const round of [0, 1]) {
        for (const [i, text] of texts.entries()) {
          doc.font(i % 2 ? BOLD : REGULAR).fontSize(round ? 9 : 10.5);
          line(doc, text, 50 + 7.125 * i, (y += 13.5));
        }
      }
      return finish();
    };
    const expected = await draw((doc, text, x, y) => doc.text(text, x, y, { lineBreak: false }));
    const actual = await draw(drawTextLine);
    expect(actual.equals(expected)).toBe(true);
  });
});

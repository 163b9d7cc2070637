import { describe, expect, it } from 'vitest';
import { loadFonts, openDocument, REGULAR, type Doc } from '../../src/render/pdf-doc.js';
import { leanRuns, runsNotKept, type LeanRun } from '../../src/render/pdf-lean-runs.js';
import { drawTextLine } from '../../src/render/pdf-text-line.js';
import { createdAt } from '../pdf-helpers.js';

/*
 * pdfkit's runs with shared position objects (pdf-lean-runs.ts) must be the runs pdfkit makes:
 * the same glyphs, the same five numbers per position, the same width, and the same PDF.
 */

// Chinese (plain), the dash the font joins (ccmp), kerned Latin pairs, digits, combining
// accents (marks, one the font composes), spaces (pdfkit lays out word by word).
const TEXTS = [
  '乡村儿童阅读角——社区共建计划',
  '社区长者助餐点',
  'AVATAR To Wy',
  'P-0042 87.35',
  'cafe\u0301 re\u0301sume\u0301 q\u0301',
  '阅读 AV 角',
];

const open = async () =>
  openDocument({ title: 't', lang: 'zh' }, await loadFonts({ createdAt }), createdAt, false);

interface FontInternals {
  _font: { layout(text: string): LeanRun; layoutCache?: Record<string, unknown> };
}
const fontOf = (doc: Doc) => (doc as unknown as FontInternals)._font;

/** Each text's run as plain numbers, each from a fresh layout (no cached run). */
function runs(doc: Doc) {
  const font = fontOf(doc);
  return TEXTS.map((text) => {
    font.layoutCache = Object.create(null);
    const run = font.layout(text);
    return {
      glyphs: run.glyphs.map((g) => g.id),
      positions: run.positions.map((p) => ({ ...p })),
      advanceWidth: run.advanceWidth,
    };
  });
}

/** The PDF of every text drawn with doc.text, wrapped and not. */
async function drawn(lean: boolean): Promise<Buffer> {
  const { doc, finish } = await open();
  if (lean) leanRuns(doc, [REGULAR]);
  doc.font(REGULAR).fontSize(10.5);
  for (const [i, text] of TEXTS.entries()) {
    doc.text(text, 60, 80 + 30 * i, { lineBreak: false });
    doc.text(`${text} ${text}`, 300, 80 + 30 * i, { width: 60 });
  }
  return finish();
}

describe('pdfkit runs with one position object per glyph', () => {
  it('lays out every text with the glyphs, positions and width pdfkit gives', async () => {
    const plain = await open();
    const lean = await open();
    leanRuns(lean.doc, [REGULAR]);
    const expected = runs(plain.doc);
    const actual = runs(lean.doc);
    expect(actual).toEqual(expected);
    // Both paths are covered: kerned positions are scaled in place (Noto Sans SC moves no mark
    // by an offset: its accents are spacing glyphs or zero-width ones).
    const moved = expected.flatMap((r) => r.positions).filter((p) => p.xAdvance !== p.advanceWidth);
    expect(moved.length).toBeGreaterThan(0);
    await plain.finish();
    await lean.finish();
  });

  it('writes the same PDF', async () => {
    expect((await drawn(true)).equals(await drawn(false))).toBe(true);
  });

  it('shares a glyph position between runs, and only a plain one', async () => {
    const { doc, finish } = await open();
    leanRuns(doc, [REGULAR]);
    const font = fontOf(doc);
    // 社 and 区 appear in both texts; 'AV' is kerned, so the A's position is its own.
    const a = font.layout('社区AV');
    const b = font.layout('社区长者AV');
    expect(b.positions[0]).toBe(a.positions[0]);
    expect(b.positions[1]).toBe(a.positions[1]);
    expect(a.positions[2]!.xAdvance).not.toBe(a.positions[2]!.advanceWidth);
    expect(b.positions[4]).not.toBe(a.positions[2]);
    await finish();
  });

  it('keeps no run laid out while runs are not kept, and draws the same', async () => {
    const { doc, finish } = await open();
    leanRuns(doc, [REGULAR]);
    doc.font(REGULAR).fontSize(10.5);
    const cache = fontOf(doc).layoutCache!;
    // Kept as pdfkit keeps it: a width measured outside runsNotKept.
    doc.widthOfString('社区长者助餐点');
    const kept = cache['社区长者助餐点'];
    expect(kept).toBeDefined();
    runsNotKept(doc, () => doc.widthOfString('乡村儿童阅读角'));
    expect(cache['乡村儿童阅读角']).toBeUndefined();
    // drawTextLine keeps the operators, not the run; the kept run is used, not replaced.
    for (const [i, text] of TEXTS.entries()) drawTextLine(doc, text, 60, 80 + 30 * i);
    drawTextLine(doc, '社区长者助餐点', 60, 300);
    for (const text of TEXTS.filter((t) => t !== '社区长者助餐点'))
      for (const word of text.split(' ')) expect(cache[word]).toBeUndefined();
    expect(cache['社区长者助餐点']).toBe(kept);
    const lean = await finish();

    const plain = await open();
    plain.doc.font(REGULAR).fontSize(10.5);
    for (const [i, text] of TEXTS.entries())
      plain.doc.text(text, 60, 80 + 30 * i, { lineBreak: false });
    plain.doc.text('社区长者助餐点', 60, 300, { lineBreak: false });
    expect(lean.equals(await plain.finish())).toBe(true);
  });
});

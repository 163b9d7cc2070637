import { describe, expect, it } from 'vitest';
import { loadFonts, openDocument, REGULAR } from '../../src/render/pdf-doc.js';
import { writeInBlocks } from '../../src/render/pdf-output-blocks.js';
import { createdAt } from '../pdf-helpers.js';

/*
 * A document's bytes handed on in blocks (pdf-output-blocks.ts) must be the bytes pdfkit hands
 * on chunk by chunk: the same file, cross-reference offsets included.
 */

/** A 40-page document (each page a deflated stream, the font subset a large one). */
async function render(blocks: boolean): Promise<{ bytes: Buffer; chunks: Uint8Array[] }> {
  const { doc, finish } = await openDocument(
    { title: '公示', lang: 'zh' },
    await loadFonts({ createdAt }),
    createdAt,
    false,
  );
  if (blocks) writeInBlocks(doc);
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  doc.font(REGULAR).fontSize(10.5);
  for (let page = 0; page < 40; page++) {
    if (page > 0) doc.addPage();
    for (let line = 0; line < 30; line++)
      doc.text(
        `第 ${page + 1} 页 ${line}: 社区长者助餐点 AVATAR ${page * line}`,
        60,
        80 + 20 * line,
      );
  }
  return { bytes: await finish(), chunks };
}

describe('a PDF handed on in blocks', () => {
  it('has the bytes pdfkit writes chunk by chunk', async () => {
    const plain = await render(false);
    const blocks = await render(true);
    expect(blocks.bytes.equals(plain.bytes)).toBe(true);
    // pdfkit's chunks: hundreds (a few per object); blocks: the file's size in 64 KB, plus the
    // subset on its own.
    expect(plain.chunks.length).toBeGreaterThan(300);
    expect(blocks.chunks.length).toBeLessThanOrEqual(Math.ceil(blocks.bytes.length / 65536) + 2);
  });
});

import { describe, expect, it } from 'vitest';
import { BOLD, loadFonts, openDocument, REGULAR, type Doc } from '../../src/render/pdf-doc.js';
import { setFillColor } from '../../src/render/pdf-color-ops.js';
import { tableRules } from '../../src/render/pdf-table-rules.js';
import { drawAlignedLine } from '../../src/render/pdf-text-line.js';
import { createdAt } from '../pdf-helpers.js';

/*
 * A table row's operators written by pcv instead of pdfkit's per-call methods: each must give
 * the PDF pdfkit's own calls give, byte for byte (the digests check whole documents too).
 */

const open = async () =>
  openDocument({ title: 't', lang: 'zh' }, await loadFonts({ createdAt }), createdAt);

/** The finished PDF of `draw` run on a fresh document, and pdfkit's fill colour record. */
async function render(draw: (doc: Doc) => void): Promise<{ bytes: Buffer; fill: unknown }> {
  const { doc, finish } = await open();
  draw(doc);
  const fill = (doc as unknown as { _fillColor: unknown })._fillColor;
  return { bytes: await finish(), fill };
}

describe('a row written as pdfkit writes it', () => {
  it('sets fill colours with the bytes and record of doc.fillColor', async () => {
    // Named, six-digit and three-digit hex colours, each twice (the second from the cache).
    const colors = ['black', '#555555', '#c00', 'red', 'black', '#c00', '#555555', 'red'];
    const draw = (fill: (doc: Doc, color: string) => void) => (doc: Doc) => {
      for (const [i, color] of colors.entries()) {
        fill(doc, color);
        doc.rect(50, 50 + 20 * i, 30, 10).fill();
      }
    };
    const expected = await render(draw((doc, color) => doc.fillColor(color)));
    const actual = await render(draw(setFillColor));
    expect(actual.bytes.equals(expected.bytes)).toBe(true);
    expect(actual.fill).toEqual(expected.fill);
    expect(actual.fill).toEqual(['red', undefined]);
  });

  it('draws rules with the bytes of lineWidth, strokeColor, rect, moveTo and lineTo', async () => {
    // Column edges and row heights with more than six decimals, which pdfkit rounds.
    const xs = [56.69, 120.123456789, 301.5, 400.0000004];
    const width = 538.582677 - 56.69;
    const rows: [number, number][] = [
      [100, 21.4609375],
      [121.4609375, 34.921875],
      [156.3828125, 21.4609375],
    ];
    const expected = await render((doc) => {
      for (const [y, h] of rows) {
        doc.lineWidth(0.6).strokeColor('#555555');
        doc.rect(xs[0]!, y, width, h).stroke();
        for (const x of xs.slice(1))
          doc
            .moveTo(x, y)
            .lineTo(x, y + h)
            .stroke();
      }
    });
    const actual = await render((doc) => {
      const rules = tableRules(doc, xs[0]!, xs, width, '#555555');
      for (const [y, h] of rows) rules(y, h);
    });
    expect(actual.bytes.equals(expected.bytes)).toBe(true);
  });

  it('aligns one-line cells as doc.text at the aligned x, first and repeated', async () => {
    const cells: [string, 'left' | 'center' | 'right'][] = [
      ['P005479', 'left'],
      ['72.50', 'right'],
      ['通过', 'center'],
      ['党建引领——项目', 'left'],
      ['AVATAR To', 'right'],
    ];
    const draw =
      (
        line: (
          doc: Doc,
          text: string,
          left: number,
          width: number,
          align: string,
          y: number,
        ) => void,
      ) =>
      (doc: Doc) => {
        let y = 80;
        for (const round of [0, 1]) {
          for (const [i, [text, align]] of cells.entries()) {
            doc.font(i % 2 ? BOLD : REGULAR).fontSize(round ? 9 : 10.5);
            line(doc, text, 61.69 + 3.3 * i, 77.123, align, (y += 17.25));
          }
        }
      };
    const expected = await render(
      draw((doc, text, left, width, align, y) => {
        const free = width - doc.widthOfString(text);
        const dx = align === 'center' ? free / 2 : align === 'right' ? free : 0;
        doc.text(text, left + dx, y, { lineBreak: false });
      }),
    );
    const actual = await render(
      draw((doc, text, left, width, align, y) =>
        drawAlignedLine(doc, text, left, width, align as 'left' | 'center' | 'right', y),
      ),
    );
    expect(actual.bytes.equals(expected.bytes)).toBe(true);
  });
});

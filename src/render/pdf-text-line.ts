import type { Doc } from './pdf-doc.js';

/**
 * Writes one line of text at (x, y) with the operators pdfkit's `doc.text(text, x, y,
 * { lineBreak: false })` writes, in the same order and with the same numbers, but without
 * going through its option handling and glyph encoding for each cell. The glyph part of a line
 * (the `TJ` arrays) depends only on the font and the text, so it is built once per distinct
 * text and font — by pdfkit's own `encode`, at the point pdfkit would first have encoded it, so
 * the font subset numbers its glyphs in the same order — and reused. A 10,000-row announcement
 * draws about 60,000 cells, most of them with text drawn before (scores, the category, the same
 * organisation). Text whose glyphs carry an x or y offset (pdfkit then moves the text matrix
 * per glyph), or any text option in force, goes through `doc.text` as before.
 */

/** The parts of pdfkit's document this reads and writes; not in @types/pdfkit. */
interface TextState {
  _font: {
    id: string;
    ascender: number;
    encode(text: string): [string[], Position[]];
    ref(): unknown;
  };
  _fontSize: number;
  _textOptions: unknown;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}
interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** pdfkit's PDFObject.number: rounded to six decimals, printed as JavaScript prints it. */
function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** The `TJ` operators of a text in a font, or null when a glyph is offset (not handled here). */
function glyphOperators(state: TextState, text: string): string[] | null {
  const [encoded, positions] = state._font.encode(text);
  // As pdfkit's _fragment groups them: a segment ends after each glyph whose advance differs
  // from its width, carrying the difference; all segments go in one TJ array.
  const segments: string[] = [];
  let last = 0;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    if (p.xOffset || p.yOffset) return null;
    if (p.xAdvance - p.advanceWidth !== 0) {
      segments.push(
        `<${encoded.slice(last, i + 1).join('')}> ${number(-(p.xAdvance - p.advanceWidth))}`,
      );
      last = i + 1;
    }
  }
  const end = positions.length;
  if (last < end) {
    const p = positions[end - 1]!;
    segments.push(
      `<${encoded.slice(last, end).join('')}> ${number(-(p.xAdvance - p.advanceWidth))}`,
    );
  }
  return segments.length > 0 ? [`[${segments.join(' ')}] TJ`] : [];
}

/** Per font object and text: its TJ operators, or null for text drawn by doc.text. */
const operatorCache = new WeakMap<object, Map<string, string[] | null>>();

/** `doc.text(text, x, y, { lineBreak: false })` for a line without a newline. */
export function drawTextLine(doc: Doc, text: string, x: number, y: number): void {
  const state = doc as unknown as TextState;
  if (text === '' || text.includes('\n') || state._textOptions) {
    doc.text(text, x, y, { lineBreak: false });
    return;
  }
  const font = state._font;
  let byText = operatorCache.get(font);
  if (byText === undefined) operatorCache.set(font, (byText = new Map()));
  let glyphs = byText.get(text);
  // pdfkit measures the text before it draws it; the width cache keeps the same order.
  const width = doc.widthOfString(text);
  if (glyphs === undefined) {
    // Nothing is written before the glyphs are encoded: encoding first, then writing, is the
    // order pdfkit follows for everything that reaches the document (subset, fonts, content).
    glyphs = glyphOperators(state, text);
    byText.set(text, glyphs);
  }
  if (glyphs === null) {
    doc.text(text, x, y, { lineBreak: false });
    return;
  }
  const size = state._fontSize;
  const dy = (font.ascender / 1000) * size;
  const height = state.page.height;
  doc.x = x;
  doc.y = y;
  if (state.page.fonts[font.id] == null) state.page.fonts[font.id] = font.ref();
  state.addContent('q');
  state.addContent(`1 0 0 -1 0 ${number(height)} cm`);
  state.addContent('BT');
  state.addContent(`1 0 0 1 ${number(x)} ${number(height - y - dy)} Tm`);
  state.addContent(`/${font.id} ${number(size)} Tf`);
  for (const op of glyphs) state.addContent(op);
  state.addContent('ET');
  state.addContent('Q');
  doc.x = x + width;
}

import type { Doc } from './pdf-doc.js';
import { runsNotKept } from './pdf-lean-runs.js';
import { number } from './pdf-number.js';

/**
 * Writes one line of text at (x, y) with the operators pdfkit's `doc.text(text, x, y,
 * { lineBreak: false })` writes, in the same order and with the same numbers, but without
 * going through its option handling and glyph encoding for each cell. The glyph part of a line
 * (the `TJ` arrays) depends only on the font and the text, so it is built once per distinct
 * text and font — by pdfkit's own `encode`, at the point pdfkit would first have encoded it, so
 * the font subset numbers its glyphs in the same order — and reused. A 10,000-row announcement
 * draws about 60,000 cells, most of them with text drawn before (scores, the category, the same
 * organisation). The rest of a line's operators after its position, and its width, are kept
 * per font, size and text too, so a line drawn again costs one string: its position and the
 * kept operators, handed to pdfkit at once. Text whose glyphs carry an x or y offset (pdfkit
 * then moves the text matrix per glyph), or any text option in force, goes through `doc.text`
 * as before.
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

/** The `TJ` operator of a text in a font ('' for no glyphs), or null when a glyph is offset. */
function glyphOperators(state: TextState, text: string): string | null {
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
  return segments.length > 0 ? `[${segments.join(' ')}] TJ` : '';
}

/**
 * A text's line in one font and size, once built: its width (pdfkit's widthOfString) and the
 * operators after the position of its `Tm` — ` Tm`, `Tf`, the `TJ` array, `ET`, `Q` — joined by
 * the newlines pdfkit writes after each operator. null: a glyph is offset, drawn by doc.text.
 */
interface Line {
  width: number;
  tail: string;
}

/** Per font object and text: its TJ operator (the glyphs do not depend on the size). */
const glyphCache = new WeakMap<object, Map<string, string | null>>();
/** Per font object, size and text: the rest of the line's operators and its width. */
const lineCache = new WeakMap<object, Map<number, Map<string, Line | null>>>();

function linesFor(font: object, size: number): Map<string, Line | null> {
  let bySize = lineCache.get(font);
  if (bySize === undefined) lineCache.set(font, (bySize = new Map()));
  let lines = bySize.get(size);
  if (lines === undefined) bySize.set(size, (lines = new Map()));
  return lines;
}

/**
 * The line's width and operators are kept here, so pdfkit need not keep the text's run (most
 * lines are drawn once: a wrapped cell's lines, a name).
 */
function buildLine(doc: Doc, state: TextState, text: string): Line | null {
  return runsNotKept(doc, () => buildLineOnce(doc, state, text));
}

function buildLineOnce(doc: Doc, state: TextState, text: string): Line | null {
  const font = state._font;
  // pdfkit measures the text before it draws it; the width cache keeps the same order.
  const width = doc.widthOfString(text);
  let byText = glyphCache.get(font);
  if (byText === undefined) glyphCache.set(font, (byText = new Map()));
  let glyphs = byText.get(text);
  if (glyphs === undefined) {
    // Nothing is written before the glyphs are encoded: encoding first, then writing, is the
    // order pdfkit follows for everything that reaches the document (subset, fonts, content).
    glyphs = glyphOperators(state, text);
    byText.set(text, glyphs);
  }
  if (glyphs === null) return null;
  const tf = ` Tm\n/${font.id} ${number(state._fontSize)} Tf`;
  return { width, tail: `${tf}${glyphs === '' ? '' : `\n${glyphs}`}\nET\nQ` };
}

/** The operators before a line's `Tm` position, per page height (the flip to pdfkit's y). */
let headHeight = NaN;
let head = '';

/** The line of `text` in the current font and size; null when doc.text must draw it. */
function lineOf(doc: Doc, state: TextState, text: string): Line | null {
  if (text === '' || text.includes('\n') || state._textOptions) return null;
  const lines = linesFor(state._font, state._fontSize);
  let line = lines.get(text);
  if (line === undefined) {
    line = buildLine(doc, state, text);
    lines.set(text, line);
  }
  return line;
}

function writeLine(state: TextState, line: Line, x: number, y: number): void {
  const font = state._font;
  const dy = (font.ascender / 1000) * state._fontSize;
  const height = state.page.height;
  if (height !== headHeight) {
    headHeight = height;
    head = `q\n1 0 0 -1 0 ${number(height)} cm\nBT\n1 0 0 1 `;
  }
  if (state.page.fonts[font.id] == null) state.page.fonts[font.id] = font.ref();
  // One string for the line's eight operators: pdfkit writes a newline after each operator
  // string it is handed, so the content stream has the same bytes either way.
  state.addContent(`${head}${number(x)} ${number(height - y - dy)}${line.tail}`);
  const doc = state as unknown as Doc;
  doc.x = x + line.width;
  doc.y = y;
}

/** `doc.text(text, x, y, { lineBreak: false })` for a line without a newline. */
export function drawTextLine(doc: Doc, text: string, x: number, y: number): void {
  const state = doc as unknown as TextState;
  const line = lineOf(doc, state, text);
  if (line === null) doc.text(text, x, y, { lineBreak: false });
  else writeLine(state, line, x, y);
}

/**
 * drawTextLine at `left` shifted by the room `width` leaves beside the text's width, as a table
 * cell aligns it: nothing for left, half for centre, all for right.
 */
export function drawAlignedLine(
  doc: Doc,
  text: string,
  left: number,
  width: number,
  align: 'left' | 'center' | 'right',
  y: number,
): void {
  const state = doc as unknown as TextState;
  const line = lineOf(doc, state, text);
  const free = width - (line === null ? doc.widthOfString(text) : line.width);
  const x = left + (align === 'center' ? free / 2 : align === 'right' ? free : 0);
  if (line === null) doc.text(text, x, y, { lineBreak: false });
  else writeLine(state, line, x, y);
}

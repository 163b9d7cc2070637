import type { Doc } from './pdf-doc.js';
import { drawTextLine } from './pdf-text-line.js';

/**
 * Lay out a wrapped cell once, draw it from that layout. pdfkit's `doc.text(text, { width })`
 * runs its line wrapper again on every call — once to measure the cell's height, once more to
 * draw it — and the wrapper measures the text character by character. `measureLines` measures
 * with pdfkit's own `heightOfString` and keeps the lines its wrapper produced; `drawLines` then
 * writes those lines where the wrapper would have put them, so the page is the same, byte for
 * byte, as `doc.text(text, x, y, { width, lineGap, align: 'left' })`.
 */

/** The pdfkit internal every text method goes through, with its per-line callback. */
type LineCallback = (line: string, ...rest: unknown[]) => unknown;
interface TextInternals {
  _text(text: string, x: unknown, y: unknown, options: unknown, onLine: LineCallback): unknown;
}

/** Where the hook of each document sends lines while `measureLines` listens. */
const listeners = new WeakMap<Doc, { lines: string[] | undefined }>();

function listen(doc: Doc): { lines: string[] | undefined } {
  let listener = listeners.get(doc);
  if (listener !== undefined) return listener;
  const own: { lines: string[] | undefined } = { lines: undefined };
  listener = own;
  listeners.set(doc, own);
  const internals = doc as unknown as TextInternals;
  const text = internals._text;
  internals._text = function (this: TextInternals, t, x, y, options, onLine) {
    const lines = own.lines;
    const record: LineCallback =
      lines === undefined
        ? onLine
        : (line, ...rest) => {
            lines.push(line);
            return onLine(line, ...rest);
          };
    return text.call(this, t, x, y, options, record);
  };
  return listener;
}

/** The height pdfkit's heightOfString gives the text, and the lines its wrapper broke it into. */
export function measureLines(
  doc: Doc,
  text: string,
  options: { width: number; lineGap: number },
): { height: number; lines: string[] } {
  const listener = listen(doc);
  const lines: string[] = [];
  listener.lines = lines;
  try {
    return { height: doc.heightOfString(text, options), lines };
  } finally {
    listener.lines = undefined;
  }
}

/**
 * Writes lines from `measureLines`, left-aligned, the first at (x, y): each where pdfkit's
 * wrapper would place it — the same x, and y advanced by the same sum, line by line.
 */
export function drawLines(
  doc: Doc,
  lines: readonly string[],
  x: number,
  y: number,
  lineGap: number,
) {
  let at = y;
  for (const line of lines) {
    // The wrapper's line keeps a hard break's newline; pdfkit drops it when it writes the line.
    const visible = line.replace(/\n/g, '');
    if (visible !== '') drawTextLine(doc, visible, x, at);
    at += doc.currentLineHeight(true) + lineGap;
  }
  doc.x = x;
  doc.y = at;
}

/** Per document, font, size and width: the lines pdfkit's wrapper broke a repeated text into. */
const repeated = new WeakMap<Doc, Map<string, readonly string[]>>();

/**
 * `doc.text(text, x, y, { width, lineBreak: false })`, left-aligned, for a text drawn the same
 * on every page (the footer's fingerprint): wrapped by pdfkit once per document, font, size and
 * width, and drawn from that line while it is one line. The wrapper cost more than the rest of a
 * page's footer: the fingerprint is long, and for Chinese text it measures nearly every
 * character as a word. Text that wraps is left to doc.text (at the foot of a page pdfkit may
 * start a new one for the next line).
 */
export function drawRepeatedText(doc: Doc, text: string, x: number, y: number, width: number) {
  const state = doc as unknown as { _font: { id: string }; _fontSize: number };
  let byKey = repeated.get(doc);
  if (byKey === undefined) repeated.set(doc, (byKey = new Map()));
  const key = `${state._font.id}\u0000${state._fontSize}\u0000${width}\u0000${text}`;
  let lines = byKey.get(key);
  if (lines === undefined) {
    // The wrapper breaks the same way whatever the line gap: it only spaces the lines.
    lines = measureLines(doc, text, { width, lineGap: 0 }).lines;
    byKey.set(key, lines);
  }
  if (lines.length === 1) drawLines(doc, lines, x, y, 0);
  else doc.text(text, x, y, { width, lineBreak: false });
}

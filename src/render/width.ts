import { eastAsianWidth } from 'get-east-asian-width';
import stringWidth from 'string-width';

/*
 * string-width splits every text into graphemes with Intl.Segmenter and tests each against a
 * fresh emoji regex: about 1 s for the 36,000 distinct texts of a 10,000-project workbook, whose
 * column widths are measured here as the terminal's are, and ~35 µs for each single character
 * (review day's first-seen characters cost ~20 ms that way). Nearly all texts are Chinese names,
 * sentences and numbers made of characters that are always a grapheme of their own and that
 * string-width measures by their East Asian Width alone (get-east-asian-width, its own rule:
 * wide and full-width 2, the rest 1); the width of such a text is the sum of its characters'.
 * Any other text (emoji, combining marks, Hangul jamo, control characters, surrogates) goes to
 * string-width whole. test/render/width-simple.test.ts holds every simple character to
 * string-width's answer.
 */

/**
 * Printable ASCII and Latin-1 (not the soft hyphen, nor © and ®, which string-width counts as
 * emoji of width 2), the Greek letters (χ² in the agreement sheet), general punctuation (dashes, quotes, the
 * ellipsis; not the zero-width and bidi marks before U+2010 nor the separators after U+2027), CJK
 * symbols and punctuation (not the tone marks U+302A-302F), the CJK Unified Ideographs and the
 * full-width forms. None of them joins a neighbour into one grapheme: none is a combining mark, a
 * joiner, a prepended mark, a regional indicator, a Hangul jamo or a control character.
 */
export const SIMPLE_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa1, 0xa8],
  [0xaa, 0xac],
  [0xaf, 0xff],
  [0x391, 0x3a1],
  [0x3a3, 0x3a9],
  [0x3b1, 0x3c9],
  [0x2010, 0x2027],
  [0x3000, 0x3029],
  [0x3030, 0x303f],
  [0x4e00, 0x9fff],
  [0xff01, 0xff60],
];

const hex = (code: number) => `\\u{${code.toString(16)}}`;
const SIMPLE = new RegExp(
  `^[${SIMPLE_RANGES.map(([a, b]) => hex(a) + '-' + hex(b)).join('')}]*$`,
  'u',
);

/** Each simple character's width, -1 until asked. */
const charWidth = new Int8Array(0x10000).fill(-1);

/**
 * Terminal columns a string takes: East Asian wide and full-width characters take two, combining
 * marks and control characters none. The table of which is which is string-width's and
 * get-east-asian-width's, kept up to date with Unicode there rather than by hand here; a text
 * made of simple characters is the sum of its characters' East Asian Widths.
 */
export function displayWidth(text: string): number {
  if (!SIMPLE.test(text)) return stringWidth(text);
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let w = charWidth[code]!;
    if (w < 0) charWidth[code] = w = eastAsianWidth(code);
    width += w;
  }
  return width;
}

// Made on first use: a segmenter costs ~8 ms of ICU start-up, and only text with characters
// outside the simple ranges needs one.
let graphemes: Intl.Segmenter | undefined;

/** Cut to at most `max` columns, marking the cut with an ellipsis; never inside a character. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  // Simple characters are each a grapheme of their own, and one UTF-16 unit: cut between them.
  const pieces: Iterable<string> = SIMPLE.test(text)
    ? text
    : Array.from(
        (graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text),
        (s) => s.segment,
      );
  let out = '';
  let width = 0;
  for (const piece of pieces) {
    const w = displayWidth(piece);
    if (width + w > max - 1) break;
    out += piece;
    width += w;
  }
  return `${out}…`;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

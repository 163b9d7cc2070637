import { displayWidth } from '../width.js';

/*
 * string-width (behind displayWidth) splits every text into graphemes with Intl.Segmenter and
 * tests each against a fresh emoji regex: about 1 s for the 36,000 distinct texts of a 10,000-
 * project workbook. Nearly all of them are Chinese names, sentences and numbers made of
 * characters that are always a grapheme of their own, and the width of such a text is the sum
 * of its characters' widths. Those are asked of string-width once per character; any other text
 * (emoji, combining marks, Hangul jamo, control characters, surrogates) goes to it whole.
 */

/**
 * Printable ASCII and Latin-1 (not the soft hyphen), general punctuation (dashes, quotes, the
 * ellipsis; not the zero-width and bidi marks before U+2010 nor the separators after U+2027), CJK
 * symbols and punctuation (not the tone marks U+302A-302F), the CJK Unified Ideographs and the
 * full-width forms. None of them joins a neighbour into one grapheme: none is a combining mark, a
 * joiner, a prepended mark, a regional indicator, a Hangul jamo or a control character.
 */
export const SIMPLE_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa1, 0xac],
  [0xae, 0xff],
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

/** Each character's width as string-width gives it, -1 until asked. */
const charWidth = new Int8Array(0x10000).fill(-1);

/** displayWidth(text), the same number, without segmenting a text made of simple characters. */
export function textWidth(text: string): number {
  if (!SIMPLE.test(text)) return displayWidth(text);
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let w = charWidth[code]!;
    if (w < 0) charWidth[code] = w = displayWidth(text[i]!);
    width += w;
  }
  return width;
}

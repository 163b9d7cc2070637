import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { SIMPLE_RANGES, displayWidth, truncate } from '../../src/render/width.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const count = (s: string) => [...graphemes.segment(s)].length;

describe('displayWidth of simple text', () => {
  it('counts a Chinese name as string-width does: ideographs and full-width forms 2, the rest 1', () => {
    // 党建引领 4×2 = 8, “ ” 1 each (East Asian ambiguous, narrow), 银龄暖心 8, —— 1 each, 环山 4,
    // "A" 1, （ ） full-width 2 each: 8 + 1 + 8 + 1 + 2 + 4 + 1 + 4 = 29.
    const name = '党建引领“银龄暖心”——环山A（）';
    expect(displayWidth(name)).toBe(29);
    expect(stringWidth(name)).toBe(29);
    expect(displayWidth('')).toBe(0);
  });

  it('hands any other text to string-width whole: emoji, combining marks, Hangul jamo', () => {
    // 👍🏽 is one grapheme of width 2; e + U+0301 is one of width 1; 한 spelt as jamo is one of 2.
    for (const s of ['ok 👍🏽', 'cafe\u0301', '\u1112\u1161\u11ab', 'a\u200db', '\t1'])
      expect(displayWidth(s)).toBe(stringWidth(s));
    expect(displayWidth('ok 👍🏽')).toBe(5);
    expect(displayWidth('cafe\u0301')).toBe(4);
  });

  it('covers only characters that are each a grapheme of their own, whatever their neighbours', () => {
    // Grapheme breaks depend on pairs of neighbours (the rules that look further need a joiner or
    // a regional indicator, neither in the ranges): each character next to itself and to a
    // letter, an ideograph and a full-width comma must stay apart, and then a text's width is
    // the sum of its characters'.
    const neighbours = ['a', '公', '，', '—'];
    let checked = 0;
    const wrong: string[] = [];
    for (const [from, to] of SIMPLE_RANGES) {
      for (let code = from; code <= to; code++) {
        const c = String.fromCharCode(code);
        const pairs = [c + c, ...neighbours.flatMap((n) => [n + c, c + n])];
        if (pairs.some((pair) => count(pair) !== 2)) wrong.push(`U+${code.toString(16)} joins`);
        if (displayWidth(c + 'a' + c) !== stringWidth(c + 'a' + c))
          wrong.push(`U+${code.toString(16)} width`);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    // 95 + 8 + 3 + 81 + 17 + 7 + 25 + 24 + 42 + 16 + 20,992 + 96 characters.
    expect(checked).toBe(21_406);
  });

  it('truncates simple text between characters as grapheme by grapheme with string-width', () => {
    // The cut string-width and a segmenter make: graphemes while they fit in max - 1 columns,
    // then the ellipsis. Simple text is cut between its characters instead (no segmenter).
    const byGraphemes = (text: string, max: number) => {
      if (stringWidth(text) <= max) return text;
      let out = '';
      let width = 0;
      for (const { segment } of graphemes.segment(text)) {
        const w = stringWidth(segment);
        if (width + w > max - 1) break;
        out += segment;
        width += w;
      }
      return `${out}…`;
    };
    const chars = ['a', 'Z', '1', ' ', '—', '“', '（', '公', '益', '创', '投', 'χ', '·', 'é'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 3000; k++) {
      const text = Array.from(
        { length: Math.floor(next() * 14) },
        () => chars[Math.floor(next() * chars.length)]!,
      ).join('');
      const max = 1 + Math.floor(next() * 16);
      expect(truncate(text, max)).toBe(byGraphemes(text, max));
    }
  });
});

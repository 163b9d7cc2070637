import { describe, expect, it } from 'vitest';
import { CellMeasure } from '../../src/render/workbook/measure.js';

describe('CellMeasure', () => {
  it('counts CJK characters double, takes the widest line, and empty as zero', () => {
    const m = new CellMeasure();
    // 公益创投 = 4 wide characters = 8; "ab" = 2.
    expect(m.width('公益创投')).toBe(8);
    expect(m.width('ab\n公益创投')).toBe(8);
    expect(m.width(null)).toBe(0);
    // Rich text measures its runs joined: "ab" + "公益" = 2 + 4.
    expect(m.width({ richText: [{ text: 'ab' }, { text: '公益' }] })).toBe(6);
  });

  it('measures a number as its format shows it', () => {
    const m = new CellMeasure();
    expect(m.width(17.5)).toBe(4); // General: "17.5"
    expect(m.width(80, '0.00')).toBe(5); // "80.00"
    expect(m.width(80, '0')).toBe(2); // "80"
    // "0.00##": two places always, up to four: 33.333333 -> "33.3333", 34 -> "34.00", 34.5 -> "34.50".
    expect(m.format(33.333333, '0.00##')).toBe('33.3333');
    expect(m.format(34, '0.00##')).toBe('34.00');
    expect(m.format(34.5, '0.00##')).toBe('34.50');
    expect(m.format(1234567.5, '#,##0.00')).toBe('1,234,567.50');
    expect(m.format(0.0000025, '0.00E+00')).toBe('0.0000025'); // not one of pcv's: as JavaScript writes it
  });

  it('counts the lines a wrapped cell takes: each line wrapped at the width less one', () => {
    const m = new CellMeasure();
    // Width 5 leaves 4 per line: "ab" (2) takes 1, "公益创投" (8) takes 2, "" takes 1 -> 4.
    expect(m.wrappedLines('ab\n公益创投\n', 5)).toBe(4);
    // The same text again comes from the cache and must give the same answer.
    expect(m.wrappedLines('ab\n公益创投\n', 5)).toBe(4);
    expect(m.wrappedLines('ab\n公益创投\n', 9)).toBe(3);
    expect(m.wrappedLines(12.5, 2)).toBe(1);
  });
});

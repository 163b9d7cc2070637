import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.js';
import { DecimalCells, TextCells } from '../../src/render/workbook/cell-cache.js';
import { round } from '../../src/render/workbook/numbers.js';
import { STYLE } from '../../src/render/workbook/style.js';

describe('workbook cell caches (one cell per shared value and style)', () => {
  it('hands out the same number cell for the same decimal and style, converted once', () => {
    let conversions = 0;
    const cells = new DecimalCells((d) => {
      conversions++;
      return round(d, 4);
    });
    const third = dec('100').dividedBy(3); // 33.3333… -> 33.3333 at 4 places
    const a = cells.cell(third, STYLE.bold);
    expect(a).toEqual({ value: 33.3333, style: STYLE.bold });
    expect(cells.cell(third, STYLE.bold)).toBe(a);
    expect(conversions).toBe(1);
    // Another style is another cell (a struck-through total next to a plain one).
    const b = cells.cell(third, STYLE.aggregate);
    expect(b).not.toBe(a);
    expect(b.style).toBe(STYLE.aggregate);
    // An equal value in another object is converted again, not mistaken for a different number.
    expect(cells.cell(dec('100').dividedBy(3), STYLE.bold).value).toBe(33.3333);
  });

  it('hands out one text cell per text; an empty or missing text is an empty cell', () => {
    const cells = new TextCells(STYLE.text);
    const a = cells.cell('方案完整');
    expect(a).toEqual({ value: '方案完整', style: STYLE.text });
    expect(cells.cell('方案完整')).toBe(a);
    expect(cells.cell(undefined)).toEqual({ value: null, style: STYLE.text });
    expect(cells.cell('')).toEqual({ value: null, style: STYLE.text });
    expect(new TextCells().cell('x')).toEqual({ value: 'x' });
  });
});

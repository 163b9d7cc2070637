import { describe, expect, it } from 'vitest';
import { displayWidth, padEnd, truncate } from '../../src/render/width.js';

// Widths from Unicode's East Asian Width property (UAX #11): 项 and 目 are W (two columns), A and
// the curly quote are narrow or ambiguous (one column here), ８ is F (full-width, two), and a
// combining acute accent takes none.
describe('terminal width of text', () => {
  it('counts wide and full-width characters as two columns, combining marks as none', () => {
    expect(displayWidth('项目A')).toBe(5);
    expect(displayWidth('８５')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('“红色物业”')).toBe(10);
  });

  it('cuts at a character boundary, leaving a column for the ellipsis', () => {
    // 7 columns: 6 for 银龄暖 (2 each), 1 for …
    expect(truncate('银龄暖心助餐', 7)).toBe('银龄暖…');
    // An accented letter stays whole: "cafe\u0301" is 4 columns, cut to 3 + …
    expect(truncate('cafe\u0301 club', 5)).toBe('cafe\u0301…');
    expect(truncate('项目', 4)).toBe('项目');
    expect(padEnd('项目', 6)).toBe('项目  ');
  });
});

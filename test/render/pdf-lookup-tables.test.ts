import { describe, expect, it } from 'vitest';
import { covers, type Coverage } from '../../src/render/pdf-lookup-tables.js';

describe('covers', () => {
  it('answers as the glyph list itself for short and long lists, sorted or not', () => {
    // Glyph ids 3, 10, 17, … (every 7th from 3), listed in a shuffled order, cut to lists of
    // 5 (scanned) and of 120 (looked up in a set).
    const ids = Array.from({ length: 120 }, (_, i) => 3 + 7 * i);
    const shuffled = ids.map((id, i) => ids[(i * 37) % ids.length]!);
    expect(new Set(shuffled).size).toBe(ids.length);
    for (const glyphs of [shuffled.slice(0, 5), shuffled]) {
      const coverage: Coverage = { version: 1, glyphs };
      for (let g = 0; g < 900; g++) expect(covers(coverage, g)).toBe(glyphs.includes(g));
    }
    // 843 = 3 + 7 × 120 is just past the list's last id; 836 = 3 + 7 × 119 is its last.
    expect(covers({ version: 1, glyphs: shuffled }, 836)).toBe(true);
    expect(covers({ version: 1, glyphs: shuffled }, 843)).toBe(false);
  });
});

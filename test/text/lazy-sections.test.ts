import { describe, expect, it } from 'vitest';
import { en } from '../../src/text/en.js';
import { lazySections } from '../../src/text/lazy-sections.js';
import { zh } from '../../src/text/zh.js';

describe('lazySections', () => {
  it('builds each section the first time it is read, once, and lists every section', () => {
    const built: string[] = [];
    const catalog = lazySections<{ a: { n: number }; b: string }>({
      a: () => (built.push('a'), { n: 1 }),
      b: () => (built.push('b'), 'two'),
    });
    expect(Object.keys(catalog)).toEqual(['a', 'b']);
    expect(built).toEqual([]);
    const first = catalog.a;
    expect(first).toEqual({ n: 1 });
    expect(catalog.a).toBe(first);
    expect(built).toEqual(['a']);
    expect({ ...catalog }).toEqual({ a: { n: 1 }, b: 'two' });
    expect(built).toEqual(['a', 'b']);
  });

  it("gives the catalogs' sections, each the same object every time it is read", () => {
    for (const catalog of [en, zh]) {
      expect(Object.keys(catalog)).toEqual([
        'table',
        'tracks',
        'analytics',
        'verify',
        'init',
        'problems',
        'run',
      ]);
      expect(catalog.run).toBe(catalog.run);
      expect(catalog.problems).toBe(catalog.problems);
    }
    // A problem family's words reach the catalog through its factory (problems/files-*.ts).
    expect(en.problems['file-empty']({})).toBe('the file is empty');
    expect(zh.problems['file-empty']({})).toBe('文件是空的');
  });
});

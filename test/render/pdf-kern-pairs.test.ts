import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kernPairs, pairOnly, scriptLookups, type Shape } from '../../src/render/pdf-kern-pairs.js';
import type { Lookup } from '../../src/render/pdf-lookup-tables.js';
import { plainGlyphs } from '../../src/render/pdf-plain-layout.js';
import { agreesOnRandom, notoFont, view } from './fontkit-runs.js';

/*
 * Ids, ranks and scores built from shaped pairs must be fontkit's run for the whole string.
 * The proof is pairOnly() over the lookups scriptLookups() picks; these check its verdicts on
 * the font's own tables and on altered copies of them, and compare the pairs with whole-string
 * shaping on random strings.
 */

describe.each(['regular', 'bold'] as const)('kerned pairs, Noto Sans SC %s', (weight) => {
  const font = notoFont(weight);
  const shape = font.layout.bind(font) as Shape;
  const pairs = kernPairs(font, plainGlyphs(font)!, shape, (c) => font.glyphForCodePoint(c));
  const id = (ch: string) => font.glyphForCodePoint(ch.codePointAt(0)!).id;
  const gsubLatin = scriptLookups(font.GSUB, 'latn')!;
  const gposLatin = scriptLookups(font.GPOS, 'latn')!;
  const lookup = (table: 'GSUB' | 'GPOS', i: number) =>
    font[table]!.lookupList.toArray()[i] as unknown as Lookup;

  it('picks the lookups of the language system fontkit uses for the script', () => {
    // The font's GSUB: latn's default language system lists feature 7, `locl` → lookup 10 (a
    // single substitution of the digits); DFLT's does not. A script the font has no entry for
    // (fontkit's `zzzz`, for text of digits only) falls back to DFLT.
    expect(gsubLatin).toContain(lookup('GSUB', 10));
    const fallback = scriptLookups(font.GSUB, 'zzzz')!;
    expect(fallback).not.toContain(lookup('GSUB', 10));
    expect(fallback).toEqual(scriptLookups(font.GSUB, 'DFLT'));
    // GPOS: `kern` is lookup 5, a pair adjustment, in both.
    expect(gposLatin).toContain(lookup('GPOS', 5));
    // No entry for the script and none to fall back to: fontkit would keep the previous one.
    const onlyHani = { ...font.GSUB!, scriptList: font.GSUB!.scriptList!.slice(3, 4) };
    expect(onlyHani.scriptList[0]!.tag).toBe('hani');
    expect(scriptLookups(onlyHani, 'latn')).toBeNull();
  });

  it('proves digits, `.` and id letters; refuses ligatures and altered tables', () => {
    for (const ch of '0123456789.PAVa')
      expect(pairOnly(font, gsubLatin, gposLatin, id(ch)), ch).toBe(true);
    // `f` starts the `fi`/`fl` ligatures (liga, lookup 4); `M` a ccmp ligature (lookup 2).
    expect(pairOnly(font, gsubLatin, gposLatin, id('f'))).toBe(false);
    expect(pairOnly(font, gsubLatin, gposLatin, id('M'))).toBe(false);
    // The same kern lookup skipping base glyphs could pair P with a glyph two places on.
    const kern = lookup('GPOS', 5);
    const skipping = {
      ...kern,
      flags: { ...kern.flags, flags: { ...kern.flags.flags, ignoreBaseGlyphs: true } },
    };
    const withSkip = gposLatin.map((l) => (l === kern ? skipping : l));
    expect(pairOnly(font, gsubLatin, withSkip, id('P'))).toBe(false);
    // The kern lookup read as contextual positioning (type 8): a third glyph could matter.
    const contextual = gposLatin.map((l) => (l === kern ? { ...kern, lookupType: 8 } : l));
    expect(pairOnly(font, gsubLatin, contextual, id('P'))).toBe(false);
    // locl read as a ligature substitution (type 4): a digit could join its neighbour.
    const locl = lookup('GSUB', 10);
    const joining = gsubLatin.map((l) => (l === locl ? { ...locl, lookupType: 4 } : l));
    expect(pairOnly(font, joining, gposLatin, id('5'))).toBe(false);
  });

  it('refuses strings it does not cover', () => {
    // Ligatures (f, M, ——), a character of another script (é, 〇 U+3007), nothing kerned.
    for (const text of ['', 'fi', 'M1', '社区——服务1', 'é1', '〇1', '社区服务'])
      expect(pairs(text), text).toBeUndefined();
    expect(pairs('P005372')).toBeDefined();
  });

  it('gives fontkit’s whole-string run for the bench’s ids, ranks and scores', () => {
    for (const text of ['P007351', 'P000001', '4953', '10000', '95.50', '72.50', '0.00', '1']) {
      const run = pairs(text);
      expect(run, text).toBeDefined();
      expect(view(run!), text).toEqual(view(font.layout(text)));
    }
  });

  it('gives fontkit’s whole-string run for random strings of digits, letters and `.`', () => {
    const char = fc.constantFrom(
      ...'0123456789.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    );
    const text = fc.array(char, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
    // Most random strings hold no refused letter (f, M, …): enough are compared.
    expect(agreesOnRandom(font, pairs, text)).toBeGreaterThan(1000);
  });

  it('gives fontkit’s whole-string run for random names with kerned characters', () => {
    // Ideographs, the bench's punctuation and kerned ASCII, starting with either.
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const other = fc.constantFrom(...'“”（）、·，。：,.-:/()%1AVPTa—　 ');
    const text = fc
      .array(fc.oneof(han, other), { minLength: 1, maxLength: 16 })
      .map((a) => a.join(''));
    // Refused: a lone ligature start such as `——`, or nothing kerned at all.
    expect(agreesOnRandom(font, pairs, text)).toBeGreaterThan(1500);
  });

  it('hands each use positions of its own (pdfkit scales them in place)', () => {
    const a = pairs('P005372')!;
    const b = pairs('P005372')!;
    for (const i of [0, 3, 6]) expect(a.positions[i]).not.toBe(b.positions[i]);
  });
});

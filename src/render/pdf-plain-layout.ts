/**
 * Skips OpenType shaping for text it cannot change. fontkit shapes every new string through the
 * font's substitution and positioning lookups; for Chinese names in Noto Sans SC no lookup that
 * fontkit applies touches an ideograph, so the result is always one glyph per character at its
 * own advance width — yet shaping costs about half of a 10,000-row announcement. This wraps a
 * font's `layout` so that a string whose every glyph is outside every such lookup gets that
 * result directly. The run has the same glyphs and positions fontkit would give, so every byte
 * of the PDF is the same; any other string (Latin and digits are kerned) is shaped as before.
 */

import { dashPieces, splitRun } from './pdf-dash-split.js';
import { DEFAULT_FEATURES } from './pdf-default-features.js';
import { kernPairs, type Shape } from './pdf-kern-pairs.js';
import { runOf, type Glyph, type Position, type Run } from './pdf-glyph-run.js';
import type { ClassDef, Coverage } from './pdf-lookup-tables.js';

/** What this file reads of a fontkit font's tables (fontkit ships no types). */
interface Lookup {
  subTables: Record<string, unknown>[] | { toArray(): Record<string, unknown>[] };
}
interface LayoutTable {
  /** Per script, the features of its default language system (what fontkit uses). */
  scriptList?: {
    tag: string;
    script: { defaultLangSys: { reqFeatureIndex: number; featureIndexes: number[] } | null };
  }[];
  featureVariations?: unknown;
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { toArray(): Lookup[] };
}
export interface FontkitFont {
  numGlyphs: number;
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  morx?: unknown;
  kern?: unknown;
  fvar?: unknown;
  glyphForCodePoint(codePoint: number): Glyph;
  layout(text: unknown, ...rest: unknown[]): Run;
}

/** Every field of a lookup subtable that names the glyphs it can apply at or look at. */
const COVERAGE_FIELDS = [
  'coverage',
  'markCoverage',
  'baseCoverage',
  'ligatureCoverage',
  'mark1Coverage',
  'mark2Coverage',
];
const COVERAGE_LISTS = ['coverages', 'inputCoverage', 'backtrackCoverage', 'lookaheadCoverage'];

/**
 * Strings shaped the usual way before the font's lookups are read. Reading them takes 20-40 ms
 * for a CJK font; fontkit's first strings in a document cost ~0.5 ms each (it reads the same
 * lookups lazily, and shapes every string through them), so the analysis pays back after some 50
 * strings. Measured on the bundled CLI (issue 15, review day; CPU medians of alternated runs):
 * with 64, the fixture review's announcement (385 strings in the regular face, 23 in bold) took
 * 1.085 s instead of 1.135 s with 2000, its 21 feedback cards (~150 + 37 a card) 2.64 s instead
 * of 2.84 s. A face with fewer strings (a card's bold one) never pays for it.
 */
const WARM_UP = 64;

/**
 * Characters the fast path may take: printable ASCII, general punctuation up to U+2027, CJK
 * punctuation (but not the combining tone marks U+302A-302F), ideographs and full-width forms.
 * None is a mark, a default-ignorable code point, a variation selector, a surrogate or the
 * fraction slash, which fontkit treats specially.
 */
function plainCharacter(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x3000 && c <= 0x3029) ||
    (c >= 0x3030 && c <= 0x303f) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xff01 && c <= 0xff60)
  );
}

/** Wraps `font.layout` (the font pdfkit embeds) with the fast path. */
export function skipPlainShaping(font: FontkitFont): void {
  const shape = font.layout.bind(font);
  let calls = 0;
  let plain: Uint8Array | null | undefined;
  let pieces: ReturnType<typeof dashPieces> | undefined;
  let pairs: ReturnType<typeof kernPairs> | undefined;
  font.layout = (text: unknown, ...rest: unknown[]): Run => {
    if (typeof text === 'string' && rest.every((r) => r === undefined)) {
      if (plain === undefined && ++calls > WARM_UP) plain = plainGlyphs(font);
      if (plain && pieces === undefined) {
        pieces = dashPieces(font, plain, shape);
        pairs = kernPairs(font, plain, shape as Shape, glyphsOf(font));
      }
      const run = plain
        ? (plainRun(font, plain, text) ??
          splitRun(
            text,
            (from, to, glyphs, positions) =>
              appendPlain(font, plain!, text, from, to, glyphs, positions),
            pieces!,
          ) ??
          pairs!(text))
        : undefined;
      if (run) return run;
    }
    return shape(text, ...rest);
  };
}

const glyphCaches = new WeakMap<FontkitFont, (c: number) => Glyph>();

/**
 * `font.glyphForCodePoint`, remembered per code point. fontkit looks the code point up in the
 * cmap and returns the one Glyph object it keeps per glyph id, so the remembered answer is the
 * same object; the cmap search per character was most of what the fast path still cost.
 */
export function glyphsOf(font: FontkitFont): (c: number) => Glyph {
  let glyphFor = glyphCaches.get(font);
  if (glyphFor === undefined) {
    const byCode = new Map<number, Glyph>();
    glyphFor = (c) => {
      let glyph = byCode.get(c);
      if (glyph === undefined) byCode.set(c, (glyph = font.glyphForCodePoint(c)));
      return glyph;
    };
    glyphCaches.set(font, glyphFor);
  }
  return glyphFor;
}

/** One glyph per character at its advance width, or undefined if shaping could change that. */
export function plainRun(font: FontkitFont, plain: Uint8Array, text: string): Run | undefined {
  const glyphs: Glyph[] = [];
  const positions: Position[] = [];
  return appendPlain(font, plain, text, 0, text.length, glyphs, positions)
    ? runOf(glyphs, positions)
    : undefined;
}

/**
 * Appends one glyph per character of text[from, to) at its advance width; false as soon as a
 * character is not plain (what was appended is then to be thrown away).
 */
export function appendPlain(
  font: FontkitFont,
  plain: Uint8Array,
  text: string,
  from: number,
  to: number,
  glyphs: Glyph[],
  positions: Position[],
): boolean {
  const glyphFor = glyphsOf(font);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!plainCharacter(c)) return false;
    const glyph = glyphFor(c);
    if (plain[glyph.id] !== 1) return false;
    glyphs.push(glyph);
    // The keys in fontkit's GlyphPosition order: pdfkit scales each of them in turn.
    positions.push({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
  }
  return true;
}

/**
 * 1 for each glyph no default-feature lookup can apply at or look at, that is no mark and not
 * .notdef; null when the font has anything this analysis does not cover (AAT morx, a legacy
 * kern table, variations, a lookup subtable of an unknown shape): then everything is shaped.
 */
export function plainGlyphs(font: FontkitFont): Uint8Array | null {
  if (font.morx || font.kern || font.fvar) return null;
  const plain = new Uint8Array(font.numGlyphs).fill(1);
  plain[0] = 0;
  const mark = (c: Coverage | undefined): boolean => {
    if (c?.version === 1) for (const g of c.glyphs) plain[g] = 0;
    else if (c?.version === 2)
      for (const r of c.rangeRecords) plain.fill(0, r.start, Math.min(r.end + 1, plain.length));
    else return false;
    return true;
  };
  for (const table of [font.GSUB, font.GPOS]) {
    if (table === undefined) continue;
    const lookups = table.lookupList.toArray();
    for (const { tag, feature } of table.featureList) {
      if (!DEFAULT_FEATURES.has(tag)) continue;
      for (const index of feature.lookupListIndexes) {
        const lookup = lookups[index];
        if (lookup === undefined) return null;
        const subTables = Array.isArray(lookup.subTables)
          ? lookup.subTables
          : lookup.subTables.toArray();
        for (const outer of subTables) {
          // Extension lookups (GSUB 7, GPOS 9) hold the real subtable one level down.
          const table = (outer.extension as Record<string, unknown> | undefined) ?? outer;
          const coverages = [
            ...COVERAGE_FIELDS.map((k) => table[k]),
            ...COVERAGE_LISTS.flatMap((k) => (table[k] as unknown[] | undefined) ?? []),
          ].filter((c) => c !== undefined) as Coverage[];
          if (coverages.length === 0 || !coverages.every(mark)) return null;
        }
      }
    }
  }
  // fontkit zeroes the advance of a glyph GDEF classes as a mark (class 3).
  const classes = font.GDEF?.glyphClassDef;
  if (classes?.version === 1) {
    classes.classValueArray.forEach((k, i) => {
      if (k === 3) plain[classes.startGlyph + i] = 0;
    });
  } else if (classes?.version === 2) {
    for (const r of classes.classRangeRecord)
      if (r.class === 3) plain.fill(0, r.start, Math.min(r.end + 1, plain.length));
  } else if (classes !== undefined) return null;
  return plain;
}

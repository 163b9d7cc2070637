/**
 * Shapes ids, ranks and scores (`P005479`, `4953`, `72.50`), and names with a kerned character
 * (`党建引领“书香社区”,米山…`), from shaped pairs of characters. Digits, `.`, `,` and Latin
 * letters are kerned in Noto Sans SC (a GPOS pair adjustment), and in Latin text its `locl`
 * swaps the digits for other glyphs, so each such string went through fontkit whole: 12,297
 * distinct strings in a 10,000-row announcement, each a full pass over the font's lookups. Here
 * each pair of characters around a kerned one is shaped by fontkit once.
 *
 * Why that is enough, when every glyph of the string is plain (no lookup names it: see
 * pdf-plain-layout.ts) or passes `pairOnly`: in the lookups fontkit runs for the string's
 * script, substitution is one glyph for one (GSUB 1), which reads no neighbour, so the glyph at
 * i depends only on the character at i; positioning is single adjustments (GPOS 1), which read
 * no neighbour, and pair adjustments (GPOS 2), which read the glyph at i and the next one only,
 * with no lookup flag or mark that could make "the next one" anything but i + 1. So the
 * position of glyph i is its advance, plus what the single adjustments add (S), plus what the
 * pairs (i, i + 1) and (i − 1, i) add to it (A and B): shaping the pair (i, i + 1) alone gives
 * advance + S + A at its first glyph, shaping (i − 1, i) gives advance + S + B at its second,
 * and shaping character i alone gives advance + S. Hence glyph i = pair(i, i+1)[0] +
 * pair(i−1, i)[1] − single(i), each of the four position fields, in integers (font units), so
 * the sums are exact. A pair whose first glyph is plain adds nothing (no lookup starts there),
 * and a plain glyph is itself at its advance, so only pairs starting at a kerned glyph are
 * shaped. The pieces are shaped with the whole string's script, which fontkit takes from its
 * first character whose script is not Common (see `scriptClass`).
 */
import { DEFAULT_FEATURES } from './pdf-default-features.js';
import { runOf, type Glyph, type Position, type Run } from './pdf-glyph-run.js';
import {
  classOf,
  coverageIndex,
  heldUnderSubstitutions,
  singleSubstitute,
  subTablesOf,
  touches,
  type Coverage,
  type Lookup,
} from './pdf-lookup-tables.js';
import type { FontkitFont } from './pdf-plain-layout.js';

/** A fontkit run, with the script it was shaped for. */
type ScriptRun = Run & { script: string };
/** fontkit's layout; without a script it takes the text's, as for any string pdfkit shapes. */
export type Shape = (text: string, features?: undefined, script?: string) => ScriptRun;

/**
 * The Unicode script of a character the pair path takes: `latin` (ASCII letters), `han` (the
 * ideographs of Unicode 1.1 and 3.0, Han in every version fontkit's tables may know), `common`
 * (ASCII digits and punctuation, U+2010-2027, CJK and full-width punctuation: Scripts.txt lists
 * them as Common), or undefined for any other character (the string is then shaped whole). None
 * of them is a mark or default-ignorable.
 */
export function scriptClass(c: number): 'latin' | 'han' | 'common' | undefined {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'latin';
  if ((c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x3400 && c <= 0x4db5)) return 'han';
  if (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x3000 && c <= 0x3003) ||
    (c >= 0x3008 && c <= 0x3011) ||
    (c >= 0xff01 && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff60)
  )
    return 'common';
  return undefined;
}

/** Where fontkit's selectScript looks when a table has no entry for the script, in order. */
const FALLBACK_SCRIPTS = ['DFLT', 'dflt', 'latn'];

type LayoutTable = NonNullable<FontkitFont['GSUB']>;

/**
 * The lookups of fontkit's default features in the language system fontkit picks for a script
 * (the script's default one), in lookup-list order; null when the table has something this does
 * not read (feature variations, no script list, an index out of range) or no script fontkit
 * could pick (it would then keep the script of the string shaped before).
 */
export function scriptLookups(table: LayoutTable | undefined, script: string): Lookup[] | null {
  if (table === undefined) return [];
  const scripts = table.scriptList;
  if (table.featureVariations !== undefined || scripts === undefined) return null;
  const find = (tag: string) => scripts.find((s) => s.tag === tag);
  const entry = find(script) ?? FALLBACK_SCRIPTS.map(find).find((e) => e !== undefined);
  if (entry === undefined) return null;
  const langSys = entry.script.defaultLangSys;
  if (langSys === null) return [];
  const required = langSys.reqFeatureIndex === 0xffff ? [] : [langSys.reqFeatureIndex];
  const used = new Set<number>();
  for (const index of [...langSys.featureIndexes, ...required]) {
    const record = table.featureList[index];
    if (record === undefined) return null;
    // fontkit applies no required feature; counting one can only refuse more.
    if (DEFAULT_FEATURES.has(record.tag) || required.includes(index))
      for (const i of record.feature.lookupListIndexes) used.add(i);
  }
  const all = table.lookupList.toArray() as unknown as Lookup[];
  const lookups = [...used].sort((a, b) => a - b).map((i) => all[i]);
  return lookups.every((l) => l !== undefined) ? lookups : null;
}

/** Whether a lookup's flags can skip a glyph that is not a mark. */
function skipsBases(lookup: Lookup): boolean {
  return lookup.flags.flags.ignoreBaseGlyphs || lookup.flags.flags.ignoreLigatures;
}

/**
 * Whether a glyph is shaped, under these lookups, only in the ways this file's comment allows:
 * every substitution that can reach it or what it becomes replaces one glyph by one, and every
 * positioning lookup that names one of those glyphs is a single or pair adjustment; no lookup
 * that names them skips base glyphs or ligatures, and none of them is a mark (GDEF class 3).
 */
export function pairOnly(
  font: FontkitFont,
  gsub: readonly Lookup[],
  gpos: readonly Lookup[],
  glyph: number,
): boolean {
  const held = heldUnderSubstitutions([glyph], gsub, (lookup, table, g) => {
    if (lookup.lookupType !== 1 || skipsBases(lookup)) return undefined;
    const index = coverageIndex(table.coverage as Coverage, g);
    return index === -1 ? undefined : [singleSubstitute(table, g, index)];
  });
  if (held === undefined) return false;
  const classes = font.GDEF?.glyphClassDef;
  for (const g of held) {
    if (classes !== undefined && classOf(classes, g) === 3) return false;
    for (const lookup of gpos) {
      for (const table of subTablesOf(lookup)) {
        if (touches(table, g) && (lookup.lookupType > 2 || skipsBases(lookup))) return false;
      }
    }
  }
  return true;
}

/**
 * The shaper for kerned strings: the run of `text` built from its shaped pairs, or undefined
 * when a character is not one `scriptClass` knows or a glyph is neither plain nor proven by
 * `pairOnly` (then it is shaped whole, as before). `plain` is from plainGlyphs(), `glyphFor` the
 * font's cmap lookup (`font.glyphForCodePoint`, remembered). Pieces and proofs are kept per
 * script.
 */
export function kernPairs(
  font: FontkitFont,
  plain: Uint8Array,
  shape: Shape,
  glyphFor: (codePoint: number) => Glyph,
): (text: string) => Run | undefined {
  const usable = !font.morx && !font.kern && !font.fvar && font.GPOS !== undefined;
  const scripts = new Map<string, string>();
  const proofs = new Map<string, ((glyph: number) => boolean) | null>();
  const pieces = new Map<string, ScriptRun>();

  const proofFor = (script: string) => {
    if (!proofs.has(script)) {
      const gsub = scriptLookups(font.GSUB, script);
      const gpos = scriptLookups(font.GPOS, script);
      const verdicts = new Map<number, boolean>();
      proofs.set(
        script,
        gsub && gpos
          ? (glyph) => {
              let ok = verdicts.get(glyph);
              if (ok === undefined) verdicts.set(glyph, (ok = pairOnly(font, gsub, gpos, glyph)));
              return ok;
            }
          : null,
      );
    }
    return proofs.get(script)!;
  };

  /**
   * fontkit's script for the whole text: that of its first character that is not Common, which
   * is the script of every character of that class, so fontkit's answer for that character
   * alone (kept per class); for text of Common characters only, its answer for any of them.
   */
  const scriptOf = (text: string): string | undefined => {
    let witness = -1;
    let kind: string = 'common';
    for (let i = 0; i < text.length; i++) {
      const k = scriptClass(text.charCodeAt(i));
      if (k === undefined) return undefined;
      if (k !== 'common' && witness === -1) {
        witness = i;
        kind = k;
      }
    }
    let script = scripts.get(kind);
    if (script === undefined) {
      script = shape(text[witness === -1 ? 0 : witness]!).script;
      scripts.set(kind, script);
    }
    return script;
  };

  return (text) => {
    if (!usable || text.length === 0) return undefined;
    const script = scriptOf(text);
    if (script === undefined) return undefined;
    const proven = proofFor(script);
    if (proven === null) return undefined;
    const n = text.length;
    const cmap: Glyph[] = [];
    const kerned: boolean[] = [];
    let any = false;
    for (let i = 0; i < n; i++) {
      const glyph = glyphFor(text.charCodeAt(i));
      const isPlain = plain[glyph.id] === 1;
      if (!isPlain && (glyph.id === 0 || !proven(glyph.id))) return undefined;
      cmap.push(glyph);
      kerned.push(!isPlain);
      any ||= !isPlain;
    }
    // All plain: plainRun's case, not this one's.
    if (!any) return undefined;

    const piece = (from: number, to: number) => {
      const s = text.slice(from, to);
      const key = `${script}:${s}`;
      let run = pieces.get(key);
      if (run === undefined) pieces.set(key, (run = shape(s, undefined, script)));
      return run.glyphs.length === to - from ? run : undefined;
    };
    const glyphs: Glyph[] = [];
    const positions: Position[] = [];
    for (let i = 0; i < n; i++) {
      if (!kerned[i] && (i === 0 || !kerned[i - 1])) {
        // Plain, after a plain glyph: itself at its advance, as in plainRun.
        glyphs.push(cmap[i]!);
        positions.push({ xAdvance: cmap[i]!.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
        continue;
      }
      const single = kerned[i] ? piece(i, i + 1) : undefined;
      const right = kerned[i] && i + 1 < n ? piece(i, i + 2) : undefined;
      const left = i > 0 && kerned[i - 1] ? piece(i - 1, i + 1) : undefined;
      if ((kerned[i] && single === undefined) || (kerned[i] && i + 1 < n && right === undefined))
        return undefined;
      if (i > 0 && kerned[i - 1] && left === undefined) return undefined;
      const glyph = single?.glyphs[0] ?? cmap[i]!;
      // The proof says every piece holds the same glyph here; a disagreement means it is wrong.
      if ((right && right.glyphs[0] !== glyph) || (left && left.glyphs[1] !== glyph))
        return undefined;
      const s = single?.positions[0] ?? {
        xAdvance: glyph.advanceWidth,
        yAdvance: 0,
        xOffset: 0,
        yOffset: 0,
      };
      const a = right?.positions[0] ?? s;
      const b = left?.positions[1] ?? s;
      glyphs.push(glyph);
      positions.push({
        xAdvance: a.xAdvance + b.xAdvance - s.xAdvance,
        yAdvance: a.yAdvance + b.yAdvance - s.yAdvance,
        xOffset: a.xOffset + b.xOffset - s.xOffset,
        yOffset: a.yOffset + b.yOffset - s.yOffset,
      });
    }
    return runOf(glyphs, positions);
  };
}

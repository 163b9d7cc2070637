/**
 * Shapes ids, ranks and scores (`P005479`, `4953`, `72.50`) from shaped pairs of characters.
 * Digits, `.` and Latin letters are kerned in Noto Sans SC (a GPOS pair adjustment), and in
 * Latin text its `locl` swaps the digits for other glyphs, so each such string went through
 * fontkit whole: 12,297 distinct strings in a 10,000-row announcement, each a full pass over the
 * font's lookups. Built from pairs, each pair of characters is shaped by fontkit once.
 *
 * Why pairs are enough, when `pairOnly` holds for every glyph of the string: in the lookups
 * fontkit runs for the string's script, substitution is one glyph for one (GSUB 1), which reads
 * no neighbour, so the glyph at i depends only on the character at i; positioning is single
 * adjustments (GPOS 1), which read no neighbour, and pair adjustments (GPOS 2), which read the
 * glyph at i and the next one only, with no lookup flag or mark that could make "the next one"
 * anything but i + 1. So the position of glyph i is its advance, plus what the single
 * adjustments add (S), plus what the pairs (i, i + 1) and (i − 1, i) add to it (A and B):
 * shaping the pair (i, i + 1) alone gives advance + S + A at its first glyph, shaping
 * (i − 1, i) gives advance + S + B at its second, and shaping character i alone gives
 * advance + S. Hence glyph i = pair(i, i+1)[0] + pair(i−1, i)[1] − single(i), each of the four
 * position fields, in integers (font units), so the sums are exact. The pieces are shaped with
 * the whole string's script, which fontkit takes from its first non-Common character: the first
 * letter (Latin), or Unknown when there is none.
 */
import { DEFAULT_FEATURES } from './pdf-default-features.js';
import { runOf, type Glyph, type Position, type Run } from './pdf-glyph-run.js';
import {
  classOf,
  coverageIndex,
  getAt,
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
 * ASCII digits, letters and `.`: none is a mark or default-ignorable, the letters are Latin
 * and the others Common (Unicode's Scripts.txt), so the first letter decides fontkit's script.
 */
const PAIR_TEXT = /^[0-9A-Za-z.]+$/;
const LETTER = /[A-Za-z]/;

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
  const held = new Set([glyph]);
  for (let grew = true; grew;) {
    grew = false;
    for (const lookup of gsub) {
      for (const table of subTablesOf(lookup)) {
        for (const g of [...held]) {
          if (!touches(table, g)) continue;
          if (lookup.lookupType !== 1 || skipsBases(lookup)) return false;
          const index = coverageIndex(table.coverage as Coverage, g);
          if (index === -1) return false;
          const out =
            table.version === 1
              ? (g + (table.deltaGlyphID as number)) & 0xffff
              : (getAt(table.substitute, index) as number);
          if (!held.has(out)) {
            held.add(out);
            grew = true;
          }
        }
      }
    }
  }
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

/** A position of its own (pdfkit scales positions in place), keys in fontkit's order. */
function copy(p: Position): Position {
  return { xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
}

/**
 * The shaper for ids and scores: the run of a string of digits, letters and `.` built from its
 * shaped pairs, or undefined when the string has another character or a glyph `pairOnly` does
 * not prove (then it is shaped whole, as before). Pairs and proofs are kept per script;
 * `glyphFor` is the font's cmap lookup (`font.glyphForCodePoint`, remembered).
 */
export function kernPairs(
  font: FontkitFont,
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

  return (text) => {
    if (!usable || !PAIR_TEXT.test(text)) return undefined;
    // The script of the whole string is that of its first letter alone, or of any character
    // when it has no letter (all Common): fontkit's own answer for that one character.
    const witness = LETTER.exec(text)?.[0] ?? text[0]!;
    let script = scripts.get(witness);
    if (script === undefined) scripts.set(witness, (script = shape(witness).script));
    const proven = proofFor(script);
    if (proven === null) return undefined;
    for (let i = 0; i < text.length; i++)
      if (!proven(glyphFor(text.charCodeAt(i)).id)) return undefined;

    const piece = (s: string) => {
      const key = `${script}:${s}`;
      let run = pieces.get(key);
      if (run === undefined) pieces.set(key, (run = shape(s, undefined, script)));
      return run;
    };
    const n = text.length;
    if (n === 1) {
      const one = piece(text);
      return one.glyphs.length === 1
        ? runOf([one.glyphs[0]!], [copy(one.positions[0]!)])
        : undefined;
    }
    const pairs: ScriptRun[] = [];
    for (let i = 0; i + 1 < n; i++) {
      const pair = piece(text.slice(i, i + 2));
      if (pair.glyphs.length !== 2) return undefined;
      pairs.push(pair);
    }
    const glyphs: Glyph[] = [pairs[0]!.glyphs[0]!];
    const positions: Position[] = [copy(pairs[0]!.positions[0]!)];
    for (let i = 1; i + 1 < n; i++) {
      const left = pairs[i - 1]!;
      const right = pairs[i]!;
      // The proof says both pairs hold the same glyph here; a disagreement means it is wrong.
      if (left.glyphs[1] !== right.glyphs[0]) return undefined;
      const a = right.positions[0]!;
      const b = left.positions[1]!;
      const s = piece(text[i]!).positions[0]!;
      glyphs.push(right.glyphs[0]!);
      positions.push({
        xAdvance: a.xAdvance + b.xAdvance - s.xAdvance,
        yAdvance: a.yAdvance + b.yAdvance - s.yAdvance,
        xOffset: a.xOffset + b.xOffset - s.xOffset,
        yOffset: a.yOffset + b.yOffset - s.yOffset,
      });
    }
    glyphs.push(pairs[n - 2]!.glyphs[1]!);
    positions.push(copy(pairs[n - 2]!.positions[1]!));
    return runOf(glyphs, positions);
  };
}

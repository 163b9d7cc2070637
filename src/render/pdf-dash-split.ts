/**
 * Shapes a name with `——` in pieces: the Chinese around the dashes as plain runs, the dashes
 * alone. Noto Sans SC joins two em dashes into one glyph (a ccmp ligature), so before this every
 * name containing them went through fontkit whole — most of the shaping left in a 10,000-row
 * announcement. Pieces give the same glyphs and positions only if no lookup that can act on the
 * dashes can see past them; `isolatedPiece` proves that from the font's own tables, per piece,
 * and any string it cannot prove is shaped whole as before.
 *
 * Why the proof is enough: a lookup only starts at a glyph in its coverage, and no plain glyph
 * (see pdf-plain-layout.ts) is in any coverage, so every lookup that runs in the whole string
 * starts inside a dash piece. There it may still read a neighbour: as a ligature component, as
 * the second glyph of a pair, or as context. The check allows, for the glyphs a piece can hold
 * during substitution, only substitutions of one glyph (types 1-3) and ligatures whose components
 * are all non-plain (a plain neighbour can never match them), with no lookup flag that would skip
 * a plain glyph to reach further; and for the glyphs the piece holds after substitution, only
 * single adjustments (GPOS type 1), which read no neighbour. Under those rules each lookup does
 * the same to the piece alone as inside the string, and nothing to the plain runs. fontkit picks
 * the script from the string's first non-common character; the piece is shaped with the script of
 * the whole string, which a Han first character fixes (`hani`).
 */
import { DEFAULT_FEATURES } from './pdf-default-features.js';
import { runOf, type Glyph, type Position, type Run } from './pdf-glyph-run.js';
import {
  coverageIndex,
  getAt,
  heldUnderSubstitutions,
  singleSubstitute,
  subTablesOf,
  touches,
  type Coverage,
  type Lookup,
  type SubstitutionOutputs,
} from './pdf-lookup-tables.js';
import { scriptClass } from './pdf-kern-pairs.js';
import type { FontkitFont } from './pdf-plain-layout.js';

/** The fontkit shaper with an explicit script (its third argument). */
type Shape = (text: string, features: undefined, script: string) => Run;

interface Ligature {
  glyph: number;
  components: number[];
}

const EM_DASH = 0x2014;

/** Each default-feature lookup of a table once, in lookup-list order. */
function defaultLookups(table: FontkitFont['GSUB']): Lookup[] {
  if (table === undefined) return [];
  const lookups = table.lookupList.toArray() as unknown as Lookup[];
  const used = new Set<number>();
  for (const { tag, feature } of table.featureList)
    if (DEFAULT_FEATURES.has(tag)) for (const i of feature.lookupListIndexes) used.add(i);
  return [...used].sort((a, b) => a - b).map((i) => lookups[i]!);
}

/**
 * Whether `piece` (em dashes only) shapes alone exactly as inside a string of plain glyphs, by
 * the rules in this file's comment; `shaped` is the piece's glyph ids after shaping it alone.
 */
export function isolatedPiece(
  font: FontkitFont,
  plain: Uint8Array,
  piece: string,
  shaped: readonly number[],
): boolean {
  if (font.morx || font.kern || font.fvar) return false;
  // The glyphs the piece can hold while substitutions run: its own, and every output of a
  // substitution that starts at one of them, until nothing new appears.
  // The glyphs the piece can hold while substitutions run; any subtable that names one of them,
  // in whatever role, is judged (conservatively).
  const start = [...piece].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id);
  const outputs: SubstitutionOutputs = (lookup, table, glyph) =>
    substitutionOutputs(lookup, table, glyph, plain);
  if (heldUnderSubstitutions(start, defaultLookups(font.GSUB), outputs) === undefined) return false;
  // After substitution: only single adjustments may touch the piece's glyphs.
  for (const lookup of defaultLookups(font.GPOS)) {
    for (const table of subTablesOf(lookup)) {
      if (shaped.some((glyph) => touches(table, glyph)) && lookup.lookupType !== 1) return false;
    }
  }
  return true;
}

/**
 * What a substitution starting at `glyph` can put in its place, or undefined when it can read a
 * plain neighbour (context, reverse chaining, a ligature with a plain component, a flag that
 * skips base glyphs or ligatures).
 */
function substitutionOutputs(
  lookup: Lookup,
  table: Record<string, unknown>,
  glyph: number,
  plain: Uint8Array,
): number[] | undefined {
  const { ignoreBaseGlyphs, ignoreLigatures } = lookup.flags.flags;
  if (lookup.lookupType > 4) return undefined;
  const index = coverageIndex(table.coverage as Coverage, glyph);
  // Named only as context elsewhere in a subtable of these types cannot happen; refuse if so.
  if (index === -1) return undefined;
  switch (lookup.lookupType) {
    case 1:
      return [singleSubstitute(table, glyph, index)];
    case 2:
    case 3:
      return [...(getAt(table.sequences ?? table.alternateSet, index) as number[])];
    case 4: {
      if (ignoreBaseGlyphs || ignoreLigatures) return undefined;
      const set = getAt(table.ligatureSets, index) as Iterable<Ligature>;
      const outputs: number[] = [];
      for (const ligature of set) {
        if (ligature.components.some((c) => plain[c] === 1)) return undefined;
        outputs.push(ligature.glyph);
      }
      return outputs;
    }
    default:
      return undefined;
  }
}

/** Appends the plain glyphs of text[from, to) to a run; false if one is not plain. */
type AppendPlain = (from: number, to: number, glyphs: Glyph[], positions: Position[]) => boolean;

/**
 * The run of `text` shaped as plain runs around its em-dash pieces, or undefined when `text` is
 * not a Han-first string of plain characters and em dashes, or a piece is not proven isolated.
 */
export function splitRun(
  text: string,
  appendPlain: AppendPlain,
  piece: (dashes: string) => Run | undefined,
): Run | undefined {
  if (text.length === 0 || scriptClass(text.charCodeAt(0)) !== 'han') return undefined;
  const glyphs: Glyph[] = [];
  const positions: Position[] = [];
  let pieces = 0;
  let at = 0;
  while (at < text.length) {
    let end = at;
    const dash = text.charCodeAt(at) === EM_DASH;
    while (end < text.length && (text.charCodeAt(end) === EM_DASH) === dash) end++;
    if (dash) {
      const run = piece(text.slice(at, end));
      if (run === undefined) return undefined;
      pieces++;
      glyphs.push(...run.glyphs);
      // pdfkit scales each position of a run in place, so every use gets positions of its own.
      for (const p of run.positions) {
        positions.push({
          xAdvance: p.xAdvance,
          yAdvance: p.yAdvance,
          xOffset: p.xOffset,
          yOffset: p.yOffset,
        });
      }
    } else if (!appendPlain(at, end, glyphs, positions)) {
      return undefined;
    }
    at = end;
  }
  return pieces === 0 ? undefined : runOf(glyphs, positions);
}

/**
 * The shaper for em-dash pieces: each distinct piece shaped once with the script `hani` and
 * checked by `isolatedPiece`; undefined for a piece that is not isolated. The run returned is
 * shared: its positions are for copying, not for handing to pdfkit.
 */
export function dashPieces(font: FontkitFont, plain: Uint8Array, shape: Shape) {
  const pieces = new Map<string, Run | undefined>();
  return (dashes: string): Run | undefined => {
    if (!pieces.has(dashes)) {
      const run = shape(dashes, undefined, 'hani');
      const ids = run.glyphs.map((g: Glyph) => g.id);
      pieces.set(dashes, isolatedPiece(font, plain, dashes, ids) ? run : undefined);
    }
    return pieces.get(dashes);
  };
}

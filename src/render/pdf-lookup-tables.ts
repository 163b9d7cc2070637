/**
 * Reading a font's OpenType lookups as fontkit parses them (fontkit ships no types), for the
 * proofs that a string can be shaped from pieces (pdf-dash-split.ts, pdf-kern-pairs.ts).
 */

export type Coverage =
  { version: 1; glyphs: number[] } | { version: 2; rangeRecords: { start: number; end: number }[] };
export type ClassDef =
  | { version: 1; startGlyph: number; classValueArray: number[] }
  | { version: 2; classRangeRecord: { start: number; end: number; class: number }[] };
interface LookupFlags {
  flags: { ignoreBaseGlyphs: boolean; ignoreLigatures: boolean };
}
export interface Lookup {
  lookupType: number;
  flags: LookupFlags;
  subTables: Record<string, unknown>[] | { toArray(): Record<string, unknown>[] };
}

export function covers(c: Coverage, glyph: number): boolean {
  if (c.version === 1)
    return c.glyphs.length > SCAN ? listed(c.glyphs).has(glyph) : c.glyphs.includes(glyph);
  return c.rangeRecords.some((r) => glyph >= r.start && glyph <= r.end);
}

/** Lists up to this long are scanned; longer ones are looked up in a set made once. */
const SCAN = 16;
const sets = new WeakMap<readonly number[], ReadonlySet<number>>();

/**
 * A coverage's glyph list as a set. The kerning-pair proofs ask, for each glyph of the text, every
 * positioning subtable whether it lists the glyph, and a CJK font's kerning coverages list
 * thousands: scanning them was ~0.1 s of every document with Latin or digits in it.
 */
function listed(glyphs: readonly number[]): ReadonlySet<number> {
  let set = sets.get(glyphs);
  if (set === undefined) sets.set(glyphs, (set = new Set(glyphs)));
  return set;
}

/** Index of a glyph in a coverage table, as fontkit's coverageIndex counts it. */
export function coverageIndex(c: Coverage, glyph: number): number {
  if (c.version === 1) return c.glyphs.indexOf(glyph);
  for (const r of c.rangeRecords) {
    if (glyph >= r.start && glyph <= r.end) {
      return (r as unknown as { startCoverageIndex: number }).startCoverageIndex + glyph - r.start;
    }
  }
  return -1;
}

/** A glyph's class in a class definition, as fontkit's getClassID reads it (0 when unlisted). */
export function classOf(c: ClassDef, glyph: number): number {
  if (c.version === 1) {
    const i = glyph - c.startGlyph;
    return i >= 0 && i < c.classValueArray.length ? c.classValueArray[i]! : 0;
  }
  for (const r of c.classRangeRecord) if (glyph >= r.start && glyph <= r.end) return r.class;
  return 0;
}

export function subTablesOf(lookup: Lookup): Record<string, unknown>[] {
  const list = Array.isArray(lookup.subTables) ? lookup.subTables : lookup.subTables.toArray();
  // Extension lookups (GSUB 7, GPOS 9) hold the real subtable one level down.
  return list.map((t) => (t.extension as Record<string, unknown> | undefined) ?? t);
}

/** Whether any coverage of a subtable lists the glyph: where it can start or look. */
export function touches(table: Record<string, unknown>, glyph: number): boolean {
  const single = ['coverage', 'markCoverage', 'baseCoverage', 'ligatureCoverage'];
  const lists = ['coverages', 'inputCoverage', 'backtrackCoverage', 'lookaheadCoverage'];
  const all = [
    ...single.map((k) => table[k]),
    ...lists.flatMap((k) => (table[k] as unknown[] | undefined) ?? []),
    table.mark1Coverage,
    table.mark2Coverage,
  ].filter((c) => c !== undefined) as Coverage[];
  return all.some((c) => covers(c, glyph));
}

/** Element `i` of a parsed array, plain or fontkit's lazy one. */
export function getAt(list: unknown, i: number): unknown {
  const l = list as unknown[] | { get(i: number): unknown };
  return Array.isArray(l) ? l[i] : l.get(i);
}

/** The glyph a single substitution (GSUB type 1) puts for `glyph`, found at coverage `index`. */
export function singleSubstitute(
  table: Record<string, unknown>,
  glyph: number,
  index: number,
): number {
  return table.version === 1
    ? (glyph + (table.deltaGlyphID as number)) & 0xffff
    : (getAt(table.substitute, index) as number);
}

/** What a substitution subtable can put in a glyph's place, or undefined to refuse it. */
export type SubstitutionOutputs = (
  lookup: Lookup,
  table: Record<string, unknown>,
  glyph: number,
) => readonly number[] | undefined;

/**
 * The glyphs `start` can become while these substitutions run: its own, and every output of a
 * subtable that names one of them (in whatever role), until nothing new appears. Undefined as
 * soon as `outputs` refuses a subtable that names one of them.
 */
export function heldUnderSubstitutions(
  start: Iterable<number>,
  lookups: readonly Lookup[],
  outputs: SubstitutionOutputs,
): Set<number> | undefined {
  const held = new Set(start);
  for (let grew = true; grew;) {
    grew = false;
    for (const lookup of lookups) {
      for (const table of subTablesOf(lookup)) {
        for (const glyph of [...held]) {
          if (!touches(table, glyph)) continue;
          const out = outputs(lookup, table, glyph);
          if (out === undefined) return undefined;
          for (const o of out) {
            if (held.has(o)) continue;
            held.add(o);
            grew = true;
          }
        }
      }
    }
  }
  return held;
}

import type { Doc } from './pdf-doc.js';
import type { Glyph, Position } from './pdf-glyph-run.js';

/**
 * pdfkit's runs with one position object per glyph, not per character drawn. pdfkit lays a word
 * out with fontkit, then scales each glyph's position in place to thousandths of an em and adds
 * the glyph's scaled width to it as a fifth field (`layoutRun`), and keeps the run for the rest
 * of the document (`layoutCache`). A 10,000-row announcement keeps ~27,000 runs that way, half a
 * million position objects, each with a second object for its fifth field: ~60 MB that outlive
 * every young-generation collection, so they are copied by it and then grow the old generation.
 *
 * A position nothing moves (no offset, no vertical advance, the glyph's own advance: every glyph
 * of Chinese text, and Latin ones without a kerning pair) holds only its glyph's scaled advance,
 * so one object per glyph serves every run; any other position is scaled as pdfkit scales it.
 * Nothing reads a run's positions but to copy them (pdfkit's `layout`, `encode` and word spacing
 * copy the arrays or the objects, and write only to the copies), so sharing them changes nothing
 * that is drawn. The run's width is the scaled advances summed in order, as fontkit's GlyphRun
 * sums them, kept as a number instead of a getter over the array.
 */

/** What this file reads and replaces of pdfkit's embedded font; not in @types/pdfkit. */
interface EmbeddedFont {
  font: { layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: Position[] } };
  scale: number;
  layoutCache?: Record<string, LeanRun | undefined>;
  layoutRun(text: string, features?: unknown): LeanRun;
  layoutCached(text: string): LeanRun;
}

/** A position as pdfkit leaves it: scaled, with the glyph's scaled width. */
export interface ScaledPosition extends Position {
  advanceWidth: number;
}

export interface LeanRun {
  glyphs: Glyph[];
  positions: ScaledPosition[];
  advanceWidth: number;
}

/** True for +0 only: a -0 scales to -0, which only the in-place path keeps. */
const zero = (v: number) => Object.is(v, 0);

/** Per document with lean runs: whether a run laid out now is kept in pdfkit's cache. */
const keeping = new WeakMap<Doc, Keeping>();

/**
 * Replaces `layoutRun` and `layoutCached` on the fonts registered as `aliases` (already opened
 * in the document).
 */
export function leanRuns(doc: Doc, aliases: readonly string[]): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, EmbeddedFont | undefined> })
    ._fontFamilies;
  const state: Keeping = { keep: true };
  keeping.set(doc, state);
  for (const alias of new Set(aliases)) {
    const font = families[alias];
    if (font !== undefined) leanFont(font, state);
  }
}

/**
 * Runs `measure` with the runs it lays out not kept by pdfkit (a run already kept is still
 * used), for text whose run is wanted once: a width pcv's width cache remembers, glyphs whose
 * operators pcv keeps (pdf-text-line.ts). pdfkit keeps every word's run for the rest of the
 * document, though most of the announcement's are asked for once: each name and organisation
 * measured whole to balance the columns and then drawn as wrapped lines, each wrapped line
 * encoded once. A run not kept is laid out again if it is asked for again, the same way.
 */
export function runsNotKept<T>(doc: Doc, measure: () => T): T {
  const state = keeping.get(doc);
  if (state === undefined || !state.keep) return measure();
  state.keep = false;
  try {
    return measure();
  } finally {
    state.keep = true;
    state.lastText = undefined;
    state.lastRun = undefined;
  }
}

interface Keeping {
  keep: boolean;
  /** The last run laid out while not kept: a width and then the glyphs of one text share it. */
  lastText?: string | undefined;
  lastRun?: LeanRun | undefined;
}

function leanFont(font: EmbeddedFont, state: Keeping): void {
  // pdfkit's own cache, filled only while runs are kept.
  font.layoutCached = (text) => {
    const cache = font.layoutCache;
    const cached = cache?.[text];
    if (cached !== undefined) return cached;
    if (state.keep) {
      const run = font.layoutRun(text);
      if (cache !== undefined) cache[text] = run;
      return run;
    }
    if (text === state.lastText) return state.lastRun!;
    const run = font.layoutRun(text);
    state.lastText = text;
    state.lastRun = run;
    return run;
  };
  const scale = font.scale;
  /** Per glyph id, the shared position of the glyph at its own advance. */
  const plain: ScaledPosition[] = [];
  font.layoutRun = (text, features) => {
    const { glyphs, positions } = font.font.layout(text, features);
    const scaled: ScaledPosition[] = new Array(positions.length);
    let width = 0;
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i]!;
      const glyph = glyphs[i]!;
      let q: ScaledPosition;
      const advance = glyph.advanceWidth;
      if (p.xAdvance === advance && zero(p.yAdvance) && zero(p.xOffset) && zero(p.yOffset)) {
        q = plain[glyph.id] ?? (plain[glyph.id] = shared(advance * scale));
      } else {
        // pdfkit's own scaling, in place, key by key in the position's order.
        const fields = p as unknown as Record<string, number>;
        for (const key in fields) fields[key]! *= scale;
        q = p as ScaledPosition;
        q.advanceWidth = advance * scale;
      }
      scaled[i] = q;
      width += q.xAdvance;
    }
    return { glyphs, positions: scaled, advanceWidth: width };
  };
}

/** The position of a glyph at its own scaled advance; the keys in fontkit's order. */
function shared(advance: number): ScaledPosition {
  return { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance };
}

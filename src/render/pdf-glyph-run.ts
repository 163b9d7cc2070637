/** What the announcement reads of a fontkit glyph and run (fontkit ships no types). */
export interface Glyph {
  id: number;
  advanceWidth: number;
}
export interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}
export interface Run {
  glyphs: Glyph[];
  positions: Position[];
  readonly advanceWidth: number;
}

/** A run of these glyphs and positions, its advance width computed as fontkit's GlyphRun does. */
export function runOf(glyphs: Glyph[], positions: Position[]): Run {
  return {
    glyphs,
    positions,
    // The positions' advances summed in order, as fontkit sums them.
    get advanceWidth() {
      let width = 0;
      for (const p of positions) width += p.xAdvance;
      return width;
    },
  };
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { expect } from 'vitest';
import { defaultFontPath } from '../../src/render/pdf-doc.js';
import type { Run } from '../../src/render/pdf-glyph-run.js';
import type { FontkitFont } from '../../src/render/pdf-plain-layout.js';

/** What the shaping tests share: the bundled fonts as fontkit reads them, and runs compared. */

const fontkit = createRequire(import.meta.url)('fontkit') as {
  create(bytes: Buffer): FontkitFont;
};

/** The bundled Noto Sans SC face, read by fontkit itself (not the copy pdfkit embeds). */
export function notoFont(weight: 'regular' | 'bold'): FontkitFont {
  return fontkit.create(readFileSync(defaultFontPath(weight)));
}

/** Glyph ids and plain positions of a run, for comparing. */
export const view = (run: Run) => ({
  ids: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  advanceWidth: run.advanceWidth,
});

/**
 * Checks a shortcut against fontkit's whole-string run on `numRuns` random strings and returns
 * how many it built (the strings it refuses are shaped whole: nothing to compare).
 */
export function agreesOnRandom(
  font: FontkitFont,
  built: (text: string) => Run | undefined,
  strings: fc.Arbitrary<string>,
  numRuns = 3000,
): number {
  let compared = 0;
  fc.assert(
    fc.property(strings, (text) => {
      const run = built(text);
      if (run === undefined) return;
      compared++;
      expect(view(run), text).toEqual(view(font.layout(text)));
    }),
    { numRuns },
  );
  return compared;
}

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dashPieces, isolatedPiece, splitRun } from '../../src/render/pdf-dash-split.js';
import { appendPlain, plainGlyphs } from '../../src/render/pdf-plain-layout.js';
import { agreesOnRandom, notoFont, view } from './fontkit-runs.js';

/*
 * Shaping a name in pieces around `——` must give fontkit's glyphs and positions for the whole
 * name. The proof is isolatedPiece() on the font's tables; these check its verdicts and compare
 * the pieces with whole shaping on every name in the fixtures and on random names.
 */

/** Every project name and organisation in the fixtures' projects.csv files. */
function fixtureNames(): string[] {
  const names: string[] = [];
  for (const dir of readdirSync('fixtures')) {
    let text: string;
    try {
      text = readFileSync(path.join('fixtures', dir, 'projects.csv'), 'utf8');
    } catch {
      continue;
    }
    // No fixture name has a comma; a quoted one keeps its quotes off.
    for (const line of text.split('\n').slice(1))
      names.push(
        ...line
          .split(',')
          .slice(1, 3)
          .map((n) => n.replace(/^"|"$/g, '')),
      );
  }
  return names.filter((n) => n.includes('——'));
}

describe.each(['regular', 'bold'] as const)('em-dash pieces, Noto Sans SC %s', (weight) => {
  const font = notoFont(weight);
  const plain = plainGlyphs(font)!;
  const shape = font.layout.bind(font) as Parameters<typeof dashPieces>[2];
  const pieces = dashPieces(font, plain, shape);
  const split = (text: string) =>
    splitRun(
      text,
      (from, to, glyphs, positions) => appendPlain(font, plain, text, from, to, glyphs, positions),
      pieces,
    );

  it('proves `——` isolated, and refuses a kerned letter and a piece of the wrong script', () => {
    const ids = (t: string) => font.layout(t).glyphs.map((g) => g.id);
    expect(isolatedPiece(font, plain, '——', ids('——'))).toBe(true);
    // A and V kern (GPOS pair adjustment): a neighbour changes A's advance.
    expect(isolatedPiece(font, plain, 'A', ids('A'))).toBe(false);
    // Not Han first: fontkit would pick another script for the whole string.
    expect(split('abc——中文')).toBeUndefined();
    expect(split('“银龄”——中文')).toBeUndefined();
  });

  it('gives fontkit’s whole-string run for each fixture name with ——', () => {
    const names = fixtureNames();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const run = split(name);
      expect(run, name).toBeDefined();
      expect(view(run!), name).toEqual(view(font.layout(name)));
    }
  });

  it('gives fontkit’s whole-string run for random names of the bench’s characters', () => {
    // The bench's names: ideographs, curly quotes, full-width punctuation, ASCII, and one or more
    // em dashes anywhere after the first character.
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const other = fc.constantFrom('“', '”', '（', '）', '、', '·', '　', ' ', '1', 'A', 'V', '—');
    const name = fc
      .tuple(han, fc.array(fc.oneof(han, other, fc.constant('——')), { maxLength: 12 }))
      .map(([first, rest]) => first + rest.join(''));
    const compared = agreesOnRandom(font, split, name);
    // About a quarter of the random names have no kerned letter or lone dash: enough compared.
    expect(compared).toBeGreaterThan(400);
  });

  it('hands each use positions of its own (pdfkit scales them in place)', () => {
    const a = split('社区——服务')!;
    const b = split('社区——服务')!;
    expect(a.positions[2]).not.toBe(b.positions[2]);
  });
});

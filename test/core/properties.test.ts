import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, judgeTotal } from '../../src/core/arithmetic/aggregate.js';
import { computeResults } from '../../src/core/compute.js';
import { dec, roundHalfUp } from '../../src/core/decimal.js';
import type { Rubric } from '../../src/core/rubric.js';
import type { JudgeSheet, SheetEntry } from '../../src/core/sheet.js';

const criteria = [
  { id: 'a', label: 'A', aliases: [], max: 20, weight: 20, step: 0.5 },
  { id: 'b', label: 'B', aliases: [], max: 40, weight: 30 },
  { id: 'c', label: 'C', aliases: [], max: 10, weight: 50 },
];

const rubricOf = (aggregate: Rubric['aggregate'], trim = 1): Rubric =>
  ({
    title: 'P',
    lang: 'en',
    threshold: 60,
    aggregate,
    trim,
    decimals: 2,
    tieBreak: [],
    criteria,
    announcement: { listAll: false },
    normalize: 'none',
  }) as Rubric;

/** Scores as integers of a half point (exact in any arithmetic), within each criterion's max. */
const scoreRow = fc.tuple(
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 0, max: 80 }),
  fc.integer({ min: 0, max: 20 }),
);

/** A panel: judges × projects, each cell a score row or a recusal (at least one judge scores). */
const panelArb = fc
  .record({ judges: fc.integer({ min: 1, max: 6 }), projects: fc.integer({ min: 1, max: 8 }) })
  .chain(({ judges, projects }) =>
    fc.array(fc.array(fc.option(scoreRow, { freq: 6 }), { minLength: judges, maxLength: judges }), {
      minLength: projects,
      maxLength: projects,
    }),
  )
  .filter((rows) => rows.every((row) => row.some((cell) => cell !== null)));

type Panel = ([number, number, number] | null)[][];

function sheetsOf(panel: Panel, judgeOrder?: number[], rowOrder?: number[]): JudgeSheet[] {
  const judges = panel[0]!.length;
  const order = judgeOrder ?? [...Array(judges).keys()];
  const rows = rowOrder ?? [...panel.keys()];
  return order.map((j) => {
    const entries = new Map<string, SheetEntry>();
    for (const p of rows) {
      const cell = panel[p]![j]!;
      const id = `P${p + 1}`;
      entries.set(id, {
        project: id,
        line: p + 2,
        recused: cell === null,
        scores:
          cell === null
            ? new Map()
            : new Map([
                ['a', dec(cell[0] / 2)],
                ['b', dec(cell[1] / 2)],
                ['c', dec(cell[2] / 2)],
              ]),
      });
    }
    return { judge: `j${j}`, file: `j${j}.csv`, entries };
  });
}

const outcome = (sheets: JudgeSheet[], rubric: Rubric) =>
  Object.fromEntries(
    computeResults(rubric, sheets, undefined).projects.map((p) => [
      p.id,
      [p.final.toString(), p.rank, p.passed],
    ]),
  );

const methods = fc.constantFrom<Rubric['aggregate']>('mean', 'median', 'trimmed-mean');

describe('properties of the computation', () => {
  it('permuting judges or rows changes nothing', () => {
    fc.assert(
      fc.property(panelArb, methods, fc.integer(), (panel, method, seed) => {
        const rubric = rubricOf(method);
        const judges = [...Array(panel[0]!.length).keys()];
        const rows = [...panel.keys()];
        const shuffle = (xs: number[]) =>
          xs
            .map((x, i) => ({ x, k: Math.sin(seed + i) }))
            .sort((a, b) => a.k - b.k)
            .map((v) => v.x);
        expect(outcome(sheetsOf(panel, shuffle(judges), shuffle(rows)), rubric)).toEqual(
          outcome(sheetsOf(panel), rubric),
        );
      }),
    );
  });

  it('the final lies between the lowest and highest judge total', () => {
    fc.assert(
      fc.property(panelArb, methods, (panel, method) => {
        const computed = computeResults(rubricOf(method), sheetsOf(panel), undefined);
        for (const p of computed.projects) {
          const totals = [...p.scores.values()].flatMap((s) => (s.recused ? [] : [s.total]));
          const lo = totals.reduce((a, b) => (a.lessThan(b) ? a : b));
          const hi = totals.reduce((a, b) => (a.greaterThan(b) ? a : b));
          expect(p.exactFinal.greaterThanOrEqualTo(lo) && p.exactFinal.lessThanOrEqualTo(hi)).toBe(
            true,
          );
        }
      }),
    );
  });

  it('trimmed mean with trim 0 is the mean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20000 }), { minLength: 1, maxLength: 12 }),
        (xs) => {
          const values = xs.map((x) => dec(x / 200));
          expect(
            aggregate(values, 'trimmed-mean', 0).value.equals(aggregate(values, 'mean', 0).value),
          ).toBe(true);
        },
      ),
    );
  });

  it('ranks are a competition ranking of the rounded finals', () => {
    fc.assert(
      fc.property(panelArb, methods, (panel, method) => {
        const { projects } = computeResults(rubricOf(method), sheetsOf(panel), undefined);
        for (const p of projects) {
          const ahead = projects.filter((q) => q.final.greaterThan(p.final)).length;
          expect(p.rank).toBe(ahead + 1);
        }
        // Listed by rank.
        expect(projects.map((p) => p.rank)).toEqual(
          [...projects.map((p) => p.rank)].sort((a, b) => a - b),
        );
      }),
    );
  });

  it('scaling every score and maximum by the same factor leaves the total unchanged', () => {
    fc.assert(
      fc.property(
        scoreRow,
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 100 }),
        ([a, b, c], num, den) => {
          const k = dec(num).dividedBy(den);
          const scores = new Map([
            ['a', dec(a / 2)],
            ['b', dec(b / 2)],
            ['c', dec(c / 2)],
          ]);
          const scaled = new Map([...scores].map(([id, v]) => [id, v.times(k)]));
          const scaledCriteria = criteria.map((cr) => ({
            ...cr,
            max: dec(cr.max).times(k).toNumber(),
          }));
          // Maxima scaled through binary numbers can lose digits: compare at 20 places.
          const x = judgeTotal(scores, criteria).toDecimalPlaces(20);
          const y = judgeTotal(scaled, scaledCriteria).toDecimalPlaces(20);
          expect(y.minus(x).abs().lessThan('1e-12')).toBe(true);
        },
      ),
    );
  });

  it('half-up rounding matches an integer reference on random decimals', () => {
    // Reference: scale to an integer with BigInt, add half a unit, floor.
    const reference = (text: string, places: number): string => {
      const [int, frac = ''] = text.split('.');
      const digits = BigInt(int! + frac);
      const scale = frac.length;
      if (scale <= places)
        return (Number(int) + 0).toString() + (places ? '.' + frac.padEnd(places, '0') : '');
      const drop = 10n ** BigInt(scale - places);
      const q = (digits * 2n + drop) / (2n * drop);
      const s = q.toString().padStart(places + 1, '0');
      return places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.string({
          unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'),
          minLength: 0,
          maxLength: 12,
        }),
        fc.integer({ min: 0, max: 6 }),
        (int, frac, places) => {
          const text = frac === '' ? String(int) : `${int}.${frac}`;
          expect(roundHalfUp(dec(text), places).toFixed(places)).toBe(reference(text, places));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

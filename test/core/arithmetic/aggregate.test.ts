import { describe, expect, it } from 'vitest';
import { aggregate, judgeTotal } from '../../../src/core/arithmetic/aggregate.js';
import { dec, roundHalfUp } from '../../../src/core/decimal.js';
import { competitionRanks } from '../../../src/core/rank.js';

const ds = (...xs: (number | string)[]) => xs.map(dec);
const str = (x: { value: { toString(): string } }) => x.value.toString();

describe('judgeTotal', () => {
  it('is the plain sum when weights are left out and maxima add to 100', () => {
    const criteria = [
      { id: 'a', max: 20, weight: 20 },
      { id: 'b', max: 40, weight: 40 },
      { id: 'c', max: 40, weight: 40 },
    ];
    const scores = new Map([
      ['a', dec(18)],
      ['b', dec('27.5')],
      ['c', dec(30)],
    ]);
    expect(judgeTotal(scores, criteria).toString()).toBe('75.5');
  });

  it('scales relative weights to 0-100', () => {
    // 100 * (3 * 8/10 + 1 * 4/5) / (3 + 1) = 100 * (2.4 + 0.8) / 4 = 80
    const criteria = [
      { id: 'a', max: 10, weight: 3 },
      { id: 'b', max: 5, weight: 1 },
    ];
    const scores = new Map([
      ['a', dec(8)],
      ['b', dec(4)],
    ]);
    expect(judgeTotal(scores, criteria).toString()).toBe('80');
  });
});

describe('aggregate', () => {
  it('mean, median (odd and even) and trimmed mean', () => {
    expect(str(aggregate(ds(70, 80, 96), 'mean', 0))).toBe('82');
    expect(str(aggregate(ds(96, 70, 80), 'median', 0))).toBe('80');
    expect(str(aggregate(ds(96, 70, 80, 75), 'median', 0))).toBe('77.5');
    // Drop 60 and 99: (70 + 80 + 90) / 3 = 80.
    const t = aggregate(ds(99, 70, 60, 80, 90), 'trimmed-mean', 1);
    expect(str(t)).toBe('80');
    expect(t.dropped).toEqual([0, 2]);
    expect(t.fellBack).toBe(false);
  });

  it('drops equal values in input order, so the same judge is always marked', () => {
    expect(aggregate(ds(80, 70, 80, 70), 'trimmed-mean', 1).dropped).toEqual([1, 2]);
  });

  it('falls back to the mean when there are too few values to trim', () => {
    const r = aggregate(ds(70, 80), 'trimmed-mean', 1);
    expect(str(r)).toBe('75');
    expect(r.fellBack).toBe(true);
    expect(aggregate(ds(70, 80, 90), 'trimmed-mean', 1).fellBack).toBe(false);
  });

  it('keeps thirds exact until the final rounding', () => {
    // (70 + 70 + 70.5) / 3 = 70.1666... -> 70.17
    expect(roundHalfUp(aggregate(ds(70, 70, '70.5'), 'mean', 0).value, 2).toFixed(2)).toBe('70.17');
  });
});

describe('roundHalfUp', () => {
  it.each([
    ['59.995', 2, '60.00'],
    ['59.994999', 2, '59.99'],
    ['1.005', 2, '1.01'],
    ['2.675', 2, '2.68'],
    ['0.125', 2, '0.13'],
    ['73.125', 2, '73.13'],
    ['84.5', 0, '85'],
    ['0.0005', 3, '0.001'],
  ])('%s to %i places is %s', (value, places, expected) => {
    expect(roundHalfUp(dec(value), places).toFixed(places)).toBe(expected);
  });

  it('differs from binary toFixed where floating point goes wrong', () => {
    // The reason for exact decimals: the double nearest 1.005 is below it.
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(roundHalfUp(dec('1.005'), 2).toFixed(2)).toBe('1.01');
  });
});

describe('competitionRanks', () => {
  const rank = (items: [string, ...number[]][]) =>
    Object.fromEntries(competitionRanks(items.map(([id, ...k]) => ({ id, keys: ds(...k) }))));

  it('gives equal keys the same rank and skips the next (1, 2, 2, 4)', () => {
    expect(
      rank([
        ['a', 90],
        ['b', 85],
        ['c', 85],
        ['d', 80],
      ]),
    ).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });

  it('breaks ties with later keys in order', () => {
    expect(
      rank([
        ['a', 85, 30, 10],
        ['b', 85, 32, 1],
        ['c', 85, 30, 12],
        ['d', 85, 30, 12],
      ]),
    ).toEqual({ b: 1, c: 2, d: 2, a: 4 });
  });
});

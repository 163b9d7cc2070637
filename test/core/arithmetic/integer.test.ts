import { describe, expect, it } from 'vitest';
import { dec } from '../../../src/core/decimal.js';
import {
  ceilUnits,
  decimalUnits,
  ratioDec,
  ratioDecs,
  rescale,
  roundRatio,
  scoreScale,
  unitsToFixed,
  unitsToNumber,
} from '../../../src/core/arithmetic/integer.js';

describe('roundRatio: num / den rounded half-up, as an integer count of 10^-places', () => {
  it.each([
    // [num, den, places, expected, what]
    [59995, 1000, 2, 6000, '59.995 -> 60.00'],
    [59994999, 1000000, 2, 5999, '59.994999 -> 59.99'],
    [1005, 1000, 2, 101, '1.005 -> 1.01 (binary toFixed gives 1.00)'],
    [2105, 30, 2, 7017, '(70 + 70 + 70.5) / 3 = 70.1666... -> 70.17'],
    [2, 3, 0, 1, '2/3 -> 1'],
    [1, 3, 0, 0, '1/3 -> 0'],
    [1, 3, 12, 333333333333, '1/3 at 12 places'],
    [2, 3, 12, 666666666667, '2/3 at 12 places'],
    [845, 10, 0, 85, '84.5 -> 85'],
    [5, 10000, 3, 1, '0.0005 -> 0.001'],
    [-25, 10, 0, -3, '-2.5 -> -3 (away from zero, as decimal.js ROUND_HALF_UP)'],
    [-24, 10, 0, -2, '-2.4 -> -2'],
    [0, 7, 2, 0, '0'],
  ])('%i / %i at %i places is %i (%s)', (num, den, places, expected) => {
    expect(roundRatio(num, den, places)).toBe(expected);
  });

  it('stays exact where 2 * num * 10^places passes 2^53 (BigInt on the way)', () => {
    // 5e12 / 3 = 1666666666666.6666... -> 1666666666666.667
    expect(roundRatio(5e12, 3, 3)).toBe(1666666666666667);
    expect(roundRatio(4.5e12, 1, 3)).toBe(4.5e15);
  });
});

describe('units', () => {
  it('reads a decimal as units of its own places', () => {
    expect(decimalUnits(dec('17.5'))).toEqual({ units: 175, places: 1 });
    expect(decimalUnits(dec('17.50'))).toEqual({ units: 175, places: 1 });
    expect(decimalUnits(dec('40'))).toEqual({ units: 40, places: 0 });
    expect(decimalUnits(dec('0.125'))).toEqual({ units: 125, places: 3 });
    expect(decimalUnits(dec('-3.5'))).toEqual({ units: -35, places: 1 });
    // Not a safe integer: the caller falls back to decimal.js.
    expect(decimalUnits(dec('12.3456789012345678'))).toBeUndefined();
  });

  it('rescales, refusing what is not a safe integer', () => {
    expect(rescale(175, 1, 3)).toBe(17500);
    expect(rescale(175, 1, 20)).toBeUndefined();
  });

  it('writes units as text and as the JSON number', () => {
    expect(unitsToFixed(9975, 2)).toBe('99.75');
    expect(unitsToFixed(5, 2)).toBe('0.05');
    expect(unitsToFixed(-50, 2)).toBe('-0.50');
    expect(unitsToFixed(7, 0)).toBe('7');
    expect(unitsToNumber(6433, 2)).toBe(64.33);
    expect(unitsToNumber(101, 2)).toBe(Number('1.01'));
  });

  it('gives the pass mark in units of the final', () => {
    expect(ceilUnits(60, 2)).toBe(6000);
    expect(ceilUnits(59.995, 2)).toBe(6000);
    expect(ceilUnits(70.005, 3)).toBe(70005);
    expect(ceilUnits(61.7, 0)).toBe(62);
  });

  it('presents a ratio as decimal.js would', () => {
    expect(ratioDec(755, 10).toString()).toBe('75.5');
    expect(ratioDec(1, 3).toString()).toBe(dec(1).dividedBy(3).toString());
  });

  it('makes each distinct quotient once when remembered (ratioDecs)', () => {
    const ratio = ratioDecs();
    const third = ratio(1, 3);
    // The same object for the same numerator and denominator, and the same value as ratioDec.
    expect(ratio(1, 3)).toBe(third);
    expect(third.toString()).toBe(ratioDec(1, 3).toString());
    // 151 / 2 = 75.5 and 151 / 4 = 37.75 by hand: the denominator is part of the key.
    expect(ratio(151, 2).toString()).toBe('75.5');
    expect(ratio(151, 4).toString()).toBe('37.75');
    // 2 / 6 is the value of 1 / 3, made as its own object.
    expect(ratio(2, 6).equals(third)).toBe(true);
  });
});

describe('scoreScale: judgeTotal() as integer coefficients over one denominator', () => {
  const total = (scale: { coef: number[]; den: number }, units: number[]) =>
    units.reduce((t, u, c) => t + scale.coef[c]! * u, 0) / scale.den;

  it('is the plain sum when weights are the maxima and add up to 100', () => {
    const scale = scoreScale(
      [
        { max: 20, weight: 20 },
        { max: 40, weight: 40 },
        { max: 40, weight: 40 },
      ],
      1,
    )!;
    expect(scale).toEqual({ places: 1, coef: [1, 1, 1], den: 10 });
    // 18 + 27.5 + 30 = 75.5
    expect(total(scale, [180, 275, 300])).toBe(75.5);
  });

  it('scales weights that do not divide evenly', () => {
    // 100 * (3 * s1 / 10 + 1 * s2 / 5) / 4 = 7.5 s1 + 5 s2 = (15 s1 + 10 s2) / 2
    const scale = scoreScale(
      [
        { max: 10, weight: 3 },
        { max: 5, weight: 1 },
      ],
      0,
    )!;
    expect(scale).toEqual({ places: 0, coef: [15, 10], den: 2 });
    expect(total(scale, [8, 4])).toBe(80);
    // Three criteria out of 7, equal weights, scores in tenths: 100 / (3 * 7 * 10) = 10 / 21.
    expect(
      scoreScale(
        [
          { max: 7, weight: 1 },
          { max: 7, weight: 1 },
          { max: 7, weight: 1 },
        ],
        1,
      ),
    ).toEqual({ places: 1, coef: [10, 10, 10], den: 21 });
    // Decimal weights 0.1 and 0.3, maxima 20 and 30, scores in tenths (s = u / 10):
    // 100 * (0.1 s1 / 20 + 0.3 s2 / 30) / 0.4 = 1.25 s1 + 2.5 s2 = (u1 + 2 u2) / 8.
    const decimalWeights = scoreScale(
      [
        { max: 20, weight: 0.1 },
        { max: 30, weight: 0.3 },
      ],
      1,
    )!;
    expect(decimalWeights).toEqual({ places: 1, coef: [1, 2], den: 8 });
    expect(total(decimalWeights, [200, 300])).toBe(100);
  });

  it('gives up on coefficients beyond the safe integers', () => {
    expect(scoreScale([{ max: 7, weight: 1 }], 20)).toBeUndefined();
  });
});

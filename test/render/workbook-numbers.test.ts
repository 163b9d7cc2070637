import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.js';
import { exact, round } from '../../src/render/workbook/numbers.js';

describe('workbook numbers (converted once per decimal object)', () => {
  it('rounds half-up, and keeps one answer per number of places for the same object', () => {
    const third = dec('100').dividedBy(3); // 33.333…
    expect(round(third, 2)).toBe(33.33);
    expect(round(third, 4)).toBe(33.3333);
    expect(round(third, 2)).toBe(33.33); // the cached answer for 2 places, not the one for 4
    // Half-up in decimal, not binary: 59.995 -> 60 (binary 59.995 is 59.99499…).
    expect(round(dec('59.995'), 2)).toBe(60);
    expect(round(dec('2.5'), 0)).toBe(3);
    // Half away from zero below zero too (an offset-adjusted total can be negative): -2.5 -> -3.
    expect(round(dec('-2.5'), 0)).toBe(-3);
    // -0.00004 to 4 places is zero, and a plain zero, not -0 (Object.is tells them apart).
    expect(round(dec('-0.00004'), 4)).toBe(0);
    // More digits than a double holds: the nearest double to the rounded decimal.
    expect(round(dec('123456.123456785'), 8)).toBe(123456.12345679);
  });

  it('converts a decimal at its places exactly', () => {
    expect(exact(dec('17.5'))).toBe(17.5);
    expect(exact(dec('0.1'))).toBe(0.1);
  });
});

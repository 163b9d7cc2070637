import { describe, expect, it } from 'vitest';
import {
  addAverageRanks,
  chiSquareCdf,
  chiSquareSf,
  fCdf,
  fQuantile,
  logGamma,
  mean,
  median,
  regularizedBeta,
  sampleSd,
} from '../../src/core/stats.js';

describe('descriptive statistics', () => {
  it('mean, sample SD and median', () => {
    // mean (2 + 4 + 4 + 4 + 5 + 5 + 7 + 9) / 8 = 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16
    // = 32; sample variance 32 / 7; SD sqrt(32/7) = 2.13809...
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    expect(sampleSd(xs)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(median(xs)).toBe(4.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(sampleSd([7])).toBeNull();
  });

  it('gives tied values the average of the ranks they span', () => {
    // 10 < 20 = 20 < 30 = 30 = 30: ranks 1, (2+3)/2, (2+3)/2, (4+5+6)/3 x 3
    // ties: a group of 2 and one of 3, so (2^3 - 2) + (3^3 - 3) = 6 + 24 = 30
    const rankSums = new Float64Array(6);
    expect(addAverageRanks(Float64Array.of(20, 10, 30, 20, 30, 30), rankSums)).toBe(30);
    expect([...rankSums]).toEqual([2.5, 1, 5, 2.5, 5, 5]);
    // Added to what is there: a second column of distinct values, ranks 6..1.
    expect(addAverageRanks(Float64Array.of(6, 5, 4, 3, 2, 1), rankSums)).toBe(0);
    expect([...rankSums]).toEqual([8.5, 6, 9, 5.5, 7, 6]);
  });
});

describe('distribution functions', () => {
  it('log-gamma matches factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9); // ln(100!)
  });

  it('the incomplete beta function has its closed forms', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 14);
    expect(regularizedBeta(0.3, 1, 3.5)).toBeCloseTo(1 - 0.7 ** 3.5, 14);
  });

  it('the F distribution has its closed forms, fractional df included', () => {
    // F(2, 2): P(F <= x) = x / (1 + x), so the quantile of p is p / (1 - p).
    expect(fCdf(3, 2, 2)).toBeCloseTo(0.75, 13);
    expect(fQuantile(0.975, 2, 2)).toBeCloseTo(39, 9);
    // F(2, d): quantile (d/2) ((1 - p)^(-2/d) - 1), any real d > 0.
    for (const d of [0.7, 3.7, 15.25]) {
      const want = (d / 2) * ((1 - 0.975) ** (-2 / d) - 1);
      expect(fQuantile(0.975, 2, d) / want).toBeCloseTo(1, 10);
    }
  });

  it('matches published F tables', () => {
    // Upper critical values of the F distribution, NIST/SEMATECH e-Handbook of Statistical
    // Methods, section 1.3.6.7.3, and any statistics textbook's F table.
    expect(fQuantile(0.95, 1, 1)).toBeCloseTo(161.448, 3);
    expect(fQuantile(0.95, 5, 10)).toBeCloseTo(3.326, 3);
    expect(fQuantile(0.975, 5, 18)).toBeCloseTo(3.382, 3);
    // The quantiles the Shrout & Fleiss ICC1 interval uses, as R's qf(0.975, 18, 5) gives them.
    expect(fQuantile(0.975, 18, 5)).toBeCloseTo(6.3619, 4);
    expect(fQuantile(0.001, 5, 18)).toBeLessThan(fQuantile(0.5, 5, 18));
  });

  it('matches published chi-square tables, and the closed form for 2 df', () => {
    // Critical values 3.841 (1 df) and 18.307 (10 df) at the 95th percentile (NIST/SEMATECH
    // e-Handbook, section 1.3.6.7.4).
    expect(chiSquareCdf(3.841459, 1)).toBeCloseTo(0.95, 6);
    expect(chiSquareCdf(18.307038, 10)).toBeCloseTo(0.95, 6);
    // 2 df: P(X > x) = exp(-x / 2), exactly.
    for (const x of [0.1, 3, 40, 200])
      expect(chiSquareSf(x, 2) / Math.exp(-x / 2)).toBeCloseTo(1, 11);
    // A tiny tail keeps its digits instead of rounding to 0 through 1 - P.
    expect(chiSquareSf(200, 2)).toBeGreaterThan(0);
  });
});

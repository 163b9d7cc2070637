import { SHROUT_FLEISS } from '../expected/shrout-fleiss.js';
import { describe, expect, it } from 'vitest';
import { agreement, intraclass, kendallW, type Matrix } from '../../src/core/agreement.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

describe('intraclass correlations (Shrout & Fleiss 1979)', () => {
  const icc = intraclass(SHROUT_FLEISS);

  it('reproduces the mean squares of Shrout & Fleiss', () => {
    // Their analysis of variance of the example: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02.
    expect(round2(icc.msb)).toBe(11.24);
    expect(round2(icc.msw)).toBe(6.26);
    expect(round2(icc.msj)).toBe(32.49);
    expect(round2(icc.mse)).toBe(1.02);
  });

  it('reproduces the six published ICCs to two decimals', () => {
    // Shrout & Fleiss (1979): ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71, ICC(1,4) .44, ICC(2,4) .62,
    // ICC(3,4) .91; R's psych::ICC and DescTools::ICC print the same for this matrix.
    expect(Object.fromEntries(Object.entries(icc.value).map(([f, v]) => [f, round2(v)]))).toEqual({
      ICC1: 0.17,
      ICC2: 0.29,
      ICC3: 0.71,
      ICC1k: 0.44,
      ICC2k: 0.62,
      ICC3k: 0.91,
    });
  });

  it("reproduces psych::ICC's 95% confidence intervals", () => {
    // psych::ICC output for this matrix (lower bound to 3 decimals, upper to 2), as printed in
    // D. Wollschlaeger's R examples (github.com/dwoll/RExRepos, md/interRaterICC.md):
    //   ICC1 -0.133 0.72 | ICC2 0.019 0.76 | ICC3 0.342 0.95
    //   ICC1k -0.884 0.91 | ICC2k 0.071 0.93 | ICC3k 0.676 0.99
    const want = {
      ICC1: [-0.133, 0.72],
      ICC2: [0.019, 0.76],
      ICC3: [0.342, 0.95],
      ICC1k: [-0.884, 0.91],
      ICC2k: [0.071, 0.93],
      ICC3k: [0.676, 0.99],
    } as const;
    for (const [form, [lo, hi]] of Object.entries(want)) {
      const [gotLo, gotHi] = icc.ci[form as keyof typeof want];
      expect(Math.round(gotLo * 1000) / 1000, `${form} lower`).toBe(lo);
      expect(round2(gotHi), `${form} upper`).toBe(hi);
    }
  });
});

describe('intraclass correlations (pingouin documentation example)', () => {
  // pingouin.intraclass_corr docstring: pingouin's "icc" data set, 8 wines rated by 4 judges
  // (pingouin/datasets/icc.csv), and its published table:
  //   ICC1 0.728 [0.43, 0.93] | ICC2 0.728 [0.43, 0.93] | ICC3 0.729 [0.43, 0.93]
  //   ICC1k 0.914 [0.75, 0.98] | ICC2k 0.914 [0.75, 0.98] | ICC3k 0.915 [0.75, 0.98]
  // (pingouin does not publish intervals for the Shrout & Fleiss matrix; psych does, see above.)
  const wine: Matrix = [
    [1, 2, 0, 1],
    [1, 3, 3, 2],
    [3, 8, 1, 4],
    [6, 4, 3, 3],
    [6, 5, 5, 6],
    [7, 5, 6, 2],
    [8, 7, 7, 9],
    [9, 9, 9, 8],
  ];
  const icc = intraclass(wine);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;

  it('reproduces the published values and intervals', () => {
    expect(Object.values(icc.value).map(r3)).toEqual([0.728, 0.728, 0.729, 0.914, 0.914, 0.915]);
    expect(Object.values(icc.ci).map(([lo, hi]) => [round2(lo), round2(hi)])).toEqual([
      [0.43, 0.93],
      [0.43, 0.93],
      [0.43, 0.93],
      [0.75, 0.98],
      [0.75, 0.98],
      [0.75, 0.98],
    ]);
  });
});

describe('intraclass correlations (by hand)', () => {
  it('a 3 x 2 matrix', () => {
    // Targets (1, 3), (4, 4), (7, 5). Grand mean 24/6 = 4; row means 2, 4, 6; column means 4, 4.
    // SS total 9+1+0+0+9+1 = 20; SS rows 2 (4+0+4) = 16; SS columns 3 (0+0) = 0; SS error 4.
    // MSB = 16/2 = 8, MSW = (0+4)/3 = 4/3, MSJ = 0/1 = 0, MSE = 4/2 = 2.
    const icc = intraclass([
      [1, 3],
      [4, 4],
      [7, 5],
    ]);
    expect(icc.msb).toBeCloseTo(8, 12);
    expect(icc.msw).toBeCloseTo(4 / 3, 12);
    expect(icc.msj).toBeCloseTo(0, 12);
    expect(icc.mse).toBeCloseTo(2, 12);
    // ICC1 = (8 - 4/3) / (8 + 4/3) = 5/7;  ICC2 = 6 / (8 + 2 + 2 (0 - 2)/3) = 9/13;
    // ICC3 = 6 / (8 + 2) = 0.6;  ICC1k = (20/3) / 8 = 5/6;  ICC2k = 6 / (8 - 2/3) = 9/11;
    // ICC3k = 6/8 = 0.75.
    const want = [5 / 7, 9 / 13, 0.6, 5 / 6, 9 / 11, 0.75];
    Object.values(icc.value).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 12));
    // ICC3 interval: F = MSB/MSE = 4 on (2, 2) df, and qf(0.975, 2, 2) = 0.975/0.025 = 39, so
    // FL = 4/39 and FU = 4 x 39 = 156: (FL-1)/(FL+1) = -35/43 and (FU-1)/(FU+1) = 155/157;
    // ICC3k: 1 - 1/FL = -35/4 and 1 - 1/FU = 155/156.
    expect(icc.ci.ICC3[0]).toBeCloseTo(-35 / 43, 9);
    expect(icc.ci.ICC3[1]).toBeCloseTo(155 / 157, 9);
    expect(icc.ci.ICC3k[0]).toBeCloseTo(-35 / 4, 8);
    expect(icc.ci.ICC3k[1]).toBeCloseTo(155 / 156, 9);
  });
});

describe("Kendall's W", () => {
  it('reproduces a published example: 4 raters rank strawberries from 8 farms', () => {
    // InfluentialPoints, "Kendall coefficient of concordance", worked example I
    // (influentialpoints.com/Training/coefficient_of_concordance.htm): rank sums 31 12 12 15 22
    // 5 22 25, SS = 500, W = 500 / (504 x 16/12) = 0.744, k(N-1)W = 20.83, P = 0.004.
    const farms: Matrix = [
      [8, 7, 8, 8],
      [4, 3, 2, 3],
      [2, 1, 5, 4],
      [3, 4, 6, 2],
      [5, 5, 7, 5],
      [1, 2, 1, 1],
      [6, 6, 4, 6],
      [7, 8, 3, 7],
    ];
    const w = kendallW(farms);
    expect(Math.round(w.w * 1000) / 1000).toBe(0.744);
    expect(round2(w.chi2)).toBe(20.83);
    expect(w.df).toBe(7);
    expect(Math.round(w.p * 1000) / 1000).toBe(0.004);
  });

  it("reproduces R's irr::kendall example", () => {
    // irr::kendall(cbind(rtr1, rtr2, rtr3)) as printed in D. Wollschlaeger's R examples
    // (github.com/dwoll/RExRepos, md/interRaterICC.md): 6 subjects, 3 raters, W = 0.568,
    // Chisq(5) = 8.52, p-value = 0.13.
    const w = kendallW([
      [1, 1, 2],
      [6, 5, 3],
      [3, 6, 6],
      [2, 2, 5],
      [5, 4, 4],
      [4, 3, 1],
    ]);
    expect(Math.round(w.w * 1000) / 1000).toBe(0.568);
    expect(round2(w.chi2)).toBe(8.52);
    expect(round2(w.p)).toBe(0.13);
  });

  it('corrects for ties (by hand)', () => {
    // Judge 1: 70 80 80 90 -> ranks 1 2.5 2.5 4, one pair tied: T1 = 2^3 - 2 = 6.
    // Judge 2: 60 75 85 85 -> ranks 1 2 3.5 3.5, T2 = 6.   Judge 3: 65 70 90 80 -> 1 2 4 3, T3 = 0.
    // Rank sums 3, 6.5, 10, 10.5 (mean 7.5); S = 20.25 + 1 + 6.25 + 9 = 36.5.
    // W = 12 S / (m^2 (n^3 - n) - m sum T) = 438 / (9 x 60 - 3 x 12) = 438 / 504 = 0.869048
    // (uncorrected it would be 438 / 540 = 0.811); chi2 = m (n-1) W = 9 x 438/504 = 7.821429.
    const w = kendallW([
      [70, 60, 65],
      [80, 75, 70],
      [80, 85, 90],
      [90, 85, 80],
    ]);
    expect(w.w).toBeCloseTo(438 / 504, 12);
    expect(w.chi2).toBeCloseTo((9 * 438) / 504, 12);
    expect(w.df).toBe(3);
    // P(chi2 with 3 df > 7.821429) = 0.049850 (cross-checked with @stdlib's chisquare-cdf).
    expect(w.p).toBeCloseTo(0.04985, 5);
  });
});

describe('agreement(): too few to mean anything', () => {
  it('needs at least 3 projects scored by every judge', () => {
    const a = agreement([
      [70, 72],
      [80, 85],
    ]);
    expect(a.icc.ICC2).toBeNull();
    expect(a.iccCI.ICC2).toBeNull();
    expect(a.kendallW).toBeNull();
    expect(a.kendallP).toBeNull();
    expect(a).toMatchObject({ n: 2, k: 2 });
    expect(a.note).toMatch(/at least 3 projects scored by every judge/);
  });

  it('needs at least 2 judges', () => {
    const a = agreement([[70], [80], [90]]);
    expect(a.icc.ICC1).toBeNull();
    expect(a.note).toMatch(/at least 2 judges; there is 1/);
  });

  it('gives numbers from 3 projects and 2 judges on; an interval beyond -1..1 is not meaningful', () => {
    const a = agreement([
      [1, 3],
      [4, 4],
      [7, 5],
    ]);
    // Row means 2, 4, 6 (grand 4), column means 4, 4: SS rows 2 x 8 = 16, SS total 20, SS error 4;
    // MSB 8, MSE 2. ICC3 = 6/10 = 0.6, ICC3k = 6/8 = 0.75. F3 = 4 and qf(0.975, 2, 2) = 39 (the
    // F(2,2) distribution function is x/(1+x)), so FL = 4/39: ICC3's lower bound (FL-1)/(FL+1) =
    // -35/43 stands, ICC3k's 1 - 1/FL = -8.75 lies beyond -1, where no agreement can.
    expect(a.icc.ICC3).toBeCloseTo(0.6, 12);
    expect(a.iccCI.ICC3![0]).toBeCloseTo(-35 / 43, 9);
    expect(a.icc.ICC3k).toBeCloseTo(0.75, 12);
    expect(a.iccCI.ICC3k).toBeNull();
    expect(a.kendallW).not.toBeNull();
    expect(a.unmeaningful).toContainEqual({
      kind: 'out-of-range',
      forms: expect.arrayContaining(['ICC3k']) as unknown,
    });
    expect(a.note).toMatch(/ICC3k[^;]*outside -1 to 1[^;]*not meaningful here/);
  });

  it('nulls an estimate beyond -1..1 (ICC1k when the judges contradict each other)', () => {
    const a = agreement([
      [10, 92],
      [50, 50],
      [90, 10],
    ]);
    // Row means 51, 50, 50 (grand 50.33): MSB = 2 x (0.444 + 2 x 0.111) / 2 = 0.667; MSW = (41^2
    // x 2 + 0 + 40^2 x 2) / 3 = 2187.3. ICC1k = (MSB - MSW) / MSB = -3280, beyond -1.
    expect(a.icc.ICC1k).toBeNull();
    expect(a.iccCI.ICC1k).toBeNull();
    // ICC1 = (MSB - MSW) / (MSB + MSW) = -0.9994: a (poor) agreement, but a possible one.
    expect(a.icc.ICC1).toBeCloseTo((0.6667 - 2187.333) / (0.6667 + 2187.333), 3);
    expect(a.unmeaningful.find((u) => u.kind === 'out-of-range')).toMatchObject({
      forms: expect.arrayContaining(['ICC1k']) as unknown,
    });
  });

  it("says Kendall's W is not meaningful when a judge gave every project the same total", () => {
    const a = agreement(
      [
        [70, 60],
        [70, 80],
        [70, 90],
      ],
      ['judge-a', 'judge-b'],
    );
    // Ties corrected, judge-a's three equal ranks would make W = 0.5, "moderate agreement", from a
    // judge who put no project above another.
    expect(a.kendallW).toBeNull();
    expect(a.kendallChi2).toBeNull();
    expect(a.kendallP).toBeNull();
    expect(a.unmeaningful).toContainEqual({ kind: 'no-spread', judges: ['judge-a'] });
    expect(a.note).toContain(
      "Kendall's W is not meaningful here: judge-a gave every project the same total",
    );
  });

  it('says so when the totals do not vary', () => {
    const a = agreement([
      [70, 70],
      [70, 70],
      [70, 70],
    ]);
    expect(a.icc.ICC1).toBeNull();
    expect(a.kendallW).toBeNull();
    expect(a.note).toMatch(/do not vary/);
    expect(a.note).toMatch(/Kendall's W is undefined/);
  });

  it('keeps the ICCs but not the intervals when the judges agree exactly', () => {
    const a = agreement([
      [60, 60],
      [70, 70],
      [80, 80],
    ]);
    expect(a.icc.ICC1).toBe(1);
    expect(a.iccCI.ICC1).toBeNull();
    expect(a.kendallW).toBe(1);
    expect(a.note).toMatch(/agree exactly/);
  });
});

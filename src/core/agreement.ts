import { addAverageRanks, chiSquareSf, fQuantile } from './stats.js';

/**
 * How much the judges agree, from a complete matrix of totals: one row per project (target), one
 * column per judge, no gaps. Plain floating point: these statistics describe the panel and never
 * feed a final score.
 */
export type Matrix = readonly (readonly number[])[];

export const ICC_FORMS = ['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k'] as const;
export type IccForm = (typeof ICC_FORMS)[number];

export interface Icc {
  /** Targets (projects) and judges. */
  n: number;
  k: number;
  /** Mean squares of the two-way ANOVA: between targets, within targets, between judges, error. */
  msb: number;
  msw: number;
  msj: number;
  mse: number;
  value: Record<IccForm, number>;
  /** 95% (by default) confidence interval of each form, as R's psych::ICC computes it. */
  ci: Record<IccForm, [number, number]>;
}

/**
 * The six intraclass correlations of Shrout & Fleiss (1979), Psychological Bulletin 86(2),
 * 420-428, with the F-distribution confidence intervals of R's psych::ICC (and Python's
 * pingouin.intraclass_corr, which follows it):
 *
 *   ICC1  = (MSB - MSW) / (MSB + (k-1) MSW)                    one-way, single judge
 *   ICC2  = (MSB - MSE) / (MSB + (k-1) MSE + k (MSJ - MSE)/n)  two-way random, absolute agreement
 *   ICC3  = (MSB - MSE) / (MSB + (k-1) MSE)                    two-way fixed, consistency
 *   ICC1k = (MSB - MSW) / MSB,  ICC2k = (MSB - MSE) / (MSB + (MSJ - MSE)/n),
 *   ICC3k = (MSB - MSE) / MSB                                  the same for the mean of k judges
 *
 * Intervals: with F1 = MSB/MSW on (n-1, n(k-1)) df and F3 = MSB/MSE on (n-1, (n-1)(k-1)) df,
 * FL = F / qf(1-a/2, df1, df2) and FU = F * qf(1-a/2, df2, df1); ICC1 and ICC3 run from
 * (FL-1)/(FL+k-1) to (FU-1)/(FU+k-1), ICC1k and ICC3k from 1-1/FL to 1-1/FU. ICC2 uses
 * Satterthwaite's approximate df v for the judges' variance (see below), and ICC2k is ICC2's
 * bounds stepped up by Spearman-Brown: L k / (1 + L (k-1)).
 */
export function intraclass(matrix: Matrix, alpha = 0.05): Icc {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  if (n < 2 || k < 2) throw new Error('intraclass() needs at least 2 targets and 2 judges');
  if (matrix.some((row) => row.length !== k)) throw new Error('intraclass(): ragged matrix');

  // The sums in loops, without the copies (matrix.flat(), a column per judge) that a
  // 10,000-project review made 250,000 entries of twice over; each sum still adds its terms
  // in the order mean() would, so every bit of the result is the same.
  let all = 0;
  const rowMeans = new Array<number>(n);
  const colSums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const row = matrix[i]!;
    let rowSum = 0;
    for (let j = 0; j < k; j++) {
      const x = row[j]!;
      all += x;
      rowSum += x;
      colSums[j]! += x;
    }
    rowMeans[i] = rowSum / k;
  }
  const grand = all / (n * k);
  const colMeans = Array.from(colSums, (sum) => sum / n);
  let ssTotal = 0;
  for (const row of matrix) for (const x of row) ssTotal += (x - grand) ** 2;
  const ssRows = k * rowMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssCols = n * colMeans.reduce((a, m) => a + (m - grand) ** 2, 0);
  const ssError = ssTotal - ssRows - ssCols;

  const dfB = n - 1;
  const dfW = n * (k - 1);
  const dfE = (n - 1) * (k - 1);
  const msb = ssRows / dfB;
  const msw = (ssCols + ssError) / dfW;
  const msj = ssCols / (k - 1);
  const mse = ssError / dfE;

  const icc2 = (msb - mse) / (msb + (k - 1) * mse + (k * (msj - mse)) / n);
  const value: Record<IccForm, number> = {
    ICC1: (msb - msw) / (msb + (k - 1) * msw),
    ICC2: icc2,
    ICC3: (msb - mse) / (msb + (k - 1) * mse),
    ICC1k: (msb - msw) / msb,
    ICC2k: (msb - mse) / (msb + (msj - mse) / n),
    ICC3k: (msb - mse) / msb,
  };

  const q = 1 - alpha / 2;
  const f1 = msb / msw;
  const f1L = f1 / fQuantile(q, dfB, dfW);
  const f1U = f1 * fQuantile(q, dfW, dfB);
  const f3 = msb / mse;
  const f3L = f3 / fQuantile(q, dfB, dfE);
  const f3U = f3 * fQuantile(q, dfE, dfB);

  // ICC2: Satterthwaite's df for the combination of judge and error variance (McGraw & Wong 1996).
  const fj = msj / mse;
  const base = n * (1 + (k - 1) * icc2) - k * icc2;
  const v = (dfE * (k * icc2 * fj + base) ** 2) / (dfB * k ** 2 * icc2 ** 2 * fj ** 2 + base ** 2);
  const f2U = fQuantile(q, dfB, v);
  const f2L = fQuantile(q, v, dfB);
  const spread = k * msj + (k * n - k - n) * mse;
  const l2 = (n * (msb - f2U * mse)) / (f2U * spread + n * msb);
  const u2 = (n * (f2L * msb - mse)) / (spread + n * f2L * msb);

  const single = (fl: number, fu: number): [number, number] => [
    (fl - 1) / (fl + k - 1),
    (fu - 1) / (fu + k - 1),
  ];
  const average = (fl: number, fu: number): [number, number] => [1 - 1 / fl, 1 - 1 / fu];
  const stepUp = (r: number) => (r * k) / (1 + r * (k - 1));
  return {
    n,
    k,
    msb,
    msw,
    msj,
    mse,
    value,
    ci: {
      ICC1: single(f1L, f1U),
      ICC2: [l2, u2],
      ICC3: single(f3L, f3U),
      ICC1k: average(f1L, f1U),
      ICC2k: [stepUp(l2), stepUp(u2)],
      ICC3k: average(f3L, f3U),
    },
  };
}

export interface KendallW {
  /** Coefficient of concordance, 0 (no agreement) to 1 (every judge orders the projects alike). */
  w: number;
  /** m (n - 1) W, approximately chi-square with n - 1 degrees of freedom. */
  chi2: number;
  df: number;
  /** P(chi-square > chi2): the chance of agreement this strong if the judges ranked at random. */
  p: number;
}

/**
 * Kendall's coefficient of concordance with the correction for ties (Kendall & Babington Smith
 * 1939; Siegel & Castellan 1988, section 9.4). Each judge's column is turned into ranks 1..n
 * (tied totals share the average rank); with R_i the rank sum of target i, S = sum (R_i - mean R)^2
 * and T_j = sum (t^3 - t) over the groups of t tied totals of judge j:
 *
 *   W = 12 S / (m^2 (n^3 - n) - m sum T_j),   chi2 = m (n - 1) W on n - 1 df.
 */
export function kendallW(matrix: Matrix): KendallW {
  const n = matrix.length;
  const m = matrix[0]?.length ?? 0;
  if (n < 2 || m < 2) throw new Error('kendallW() needs at least 2 targets and 2 judges');
  if (matrix.some((row) => row.length !== m)) throw new Error('kendallW(): ragged matrix');

  const rankSums = new Float64Array(n);
  const column = new Float64Array(n);
  let ties = 0;
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) column[i] = matrix[i]![j]!;
    ties += addAverageRanks(column, rankSums);
  }
  const meanSum = (m * (n + 1)) / 2;
  let s = 0;
  for (let i = 0; i < n; i++) s += (rankSums[i]! - meanSum) ** 2;
  const w = (12 * s) / (m ** 2 * (n ** 3 - n) - m * ties);
  const chi2 = m * (n - 1) * w;
  return { w, chi2, df: n - 1, p: chiSquareSf(chi2, n - 1) };
}

/** Fewer projects or judges than this and the statistics are reported as null, with a note. */
export const MIN_TARGETS = 3;
export const MIN_JUDGES = 2;

/**
 * Why a statistic computed from enough projects and judges is still null: reported as "not
 * meaningful here" with the reason, in each report's language, rather than as a number that
 * would mislead.
 */
export type Unmeaningful =
  /** Some ICC forms are 0/0: the totals do not vary enough. */
  | { kind: 'no-variance'; forms: IccForm[] }
  /** Some intervals are infinite: the judges agree exactly, so there is no error to estimate. */
  | { kind: 'exact'; forms: IccForm[] }
  /** A value or an interval beyond -1..1, where no agreement can lie (too few or too alike projects). */
  | { kind: 'out-of-range'; forms: IccForm[] }
  /** Kendall's W is 0/0: every judge gave every project the same total. */
  | { kind: 'all-equal' }
  /** Kendall's W: these judges gave every project the same total, so they put none above another. */
  | { kind: 'no-spread'; judges: string[] };

export interface Agreement {
  icc: Record<IccForm, number | null>;
  iccCI: Record<IccForm, [number, number] | null>;
  kendallW: number | null;
  kendallChi2: number | null;
  kendallP: number | null;
  /** Projects scored by every judge (the rows used) and judges (the columns). */
  n: number;
  k: number;
  /** Why a statistic is null, in one sentence. */
  note?: string;
  /** With judge groups: the judges of the complete block the statistics were computed on. */
  block?: string[];
  /**
   * With judge groups: no complete block was found (no MIN_TARGETS projects all scored by the
   * same MIN_JUDGES or more judges), which is why n and k are 0.
   */
  noBlock?: true;
  /** The same, as data, for statistics nulled although n and k were large enough. */
  unmeaningful: Unmeaningful[];
}

/**
 * Whether the statistics were computed at all (enough projects and judges): then a null one is
 * "not meaningful here"; otherwise all are blank and the note says why.
 */
export function computed(a: Pick<Agreement, 'n' | 'k'>): boolean {
  return a.n >= MIN_TARGETS && a.k >= MIN_JUDGES;
}

/** An agreement coefficient lies from -1 to 1; beyond that an estimate says nothing. */
const inRange = (x: number) => Number.isFinite(x) && x >= -1 && x <= 1;

/**
 * The agreement statistics, or nulls with a note when they would not mean anything: fewer than
 * MIN_TARGETS projects scored by every judge, fewer than MIN_JUDGES judges, totals that do not
 * vary (every judge gave every project the same total, so agreement is undefined), a value or
 * interval outside -1..1, or — for Kendall's W — a judge who gave every project the same total
 * (such a judge orders nothing, and W would count the tie as half-agreement).
 */
export function agreement(matrix: Matrix, judges?: readonly string[]): Agreement {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  const empty = (note: string): Agreement => ({
    icc: nullForms(),
    iccCI: nullForms(),
    kendallW: null,
    kendallChi2: null,
    kendallP: null,
    n,
    k,
    note,
    unmeaningful: [],
  });
  if (k < MIN_JUDGES) {
    return empty(
      `agreement needs at least ${MIN_JUDGES} judges; there ${k === 1 ? 'is 1' : `are ${k}`}`,
    );
  }
  if (n < MIN_TARGETS) {
    return empty(
      `agreement needs at least ${MIN_TARGETS} projects scored by every judge (no recusals); there ${
        n === 1 ? 'is 1' : `are ${n}`
      }`,
    );
  }

  const why: Unmeaningful[] = [];
  const icc = intraclass(matrix);
  const values = nullForms<number>();
  const cis = nullForms<[number, number]>();
  const undefinedForms: IccForm[] = [];
  const exactForms: IccForm[] = [];
  const outside: IccForm[] = [];
  for (const form of ICC_FORMS) {
    const v = icc.value[form];
    const [lo, hi] = icc.ci[form];
    if (!Number.isFinite(v)) {
      undefinedForms.push(form);
      continue;
    }
    if (!inRange(v)) {
      outside.push(form);
      continue;
    }
    values[form] = v;
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) exactForms.push(form);
    else if (!inRange(lo) || !inRange(hi)) outside.push(form);
    else cis[form] = [lo, hi];
  }
  if (undefinedForms.length > 0) why.push({ kind: 'no-variance', forms: undefinedForms });
  // Exact agreement leaves every interval undefined; it is worth saying only when the values stand.
  else if (exactForms.length > 0) why.push({ kind: 'exact', forms: exactForms });
  if (outside.length > 0) why.push({ kind: 'out-of-range', forms: outside });

  const kw = kendallW(matrix);
  const flat = Array.from({ length: k }, (_, j) => j).filter((j) =>
    matrix.every((row) => row[j] === matrix[0]![j]),
  );
  let kendallOk = Number.isFinite(kw.w);
  if (!kendallOk) why.push({ kind: 'all-equal' });
  else if (flat.length > 0) {
    kendallOk = false;
    why.push({ kind: 'no-spread', judges: flat.map((j) => judges?.[j] ?? `judge ${j + 1}`) });
  }
  return {
    icc: values,
    iccCI: cis,
    kendallW: kendallOk ? kw.w : null,
    kendallChi2: kendallOk ? kw.chi2 : null,
    kendallP: kendallOk ? kw.p : null,
    n,
    k,
    ...(why.length > 0 ? { note: why.map(unmeaningfulNote).join('; ') } : {}),
    unmeaningful: why,
  };
}

/** One reason in English (the core's note; text/report-statistics.ts says the same in Chinese). */
export function unmeaningfulNote(u: Unmeaningful): string {
  switch (u.kind) {
    case 'no-variance':
      return 'some ICC forms are undefined because the totals do not vary enough';
    case 'exact':
      return 'some ICC intervals are undefined because the judges agree exactly';
    case 'out-of-range':
      return `${u.forms.join(', ')}: the estimate or its interval falls outside -1 to 1, where agreement lies, so it is not meaningful here (too few projects, or too little difference between them)`;
    case 'all-equal':
      return "Kendall's W is undefined because every judge gave equal totals";
    case 'no-spread':
      return `Kendall's W is not meaningful here: ${u.judges.join(', ')} gave every project the same total, so ${u.judges.length === 1 ? 'that judge puts' : 'those judges put'} no project above another`;
  }
}

function nullForms<T>(): Record<IccForm, T | null> {
  return { ICC1: null, ICC2: null, ICC3: null, ICC1k: null, ICC2k: null, ICC3k: null };
}

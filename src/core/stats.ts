/**
 * Descriptive statistics and the two distribution functions the agreement statistics need (the F
 * quantile for the ICC confidence intervals, the chi-square tail for Kendall's W). Plain binary
 * floating point: these numbers describe the panel, they never feed a final score.
 *
 * The distribution functions are written here rather than taken from a statistics package: the
 * smallest npm packages that provide them pull in over 200 modules, and the textbook algorithms
 * below (Lanczos log-gamma, continued fractions for the incomplete beta and gamma functions,
 * bisection for the inverse) are accurate to about 1e-12, far beyond the two decimals reported.
 */

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('mean() needs at least one value');
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (divisor n - 1); null for fewer than two values. */
export function sampleSd(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median() needs at least one value');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Adds to rankSums[i] the rank of column[i] in its column, 1..n with tied values given the
 * average of the ranks they span (rank 1 = smallest value), and returns the column's sum of
 * t^3 - t over its groups of t tied values (Kendall's tie correction). The column is sorted as
 * a typed array (natively, no comparator) and each value's run of equals found by binary search:
 * a 10,000-project review has 25 columns of 10,000, and the objects sorted with a comparator
 * before were 250,000 more for the garbage collector.
 */
export function addAverageRanks(column: Float64Array, rankSums: Float64Array): number {
  const n = column.length;
  const sorted = column.slice().sort();
  let ties = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && sorted[end + 1] === sorted[start]) end++;
    const t = end - start + 1;
    if (t > 1) ties += t ** 3 - t;
    start = end + 1;
  }
  for (let i = 0; i < n; i++) {
    const x = column[i]!;
    // The first and last places of x in the sorted column: its ranks run from lo + 1 to hi + 1.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    let last = lo;
    hi = n;
    while (last < hi) {
      const mid = (last + hi) >>> 1;
      if (sorted[mid]! <= x) last = mid + 1;
      else hi = mid;
    }
    rankSums[i]! += (lo + last - 1) / 2 + 1;
  }
  return ties;
}

// Lanczos approximation (g = 7, 9 terms), good to about 15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITER = 10000;

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x),
  );
  // The continued fraction converges fast only on one side of the mean; use symmetry on the other.
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** P(F <= x) for the F distribution with d1 and d2 degrees of freedom (real, > 0). */
export function fCdf(x: number, d1: number, d2: number): number {
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return regularizedBeta((d1 * x) / (d1 * x + d2), d1 / 2, d2 / 2);
}

/**
 * The F distribution's quantile (R's qf, SciPy's f.ppf): the x with P(F <= x) = p. Degrees of
 * freedom may be fractional (the ICC2 interval uses Satterthwaite's approximate df).
 */
export function fQuantile(p: number, d1: number, d2: number): number {
  if (!(d1 > 0 && d2 > 0) || !(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  // With y = d1 x / (d1 x + d2), P(F <= x) = I_y(d1/2, d2/2) and P(F > x) = I_w(d2/2, d1/2) for
  // w = 1 - y. Solve for whichever of y and w is small (floating point is densest near 0, so the
  // far tails keep their relative precision), by bisection: slow, but it cannot fail, and it runs
  // until the interval stops shrinking.
  const upper = p > 0.5;
  const [a, b, target] = upper ? [d2 / 2, d1 / 2, 1 - p] : [d1 / 2, d2 / 2, p];
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 2000; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (regularizedBeta(mid, a, b) < target) lo = mid;
    else hi = mid;
  }
  const v = (lo + hi) / 2;
  return upper ? (d2 * (1 - v)) / (d1 * v) : (d2 * v) / (d1 * (1 - v));
}

/**
 * Regularised gamma functions P(a, x) (lower) and Q(a, x) = 1 - P (upper), each computed
 * directly where it is accurate so that tiny tail probabilities keep their digits.
 */
function regularizedGamma(a: number, x: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: 0, upper: 1 };
  const logFront = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    // Series: P(a, x) = e^-x x^a / Gamma(a) * sum x^n / (a (a+1) ... (a+n)).
    let ap = a;
    let del = 1 / a;
    let total = del;
    for (let n = 1; n <= MAX_ITER; n++) {
      ap += 1;
      del *= x / ap;
      total += del;
      if (Math.abs(del) < Math.abs(total) * EPS) break;
    }
    const lower = total * Math.exp(logFront);
    return { lower, upper: 1 - lower };
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  const upper = Math.exp(logFront) * h;
  return { lower: 1 - upper, upper };
}

/** P(X <= x) for the chi-square distribution with k degrees of freedom. */
export function chiSquareCdf(x: number, k: number): number {
  if (!(k > 0)) return NaN;
  return regularizedGamma(k / 2, x / 2).lower;
}

/** P(X > x) for the chi-square distribution with k degrees of freedom: a test's p-value. */
export function chiSquareSf(x: number, k: number): number {
  if (!(k > 0)) return NaN;
  return regularizedGamma(k / 2, x / 2).upper;
}

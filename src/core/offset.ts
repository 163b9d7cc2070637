/**
 * `normalize: offset`: each judge's leniency, fitted by least squares over the whole review.
 *
 * The additive bias model (MacKay et al. 2017, Royal Society Open Science 4:160760; Roos, Rothe
 * & Scheuermann, AAAI 2011):
 *
 *   total[p][j] = value[p] + offset[j] + noise,   sum over judges of offset[j] = 0
 *
 * fitted over every non-recused total. Setting the derivative by value[p] to zero gives
 * value[p] = mean over p's judges k of (total[p][k] - offset[k]); putting that into the
 * derivative by offset[j] leaves one equation per judge:
 *
 *   n[j] offset[j] - sum over p scored by j of (1 / n[p]) sum over k in p of offset[k]
 *     = sum over p scored by j of (total[p][j] - mean of p's totals)         (= b[j])
 *
 * with n[j] the judge's totals and n[p] the project's. Its matrix L is a graph Laplacian of the
 * judges (rows sum to zero): singular along "every offset + c", which the zero-sum condition
 * removes. As b sums to zero, the solution with sum(offset) = 0 also solves (L + 1 1^T) x = b,
 * and L + 1 1^T is symmetric positive definite exactly when the judges are connected through
 * shared projects (designParts() checks that first). It is solved by Cholesky factorisation.
 *
 * Cost: building L is O(sum over projects of n[p]^2) (250,000 steps for 10,000 projects with 5
 * judges each), factorising O(J^3 / 3) (9 million multiply-adds for 300 judges): milliseconds.
 * Precision: float64, relative error about (condition number) x 1e-16; for real reviews the
 * condition number is at most in the thousands, so offsets are good to 1e-10 of a point or better.
 *
 * Exactness: the offsets are then rounded to OFFSET_PLACES decimals (a millionth of a point),
 * with the rounding remainders handed out so that the rounded offsets still sum to exactly zero.
 * From there everything is exact (integers or decimal.js): total - offset, the aggregation and
 * the half-up rounding of finals are the same on every machine, and with every judge scoring
 * every project the mean of each project's adjusted totals is its plain mean, exactly.
 */

/** Offsets are rounded to this many decimal places before they touch a total. */
export const OFFSET_PLACES = 6;

/** Totals laid out project by project, as in a ScaledPanel (scaled.ts). */
export interface Design {
  judgeCount: number;
  /** Project p's totals are at start[p] .. start[p] + count[p] - 1. */
  start: Int32Array;
  count: Int32Array;
  /** Per total: the judge's index. */
  judge: Int32Array;
  /** Per total: its value, divided by `den` (1 when the totals are plain numbers). */
  total: Float64Array;
}

/** A connected part of the design: judges linked through projects they share. */
export interface DesignPart {
  judges: number[];
  projects: number;
}

/**
 * The connected parts of the design (judges with no totals are left out: there is nothing to fit
 * for them, and their offset is 0). One part means the offsets can be fitted.
 */
export function designParts(design: Design): DesignPart[] {
  const J = design.judgeCount;
  const parent = Int32Array.from({ length: J }, (_, j) => j);
  const root = (j: number): number => {
    while (parent[j] !== j) {
      parent[j] = parent[parent[j]!]!;
      j = parent[j]!;
    }
    return j;
  };
  const scored = new Uint8Array(J);
  const P = design.start.length;
  for (let p = 0; p < P; p++) {
    const s = design.start[p]!;
    const n = design.count[p]!;
    if (n === 0) continue;
    const first = root(design.judge[s]!);
    for (let k = s; k < s + n; k++) {
      scored[design.judge[k]!] = 1;
      const r = root(design.judge[k]!);
      if (r !== first) parent[r] = first;
    }
  }
  const parts = new Map<number, DesignPart>();
  for (let j = 0; j < J; j++) {
    if (scored[j] === 0) continue;
    const r = root(j);
    const part = parts.get(r) ?? { judges: [], projects: 0 };
    part.judges.push(j);
    parts.set(r, part);
  }
  for (let p = 0; p < P; p++) {
    if (design.count[p]! > 0) parts.get(root(design.judge[design.start[p]!]!))!.projects++;
  }
  return [...parts.values()];
}

/**
 * The least-squares offsets (see above), unrounded, one per judge; 0 for a judge with no totals.
 * The design must be connected (one part).
 */
export function fitOffsets(design: Design, den = 1): Float64Array {
  const J = design.judgeCount;
  const P = design.start.length;
  const L = new Float64Array(J * J);
  const b = new Float64Array(J);
  const active = new Uint8Array(J);
  for (let p = 0; p < P; p++) {
    const s = design.start[p]!;
    const n = design.count[p]!;
    if (n === 0) continue;
    let mean = 0;
    for (let k = s; k < s + n; k++) mean += design.total[k]! / den;
    mean /= n;
    for (let k = s; k < s + n; k++) {
      const j = design.judge[k]!;
      active[j] = 1;
      b[j] = b[j]! + design.total[k]! / den - mean;
      L[j * J + j] = L[j * J + j]! + 1;
      for (let m = s; m < s + n; m++) {
        const at = j * J + design.judge[m]!;
        L[at] = L[at]! - 1 / n;
      }
    }
  }
  // Judges with no totals are left out of the system; their offset stays 0.
  const index: number[] = [];
  for (let j = 0; j < J; j++) if (active[j] === 1) index.push(j);
  const A = index.length;
  const M = new Float64Array(A * A);
  const rhs = new Float64Array(A);
  for (let r = 0; r < A; r++) {
    rhs[r] = b[index[r]!]!;
    for (let c = 0; c < A; c++) M[r * A + c] = L[index[r]! * J + index[c]!]! + 1;
  }
  const x = choleskySolve(M, rhs, A);
  const offsets = new Float64Array(J);
  for (let r = 0; r < A; r++) offsets[index[r]!] = x[r]!;
  return offsets;
}

/**
 * Solves M x = rhs for a symmetric positive definite n x n matrix (row-major), by Cholesky
 * factorisation M = R R^T and two triangular solves. M is overwritten.
 */
export function choleskySolve(M: Float64Array, rhs: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) {
    for (let k = 0; k <= i; k++) {
      let s = M[i * n + k]!;
      for (let m = 0; m < k; m++) s -= M[i * n + m]! * M[k * n + m]!;
      if (i === k) {
        if (!(s > 0)) throw new Error('choleskySolve(): the matrix is not positive definite');
        M[i * n + i] = Math.sqrt(s);
      } else M[i * n + k] = s / M[k * n + k]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = rhs[i]!;
    for (let m = 0; m < i; m++) s -= M[i * n + m]! * y[m]!;
    y[i] = s / M[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let m = i + 1; m < n; m++) s -= M[m * n + i]! * x[m]!;
    x[i] = s / M[i * n + i]!;
  }
  return x;
}

/**
 * The offsets as integer counts of 10^-OFFSET_PLACES that sum to exactly zero: each rounded to
 * the nearest, then the few units the roundings left over taken from (or given to) the offsets
 * whose rounding moved them most in that direction, earlier judges first on a tie.
 */
export function offsetUnits(offsets: Float64Array, active: (j: number) => boolean): number[] {
  const scale = 10 ** OFFSET_PLACES;
  const units = Array.from(offsets, (o, j) => (active(j) ? Math.round(o * scale) : 0));
  let residual = units.reduce((a, u) => a + u, 0);
  const error = (j: number) => units[j]! - offsets[j]! * scale;
  const order = units.map((_, j) => j).filter(active);
  while (residual !== 0) {
    const step = residual > 0 ? -1 : 1;
    // The judge whose rounding overshot most in the direction of the residual.
    let best = -1;
    for (const j of order) {
      if (best < 0 || error(j) * -step > error(best) * -step) best = j;
    }
    if (best < 0) break;
    units[best] = units[best]! + step;
    residual += step;
  }
  return units;
}

import type { Dec } from './decimal.js';

export interface Rankable {
  id: string;
  /** Compared first, higher is better: the rounded final, then each tie-break value. */
  keys: readonly Dec[];
}

/**
 * Competition ranking ("1224"): a project's rank is one more than the number of projects strictly
 * ahead of it, so equal keys share a rank and the next rank is skipped.
 */
export function competitionRanks(items: readonly Rankable[]): Map<string, number> {
  const sorted = [...items].sort((a, b) => compareKeys(b.keys, a.keys));
  const ranks = new Map<string, number>();
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    const prevRank = prev === undefined ? undefined : ranks.get(prev.id);
    ranks.set(
      item.id,
      prev !== undefined && prevRank !== undefined && compareKeys(prev.keys, item.keys) === 0
        ? prevRank
        : i + 1,
    );
  });
  return ranks;
}

export function compareKeys(a: readonly Dec[], b: readonly Dec[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? -1 : 1;
    const c = x.comparedTo(y);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * The competition rank a project would have with `keys` instead of its own `ownKeys`, the other
 * projects keeping theirs. `sortedDesc` holds every project's actual keys, best first, so this is
 * a binary search rather than a re-ranking of the whole review.
 */
export function rankWith(
  sortedDesc: readonly (readonly Dec[])[],
  ownKeys: readonly Dec[],
  keys: readonly Dec[],
): number {
  let lo = 0;
  let hi = sortedDesc.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(sortedDesc[mid]!, keys) > 0) lo = mid + 1;
    else hi = mid;
  }
  // `lo` projects are strictly ahead; the project itself is not one of its own rivals.
  return lo - (compareKeys(ownKeys, keys) > 0 ? 1 : 0) + 1;
}

/**
 * competitionRanks() for integer keys stored flat, `width` per item (item i's keys are
 * keys[i * width] ..). An item whose first key is NaN takes no part and gets rank 0.
 */
export function competitionRanksFlat(keys: Float64Array, width: number): Int32Array {
  const n = keys.length / width;
  const cmp = (a: number, b: number) => compareFlat(keys, b * width, keys, a * width, width);
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(keys[i * width])) order.push(i);
  order.sort(cmp);
  const ranks = new Int32Array(n);
  for (let i = 0; i < order.length; i++) {
    const item = order[i]!;
    const prev = order[i - 1];
    ranks[item] = prev !== undefined && cmp(prev, item) === 0 ? ranks[prev]! : i + 1;
  }
  return ranks;
}

/** Compares `width` keys of `a` from `i` with those of `b` from `j`, first key first. */
export function compareFlat(
  a: Float64Array,
  i: number,
  b: Float64Array,
  j: number,
  width: number,
): number {
  for (let k = 0; k < width; k++) {
    const d = a[i + k]! - b[j + k]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * rankWith() for flat integer keys: `sortedDesc` holds every project's actual keys, best first,
 * `width` per project; `own` and `keys` are read from their arrays at `ownAt` and `keysAt`.
 */
export function rankWithFlat(
  sortedDesc: Float64Array,
  width: number,
  own: Float64Array,
  ownAt: number,
  keys: Float64Array,
  keysAt: number,
): number {
  let lo = 0;
  let hi = sortedDesc.length / width;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareFlat(sortedDesc, mid * width, keys, keysAt, width) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo - (compareFlat(own, ownAt, keys, keysAt, width) > 0 ? 1 : 0) + 1;
}

/**
 * Whether a project other than the one ranked has exactly `keys`, given rankWith()'s rank for
 * them: such a rival sits right where the binary search stopped (after the project's own keys
 * when those are equal too), so at most two entries need looking at.
 */
export function tiedWith(
  sortedDesc: readonly (readonly Dec[])[],
  ownKeys: readonly Dec[],
  keys: readonly Dec[],
  rank: number,
): boolean {
  const own = compareKeys(ownKeys, keys);
  const from = rank - 1 + (own > 0 ? 1 : 0);
  let equal = 0;
  for (let k = from; k < Math.min(from + 2, sortedDesc.length); k++) {
    if (compareKeys(sortedDesc[k]!, keys) === 0) equal++;
  }
  return equal > (own === 0 ? 1 : 0);
}

/** tiedWith() for keys stored flat, as rankWithFlat() takes them. */
export function tiedWithFlat(
  sortedDesc: Float64Array,
  width: number,
  own: Float64Array,
  ownAt: number,
  keys: Float64Array,
  keysAt: number,
  rank: number,
): boolean {
  const self = compareFlat(own, ownAt, keys, keysAt, width);
  const from = rank - 1 + (self > 0 ? 1 : 0);
  let equal = 0;
  for (let k = from; k < Math.min(from + 2, sortedDesc.length / width); k++) {
    if (compareFlat(sortedDesc, k * width, keys, keysAt, width) === 0) equal++;
  }
  return equal > (self === 0 ? 1 : 0);
}

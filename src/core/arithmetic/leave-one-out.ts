import { competitionRanksFlat } from '../rank.js';
import { roundRatio } from './integer.js';
import { kept, type Kept } from './rules.js';
import {
  TIE_PLACES,
  type ScaledMethod,
  type ScaledPanel,
  type SortedSeries,
} from './integer-panel.js';

/**
 * The review re-decided without each judge, in integers: at [judge * projects + project] the
 * final in units of 10^-decimals (NaN where nobody else scored the project), pass (1) or fail,
 * and the rank among the other projects, which keep their actual keys.
 *
 * A 25-judge, 10,000-project review asks for 250,000 such finals and 25 rankings. Each final is
 * O(1): the sorted series carry prefix sums, so the kept values without one judge are two ranges
 * of them. Each judge's ranking is one native sort of a Float64Array of finals (no comparator, no
 * object per project) and a binary search per project; only rubrics with tie-break criteria
 * compare whole key rows.
 */
export interface WithoutEachJudge {
  final: Float64Array;
  passed: Uint8Array;
  rank: Int32Array;
}

export function withoutEachJudge(
  panel: ScaledPanel,
  method: ScaledMethod,
  totals: SortedSeries,
  ties: readonly SortedSeries[],
  /** Every project's actual keys (rankKeys()), `1 + ties.length` per project. */
  actual: Float64Array,
  judgeCount: number,
): WithoutEachJudge {
  const P = panel.start.length;
  const width = 1 + ties.length;
  const totalSums = prefixSums(panel, totals);
  const tieSums = ties.map((series) => prefixSums(panel, series));
  const unit = 10 ** panel.scale.places;
  const out: WithoutEachJudge = {
    final: new Float64Array(judgeCount * P),
    passed: new Uint8Array(judgeCount * P),
    rank: new Int32Array(judgeCount * P),
  };
  const keys = new Float64Array(P * width);
  const finals = new Float64Array(P);
  const sorted = new Float64Array(P);
  // Which projects each judge scored, and at which pair: one pass over the pairs.
  const scoredBy = pairsByJudge(panel, judgeCount);
  for (let j = 0; j < judgeCount; j++) {
    keys.set(actual);
    const { project, pair, count } = scoredBy[j]!;
    for (let x = 0; x < count; x++) {
      const p = project[x]!;
      const k = pair[x]!;
      const at = p * width;
      if (panel.count[p] === 1) {
        keys[at] = NaN;
        continue;
      }
      const left = kept(panel.count[p]! - 1, method.aggregate, method.trim);
      const count = left.to - left.from;
      const sum = sumWithout(totalSums, p, left, totals.position[k]!);
      keys[at] = roundRatio(sum, count * panel.scale.den, method.decimals);
      for (let t = 0; t < ties.length; t++) {
        const tie = sumWithout(tieSums[t]!, p, left, ties[t]!.position[k]!);
        keys[at + 1 + t] = roundRatio(tie, count * unit, TIE_PLACES);
      }
    }
    const base = j * P;
    for (let p = 0; p < P; p++) {
      const final = keys[p * width]!;
      finals[p] = final;
      out.final[base + p] = final;
      out.passed[base + p] = method.pass.passesUnits(final) ? 1 : 0;
    }
    const ranks = out.rank.subarray(base, base + P);
    if (width === 1) ranksOfFinals(finals, sorted, ranks);
    else ranks.set(competitionRanksFlat(keys, width));
  }
  return out;
}

/**
 * Prefix sums of each project's sorted values: project p's run starts at runs.start[p] and holds
 * count[p] + 1 sums (the first 0), so the sum of sorted positions [a, b) is sums[b] - sums[a] of
 * the run. (Runs are laid out in project order: a reordered panel's pairs are not.) Every partial
 * sum is a safe integer (scalePanel() bounds a project's sums).
 */
interface PrefixSums {
  start: Int32Array;
  sums: Float64Array;
}

function prefixSums(panel: ScaledPanel, series: SortedSeries): PrefixSums {
  const P = panel.start.length;
  const start = new Int32Array(P);
  const sums = new Float64Array(panel.judge.length + P);
  let at = 0;
  for (let p = 0; p < P; p++) {
    const s = panel.start[p]!;
    start[p] = at;
    let sum = 0;
    sums[at] = 0;
    for (let i = 0; i < panel.count[p]!; i++) {
      sum += series.values[s + i]!;
      sums[at + i + 1] = sum;
    }
    at += panel.count[p]! + 1;
  }
  return { start, sums };
}

/**
 * combine()'s sum without the value at sorted position `skip`, from the prefix sums: the n - 1
 * values left keep positions [from, to) of their own order, which are positions [from, skip) and
 * [skip + 1, to + 1) of the full one.
 */
function sumWithout(
  { start, sums }: PrefixSums,
  p: number,
  { from, to }: Kept,
  skip: number,
): number {
  const run = start[p]!;
  const range = (a: number, b: number) => (b > a ? sums[run + b]! - sums[run + a]! : 0);
  return range(from, Math.min(to, skip)) + range(Math.max(from, skip) + 1, to + 1);
}

/** Per judge, the projects they scored (not recused) and the pair of each, in project order. */
function pairsByJudge(panel: ScaledPanel, judgeCount: number) {
  const counts = new Int32Array(judgeCount);
  for (let k = 0; k < panel.judge.length; k++) counts[panel.judge[k]!]!++;
  const lists = Array.from(counts, (count) => ({
    project: new Int32Array(count),
    pair: new Int32Array(count),
    count: 0,
  }));
  for (let p = 0; p < panel.start.length; p++) {
    for (let k = panel.start[p]!; k < panel.start[p]! + panel.count[p]!; k++) {
      const list = lists[panel.judge[k]!]!;
      list.project[list.count] = p;
      list.pair[list.count] = k;
      list.count++;
    }
  }
  return lists;
}

/**
 * Competition ranks ("1224") of single-key finals, as competitionRanksFlat() gives them: one more
 * than the number of finals strictly higher; 0 for NaN (a project nobody else scored). `sorted`
 * is scratch space of the same length.
 */
export function ranksOfFinals(finals: Float64Array, sorted: Float64Array, ranks: Int32Array): void {
  let n = 0;
  for (let p = 0; p < finals.length; p++) {
    const f = finals[p]!;
    if (!Number.isNaN(f)) sorted[n++] = f;
  }
  const ascending = sorted.subarray(0, n).sort();
  for (let p = 0; p < finals.length; p++) {
    const f = finals[p]!;
    if (Number.isNaN(f)) {
      ranks[p] = 0;
      continue;
    }
    // The first position holding a larger final: everything from there on is ahead.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ascending[mid]! <= f) lo = mid + 1;
      else hi = mid;
    }
    ranks[p] = n - lo + 1;
  }
}

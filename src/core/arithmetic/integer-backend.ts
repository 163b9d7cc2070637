import { D, toNumber, type Dec } from '../decimal.js';
import type { Computed } from '../compute.js';
import { compareFlat, competitionRanksFlat, rankWithFlat, tiedWithFlat } from '../rank.js';
import { withoutEachJudge } from './leave-one-out.js';
import type { Rubric } from '../rubric.js';
import { ratioDec, ratioDecs, roundRatio, unitsToFixed } from './integer.js';
import {
  combine,
  criterionSeries,
  rankKeys,
  scaledMethod,
  totalsSeries,
  type Combined,
  type ScaledPanel,
} from './integer-panel.js';
import { kept, OUTLIER_LIMIT, OUTLIER_MIN_JUDGES, shifting, trimSwaps } from './rules.js';
import type { Arithmetic, Decided, Facts, Method, Shift } from './types.js';

/*
 * The integer back-end: scores as integer counts of 10^-places, totals as numerators over one
 * denominator (see integer.ts), so a 10,000-project review is decided without a decimal object
 * per score. Used whenever every number provably fits (always, for real rubrics) and there are no
 * z-scores.
 */

/**
 * The integer back-end over a panel made by scalePanel(). With `normalize: offset`, `adjusted` is
 * the same panel with each judge's offset taken off the totals (offsetPanel()): what is decided.
 */
export function integerArithmetic(
  panel: ScaledPanel,
  rubric: Rubric,
  adjusted?: ScaledPanel,
): Arithmetic {
  return {
    kind: 'integer',
    decide: () => decideAll(panel, rubric, adjusted),
    reorder: (order) =>
      integerArithmetic(
        reorder(panel, order),
        rubric,
        adjusted === undefined ? undefined : reorder(adjusted, order),
      ),
    facts: (method, computed) => integerFacts(panel, method, computed, adjusted),
  };
}

/**
 * decide() in integers: the same finals, pass/fail, ranks and aggregates, exactly. With offsets,
 * `adjusted` holds the totals to aggregate (the panel's minus each judge's offset).
 */
function decideAll(raw: ScaledPanel, rubric: Rubric, adjusted?: ScaledPanel): Decided {
  const panel = adjusted ?? raw;
  const method = scaledMethod(rubric);
  const { den, places } = panel.scale;
  const unit = 10 ** places;
  const totals = totalsSeries(panel);
  const series = rubric.criteria.map((_, c) => criterionSeries(panel, c));
  const ties = method.tieBreak.map((c) => series[c]!);
  const width = 1 + ties.length;
  const P = panel.start.length;
  const keys = new Float64Array(P * width);
  // Judges' totals repeat (a few hundred distinct values in a whole review), and so do the
  // aggregates and finals: one object each.
  const ratio = ratioDecs();
  const finals = new Map<number, Dec>();
  const finalDec = (units: number) => {
    let d = finals.get(units);
    if (d === undefined) finals.set(units, (d = new D(unitsToFixed(units, rubric.decimals))));
    return d;
  };
  const aggs: Combined[] = [];
  for (let p = 0; p < P; p++) aggs.push(rankKeys(panel, method, totals, ties, p, keys, p * width));
  const ranks = competitionRanksFlat(keys, width);
  const projects: Decided['projects'] = [];
  for (let p = 0; p < P; p++) {
    const s = panel.start[p]!;
    const n = panel.count[p]!;
    const agg = aggs[p]!;
    const dropped = new Set<number>();
    if (rubric.aggregate === 'trimmed-mean') {
      const { from, to } = kept(n, rubric.aggregate, rubric.trim);
      for (let k = 0; k < n; k++) {
        const at = totals.position[s + k]!;
        if (at < from || at >= to) dropped.add(k);
      }
    }
    const criteria = new Map<string, Dec>();
    for (const [c, criterion] of rubric.criteria.entries()) {
      const a = combine(series[c]!, panel, p, rubric.aggregate, rubric.trim);
      criteria.set(criterion.id, ratio(a.sum, a.count * unit));
    }
    const finalUnits = keys[p * width]!;
    const projectTotals: Dec[] = [];
    for (let k = 0; k < n; k++) projectTotals.push(ratio(raw.total[s + k]!, raw.scale.den));
    projects.push({
      totals: projectTotals,
      ...(adjusted
        ? { normalized: Array.from({ length: n }, (_, k) => ratio(adjusted.total[s + k]!, den)) }
        : {}),
      dropped,
      criteria,
      exactFinal: ratio(agg.sum, agg.count * den),
      final: finalDec(finalUnits),
      rank: ranks[p]!,
      passed: method.pass.passesUnits(finalUnits),
      fellBack: agg.fellBack,
    });
  }
  return { projects };
}

function integerFacts(
  panel: ScaledPanel,
  method: Method,
  computed: Computed,
  adjusted: ScaledPanel | undefined,
): Facts {
  const J = computed.judges.length;
  const P = computed.projects.length;
  const { den } = panel.scale;
  const m = scaledMethod(method);
  const totals = totalsSeries(panel);
  const ties = m.tieBreak.map((c) => criterionSeries(panel, c));
  const width = 1 + ties.length;
  // What is aggregated: the raw totals, or with offsets the adjusted ones (medians, outliers and
  // leniency stay on the raw totals the judges wrote).
  const decisive = adjusted ?? panel;
  const decisiveTotals = adjusted ? totalsSeries(decisive) : totals;

  // Medians and deviations in units of 1 / (2 den), so that a median of two is an integer too.
  const medians: Dec[] = [];
  const medianDec = ratioDecs();
  const outliers: number[][] = [];
  const offsetSums = new Float64Array(J);
  const offsetCounts = new Int32Array(J);
  const limit = 2 * OUTLIER_LIMIT * den;
  for (let p = 0; p < P; p++) {
    const s = panel.start[p]!;
    const n = panel.count[p]!;
    const median = combine(totals, panel, p, 'median', 0);
    const median2 = median.count === 1 ? 2 * median.sum : median.sum;
    medians.push(medianDec(median2, 2 * den));
    const far: number[] = [];
    for (let k = 0; k < n; k++) {
      const deviation2 = 2 * panel.total[s + k]! - median2;
      if (n >= OUTLIER_MIN_JUDGES && Math.abs(deviation2) > limit) far.push(k);
      const j = panel.judge[s + k]!;
      offsetSums[j] = offsetSums[j]! + deviation2;
      offsetCounts[j] = offsetCounts[j]! + 1;
    }
    outliers.push(far);
  }
  const leniency = Array.from(offsetCounts, (count, j) =>
    count > 0 ? toNumber(ratioDec(offsetSums[j]!, 2 * den * count)) : null,
  );

  // Leave-one-out: each judge's pairs re-decided without them; the other projects keep their
  // keys. A project nobody else scored drops out of the ranking.
  const actual = new Float64Array(P * width);
  for (let p = 0; p < P; p++) rankKeys(decisive, m, decisiveTotals, ties, p, actual, p * width);
  const without = withoutEachJudge(decisive, m, decisiveTotals, ties, actual, J);

  // Trim shifts, ranked against the other projects' actual keys.
  const order = Array.from({ length: P }, (_, p) => p).sort((a, b) =>
    compareFlat(actual, b * width, actual, a * width, width),
  );
  const sortedDesc = new Float64Array(P * width);
  order.forEach((p, i) => sortedDesc.set(actual.subarray(p * width, (p + 1) * width), i * width));
  const alternative = new Float64Array(width);
  const t = method.trim;
  const shifts = computed.projects.map((project, p): Shift[] => {
    if (!shifting(method, project)) return [];
    const s = panel.start[p]!;
    const n = panel.count[p]!;
    const at = (pos: number) => decisiveTotals.values[s + pos]!;
    const pairAt = new Int32Array(n);
    for (let k = 0; k < n; k++) pairAt[decisiveTotals.position[s + k]!] = k;
    let middle = 0;
    for (let pos = t; pos < n - t; pos++) middle += at(pos);
    return trimSwaps(n, t).flatMap(([keep, drop]): Shift[] => {
      if (at(keep) === at(drop)) return [];
      const final = roundRatio(
        middle - at(drop) + at(keep),
        (n - 2 * t) * decisive.scale.den,
        method.decimals,
      );
      alternative.set(actual.subarray(p * width, (p + 1) * width));
      alternative[0] = final;
      const rank = rankWithFlat(sortedDesc, width, actual, p * width, alternative, 0);
      return [
        {
          keep: pairAt[keep]!,
          drop: pairAt[drop]!,
          final,
          passed: m.pass.passesUnits(final),
          rank,
          tied: tiedWithFlat(sortedDesc, width, actual, p * width, alternative, 0, rank),
        },
      ];
    });
  });

  return { medians, outliers, leniency, without, shifts };
}

/** The integer panel with its projects in another order (pairs stay where they are). */
function reorder(panel: ScaledPanel, order: readonly number[]): ScaledPanel {
  return {
    ...panel,
    start: Int32Array.from(order, (i) => panel.start[i]!),
    count: Int32Array.from(order, (i) => panel.count[i]!),
  };
}

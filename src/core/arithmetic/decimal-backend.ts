import { D, roundHalfUp, sum, toNumber, type Dec } from '../decimal.js';
import type { Computed } from '../compute.js';
import { zscoreScale, zscoreTotal } from '../normalize.js';
import { compareKeys, competitionRanks, rankWith, tiedWith } from '../rank.js';
import type { Rubric } from '../rubric.js';
import type { JudgeSheet, SheetEntry } from '../sheet.js';
import { aggregate, judgeTotal } from './aggregate.js';
import { OUTLIER_LIMIT, OUTLIER_MIN_JUDGES, passRule, shifting, trimSwaps } from './rules.js';
import { outcomeOf } from './types.js';
import type {
  Arithmetic,
  Decided,
  Decision,
  Decisions,
  Facts,
  Method,
  PanelProject,
  Shift,
} from './types.js';

/*
 * The decimal back-end: every value a decimal.js number of 40 significant digits. It serves the
 * reviews the integer back-end cannot: z-scores (square roots are not exact) and scores beyond a
 * double's integer range. The equivalence tests hold it to the integer back-end where both apply.
 */

/** The decimal back-end for a review's projects (each judge's entry, recused ones included). */
export function decimalArithmetic(
  pending: readonly { id: string; entries: readonly (SheetEntry | undefined)[] }[],
  rubric: Rubric,
  judges: readonly JudgeSheet[],
  /** With `normalize: offset`: the judges' offsets, fitted once on the whole review. */
  offsets?: ReadonlyMap<string, Dec>,
): Arithmetic {
  const self: Arithmetic = {
    kind: 'decimal',
    decide: () => decideAll(pending, rubric, judges, offsets),
    // The facts read the computed results, which are already in their final order.
    reorder: () => self,
    facts: decimalFacts,
  };
  return self;
}

/**
 * Finals, pass/fail and ranks of a panel. Pure and self-contained so that the robustness checks
 * can re-run exactly the same method with a judge left out. Projects with nobody present are
 * left out.
 */
export function decide(
  panel: readonly PanelProject[],
  method: Method,
  /** Aggregate every criterion (for the reports) or only the tie-break ones (what ranks need). */
  criteriaFor: 'all' | 'ranking' = 'all',
  /** With `normalize: offset`: the judges' offsets, fitted once on the whole review. */
  offsets?: ReadonlyMap<string, Dec>,
): Decisions {
  if (method.normalize === 'offset' && offsets === undefined)
    throw new Error('decide(): normalize: offset needs the fitted offsets');
  const wanted =
    criteriaFor === 'all'
      ? method.criteria
      : method.criteria.filter((c) => method.tieBreak.includes(c.id));
  const scored = panel.filter((p) => p.present.length > 0);
  const normalization =
    method.normalize === 'zscore' && scored.length > 0
      ? zscoreScale(scored.flatMap((p) => p.present))
      : undefined;
  const pass = passRule(method.threshold, method.decimals);
  const byId = new Map<string, Decision>();
  for (const p of scored) {
    const values = p.present.map((s) =>
      normalization
        ? zscoreTotal(s.total, s.judge, normalization)
        : offsets
          ? s.total.minus(offsets.get(s.judge)!)
          : s.total,
    );
    const agg = aggregate(values, method.aggregate, method.trim);
    const criteria = new Map<string, Dec>();
    for (const c of wanted) {
      const scores = p.present.map((s) => s.criteria.get(c.id)!);
      criteria.set(c.id, aggregate(scores, method.aggregate, method.trim).value);
    }
    const final = roundHalfUp(agg.value, method.decimals);
    byId.set(p.id, {
      id: p.id,
      values,
      exactFinal: agg.value,
      final,
      passed: pass.passes(final),
      rank: 0,
      fellBack: agg.fellBack,
      dropped: new Set(agg.dropped.map((i) => p.present[i]!.judge)),
      criteria,
      // Tie-break values are compared at a fixed fine precision so that equal thirds compare equal.
      keys: [final, ...method.tieBreak.map((c) => roundHalfUp(criteria.get(c)!, 12))],
    });
  }
  const ranks = competitionRanks([...byId.values()].map((d) => ({ id: d.id, keys: d.keys })));
  for (const d of byId.values()) d.rank = ranks.get(d.id)!;
  return { byId, ...(normalization ? { normalization } : {}) };
}

function decideAll(
  pending: readonly { id: string; entries: readonly (SheetEntry | undefined)[] }[],
  rubric: Rubric,
  judges: readonly JudgeSheet[],
  offsets: ReadonlyMap<string, Dec> | undefined,
): Decided {
  const panel = pending.map((p) => ({
    id: p.id,
    present: p.entries.flatMap((entry, j) =>
      entry === undefined || entry.recused
        ? []
        : [
            {
              judge: judges[j]!.judge,
              total: judgeTotal(entry.scores, rubric.criteria),
              criteria: entry.scores,
            },
          ],
    ),
  }));
  const { byId, normalization } = decide(panel, rubric, 'all', offsets);
  return {
    projects: panel.map((p) => {
      const d = byId.get(p.id)!;
      const dropped = new Set<number>();
      p.present.forEach((s, k) => {
        if (d.dropped.has(s.judge)) dropped.add(k);
      });
      return {
        totals: p.present.map((s) => s.total),
        ...(normalization || offsets ? { normalized: d.values } : {}),
        dropped,
        ...outcomeOf(d),
      };
    }),
    ...(normalization ? { normalization } : {}),
  };
}

export function decimalFacts(method: Method, computed: Computed): Facts {
  const J = computed.judges.length;
  const P = computed.projects.length;
  const decimalsUnit = new D(10).pow(method.decimals);
  const units = (final: Dec) => toNumber(final.times(decimalsUnit));
  const panel: PanelProject[] = computed.projects.map((p) => ({
    id: p.id,
    present: [...p.scores].flatMap(([judge, s]) =>
      s.recused ? [] : [{ judge, total: s.total, criteria: s.criteria }],
    ),
  }));
  const medians = panel.map(
    (p) =>
      aggregate(
        p.present.map((s) => s.total),
        'median',
        0,
      ).value,
  );

  const outliers = panel.map((p, i) =>
    p.present.length < OUTLIER_MIN_JUDGES
      ? []
      : p.present.flatMap((s, k) =>
          s.total.minus(medians[i]!).abs().lessThanOrEqualTo(OUTLIER_LIMIT) ? [] : [k],
        ),
  );

  const offsets = computed.judges.map(() => [] as Dec[]);
  const judgeIndex = new Map(computed.judges.map((j, index) => [j.id, index]));
  panel.forEach((p, i) => {
    for (const s of p.present) offsets[judgeIndex.get(s.judge)!]!.push(s.total.minus(medians[i]!));
  });
  const leniency = offsets.map((list) =>
    list.length > 0 ? toNumber(sum(list).dividedBy(list.length)) : null,
  );

  // Leave-one-out: the whole review re-decided without each judge in turn.
  const without = {
    final: new Float64Array(J * P).fill(NaN),
    passed: new Uint8Array(J * P),
    rank: new Int32Array(J * P),
  };
  const indexOf = new Map(computed.projects.map((p, i) => [p.id, i]));
  computed.judges.forEach(({ id: judge }, j) => {
    const reduced = panel.map((p) => ({
      id: p.id,
      present: p.present.filter((s) => s.judge !== judge),
    }));
    for (const [id, d] of decide(reduced, method, 'ranking', computed.offsets).byId) {
      const at = j * P + indexOf.get(id)!;
      without.final[at] = units(d.final);
      without.passed[at] = d.passed ? 1 : 0;
      without.rank[at] = d.rank;
    }
  });

  const rankKeys = (q: Computed['projects'][number]) => [
    q.final,
    ...method.tieBreak.map((c) => roundHalfUp(q.criteria.get(c)!, 12)),
  ];
  const keys = computed.projects.map(rankKeys);
  const sortedDesc = [...keys].sort((a, b) => compareKeys(b, a));
  const pass = passRule(method.threshold, method.decimals);
  const shifts = computed.projects.map((p, i): Shift[] => {
    if (!shifting(method, p)) return [];
    const values = panel[i]!.present.map((s) => {
      const score = p.scores.get(s.judge);
      if (score === undefined || score.recused) throw new Error('decimalFacts(): not present');
      return score.normalizedTotal ?? score.total;
    });
    const n = values.length;
    const t = method.trim;
    const order = values.map((v, k) => ({ v, k })).sort((a, b) => a.v.comparedTo(b.v) || a.k - b.k);
    return trimSwaps(n, t).flatMap(([keep, drop]): Shift[] => {
      const kept = order[keep]!;
      const dropped = order[drop]!;
      if (kept.v.equals(dropped.v)) return [];
      const remaining = order
        .filter((_, pos) => (pos >= t && pos < n - t && pos !== drop) || pos === keep)
        .map((x) => x.v);
      const final = roundHalfUp(sum(remaining).dividedBy(remaining.length), method.decimals);
      const alternative = [final, ...keys[i]!.slice(1)];
      const rank = rankWith(sortedDesc, keys[i]!, alternative);
      return [
        {
          keep: kept.k,
          drop: dropped.k,
          final: units(final),
          passed: pass.passes(final),
          rank,
          tied: tiedWith(sortedDesc, keys[i]!, alternative, rank),
        },
      ];
    });
  });

  return { medians, outliers, leniency, without, shifts };
}

import { D, sum, type Dec } from './decimal.js';

/**
 * Z-score normalisation of the judges' totals, in exact decimals because it feeds the finals.
 *
 * Every mean and SD is taken over the non-recused totals of the whole review (every project):
 *
 *   mean_j, sd_j        mean and sample SD (divisor n - 1) of judge j's totals
 *   panelMean, panelSD  mean and sample SD of all judges' totals pooled together
 *   t' = panelMean + (t - mean_j) / sd_j * panelSD
 *
 * so a lenient judge's totals are shifted down, a harsh judge's up, and a judge who spreads
 * scores widely is pulled in, each keeping their own order. A judge with fewer than two totals or
 * with all totals equal has no SD to divide by and keeps the raw totals (a warning names them).
 * Square roots are taken at the 40 significant digits of decimal.js's `D`, far finer than any
 * rounding of a final.
 */
export interface JudgeScale {
  judge: string;
  count: number;
  mean: Dec;
  /** Null when the judge cannot be rescaled (fewer than 2 totals, or all equal). */
  sd: Dec | null;
}

export interface ZScale {
  panelMean: Dec;
  panelSd: Dec;
  judges: Map<string, JudgeScale>;
}

export function zscoreScale(totals: readonly { judge: string; total: Dec }[]): ZScale {
  if (totals.length === 0) throw new Error('zscoreScale() needs at least one total');
  const byJudge = new Map<string, Dec[]>();
  for (const t of totals) {
    const list = byJudge.get(t.judge) ?? [];
    list.push(t.total);
    byJudge.set(t.judge, list);
  }
  const all = totals.map((t) => t.total);
  const panelMean = meanOf(all);
  const judges = new Map<string, JudgeScale>();
  for (const [judge, list] of byJudge) {
    const sd = sdOf(list);
    judges.set(judge, {
      judge,
      count: list.length,
      mean: meanOf(list),
      sd: sd === null || sd.isZero() ? null : sd,
    });
  }
  return { panelMean, panelSd: sdOf(all) ?? new D(0), judges };
}

/** A judge's total on the panel's scale; the raw total when the judge cannot be rescaled. */
export function zscoreTotal(total: Dec, judge: string, scale: ZScale): Dec {
  const s = scale.judges.get(judge);
  if (s === undefined || s.sd === null) return total;
  return scale.panelMean.plus(total.minus(s.mean).dividedBy(s.sd).times(scale.panelSd));
}

function meanOf(xs: readonly Dec[]): Dec {
  return sum(xs).dividedBy(xs.length);
}

/** Sample SD (divisor n - 1); null for fewer than two values. */
function sdOf(xs: readonly Dec[]): Dec | null {
  if (xs.length < 2) return null;
  const m = meanOf(xs);
  return sum(xs.map((x) => x.minus(m).pow(2)))
    .dividedBy(xs.length - 1)
    .sqrt();
}

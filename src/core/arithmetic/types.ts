import type { Dec } from '../decimal.js';
import type { Computed } from '../compute.js';
import type { ZScale } from '../normalize.js';
import type { Rubric } from '../rubric.js';

/*
 * The one interface both arithmetic back-ends implement (integer.ts in integers when every number
 * fits, decimal.ts in decimal.js otherwise and with z-scores), and the data they exchange with
 * compute.ts and analytics.ts. chooseArithmetic() in index.ts picks one per review.
 */

/** What a decision says of a project, whichever arithmetic made it. */
export interface Outcome {
  /** Per criterion, the judges' scores aggregated by the same method as the totals. */
  criteria: Map<string, Dec>;
  exactFinal: Dec;
  /** Rounded half-up to the rubric's decimals; pass/fail and ranks use this. */
  final: Dec;
  rank: number;
  passed: boolean;
  /** Too few judges to trim: the plain mean was used. */
  fellBack: boolean;
}

/** The outcome alone, out of a larger record (a decision, a decided project). */
export function outcomeOf(d: Outcome): Outcome {
  const { criteria, exactFinal, final, rank, passed, fellBack } = d;
  return { criteria, exactFinal, final, rank, passed, fellBack };
}

/** One judge's scores of one project, as fed to the aggregation. */
export interface PanelScore {
  judge: string;
  /** Raw total on the 0-100 scale. */
  total: Dec;
  criteria: ReadonlyMap<string, Dec>;
}

/** A project and the judges who scored it (recused judges left out), in judge order. */
export interface PanelProject {
  id: string;
  present: readonly PanelScore[];
}

/** The parts of the rubric that decide finals, pass/fail and ranks. */
export type Method = Pick<
  Rubric,
  'aggregate' | 'trim' | 'decimals' | 'threshold' | 'tieBreak' | 'criteria' | 'normalize'
>;

export interface Decision extends Outcome {
  id: string;
  /** The values aggregated, in `present` order: the raw totals, or the normalised ones. */
  values: Dec[];
  /** Judges whose totals the trimmed mean dropped. */
  dropped: Set<string>;
  /** What ranks compare: the rounded final, then each tie-break value. */
  keys: Dec[];
}

export interface Decisions {
  byId: Map<string, Decision>;
  normalization?: ZScale;
}

/** What computeResults() needs of each project's decision, whichever arithmetic made it. */
export interface Decided {
  projects: (Outcome & {
    /** Per present judge, in judge order. */
    totals: Dec[];
    normalized?: Dec[];
    /** Positions (among the present judges) of the totals the trimmed mean dropped. */
    dropped: Set<number>;
  })[];
  normalization?: ZScale;
}

/**
 * What the flags and profiles are made of, computed exactly either in decimal.js (with z-scores,
 * or scores beyond the integer range) or in integers. Positions are among a project's present
 * (not recused) judges, in judge order; projects are in the order of the results.
 */
export interface Facts {
  /** The median of each project's raw totals. */
  medians: Dec[];
  /** Positions of totals further than OUTLIER_LIMIT from the median (with enough judges). */
  outliers: number[][];
  /** Per judge: the mean of (total - median) over the projects they scored; null for none. */
  leniency: (number | null)[];
  /**
   * The review re-decided without each judge: at [judge * projects + project], the final in units
   * of 10^-decimals (NaN when nobody else scored the project), pass (1) or fail, and rank.
   */
  without: { final: Float64Array; passed: Uint8Array; rank: Int32Array };
  /** The trimmed mean with the trim boundary moved by one judge (see trimShifts()). */
  shifts: Shift[][];
}

/** The totals at positions `keep` (trimmed) and `drop` (kept) swapped: the outcome. */
export interface Shift {
  keep: number;
  drop: number;
  /** In units of 10^-decimals. */
  final: number;
  passed: boolean;
  rank: number;
  /** Whether another project has exactly the shifted keys (a tie the track quota may split). */
  tied: boolean;
}

/** A review's arithmetic, chosen once (see chooseArithmetic()); every decision goes through it. */
export interface Arithmetic {
  readonly kind: 'integer' | 'decimal';
  /** Finals, pass/fail, ranks and aggregates of every project, in the order given. */
  decide(): Decided;
  /** The same review with its projects in another order (indexes into the order given). */
  reorder(order: readonly number[]): Arithmetic;
  /** What the analytics are made of, with the projects in `computed`'s order. */
  facts(method: Method, computed: Computed): Facts;
}

import type { Dec } from '../decimal.js';
import type { PanelRows } from '../panel-rows.js';
import type { Aggregate, Criterion } from '../rubric.js';
import { kept, passRule, type PassRule } from './rules.js';
import { decimalUnits, rescale, roundRatio, scoreScale, type ScoreScale } from './integer.js';

/**
 * The panel's scores as integers (see exact.ts), for deciding finals, pass/fail and ranks without
 * a decimal object per score: a 25-judge, 10,000-project review is decided 26 times (once, then
 * once without each judge for the robustness checks), and decimal.js would allocate millions of
 * objects to do it.
 *
 * The scores of a project by the judges present (not recused) are "pairs", stored one after the
 * other, project by project, in judge order: project p has pairs start[p] .. start[p] + count[p] - 1.
 */
export interface ScaledPanel {
  scale: ScoreScale;
  judgeCount: number;
  criteriaCount: number;
  start: Int32Array;
  count: Int32Array;
  /** Per pair: the judge (index into the sorted judges). */
  judge: Int32Array;
  /** Per pair: the judge's total as a numerator over scale.den. */
  total: Float64Array;
  /** Per pair and criterion (rubric order): the score in units of 10^-scale.places. */
  units: Float64Array;
}

/** A project's entry from each judge, in judge order; undefined where the judge was not assigned. */
export interface PanelInput {
  entries: readonly ({ recused: boolean; scores: ReadonlyMap<string, Dec> } | undefined)[];
}

/**
 * The panel in integers, or undefined when some score, total or sum on the way to a final would
 * not be a safe integer (scores with very many decimal places, absurd maxima or weights): then
 * the caller decides in decimal.js instead.
 */
export function scalePanel(
  projects: readonly PanelInput[],
  criteria: readonly Criterion[],
  judgeCount: number,
  /** The same entries as rows of typed sheets (core/panel-rows.ts): their cells read directly. */
  rows?: PanelRows,
): ScaledPanel | undefined {
  const C = criteria.length;
  const cells =
    rows !== undefined && sameCriteria(rows, criteria)
      ? rowCells(rows, projects.length, C)
      : entryCells(projects, criteria);
  if (cells === undefined) return undefined;
  const { start, count, judge, slot, distinct, places } = cells;
  const pairs = judge.length;
  const scale = scoreScale(criteria, places);
  if (scale === undefined) return undefined;
  const rescaled = new Float64Array(distinct.length);
  for (const [i, u] of distinct.entries()) {
    const v = rescale(u.units, u.places, places);
    if (v === undefined) return undefined;
    rescaled[i] = v;
  }
  const units = new Float64Array(pairs * C);
  const largest = new Float64Array(C);
  for (let i = 0; i < pairs * C; i++) {
    const v = rescaled[slot[i]!]!;
    units[i] = v;
    const c = i % C;
    if (Math.abs(v) > largest[c]!) largest[c] = Math.abs(v);
  }
  // Bounds: every sum of totals (or of scores) of a project, every rounding of one, and the
  // robustness checks' sums of deviations over all projects and outlier limit (30 den, in
  // half-units) stay safe integers.
  let bound = 0;
  for (let c = 0; c < C; c++) bound += scale.coef[c]! * largest[c]!;
  const many = Math.max(judgeCount, projects.length, 2);
  const limit = Number.MAX_SAFE_INTEGER / 4;
  const fits =
    bound * many <= limit &&
    scale.den * 32 * many <= limit &&
    10 ** places * many <= limit &&
    // Finals (at most 6 places) and tie-break values (12 places) as integers.
    (bound / scale.den) * 1e6 <= limit &&
    largest.every((l) => (l / 10 ** places) * 1e12 <= limit && l * many <= limit);
  if (!fits) return undefined;

  const total = new Float64Array(pairs);
  for (let i = 0; i < pairs; i++) {
    let t = 0;
    for (let c = 0; c < C; c++) t += scale.coef[c]! * units[i * C + c]!;
    total[i] = t;
  }
  return { scale, judgeCount, criteriaCount: C, start, count, judge, total, units };
}

/**
 * The panel's cells before scaling: each pair's judge and, per cell, which distinct score it holds
 * (`slot`, into `distinct`, each distinct score converted once); undefined when a score has no
 * safe integer form.
 */
interface Cells {
  start: Int32Array;
  count: Int32Array;
  judge: Int32Array;
  slot: Int32Array;
  distinct: { units: number; places: number }[];
  places: number;
}

function entryCells(projects: readonly PanelInput[], criteria: readonly Criterion[]) {
  const C = criteria.length;
  let pairs = 0;
  for (const p of projects) for (const e of p.entries) if (e !== undefined && !e.recused) pairs++;
  const cells = emptyCells(projects.length, pairs, C);
  const { start, count, judge, slot, distinct } = cells;
  // Scores are few distinct decimal objects (a sheet shares one object per distinct cell text), so
  // each is converted once.
  const seen = new Map<Dec, number>();
  let k = 0;
  for (let p = 0; p < projects.length; p++) {
    start[p] = k;
    const entries = projects[p]!.entries;
    for (let j = 0; j < entries.length; j++) {
      const entry = entries[j];
      if (entry === undefined || entry.recused) continue;
      judge[k] = j;
      for (let c = 0; c < C; c++) {
        const value = entry.scores.get(criteria[c]!.id);
        if (value === undefined) throw new Error(`scalePanel(): no score for ${criteria[c]!.id}`);
        let index = seen.get(value);
        if (index === undefined) {
          const u = decimalUnits(value);
          if (u === undefined) return undefined;
          index = distinct.push(u) - 1;
          seen.set(value, index);
          if (u.places > cells.places) cells.places = u.places;
        }
        slot[k * C + c] = index;
      }
      k++;
    }
    count[p] = k - start[p]!;
  }
  return cells;
}

/** entryCells() read from the sheets' typed columns: a cell is a code into its sheet's scores. */
function rowCells({ sheets, rowAt }: PanelRows, P: number, C: number) {
  const J = sheets.length;
  let pairs = 0;
  for (let i = 0; i < P * J; i++) {
    const r = rowAt[i]!;
    if (r >= 0 && !sheets[i % J]!.recusedAt(r)) pairs++;
  }
  const cells = emptyCells(P, pairs, C);
  const { start, count, judge, slot, distinct } = cells;
  // Per sheet, code -> index into `distinct` (-1: not converted yet).
  const slotOf = sheets.map((s) => new Int32Array(s.codeCount).fill(-1));
  let k = 0;
  for (let p = 0; p < P; p++) {
    start[p] = k;
    for (let j = 0; j < J; j++) {
      const r = rowAt[p * J + j]!;
      const sheet = sheets[j]!;
      if (r < 0 || sheet.recusedAt(r)) continue;
      judge[k] = j;
      const codes = slotOf[j]!;
      for (let c = 0; c < C; c++) {
        const code = sheet.codeAt(r * C + c);
        let index = codes[code]!;
        if (index < 0) {
          const u = decimalUnits(sheet.scoreOfCode(code));
          if (u === undefined) return undefined;
          index = distinct.push(u) - 1;
          codes[code] = index;
          if (u.places > cells.places) cells.places = u.places;
        }
        slot[k * C + c] = index;
      }
      k++;
    }
    count[p] = k - start[p]!;
  }
  return cells;
}

function emptyCells(projects: number, pairs: number, C: number): Cells {
  return {
    start: new Int32Array(projects),
    count: new Int32Array(projects),
    judge: new Int32Array(pairs),
    slot: new Int32Array(pairs * C),
    distinct: [],
    places: 0,
  };
}

/** Whether every sheet keeps its cells in the rubric's criterion order. */
function sameCriteria(rows: PanelRows, criteria: readonly Criterion[]): boolean {
  return rows.sheets.every(
    (s) =>
      s.criterionIds.length === criteria.length &&
      s.criterionIds.every((id, c) => id === criteria[c]!.id),
  );
}

/**
 * One series of the panel (the totals, or one criterion's scores) sorted within each project:
 * `values` holds each project's values ascending (equal values in judge order) in its pair slots,
 * and `position` gives each pair's place in that order.
 */
export interface SortedSeries {
  values: Float64Array;
  position: Int32Array;
}

/**
 * Sorts the series whose value for pair k is source[k * stride + offset]. Read from the typed
 * array itself rather than through a callback: the loop runs 25 times per project for each of
 * the five series of a 4-criterion review, and a callback per series left that call site
 * polymorphic (one function per series) and not inlined.
 */
export function sortSeries(
  panel: ScaledPanel,
  source: Float64Array,
  stride: number,
  offset: number,
): SortedSeries {
  const n = panel.judge.length;
  const values = new Float64Array(n);
  const order = new Int32Array(n);
  const position = new Int32Array(n);
  for (let p = 0; p < panel.start.length; p++) {
    const s = panel.start[p]!;
    const e = s + panel.count[p]!;
    // Insertion sort, stable, so equal values keep judge order (as aggregate() orders them): a
    // project has a few dozen judges at most, and a comparator call per step would cost more.
    for (let k = s; k < e; k++) {
      const v = source[k * stride + offset]!;
      let i = k;
      while (i > s && values[i - 1]! > v) {
        values[i] = values[i - 1]!;
        order[i] = order[i - 1]!;
        i--;
      }
      values[i] = v;
      order[i] = k;
    }
    for (let i = s; i < e; i++) position[order[i]!] = i - s;
  }
  return { values, position };
}

export const totalsSeries = (panel: ScaledPanel) => sortSeries(panel, panel.total, 1, 0);

export const criterionSeries = (panel: ScaledPanel, c: number) =>
  sortSeries(panel, panel.units, panel.criteriaCount, c);

/** An aggregate as an exact ratio: the value is sum / (count * the series' denominator). */
export interface Combined {
  sum: number;
  count: number;
  /** Too few values to trim: the plain mean was taken. */
  fellBack: boolean;
}

/**
 * aggregate() on integers: combines the values of project p in a sorted series, leaving out the
 * one at sorted position `skip` (-1: none). The caller makes sure at least one value remains.
 */
export function combine(
  series: SortedSeries,
  panel: ScaledPanel,
  p: number,
  method: Aggregate,
  trim: number,
  skip = -1,
): Combined {
  const base = panel.start[p]!;
  const n = panel.count[p]! - (skip >= 0 ? 1 : 0);
  const values = series.values;
  const { from, to, fellBack } = kept(n, method, trim);
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[base + shifted(i, skip)]!;
  return { sum, count: to - from, fellBack };
}

/** Where the i-th value is with the value at `skip` (-1: none) taken out. */
function shifted(i: number, skip: number): number {
  return skip >= 0 && i >= skip ? i + 1 : i;
}

/** The parts of the rubric that decide, in integers. */
export interface ScaledMethod {
  aggregate: Aggregate;
  trim: number;
  decimals: number;
  /** The pass test, on finals in units of 10^-decimals. */
  pass: PassRule;
  /** Criterion indexes (rubric order) of the tie-break criteria. */
  tieBreak: number[];
}

export function scaledMethod(method: {
  aggregate: Aggregate;
  trim: number;
  decimals: number;
  threshold: number;
  tieBreak: readonly string[];
  criteria: readonly { id: string }[];
}): ScaledMethod {
  return {
    aggregate: method.aggregate,
    trim: method.trim,
    decimals: method.decimals,
    pass: passRule(method.threshold, method.decimals),
    tieBreak: method.tieBreak.map((id) => method.criteria.findIndex((c) => c.id === id)),
  };
}

/** Tie-break values are compared at this many places, so that equal thirds compare equal. */
export const TIE_PLACES = 12;

/**
 * What ranks compare for project p: the final in units of 10^-decimals, then each tie-break
 * value in units of 10^-12, written into keys[at ..]. `skip` gives, per series, the sorted
 * position to leave out (for a judge left out), or is undefined.
 */
export function rankKeys(
  panel: ScaledPanel,
  method: ScaledMethod,
  totals: SortedSeries,
  ties: readonly SortedSeries[],
  p: number,
  keys: Float64Array,
  at: number,
  skipPair = -1,
): Combined {
  // The series' sorted position of the pair left out, if any.
  const of = (series: SortedSeries) =>
    combine(
      series,
      panel,
      p,
      method.aggregate,
      method.trim,
      skipPair >= 0 ? series.position[skipPair]! : -1,
    );
  const agg = of(totals);
  keys[at] = roundRatio(agg.sum, agg.count * panel.scale.den, method.decimals);
  const unit = 10 ** panel.scale.places;
  for (const [t, series] of ties.entries()) {
    const c = of(series);
    keys[at + 1 + t] = roundRatio(c.sum, c.count * unit, TIE_PLACES);
  }
  return agg;
}

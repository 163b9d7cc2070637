import type { JudgeScore } from './compute.js';
import type { Dec } from './decimal.js';
import type { PanelEntries } from './panel-rows.js';

/*
 * A project's judge scores, judge id -> JudgeScore, read from the panel's rows and the decision
 * when asked for. A province-wide review has 250,000 of them: made as objects (with a map per
 * project and a score view per judge) and held until results.json was written, they were ~40 MB
 * of the heap that every later collection copied or marked. Here a project holds a few numbers
 * and references to what the review keeps anyway; a JudgeScore is made each time one is read,
 * and dies young.
 */

/** What every project of a review shares: the judges, in order, and their rows. */
export interface ScorePanel {
  /** Judge ids, in judge order. */
  readonly judges: readonly string[];
  /** Judge id -> position in `judges`. */
  readonly judgeAt: ReadonlyMap<string, number>;
  readonly rows: PanelEntries;
}

/** What the decision says of one project's judges, by position among those present. */
export interface ProjectDecision {
  /** Each present judge's total, in judge order. */
  totals: readonly Dec[];
  normalized?: readonly Dec[];
  /** Positions of the totals the trimmed mean dropped. */
  dropped: ReadonlySet<number>;
}

export class ProjectScores implements ReadonlyMap<string, JudgeScore> {
  readonly size: number;

  constructor(
    private readonly panel: ScorePanel,
    /** The project's slot in the panel's rows. */
    private readonly slot: number,
    private readonly decision: ProjectDecision,
  ) {
    let n = 0;
    for (let j = 0; j < panel.judges.length; j++) if (panel.rows.has(slot, j)) n++;
    this.size = n;
  }

  get(judge: string): JudgeScore | undefined {
    const j = this.panel.judgeAt.get(judge);
    if (j === undefined || !this.panel.rows.has(this.slot, j)) return undefined;
    // The judge's position among those present: the decision's arrays are by it.
    let k = 0;
    for (let i = 0; i < j; i++) if (this.present(i)) k++;
    return this.score(j, k);
  }

  has(judge: string): boolean {
    const j = this.panel.judgeAt.get(judge);
    return j !== undefined && this.panel.rows.has(this.slot, j);
  }

  forEach(
    fn: (value: JudgeScore, key: string, map: ReadonlyMap<string, JudgeScore>) => void,
  ): void {
    for (const [judge, score] of this) fn(score, judge, this);
  }

  *entries(): MapIterator<[string, JudgeScore]> {
    const { judges, rows } = this.panel;
    let k = 0;
    for (let j = 0; j < judges.length; j++) {
      if (!rows.has(this.slot, j)) continue;
      const score = this.score(j, k);
      if (!score.recused) k++;
      yield [judges[j]!, score];
    }
  }

  *keys(): MapIterator<string> {
    for (const [judge] of this) yield judge;
  }

  *values(): MapIterator<JudgeScore> {
    for (const [, score] of this) yield score;
  }

  [Symbol.iterator](): MapIterator<[string, JudgeScore]> {
    return this.entries();
  }

  /** The present judges' totals, in judge order (the raw totals, what the judges wrote). */
  get presentTotals(): readonly Dec[] {
    return this.decision.totals;
  }

  /**
   * Each judge with a row, in judge order, without a JudgeScore made for it (what the analytics
   * and results.json read of 250,000 scores): `total` is undefined for a recusal, `k` the
   * judge's position among those present (for normalizedAt()).
   */
  forEachRow(
    fn: (judge: string, total: Dec | undefined, dropped: boolean, j: number, k: number) => void,
  ): void {
    const { judges, rows } = this.panel;
    const { totals, dropped } = this.decision;
    let k = 0;
    for (let j = 0; j < judges.length; j++) {
      if (!rows.has(this.slot, j)) continue;
      if (rows.recused(this.slot, j)) fn(judges[j]!, undefined, false, j, -1);
      else {
        fn(judges[j]!, totals[k]!, dropped.has(k), j, k);
        k++;
      }
    }
  }

  /** Judge j's scores (j as forEachRow() gives it). */
  criteriaAt(j: number): ReadonlyMap<string, Dec> {
    return this.panel.rows.scores(this.slot, j);
  }

  /** The k-th present judge's normalised total, if the review normalises. */
  normalizedAt(k: number): Dec | undefined {
    return this.decision.normalized?.[k];
  }

  /** Judge j's comment (j as forEachRow() gives it). */
  commentAt(j: number): string | undefined {
    return this.panel.rows.comment(this.slot, j);
  }

  private present(j: number): boolean {
    return this.panel.rows.has(this.slot, j) && !this.panel.rows.recused(this.slot, j);
  }

  /** Judge j's score, the k-th present judge's when not recused; as computeResults() made it. */
  private score(j: number, k: number): JudgeScore {
    const { rows } = this.panel;
    let score: JudgeScore;
    if (rows.recused(this.slot, j)) score = { recused: true };
    else {
      const d = this.decision;
      score = {
        recused: false,
        criteria: rows.scores(this.slot, j),
        total: d.totals[k]!,
        dropped: d.dropped.has(k),
      };
      const normalizedTotal = d.normalized?.[k];
      if (normalizedTotal !== undefined) score.normalizedTotal = normalizedTotal;
    }
    const comment = rows.comment(this.slot, j);
    if (comment !== undefined) score.comment = comment;
    return score;
  }
}

/**
 * Each judge's total for a project, in the map's order: computed scores row by row without a
 * JudgeScore made for each (forEachRow), any other map (a library caller's) entry by entry. A
 * recused judge comes with `total` undefined and `dropped` false.
 */
export function eachScore(
  scores: ReadonlyMap<string, JudgeScore>,
  fn: (judge: string, total: Dec | undefined, dropped: boolean) => void,
): void {
  if (scores instanceof ProjectScores) scores.forEachRow(fn);
  else
    for (const [judge, s] of scores) {
      if (s.recused) fn(judge, undefined, false);
      else fn(judge, s.total, s.dropped);
    }
}

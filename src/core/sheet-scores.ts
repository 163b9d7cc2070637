import type { Dec } from './decimal.js';
import type { Rubric } from './rubric.js';
import { checkScore, RECUSAL_WORDS } from './score-cell.js';
import type { Worded } from '../text/problems.js';

/*
 * Score reading: what a score cell's text means, read once per distinct text, and the view of
 * one row's scores in the sheet's store (core/score-store.ts).
 */

/** What a score cell's text means for one criterion. */
export interface CellMeaning {
  /** The cell holds the recusal word (回避, recused). */
  word: boolean;
  /** The score, or the reason the text is not one. */
  score: Dec | Worded;
}

const MEANINGS_CACHED = 10_000;

/** The criterion ids of a rubric and where each is, shared by every row's scores. */
export class CriterionIds {
  private static readonly cache = new WeakMap<Rubric, CriterionIds>();
  readonly index: ReadonlyMap<string, number>;

  private constructor(readonly ids: readonly string[]) {
    this.index = new Map(ids.map((id, i) => [id, i]));
  }

  static of(rubric: Rubric): CriterionIds {
    let ids = CriterionIds.cache.get(rubric);
    if (ids === undefined) {
      ids = new CriterionIds(rubric.criteria.map((c) => c.id));
      CriterionIds.cache.set(rubric, ids);
    }
    return ids;
  }
}

/** Where a sheet keeps its scores (core/score-store.ts): one cell by its index. */
export interface ScoreSource {
  scoreAt(cell: number): Dec;
}

/**
 * A judge's scores of one project, criterion id -> score, in rubric order: a read-only map over
 * the sheet's own store. A review holds one per judge and project (250,000 in a province-wide
 * round), and a Map each would cost several times the memory.
 */
export class CriterionScores implements ReadonlyMap<string, Dec> {
  constructor(
    private readonly keys_: CriterionIds,
    /** The sheet's scores; this row's are at offset .. offset + size - 1. */
    private readonly store: ScoreSource,
    private readonly offset: number,
  ) {}

  get size(): number {
    return this.keys_.ids.length;
  }

  get(id: string): Dec | undefined {
    const i = this.keys_.index.get(id);
    return i === undefined ? undefined : this.store.scoreAt(this.offset + i);
  }

  has(id: string): boolean {
    return this.keys_.index.has(id);
  }

  forEach(fn: (value: Dec, key: string, map: ReadonlyMap<string, Dec>) => void): void {
    for (let i = 0; i < this.size; i++)
      fn(this.store.scoreAt(this.offset + i), this.keys_.ids[i]!, this);
  }

  *entries(): MapIterator<[string, Dec]> {
    for (let i = 0; i < this.size; i++) {
      yield [this.keys_.ids[i]!, this.store.scoreAt(this.offset + i)];
    }
  }

  *keys(): MapIterator<string> {
    yield* this.keys_.ids;
  }

  *values(): MapIterator<Dec> {
    for (let i = 0; i < this.size; i++) yield this.store.scoreAt(this.offset + i);
  }

  [Symbol.iterator](): MapIterator<[string, Dec]> {
    return this.entries();
  }
}

export const NO_SCORES: ReadonlyMap<string, Dec> = new Map();

/** A reader of score texts for one sheet: the meaning of a criterion's cell text. */
export function scoreReader(
  rubric: Rubric,
  decimalComma: boolean,
): (criterion: number, text: string) => CellMeaning {
  // A review repeats the same few score texts (17.5, 18, ...) hundreds of thousands of times:
  // each distinct text is read and checked once per criterion, and equal scores share one object.
  const meanings = rubric.criteria.map(() => new Map<string, CellMeaning>());
  const meaningOf = (c: number, text: string): CellMeaning => {
    const known = meanings[c]!.get(text);
    if (known !== undefined) return known;
    const meaning: CellMeaning = {
      word: RECUSAL_WORDS.has(text.normalize('NFKC').toLowerCase()),
      score: checkScore(text, rubric.criteria[c]!, decimalComma),
    };
    // Bounded, so that a sheet of all-different scores cannot grow it without limit.
    if (meanings[c]!.size < MEANINGS_CACHED) meanings[c]!.set(text, meaning);
    return meaning;
  };
  return meaningOf;
}

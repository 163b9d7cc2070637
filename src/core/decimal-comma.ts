import { sum, type Dec } from './decimal.js';
import { parseNumber } from './number.js';
import type { Criterion } from './rubric.js';
import { checkScore, flagText, NO } from './score-cell.js';
import { isWorded, worded, type Worded } from '../text/problems.js';

/** Where a sheet's columns are, as far as reading a row's scores goes. */
export interface ScoreLayout {
  /** Each column's criterion, by column index; undefined for the other columns. */
  criteria: readonly (Criterion | undefined)[];
  /** The recused and total columns, or -1. */
  recused: number;
  total: number;
  /** Cells from this index on have no header. */
  width: number;
}

/** A score typed with a decimal comma, which a comma-separated sheet splits into two cells. */
export interface DecimalCommaSplit {
  /** The criterion column where the score begins, counted in the row as written. */
  column: number;
  criterion: Criterion;
  /** As written (`30,5`) and as meant (`30.5`). */
  written: string;
  meant: string;
}

const WHOLE = /^\d+$/;

/**
 * In a comma-separated sheet, `30,5` (a decimal comma, as a judge used to European or Russian
 * Excel writes it) is two cells, and every cell after it moves one column right: service_plan
 * reads 30, management 5, and management's score lands in the comment or the total. This finds
 * the splits that explain a row: pairs of whole numbers, in a criterion's cell and the next, that
 * joined by a point make a valid score for that criterion, after which the whole row reads
 * cleanly (every score valid, not recused, a written total equal to the sum, nothing beyond the
 * last column). As many splits as the row has cells too many (at least one, at most three).
 * Only a hint for a message: the row is refused either way.
 */
export function findDecimalComma(
  cells: readonly string[],
  layout: ScoreLayout,
): DecimalCommaSplit[] | undefined {
  const splits = Math.max(1, cells.length - layout.width);
  if (splits > MAX_SPLITS) return undefined;
  // A bound on the rows tried, so that a long row of a rubric with many criteria stays quick.
  let budget = 10_000;
  const search = (row: readonly string[], left: number): DecimalCommaSplit[] | undefined => {
    for (let i = 0; i + 1 < row.length && budget > 0; i++) {
      const criterion = layout.criteria[i];
      if (criterion === undefined) continue;
      const a = row[i]!.normalize('NFKC').trim();
      const b = row[i + 1]!.normalize('NFKC').trim();
      // A decimal part of one digit (30,5); two only where a step vouches for them (8,25 in
      // steps of 0.25): 20,31 is more likely two scores than one.
      if (!WHOLE.test(a) || !WHOLE.test(b)) continue;
      if (b.length > (criterion.step !== undefined ? 2 : 1)) continue;
      const meant = `${a}.${b}`;
      if (isWorded(checkScore(meant, criterion, false))) continue;
      const joined = [...row.slice(0, i), meant, ...row.slice(i + 2)];
      budget--;
      const split = { column: i, criterion, written: `${a},${b}`, meant };
      if (left === 1) {
        if (readsCleanly(joined, layout)) return [split];
        continue;
      }
      const rest = search(joined, left - 1);
      if (rest !== undefined) return [split, ...rest];
    }
    return undefined;
  };
  return search(cells, splits);
}

const MAX_SPLITS = 3;

function readsCleanly(cells: readonly string[], layout: ScoreLayout): boolean {
  const scores: Dec[] = [];
  for (const [j, criterion] of layout.criteria.entries()) {
    if (criterion === undefined) continue;
    const score = checkScore((cells[j] ?? '').trim(), criterion, false);
    if (isWorded(score)) return false;
    scores.push(score);
  }
  if (layout.recused >= 0 && !NO.has(flagText(cells[layout.recused] ?? ''))) return false;
  if (layout.total >= 0) {
    const total = (cells[layout.total] ?? '').trim();
    if (total !== '') {
      const n = parseNumber(total);
      if (!n.ok || !n.value.equals(sum(scores))) return false;
    }
  }
  for (let j = layout.width; j < cells.length; j++) if (cells[j]!.trim() !== '') return false;
  return true;
}

/** What the user is told about split scores (worded by the text layer). */
export function decimalCommaAdvice(splits: readonly DecimalCommaSplit[]): Worded {
  return worded('decimal-comma-advice', {
    splits: splits.map((s) => ({
      written: s.written,
      criterion: s.criterion.label,
      meant: s.meant,
    })),
  });
}

const NUMBER_ONLY = /^\d+(?:\.\d+)?$/;

/**
 * A row that reads validly both as written and with a decimal comma joined: the evidence is a
 * number alone in a text column (comment, judge, 序号) after the split, where the last score
 * lands when a decimal comma moves it. The column and the splits, or undefined.
 */
export function shiftedScore(
  cells: readonly string[],
  textColumns: readonly number[],
  find: (cells: readonly string[]) => DecimalCommaSplit[] | undefined,
): { column: number; splits: DecimalCommaSplit[] } | undefined {
  const numeric = textColumns.filter(
    (c) => c >= 0 && NUMBER_ONLY.test((cells[c] ?? '').normalize('NFKC').trim()),
  );
  if (numeric.length === 0) return undefined;
  const splits = find(cells);
  if (splits === undefined) return undefined;
  // Indexes before a split are the same in the row as written and in the joined one.
  const first = Math.min(...splits.map((s) => s.column));
  const column = numeric.find((c) => c > first);
  return column === undefined ? undefined : { column, splits };
}

import type { FileProblems } from './problems/files.js';
import type { OptionProblems } from './problems/options.js';
import type { ReviewProblems } from './problems/review.js';
import type { RowProblems } from './problems/rows.js';
import type { RubricProblems } from './problems/rubric.js';

/**
 * Problems and warnings as the core emits them: a wording key and its values, no sentence. The
 * catalogs (en.ts, zh.ts) word each key; an Issue keeps the English sentence in `message` (what
 * results.json and the workbook list) and the key and values in `worded`, so the terminal can say
 * it in the review's language. The keys of each family of problems are in problems/*.ts.
 */
export interface ProblemParams
  extends RowProblems, FileProblems, RubricProblems, ReviewProblems, OptionProblems {
  /** A criterion named as the judge sees it: "服务方案 (0-40)". */
  'score-missing': { criterion: string; max: number };
  'score-not-number': { text: string; criterion: string; max: number };
  'score-negative': { value: string; criterion: string; max: number };
  'score-over-max': { value: string; criterion: string; max: number };
  'score-step': { value: string; criterion: string; step: number };
  'sheet-empty': Record<string, never>;
  'sheet-blank': Record<string, never>;
  'sheet-no-rows': Record<string, never>;
  'header-project': Record<string, never>;
  'header-missing': { criterion: string; id: string };
  'project-missing': Record<string, never>;
  'project-duplicate': { project: string; firstLine: number };
  'recused-scored': { project: string; text: string };
  'header-empty': { column: number };
  'header-unknown': { header: string; criteria: string };
  'header-unknown-hint': { header: string; hint: string };
  'header-duplicate': { header: string; other: string };
  'judge-mixed': { name: string; first: string; line: number };
  'roster-empty': Record<string, never>;
  /** `hint` is '' when no known column is close. */
  'roster-unused-column': { header: string; hint: string };
  'roster-second-column': { field: string };
  'roster-no-id': Record<string, never>;
  'roster-id-missing': Record<string, never>;
  'roster-duplicate': { project: string; firstLine: number };
  'roster-amount': { amount: string };
  'roster-no-projects': Record<string, never>;
}

export type ProblemKey = keyof ProblemParams;

/** One key with its values, as an Issue carries them. */
export type Worded = { [K in ProblemKey]: { key: K; params: ProblemParams[K] } }[ProblemKey];

/**
 * A key's values as its wording function receives them: a value that is itself a problem (the
 * advice after a dash, the reason a file is refused) comes already worded in the same language.
 */
export type Said<P> = {
  [F in keyof P]: Exclude<P[F], Worded> | (Worded extends P[F] ? string : never);
};

/** How a catalog words every problem. */
export type ProblemWords = { [K in ProblemKey]: (p: Said<ProblemParams[K]>) => string };

/** How a catalog words one family of problems (problems/*.ts). */
export type FamilyWords<P> = { [K in keyof P]: (p: Said<P[K]>) => string };

export function worded<K extends ProblemKey>(key: K, params: ProblemParams[K]): Worded {
  return { key, params } as Worded;
}

export function isWorded(x: unknown): x is Worded {
  return typeof x === 'object' && x !== null && 'key' in x && 'params' in x;
}

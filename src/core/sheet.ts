import type { Row } from './model.js';
import { sum, type Dec } from './decimal.js';
import {
  closest,
  normalizeHeader,
  SHEET_FIELDS,
  stripMaxAnnotation,
  type SheetField,
} from './headers.js';
import { blankSheetLine } from './blank-sheet.js';
import {
  decimalCommaAdvice,
  findDecimalComma,
  shiftedScore,
  type ScoreLayout,
} from './decimal-comma.js';
import { IssueList, type Issue } from './issues.js';
import { parseNumber } from './number.js';
import { projectHint } from './project-hint.js';
import { controlCharacter, projectId, type Roster } from './roster.js';
import { isBlank, rowWidthProblem, rowWidths } from './row-shape.js';
import type { Criterion, Rubric } from './rubric.js';
import { checkScore, flagText, NO, RECUSAL_WORDS, YES } from './score-cell.js';
import { isWorded, worded, type Worded } from '../text/problems.js';

/** One judge's row for one project. */
export interface SheetEntry {
  project: string;
  line: number;
  recused: boolean;
  /** Criterion id -> score, in rubric order; empty when recused. */
  scores: ReadonlyMap<string, Dec>;
  name?: string;
  comment?: string;
}

export interface JudgeSheet {
  judge: string;
  file: string;
  entries: Map<string, SheetEntry>;
}

export interface SheetInput {
  /** File as shown in messages. */
  file: string;
  /** File name without folder and extension: the judge when the sheet has no judge column. */
  baseName: string;
  rows: readonly Row[];
  /** True when cells may use a decimal comma (the delimiter is not a comma). */
  decimalComma: boolean;
  /** The worksheet's name, for an .xlsx sheet: locations then include cell references. */
  sheetName?: string;
}

/** A, B, …, Z, AA, AB, … for a 0-based column index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

type Column =
  | { kind: 'field'; field: SheetField }
  | { kind: 'criterion'; criterion: Criterion }
  | { kind: 'ignored' };

/** The header lookup for a rubric: every accepted header, normalised, to its column meaning. */
export function headerIndex(rubric: Rubric): Map<string, Column> {
  const index = new Map<string, Column>();
  for (const [field, names] of Object.entries(SHEET_FIELDS) as [SheetField, readonly string[]][]) {
    for (const n of names) index.set(normalizeHeader(n), { kind: 'field', field });
  }
  for (const criterion of rubric.criteria) {
    for (const n of [criterion.id, criterion.label, ...criterion.aliases]) {
      index.set(normalizeHeader(n), { kind: 'criterion', criterion });
    }
  }
  return index;
}

function matchHeader(cell: string, index: Map<string, Column>): Column | undefined {
  const key = normalizeHeader(cell);
  return index.get(key) ?? index.get(stripMaxAnnotation(key));
}

/** Validates one judge's sheet against the rubric (and the roster when there is one). */
export function validateSheet(
  input: SheetInput,
  rubric: Rubric,
  roster: Roster | undefined,
): { sheet?: JudgeSheet; issues: Issue[] } {
  const issues = new IssueList();
  const { file } = input;
  const [header, ...body] = input.rows;
  if (header === undefined) {
    issues.error('sheet-empty', file, worded('sheet-empty', {}));
    return { issues: issues.items };
  }

  // Map every header cell to what it means; unknown headers are errors, never silently ignored.
  const index = headerIndex(rubric);
  // In an .xlsx sheet a location is also given as the cell reference the judge sees (Sheet1!C7).
  const where = (line: number, i: number) => ({
    line,
    column: header.cells[i]?.trim() || `column ${i + 1}`,
    ...(input.sheetName !== undefined
      ? { cell: `${input.sheetName}!${columnLetters(i)}${line}` }
      : {}),
  });
  const columns: Column[] = [];
  const seen = new Map<string, string>();
  // Criteria an unknown header probably meant: their "missing column" error would only repeat it.
  const hinted = new Set<string>();
  header.cells.forEach((raw, i) => {
    const cell = raw.trim();
    if (cell === '') {
      // A value under an empty header after the last header is a row-width problem, reported at
      // its row (see row-shape.ts); between headers it is this.
      const used =
        header.cells.slice(i).some((c) => c.trim() !== '') &&
        body.some((r) => (r.cells[i] ?? '').trim() !== '');
      if (used) {
        issues.error('header-empty', file, worded('header-empty', { column: i + 1 }), {
          line: header.line,
        });
      }
      columns.push({ kind: 'ignored' });
      return;
    }
    const col = matchHeader(cell, index);
    if (col === undefined) {
      const hint = closest(stripMaxAnnotation(normalizeHeader(cell)), index.keys());
      const meant = hint === undefined ? undefined : index.get(hint);
      if (meant?.kind === 'criterion') hinted.add(meant.criterion.id);
      issues.error(
        'header-unknown',
        file,
        hint !== undefined
          ? worded('header-unknown-hint', { header: cell, hint })
          : worded('header-unknown', {
              header: cell,
              criteria: rubric.criteria.map((c) => c.id).join(', '),
            }),
        where(header.line, i),
      );
      columns.push({ kind: 'ignored' });
      return;
    }
    const key =
      col.kind === 'criterion'
        ? `c:${col.criterion.id}`
        : `f:${col.kind === 'field' ? col.field : ''}`;
    const other = seen.get(key);
    if (other !== undefined) {
      issues.error(
        'header-duplicate',
        file,
        worded('header-duplicate', { header: cell, other }),
        where(header.line, i),
      );
      columns.push({ kind: 'ignored' });
      return;
    }
    seen.set(key, cell);
    columns.push(col);
  });

  const fieldIndex = (field: SheetField) =>
    columns.findIndex((c) => c.kind === 'field' && c.field === field);
  const projectCol = fieldIndex('project');
  if (projectCol < 0) {
    issues.error('header-project', file, worded('header-project', {}), {
      line: header.line,
    });
  }
  const criterionCols = new Map<string, number>();
  columns.forEach((c, i) => {
    if (c.kind === 'criterion') criterionCols.set(c.criterion.id, i);
  });
  for (const criterion of rubric.criteria) {
    if (!criterionCols.has(criterion.id) && !hinted.has(criterion.id)) {
      issues.error(
        'header-missing',
        file,
        worded('header-missing', { criterion: criterion.label, id: criterion.id }),
        { line: header.line },
      );
    }
  }
  if (issues.hasErrors) return { issues: issues.items };

  const judgeCol = fieldIndex('judge');
  const recusedCol = fieldIndex('recused');
  const totalCol = fieldIndex('total');
  const nameCol = fieldIndex('name');
  const commentCol = fieldIndex('comment');
  const noCol = fieldIndex('no');
  const criterionIds = CriterionIds.of(rubric);
  const widths = rowWidths(header, body, (i) => {
    const c = columns[i];
    return c === undefined || c.kind === 'ignored' || (c.kind === 'field' && c.field !== 'project');
  });
  const layout: ScoreLayout = {
    criteria: columns.map((c) => (c.kind === 'criterion' ? c.criterion : undefined)),
    recused: recusedCol,
    total: totalCol,
    width: widths.width,
  };
  // Only a comma-separated text sheet can split a decimal comma into two cells.
  const splitScore = (cells: readonly string[]) =>
    input.decimalComma || input.sheetName !== undefined
      ? undefined
      : findDecimalComma(cells, layout);
  const advice = (cells: readonly string[]) => {
    const split = splitScore(cells);
    return split === undefined ? undefined : decimalCommaAdvice(split);
  };
  const blank = blankSheetLine(
    body,
    criterionIds.ids.map((id) => criterionCols.get(id)!),
    (row) => (recusedCol >= 0 ? YES.has(flagText(row.cells[recusedCol] ?? '')) : false),
  );
  if (blank !== undefined) {
    issues.error('sheet-blank', file, worded('sheet-blank', {}), { line: blank });
    return { issues: issues.items };
  }

  const entries = new Map<string, SheetEntry>();
  let judge: { name: string; line: number } | undefined;
  // A review repeats the same few score texts (17.5, 18, ...) hundreds of thousands of times:
  // each distinct text is read and checked once per criterion, and equal scores share one object.
  const meanings = rubric.criteria.map(() => new Map<string, CellMeaning>());
  const meaningOf = (c: number, text: string): CellMeaning => {
    const known = meanings[c]!.get(text);
    if (known !== undefined) return known;
    const meaning: CellMeaning = {
      word: RECUSAL_WORDS.has(text.normalize('NFKC').toLowerCase()),
      score: checkScore(text, rubric.criteria[c]!, input.decimalComma),
    };
    // Bounded, so that a sheet of all-different scores cannot grow it without limit.
    if (meanings[c]!.size < MEANINGS_CACHED) meanings[c]!.set(text, meaning);
    return meaning;
  };
  const scoreIndex = rubric.criteria.map((c) => criterionCols.get(c.id) ?? -1);
  const texts: string[] = new Array<string>(rubric.criteria.length);
  // Every row's scores, one after the other: one array for the sheet rather than one per row.
  const store: Dec[] = [];
  const cellMeanings: CellMeaning[] = new Array<CellMeaning>(rubric.criteria.length);

  for (const row of body) {
    const cell = (i: number) => (i < 0 ? '' : (row.cells[i] ?? '').trim());
    if (isBlank(row)) continue;
    const at = (i: number) => where(row.line, i);

    const shape = rowWidthProblem(row, widths, () => advice(row.cells));
    if (shape !== undefined) {
      issues.error(shape.code, file, shape.message, { line: row.line });
      continue;
    }

    let project = projectId(cell(projectCol));
    if (project === '') {
      issues.error('project-missing', file, worded('project-missing', {}), at(projectCol));
      continue;
    }
    const control = controlCharacter(project);
    if (control !== undefined) {
      issues.error(
        'project-id',
        file,
        `project id contains a control character (${control})`,
        at(projectCol),
      );
      continue;
    }
    const first = entries.get(project);
    if (first !== undefined) {
      issues.error(
        'project-duplicate',
        file,
        worded('project-duplicate', { project, firstLine: first.line }),
        at(projectCol),
      );
      continue;
    }
    const listed = roster?.projects.get(project);
    if (roster !== undefined && listed === undefined) {
      issues.error(
        'project-unknown',
        file,
        `project ${project} is not in the roster (${roster.file})${projectHint(project, nameCol >= 0 ? cell(nameCol) : '', roster)}`,
        at(projectCol),
      );
      continue;
    }
    // The roster's copies of an equal id and name, shared by every sheet: a cell's own text is
    // another copy per sheet, and a long one can hold on to the whole sheet's text.
    if (listed !== undefined) project = listed.id;

    if (judgeCol >= 0 && cell(judgeCol) !== '') {
      const name = cell(judgeCol);
      if (judge === undefined) judge = { name, line: row.line };
      else if (judge.name !== name) {
        issues.error(
          'judge-mixed',
          file,
          worded('judge-mixed', { name, first: judge.name, line: judge.line }),
          at(judgeCol),
        );
      }
    }

    // Recusal: a yes in the recused column, or the word in a criterion cell with the rest empty.
    let recused = false;
    if (recusedCol >= 0) {
      const flag = flagText(cell(recusedCol));
      if (YES.has(flag)) recused = true;
      else if (!NO.has(flag)) {
        issues.error(
          'recused-value',
          file,
          `"${cell(recusedCol)}" is not yes or no${withAdvice(advice(row.cells))}`,
          at(recusedCol),
        );
        continue;
      }
    }
    let words = 0;
    for (let c = 0; c < scoreIndex.length; c++) {
      const text = cell(scoreIndex[c]!);
      texts[c] = text;
      cellMeanings[c] = meaningOf(c, text);
      if (cellMeanings[c]!.word) words++;
    }
    if (words > 0) recused = true;

    let name = nameCol >= 0 ? cell(nameCol) : '';
    if (listed?.name === name) name = listed.name;
    const comment = commentCol >= 0 ? cell(commentCol) : '';
    const entryOf = (scores: ReadonlyMap<string, Dec>): SheetEntry => {
      const entry: SheetEntry = { project, line: row.line, recused, scores };
      if (name !== '') entry.name = name;
      if (comment !== '') entry.comment = comment;
      return entry;
    };

    if (recused) {
      let scored = 0;
      for (let c = 0; c < scoreIndex.length; c++) {
        if (texts[c] === '' || cellMeanings[c]!.word) continue;
        scored++;
        issues.error(
          'recused-scored',
          file,
          worded('recused-scored', { project, text: texts[c] ?? '' }),
          at(scoreIndex[c]!),
        );
      }
      if (scored === 0) entries.set(project, entryOf(NO_SCORES));
      continue;
    }

    let rowOk = true;
    for (let c = 0; c < scoreIndex.length; c++) {
      const score = cellMeanings[c]!.score;
      if (isWorded(score)) {
        issues.error('score-invalid', file, score, at(scoreIndex[c]!));
        rowOk = false;
      }
    }
    if (!rowOk) continue;
    const values = cellMeanings.map((m) => m.score as Dec);
    if (totalCol >= 0 && cell(totalCol) !== '') {
      const written = parseNumber(cell(totalCol), input.decimalComma);
      const actual = sum(values);
      if (!written.ok) {
        issues.error(
          'total-invalid',
          file,
          `total "${cell(totalCol)}" is not a number${withAdvice(advice(row.cells))}`,
          at(totalCol),
        );
        continue;
      } else if (!written.value.equals(actual)) {
        issues.error(
          'total-mismatch',
          file,
          `the written total ${written.value.toString()} does not match the sum of the scores ${actual.toString()}${withAdvice(advice(row.cells))}`,
          at(totalCol),
        );
        continue;
      }
    }
    const shifted = shiftedScore(row.cells, [commentCol, judgeCol, noCol], splitScore);
    if (shifted !== undefined) {
      issues.error(
        'decimal-comma',
        file,
        `the number ${cell(shifted.column)} here is probably a shifted score: ${decimalCommaAdvice(shifted.splits)}`,
        at(shifted.column),
      );
      continue;
    }
    const scores = new CriterionScores(criterionIds, store, store.length);
    for (const v of values) store.push(v);
    entries.set(project, entryOf(scores));
  }

  if (entries.size === 0 && !issues.hasErrors) {
    issues.error('sheet-no-rows', file, worded('sheet-no-rows', {}), {
      line: header.line,
    });
  }
  if (issues.hasErrors) return { issues: issues.items };
  return { sheet: { judge: judge?.name ?? input.baseName, file, entries }, issues: issues.items };
}

/** What a score cell's text means for one criterion. */
interface CellMeaning {
  /** The cell holds the recusal word (回避, recused). */
  word: boolean;
  /** The score, or the reason the text is not one. */
  score: Dec | Worded;
}

const MEANINGS_CACHED = 10_000;

function withAdvice(advice: string | undefined): string {
  return advice === undefined ? '' : ` — ${advice}`;
}

/** The criterion ids of a rubric and where each is, shared by every row's scores. */
class CriterionIds {
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

/**
 * A judge's scores of one project, criterion id -> score, in rubric order: a read-only map over
 * one small array. A review holds one per judge and project (250,000 in a province-wide round),
 * and a Map each would cost several times the memory.
 */
class CriterionScores implements ReadonlyMap<string, Dec> {
  constructor(
    private readonly keys_: CriterionIds,
    /** The sheet's scores; this row's are at offset .. offset + size - 1. */
    private readonly store: readonly Dec[],
    private readonly offset: number,
  ) {}

  get size(): number {
    return this.keys_.ids.length;
  }

  get(id: string): Dec | undefined {
    const i = this.keys_.index.get(id);
    return i === undefined ? undefined : this.store[this.offset + i];
  }

  has(id: string): boolean {
    return this.keys_.index.has(id);
  }

  forEach(fn: (value: Dec, key: string, map: ReadonlyMap<string, Dec>) => void): void {
    for (let i = 0; i < this.size; i++) fn(this.store[this.offset + i]!, this.keys_.ids[i]!, this);
  }

  *entries(): MapIterator<[string, Dec]> {
    for (let i = 0; i < this.size; i++) {
      yield [this.keys_.ids[i]!, this.store[this.offset + i]!];
    }
  }

  *keys(): MapIterator<string> {
    yield* this.keys_.ids;
  }

  *values(): MapIterator<Dec> {
    for (let i = 0; i < this.size; i++) yield this.store[this.offset + i]!;
  }

  [Symbol.iterator](): MapIterator<[string, Dec]> {
    return this.entries();
  }
}

const NO_SCORES: ReadonlyMap<string, Dec> = new Map();

import type { Row } from '../io/csv.js';
import { sum, type Dec } from './decimal.js';
import {
  closest,
  normalizeHeader,
  SHEET_FIELDS,
  stripMaxAnnotation,
  type SheetField,
} from './headers.js';
import { IssueList, type Issue } from './issues.js';
import { parseNumber } from './number.js';
import { controlCharacter, projectId, type Roster } from './roster.js';
import type { Criterion, Rubric } from './rubric.js';

/** One judge's row for one project. */
export interface SheetEntry {
  project: string;
  line: number;
  recused: boolean;
  /** Criterion id -> score; empty when recused. */
  scores: Map<string, Dec>;
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

const RECUSAL_WORDS = new Set(['recused', 'recuse', '回避']);
const YES = new Set(['yes', 'y', 'true', '1', '是', 'x', '回避', 'recused']);
const NO = new Set(['', 'no', 'n', 'false', '0', '否']);

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
    issues.error(
      'sheet-empty',
      file,
      'the sheet is empty; it needs a header row and one row per project',
    );
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
      const used = body.some((r) => (r.cells[i] ?? '').trim() !== '');
      if (used) {
        issues.error('header-empty', file, `column ${i + 1} has values but no header`, {
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
          ? `unknown column "${cell}" — did you mean "${hint}"?`
          : `unknown column "${cell}"; expected one column per criterion (${rubric.criteria.map((c) => c.id).join(', ')}) and optionally project, name, comment, judge, recused, total`,
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
        `"${cell}" and "${other}" are the same column`,
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
    issues.error(
      'header-project',
      file,
      'no project column (project, id or 项目编号) in the header',
      {
        line: header.line,
      },
    );
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
        `no column for criterion "${criterion.label}" (${criterion.id}); add it, named by its id, label or an alias`,
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
  const width = header.cells.length;

  const entries = new Map<string, SheetEntry>();
  let judge: { name: string; line: number } | undefined;

  for (const row of body) {
    const cell = (i: number) => (i < 0 ? '' : (row.cells[i] ?? '').trim());
    if (row.cells.every((c) => c.trim() === '')) continue;
    const at = (i: number) => where(row.line, i);

    if (row.cells.length < width) {
      issues.error(
        'row-short',
        file,
        `this row has ${row.cells.length} cells but the header has ${width}; a delimiter is missing`,
        { line: row.line },
      );
      continue;
    }
    if (row.cells.slice(width).some((c) => c.trim() !== '')) {
      issues.error(
        'row-long',
        file,
        `this row has ${row.cells.length} cells but the header has ${width}; is there an unquoted delimiter in a cell?`,
        { line: row.line },
      );
      continue;
    }

    const project = projectId(cell(projectCol));
    if (project === '') {
      issues.error('project-missing', file, 'a row with scores but no project id', at(projectCol));
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
        `project ${project} appears twice (first on line ${first.line})`,
        at(projectCol),
      );
      continue;
    }
    if (roster !== undefined && !roster.projects.has(project)) {
      const hint = [...roster.projects.keys()].find(
        (id) => id.toLowerCase() === project.toLowerCase(),
      );
      issues.error(
        'project-unknown',
        file,
        `project ${project} is not in the roster (${roster.file})${hint ? ` — did you mean ${hint}?` : ''}`,
        at(projectCol),
      );
      continue;
    }

    if (judgeCol >= 0 && cell(judgeCol) !== '') {
      const name = cell(judgeCol);
      if (judge === undefined) judge = { name, line: row.line };
      else if (judge.name !== name) {
        issues.error(
          'judge-mixed',
          file,
          `judge "${name}" differs from "${judge.name}" on line ${judge.line}; one sheet is one judge's`,
          at(judgeCol),
        );
      }
    }

    // Recusal: a yes in the recused column, or the word in a criterion cell with the rest empty.
    let recused = false;
    if (recusedCol >= 0) {
      const flag = cell(recusedCol).normalize('NFKC').toLowerCase();
      if (YES.has(flag)) recused = true;
      else if (!NO.has(flag)) {
        issues.error(
          'recused-value',
          file,
          `"${cell(recusedCol)}" is not yes or no`,
          at(recusedCol),
        );
        continue;
      }
    }
    const scoreCells = rubric.criteria.map((c) => {
      const i = criterionCols.get(c.id) ?? -1;
      return { criterion: c, index: i, text: cell(i) };
    });
    const wordCells = scoreCells.filter((s) =>
      RECUSAL_WORDS.has(s.text.normalize('NFKC').toLowerCase()),
    );
    if (wordCells.length > 0) recused = true;

    const entry: SheetEntry = { project, line: row.line, recused, scores: new Map() };
    if (nameCol >= 0 && cell(nameCol) !== '') entry.name = cell(nameCol);
    if (commentCol >= 0 && cell(commentCol) !== '') entry.comment = cell(commentCol);

    if (recused) {
      const scored = scoreCells.filter((s) => s.text !== '' && !wordCells.includes(s));
      for (const s of scored) {
        issues.error(
          'recused-scored',
          file,
          `the judge recused from ${project} but this cell holds a score ("${s.text}"); leave it empty`,
          at(s.index),
        );
      }
      if (scored.length === 0) entries.set(project, entry);
      continue;
    }

    let rowOk = true;
    for (const { criterion, index: i, text } of scoreCells) {
      const problem = checkScore(text, criterion, input.decimalComma);
      if (typeof problem === 'string') {
        issues.error('score-invalid', file, `${problem}`, at(i));
        rowOk = false;
      } else entry.scores.set(criterion.id, problem);
    }
    if (rowOk && totalCol >= 0 && cell(totalCol) !== '') {
      const written = parseNumber(cell(totalCol), input.decimalComma);
      const actual = sum([...entry.scores.values()]);
      if (!written.ok) {
        issues.error(
          'total-invalid',
          file,
          `total "${cell(totalCol)}" is not a number`,
          at(totalCol),
        );
        rowOk = false;
      } else if (!written.value.equals(actual)) {
        issues.error(
          'total-mismatch',
          file,
          `the written total ${written.value.toString()} does not match the sum of the scores ${actual.toString()}`,
          at(totalCol),
        );
        rowOk = false;
      }
    }
    if (rowOk) entries.set(project, entry);
  }

  if (entries.size === 0 && !issues.hasErrors) {
    issues.error('sheet-no-rows', file, 'the sheet has a header but no project rows', {
      line: header.line,
    });
  }
  if (issues.hasErrors) return { issues: issues.items };
  return { sheet: { judge: judge?.name ?? input.baseName, file, entries }, issues: issues.items };
}

/** A score, or the reason it is not one. */
function checkScore(text: string, criterion: Criterion, decimalComma: boolean): Dec | string {
  const what = `${criterion.label} (0-${criterion.max})`;
  if (text === '') return `missing score for ${what}`;
  const n = parseNumber(text, decimalComma);
  if (!n.ok)
    return `"${text}" is not a number; write the score for ${what} as a plain number such as 17.5`;
  const value = n.value;
  if (value.isNegative() && !value.isZero())
    return `${value.toString()} is negative; scores for ${what} run from 0`;
  if (value.greaterThan(criterion.max)) {
    return `${value.toString()} exceeds the maximum ${criterion.max} for ${criterion.label}`;
  }
  if (criterion.step !== undefined && !value.mod(criterion.step).isZero()) {
    return `${value.toString()} is not a multiple of the step ${criterion.step} for ${criterion.label}`;
  }
  return value;
}

import type { Row } from './model.js';
import { sum, type Dec } from './decimal.js';
import { BlankSheet, blankSheetLine } from './blank-sheet.js';
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
import type { Rubric } from './rubric.js';
import { flagText, NO, YES } from './score-cell.js';
import { mapHeader } from './sheet-header.js';
import { SheetRows } from './score-store.js';
import { isSheetLines, type SheetLines } from './sheet-lines.js';
import { scoreReader, CriterionIds, type CellMeaning } from './sheet-scores.js';
import { isWorded, worded, type Worded } from '../text/problems.js';

export { columnLetters, headerIndex } from './sheet-header.js';

/*
 * Reading a judge's score sheet: the header mapping (sheet-header.ts), then the row checks here
 * (row width, project id, judge, recusal, written total, shifted cells), with each score cell's
 * text read by sheet-scores.ts.
 */

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
  /** The rows by project id, in the order read (kept compactly: core/score-store.ts). */
  entries: ReadonlyMap<string, SheetEntry>;
}

export interface SheetInput {
  /** File as shown in messages. */
  file: string;
  /** File name without folder and extension: the judge when the sheet has no judge column. */
  baseName: string;
  /** The records, the header first; or a text sheet's, split as they are read. */
  rows: readonly Row[] | SheetLines;
  /** True when cells may use a decimal comma (the delimiter is not a comma). */
  decimalComma: boolean;
  /** The worksheet's name, for an .xlsx sheet: locations then include cell references. */
  sheetName?: string;
}

/** Validates one judge's sheet against the rubric (and the roster when there is one). */
export function validateSheet(
  input: SheetInput,
  rubric: Rubric,
  roster: Roster | undefined,
): { sheet?: JudgeSheet; issues: Issue[] } {
  const { rows } = input;
  if (!isSheetLines(rows)) return validateRows(input, rows, rubric, roster);
  return (
    validateLines(input, rows, rubric, roster) ?? validateRows(input, rows.all(), rubric, roster)
  );
}

/** The sheet with every row at hand. */
function validateRows(
  input: SheetInput,
  rows: readonly Row[],
  rubric: Rubric,
  roster: Roster | undefined,
): { sheet?: JudgeSheet; issues: Issue[] } {
  const issues = new IssueList();
  const [header, ...body] = rows;
  if (header === undefined) {
    issues.error('sheet-empty', input.file, worded('sheet-empty', {}));
    return { issues: issues.items };
  }
  const reader = rowReader(input, header, body, body.length, rubric, roster, issues);
  if (reader === undefined) return { issues: issues.items };
  const blank = blankSheetLine(body, reader.scoreColumns, reader.markedRecused);
  if (blank !== undefined) {
    issues.error('sheet-blank', input.file, worded('sheet-blank', {}), { line: blank });
    return { issues: issues.items };
  }
  for (const row of body) reader.read(row);
  return reader.finish();
}

/**
 * The sheet with its rows split as they are read, each checked at once (core/sheet-lines.ts).
 * What needs the whole sheet first is known here only at its end: whether it is a blank template
 * (its row problems are then dropped, as validateRows() never finds them), and the widest
 * trailing-delimiter row (rowWidths()'s `fewest`) or a value under an empty header, for which it
 * gives up: undefined, and the sheet is read whole.
 */
function validateLines(
  input: SheetInput,
  lines: SheetLines,
  rubric: Rubric,
  roster: Roster | undefined,
): { sheet?: JudgeSheet; issues: Issue[] } | undefined {
  const { header } = lines;
  if (emptyHeaderBefore(header)) return undefined;
  const issues = new IssueList();
  const reader = rowReader(input, header, [], lines.count, rubric, roster, issues);
  if (reader === undefined) return { issues: issues.items };
  const blank = new BlankSheet(reader.scoreColumns, reader.markedRecused);
  const { headerCells } = reader;
  const read = lines.each((row) => {
    // More cells than the header: whether that is a problem depends on every other row.
    if (row.cells.length > headerCells) return false;
    blank.see(row);
    reader.read(row);
    return true;
  });
  if (!read) return undefined;
  if (blank.line !== undefined) {
    issues.error('sheet-blank', input.file, worded('sheet-blank', {}), { line: blank.line });
    return { issues: issues.items };
  }
  return reader.finish();
}

/** An empty header cell with a header after it: mapHeader() looks down its column. */
function emptyHeaderBefore(header: Row): boolean {
  let empty = false;
  for (const cell of header.cells) {
    if (cell.trim() === '') empty = true;
    else if (empty) return true;
  }
  return false;
}

interface RowReader {
  /** The columns of the criteria, in rubric order. */
  scoreColumns: readonly number[];
  markedRecused: (row: Row) => boolean;
  /** Cells in the header row, empty ones at the end included. */
  headerCells: number;
  /** Checks one row after the header and keeps it when it passes. */
  read(row: Row): void;
  /** The sheet, or its problems, once every row is read. */
  finish(): { sheet?: JudgeSheet; issues: Issue[] };
}

/**
 * The header mapped and the row checks made ready, or undefined when the header has errors (in
 * `issues`). `body` is what the row-width and header checks may look at: the rows, or none when
 * they come one at a time (validateLines() makes sure nothing is missed).
 */
function rowReader(
  input: SheetInput,
  header: Row,
  body: readonly Row[],
  capacity: number,
  rubric: Rubric,
  roster: Roster | undefined,
  issues: IssueList,
): RowReader | undefined {
  const { file } = input;
  const { columns, where, fieldIndex, criterionCols } = mapHeader(
    header,
    body,
    rubric,
    { file, ...(input.sheetName !== undefined ? { sheetName: input.sheetName } : {}) },
    issues,
  );
  if (issues.hasErrors) return undefined;

  const projectCol = fieldIndex('project');
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
  const scoreColumns = criterionIds.ids.map((id) => criterionCols.get(id)!);
  const markedRecused = (row: Row) =>
    recusedCol >= 0 ? YES.has(flagText(row.cells[recusedCol] ?? '')) : false;

  const entries = new SheetRows(criterionIds, capacity, roster?.projects);
  let judge: { name: string; line: number } | undefined;
  const meaningOf = scoreReader(rubric, input.decimalComma);
  const scoreIndex = rubric.criteria.map((c) => criterionCols.get(c.id) ?? -1);
  const texts: string[] = new Array<string>(rubric.criteria.length);
  const cellMeanings: CellMeaning[] = new Array<CellMeaning>(rubric.criteria.length);
  // One array of a row's scores for every row: entries.add() keeps codes, not the array.
  const values: Dec[] = new Array<Dec>(rubric.criteria.length);
  // The row being read, for the functions below: made once per sheet rather than once per row
  // (a million-cell review has 250,000 rows, and each closure was garbage to collect).
  let row: Row = header;
  const cell = (i: number) => (i < 0 ? '' : (row.cells[i] ?? '').trim());
  const at = (i: number) => where(row.line, i);
  const rowAdvice = () => advice(row.cells);

  // The rows' problems, apart from the header's: a blank template's are dropped (validateLines()).
  const rows = new IssueList();
  const read = (next: Row) => {
    row = next;
    if (isBlank(row)) return;

    const shape = rowWidthProblem(row, widths, rowAdvice);
    if (shape !== undefined) {
      rows.error(shape.code, file, shape.message, { line: row.line });
      return;
    }

    const project = identifyProject(
      cell(projectCol),
      nameCol >= 0 ? cell(nameCol) : '',
      entries,
      roster,
    );
    if (typeof project !== 'string') {
      rows.error(project.code, file, project.message, at(projectCol));
      return;
    }

    if (judgeCol >= 0 && cell(judgeCol) !== '') {
      const name = cell(judgeCol);
      if (judge === undefined) judge = { name, line: row.line };
      else if (judge.name !== name) {
        rows.error(
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
        rows.error(
          'recused-value',
          file,
          worded('recused-value', { text: cell(recusedCol), ...withAdvice(advice(row.cells)) }),
          at(recusedCol),
        );
        return;
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

    const name = nameCol >= 0 ? cell(nameCol) : '';
    const comment = commentCol >= 0 ? cell(commentCol) : '';

    if (recused) {
      let scored = 0;
      for (let c = 0; c < scoreIndex.length; c++) {
        if (texts[c] === '' || cellMeanings[c]!.word) continue;
        scored++;
        rows.error(
          'recused-scored',
          file,
          worded('recused-scored', { project, text: texts[c] ?? '' }),
          at(scoreIndex[c]!),
        );
      }
      if (scored === 0) entries.add(project, row.line, undefined, name, comment);
      return;
    }

    let rowOk = true;
    for (let c = 0; c < scoreIndex.length; c++) {
      const score = cellMeanings[c]!.score;
      if (isWorded(score)) {
        rows.error('score-invalid', file, score, at(scoreIndex[c]!));
        rowOk = false;
      }
    }
    if (!rowOk) return;
    for (let c = 0; c < values.length; c++) values[c] = cellMeanings[c]!.score as Dec;
    if (totalCol >= 0 && cell(totalCol) !== '') {
      const written = parseNumber(cell(totalCol), input.decimalComma);
      const actual = sum(values);
      if (!written.ok) {
        rows.error(
          'total-invalid',
          file,
          worded('total-invalid', { text: cell(totalCol), ...withAdvice(advice(row.cells)) }),
          at(totalCol),
        );
        return;
      } else if (!written.value.equals(actual)) {
        rows.error(
          'total-mismatch',
          file,
          worded('total-mismatch', {
            written: written.value.toString(),
            actual: actual.toString(),
            ...withAdvice(advice(row.cells)),
          }),
          at(totalCol),
        );
        return;
      }
    }
    const shifted = shiftedScore(row.cells, [commentCol, judgeCol, noCol], splitScore);
    if (shifted !== undefined) {
      rows.error(
        'decimal-comma',
        file,
        worded('decimal-comma', {
          text: cell(shifted.column),
          advice: decimalCommaAdvice(shifted.splits),
        }),
        at(shifted.column),
      );
      return;
    }
    entries.add(project, row.line, values, name, comment);
  };

  const finish = () => {
    issues.addAll(rows.items);
    if (entries.size === 0 && !issues.hasErrors) {
      issues.error('sheet-no-rows', file, worded('sheet-no-rows', {}), {
        line: header.line,
      });
    }
    if (issues.hasErrors) return { issues: issues.items };
    return {
      sheet: { judge: judge?.name ?? input.baseName, file, entries },
      issues: issues.items,
    };
  };
  return { scoreColumns, markedRecused, headerCells: widths.headerCells, read, finish };
}

/**
 * A row's project id, checked: present, printable, not a repeat of an earlier row, and in the
 * roster (with a hint when it nearly matches one); or why not, for the caller to report at the
 * project cell. (An id, not an object holding it: one per row of a million-cell review.)
 */
function identifyProject(
  text: string,
  name: string,
  entries: ReadonlyMap<string, SheetEntry>,
  roster: Roster | undefined,
): string | { code: string; message: Worded } {
  const project = projectId(text);
  if (project === '') return { code: 'project-missing', message: worded('project-missing', {}) };
  const control = controlCharacter(project);
  if (control !== undefined) {
    return { code: 'project-id', message: worded('project-control', { control }) };
  }
  const first = entries.get(project);
  if (first !== undefined) {
    return {
      code: 'project-duplicate',
      message: worded('project-duplicate', { project, firstLine: first.line }),
    };
  }
  const listed = roster?.projects.get(project);
  if (roster === undefined) return project;
  if (listed === undefined) {
    const hint = projectHint(project, name, roster);
    return {
      code: 'project-unknown',
      message: worded('project-unknown', {
        project,
        roster: roster.file,
        ...(hint !== undefined ? { hint } : {}),
      }),
    };
  }
  // The roster's copies of an equal id and name, shared by every sheet: a cell's own text is
  // another copy per sheet, and a long one can hold on to the whole sheet's text.
  return listed.id;
}

function withAdvice(advice: Worded | undefined): { advice?: Worded } {
  return advice === undefined ? {} : { advice };
}

import type { Row } from './model.js';
import { sum, type Dec } from './decimal.js';
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
import type { Rubric } from './rubric.js';
import { flagText, NO, YES } from './score-cell.js';
import { mapHeader } from './sheet-header.js';
import { SheetRows } from './score-store.js';
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
  rows: readonly Row[];
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
  const issues = new IssueList();
  const { file } = input;
  const [header, ...body] = input.rows;
  if (header === undefined) {
    issues.error('sheet-empty', file, worded('sheet-empty', {}));
    return { issues: issues.items };
  }

  const { columns, where, fieldIndex, criterionCols } = mapHeader(
    header,
    body,
    rubric,
    { file, ...(input.sheetName !== undefined ? { sheetName: input.sheetName } : {}) },
    issues,
  );
  if (issues.hasErrors) return { issues: issues.items };

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
  const blank = blankSheetLine(
    body,
    criterionIds.ids.map((id) => criterionCols.get(id)!),
    (row) => (recusedCol >= 0 ? YES.has(flagText(row.cells[recusedCol] ?? '')) : false),
  );
  if (blank !== undefined) {
    issues.error('sheet-blank', file, worded('sheet-blank', {}), { line: blank });
    return { issues: issues.items };
  }

  const entries = new SheetRows(criterionIds, body.length, roster?.projects);
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

  for (row of body) {
    if (isBlank(row)) continue;

    const shape = rowWidthProblem(row, widths, rowAdvice);
    if (shape !== undefined) {
      issues.error(shape.code, file, shape.message, { line: row.line });
      continue;
    }

    const project = identifyProject(
      cell(projectCol),
      nameCol >= 0 ? cell(nameCol) : '',
      entries,
      roster,
    );
    if (typeof project !== 'string') {
      issues.error(project.code, file, project.message, at(projectCol));
      continue;
    }

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
          worded('recused-value', { text: cell(recusedCol), ...withAdvice(advice(row.cells)) }),
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

    const name = nameCol >= 0 ? cell(nameCol) : '';
    const comment = commentCol >= 0 ? cell(commentCol) : '';

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
      if (scored === 0) entries.add(project, row.line, undefined, name, comment);
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
    for (let c = 0; c < values.length; c++) values[c] = cellMeanings[c]!.score as Dec;
    if (totalCol >= 0 && cell(totalCol) !== '') {
      const written = parseNumber(cell(totalCol), input.decimalComma);
      const actual = sum(values);
      if (!written.ok) {
        issues.error(
          'total-invalid',
          file,
          worded('total-invalid', { text: cell(totalCol), ...withAdvice(advice(row.cells)) }),
          at(totalCol),
        );
        continue;
      } else if (!written.value.equals(actual)) {
        issues.error(
          'total-mismatch',
          file,
          worded('total-mismatch', {
            written: written.value.toString(),
            actual: actual.toString(),
            ...withAdvice(advice(row.cells)),
          }),
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
        worded('decimal-comma', {
          text: cell(shifted.column),
          advice: decimalCommaAdvice(shifted.splits),
        }),
        at(shifted.column),
      );
      continue;
    }
    entries.add(project, row.line, values, name, comment);
  }

  if (entries.size === 0 && !issues.hasErrors) {
    issues.error('sheet-no-rows', file, worded('sheet-no-rows', {}), {
      line: header.line,
    });
  }
  if (issues.hasErrors) return { issues: issues.items };
  return { sheet: { judge: judge?.name ?? input.baseName, file, entries }, issues: issues.items };
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

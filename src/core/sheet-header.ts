import type { Row } from './model.js';
import {
  closest,
  normalizeHeader,
  SHEET_FIELDS,
  stripMaxAnnotation,
  type SheetField,
} from './headers.js';
import type { IssueList, Location } from './issues.js';
import type { Criterion, Rubric } from './rubric.js';
import { worded } from '../text/problems.js';

/*
 * Header mapping, the first step of reading a score sheet: what each column of the header row
 * means (a criterion, a known field, or nothing), with every unknown, repeated or missing
 * column reported at once.
 */

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

export type Column =
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

/** What the header row of a sheet says, for the row checks that follow. */
export interface SheetHeader {
  columns: Column[];
  /** A cell's location as messages name it (with the spreadsheet cell in an .xlsx sheet). */
  where: (line: number, i: number) => Location;
  /** The column of a field, or -1. */
  fieldIndex: (field: SheetField) => number;
  /** Criterion id -> its column. */
  criterionCols: Map<string, number>;
}

/** Maps the header row; problems go to `issues` (the caller stops when there are errors). */
export function mapHeader(
  header: Row,
  body: readonly Row[],
  rubric: Rubric,
  sheet: { file: string; sheetName?: string },
  issues: IssueList,
): SheetHeader {
  const { file } = sheet;
  // Map every header cell to what it means; unknown headers are errors, never silently ignored.
  const index = headerIndex(rubric);
  // In an .xlsx sheet a location is also given as the cell reference the judge sees (Sheet1!C7).
  const where = (line: number, i: number) => ({
    line,
    column: header.cells[i]?.trim() || `column ${i + 1}`,
    ...(sheet.sheetName !== undefined
      ? { cell: `${sheet.sheetName}!${columnLetters(i)}${line}` }
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
  return { columns, where, fieldIndex, criterionCols };
}

import type { Worded } from '../problems.js';

/**
 * Problems in a sheet's rows and the project ids they name (core/sheet.ts, row-shape.ts,
 * decimal-comma.ts, project-hint.ts, panel.ts). `advice`, when given, explains a likely cause
 * (a decimal comma) after a dash.
 */
export interface RowProblems {
  'row-short': { cells: number; width: number };
  /** Cells `from + 1`..`cells` beyond the last column hold `values` (the first five, trimmed). */
  'row-long-filled': {
    cells: number;
    width: number;
    from: number;
    values: string[];
    more: boolean;
    advice?: Worded;
  };
  /** Empty cells beyond the header's that the row on `line` does not have. */
  'row-long-empty': { cells: number; width: number; from: number; line: number; advice?: Worded };
  /** Scores typed with a decimal comma, split into two cells: as written, where, as meant. */
  'decimal-comma-advice': { splits: { written: string; criterion: string; meant: string }[] };
  'decimal-comma': { text: string; advice: Worded };
  'recused-value': { text: string; advice?: Worded };
  'total-invalid': { text: string; advice?: Worded };
  'total-mismatch': { written: string; actual: string; advice?: Worded };
  'project-control': { control: string };
  'project-unknown': { project: string; roster: string; hint?: Worded };
  /** The roster projects an unknown id probably meant; `zeros` when Excel dropped leading zeros. */
  'project-hint': { meant: { id: string; name?: string }[]; zeros: boolean };
  'judge-duplicate': { judge: string; other: string };
  /** `assigned` is the assignments file; `sameId` a row that probably meant the project. */
  'project-unscored': {
    project: string;
    name?: string;
    judge: string;
    assigned?: string;
    withRoster: boolean;
    sameId?: { project: string; line: number };
  };
  'name-differs': { project: string; name: string; rosterName: string };
  'trim-too-large': { trim: number; judges: number };
  'project-unassigned': { project: string; judge: string; file: string };
}

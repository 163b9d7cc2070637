import type { Dec } from './decimal.js';
import { SheetRows } from './score-store.js';
import type { JudgeSheet, SheetEntry } from './sheet.js';

/*
 * Each judge's row for each project of a review, as computeResults() walks them. A province-wide
 * round has 250,000 of them: made into a SheetEntry and a score view each and held while the
 * arithmetic ran, they were promoted to the old generation and collected there, ~20 MB of the
 * heap's peak and much of the time spent collecting. With sheets in typed columns (every sheet
 * validateSheet() reads) a row is a number; an entry is made only where one is asked for.
 */

/** A review's judge × project rows, projects at numbered slots. */
export interface PanelEntries {
  /** Looks project `id` up in every sheet and puts it at slot `at` (replacing what was there). */
  place(at: number, id: string): void;
  /** Whether judge j's sheet has a row for the project at slot `at`. */
  has(at: number, j: number): boolean;
  recused(at: number, j: number): boolean;
  line(at: number, j: number): number;
  name(at: number, j: number): string | undefined;
  /** The judge's scores of the project at slot `at` (empty when recused). */
  scores(at: number, j: number): ReadonlyMap<string, Dec>;
  comment(at: number, j: number): string | undefined;
  /** The project's entries, in judge order (undefined where a judge has no row). */
  entries(at: number): (SheetEntry | undefined)[];
  /** The typed rows, when every sheet has them (scalePanel() reads their cells directly). */
  readonly rows?: PanelRows;
}

/** Row numbers: [slot × judges + judge] -> the row in that judge's sheet, -1 for none. */
export interface PanelRows {
  sheets: readonly SheetRows[];
  rowAt: Int32Array;
}

/** The rows of `judges` (in the order given) for up to `projects` projects. */
export function panelEntries(judges: readonly JudgeSheet[], projects: number): PanelEntries {
  const sheets: SheetRows[] = [];
  for (const j of judges) if (j.entries instanceof SheetRows) sheets.push(j.entries);
  return sheets.length === judges.length && judges.length > 0
    ? typedEntries(sheets, projects)
    : mapEntries(judges);
}

function typedEntries(sheets: readonly SheetRows[], projects: number): PanelEntries {
  const J = sheets.length;
  const rowAt = new Int32Array(projects * J);
  const row = (at: number, j: number) => rowAt[at * J + j]!;
  const shared = sheets.every((s) => s.numbering === sheets[0]!.numbering);
  return {
    rows: { sheets, rowAt },
    place(at, id) {
      // With a roster every sheet numbers the projects alike: the id is looked up once.
      const n = shared ? sheets[0]!.projectNumber(id) : -1;
      for (let j = 0; j < J; j++) {
        rowAt[at * J + j] = shared ? sheets[j]!.rowOfNumber(n) : sheets[j]!.rowOfProject(id);
      }
    },
    has: (at, j) => row(at, j) >= 0,
    recused: (at, j) => sheets[j]!.recusedAt(row(at, j)),
    line: (at, j) => sheets[j]!.lineAt(row(at, j)),
    name: (at, j) => sheets[j]!.nameAt(row(at, j)),
    scores: (at, j) => sheets[j]!.scoresAt(row(at, j)),
    comment: (at, j) => sheets[j]!.commentAt(row(at, j)),
    entries(at) {
      const out: (SheetEntry | undefined)[] = [];
      for (let j = 0; j < J; j++) {
        const r = row(at, j);
        out.push(r < 0 ? undefined : sheets[j]!.entryAt(r));
      }
      return out;
    },
  };
}

/** Sheets kept as maps (made by a program or a test rather than read): their entries as held. */
function mapEntries(judges: readonly JudgeSheet[]): PanelEntries {
  const slots: (SheetEntry | undefined)[][] = [];
  const entry = (at: number, j: number) => slots[at]![j];
  return {
    place(at, id) {
      slots[at] = judges.map((sheet) => sheet.entries.get(id));
    },
    has: (at, j) => entry(at, j) !== undefined,
    recused: (at, j) => entry(at, j)!.recused,
    line: (at, j) => entry(at, j)!.line,
    name: (at, j) => entry(at, j)!.name,
    scores: (at, j) => entry(at, j)!.scores,
    comment: (at, j) => entry(at, j)!.comment,
    entries: (at) => slots[at]!,
  };
}

/** Whether the judge of `sheet` scored project `id` (has a row for it, not recused). */
export function scoredBy(sheet: JudgeSheet, id: string): boolean {
  const rows = sheet.entries;
  if (rows instanceof SheetRows) {
    const row = rows.rowOfProject(id);
    return row >= 0 && !rows.recusedAt(row);
  }
  const entry = rows.get(id);
  return entry !== undefined && !entry.recused;
}

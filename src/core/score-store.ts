import type { Dec } from './decimal.js';
import type { RosterProject } from './roster.js';
import type { SheetEntry } from './sheet.js';
import { CriterionScores, NO_SCORES, type CriterionIds, type ScoreSource } from './sheet-scores.js';

/*
 * A judge's sheet as read, kept in typed columns rather than as an object per row: a
 * province-wide review has a million score cells, and an object per row with its own map of
 * scores cost ~60 bytes a cell where these columns cost ~12. A row is looked up by project id and
 * handed out as a SheetEntry made on the spot, so the rest of pcv reads a sheet as before.
 */

const RECUSED = 1;
/** The row's project name is the roster's (a name not equal to the roster's is kept as written). */
const ROSTER_NAME = 2;

/** One sheet's rows, by project id in the order read; read-only once validateSheet is done. */
export class SheetRows implements ReadonlyMap<string, SheetEntry>, ScoreSource {
  /** Project id -> row number. */
  private readonly rowOf = new Map<string, number>();
  private readonly lines: Int32Array;
  private readonly flags: Uint8Array;
  /** Row × criterion -> index into `distinct`: a sheet holds few distinct scores. */
  private readonly codes: Int32Array;
  private readonly distinct: Dec[] = [];
  private readonly codeOf = new Map<Dec, number>();
  /** Only the rows that have one. */
  private readonly names = new Map<number, string>();
  private readonly comments = new Map<number, string>();

  constructor(
    private readonly criteria: CriterionIds,
    /** At least as many rows as will be added: the sheet's body. */
    capacity: number,
    private readonly roster: ReadonlyMap<string, RosterProject> | undefined,
  ) {
    this.lines = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.codes = new Int32Array(capacity * criteria.ids.length);
  }

  /** Adds a project's row: its scores in rubric order, or none when recused. */
  add(
    project: string,
    line: number,
    scores: readonly Dec[] | undefined,
    name: string,
    comment: string,
  ): void {
    const row = this.rowOf.size;
    this.rowOf.set(project, row);
    this.lines[row] = line;
    let flags = scores === undefined ? RECUSED : 0;
    if (name !== '') {
      if (this.roster?.get(project)?.name === name) flags |= ROSTER_NAME;
      else this.names.set(row, name);
    }
    this.flags[row] = flags;
    if (comment !== '') this.comments.set(row, comment);
    if (scores === undefined) return;
    const at = row * this.criteria.ids.length;
    for (let c = 0; c < scores.length; c++) {
      const value = scores[c]!;
      let code = this.codeOf.get(value);
      if (code === undefined) {
        code = this.distinct.push(value) - 1;
        this.codeOf.set(value, code);
      }
      this.codes[at + c] = code;
    }
  }

  /** The score in cell `cell` (row × criteria + criterion). */
  scoreAt(cell: number): Dec {
    return this.distinct[this.codes[cell]!]!;
  }

  private entry(project: string, row: number): SheetEntry {
    const flags = this.flags[row]!;
    const recused = (flags & RECUSED) !== 0;
    const scores = recused
      ? NO_SCORES
      : new CriterionScores(this.criteria, this, row * this.criteria.ids.length);
    const entry: SheetEntry = { project, line: this.lines[row]!, recused, scores };
    const name =
      (flags & ROSTER_NAME) !== 0 ? this.roster?.get(project)?.name : this.names.get(row);
    if (name !== undefined) entry.name = name;
    const comment = this.comments.get(row);
    if (comment !== undefined) entry.comment = comment;
    return entry;
  }

  get size(): number {
    return this.rowOf.size;
  }

  get(project: string): SheetEntry | undefined {
    const row = this.rowOf.get(project);
    return row === undefined ? undefined : this.entry(project, row);
  }

  has(project: string): boolean {
    return this.rowOf.has(project);
  }

  forEach(
    fn: (value: SheetEntry, key: string, map: ReadonlyMap<string, SheetEntry>) => void,
  ): void {
    for (const [project, row] of this.rowOf) fn(this.entry(project, row), project, this);
  }

  *entries(): MapIterator<[string, SheetEntry]> {
    for (const [project, row] of this.rowOf) yield [project, this.entry(project, row)];
  }

  keys(): MapIterator<string> {
    return this.rowOf.keys();
  }

  *values(): MapIterator<SheetEntry> {
    for (const [project, row] of this.rowOf) yield this.entry(project, row);
  }

  [Symbol.iterator](): MapIterator<[string, SheetEntry]> {
    return this.entries();
  }
}

import type { Dec } from './decimal.js';
import type { RosterProject } from './roster.js';
import type { SheetEntry } from './sheet.js';
import { CriterionScores, NO_SCORES, type CriterionIds, type ScoreSource } from './sheet-scores.js';

/*
 * A judge's sheet as read, kept in typed columns rather than as an object per row: a
 * province-wide review has a million score cells, and an object per row with its own map of
 * scores cost ~64 bytes a cell where these columns cost 7-12. A row is looked up by project id and
 * handed out as a SheetEntry made on the spot, so the rest of pcv reads a sheet as before.
 */

const RECUSED = 1;
/** The row's project name is the roster's (a name not equal to the roster's is kept as written). */
const ROSTER_NAME = 2;

/**
 * Project ids by number: the roster's, shared by every sheet of a review (a map of its own per
 * sheet would cost more than the scores), or a sheet's own when there is no roster.
 */
class ProjectIndex {
  private static readonly cache = new WeakMap<object, ProjectIndex>();
  readonly ids: string[] = [];
  private readonly at = new Map<string, number>();

  static of(roster: ReadonlyMap<string, RosterProject>): ProjectIndex {
    let index = ProjectIndex.cache.get(roster);
    if (index === undefined) {
      index = new ProjectIndex();
      for (const id of roster.keys()) index.add(id);
      ProjectIndex.cache.set(roster, index);
    }
    return index;
  }

  get size(): number {
    return this.ids.length;
  }

  get(id: string): number | undefined {
    return this.at.get(id);
  }

  add(id: string): number {
    const n = this.ids.push(id) - 1;
    this.at.set(id, n);
    return n;
  }
}

/** One sheet's rows, by project id in the order read; read-only once validateSheet is done. */
export class SheetRows implements ReadonlyMap<string, SheetEntry>, ScoreSource {
  private readonly index: ProjectIndex;
  /** The sheet's own index (no roster): a project not yet in it is added. */
  private readonly ownIndex: boolean;
  private rows = 0;
  /** Project number -> row, -1 for none. */
  private readonly rowOf: Int32Array;
  /** Row -> project number. */
  private readonly projectOf: Int32Array;
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
    this.ownIndex = roster === undefined;
    this.index = roster === undefined ? new ProjectIndex() : ProjectIndex.of(roster);
    // A sheet adds at most one project per row to its own index.
    this.rowOf = new Int32Array(roster === undefined ? capacity : this.index.size).fill(-1);
    this.projectOf = new Int32Array(capacity);
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
    const row = this.rows++;
    let n = this.index.get(project);
    if (n === undefined) {
      // validateSheet() adds only projects of the roster, when there is one.
      if (!this.ownIndex) throw new Error(`SheetRows.add(): ${project} is not in the roster`);
      n = this.index.add(project);
    }
    this.rowOf[n] = row;
    this.projectOf[row] = n;
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

  /*
   * Rows by number, for the panel's arithmetic (core/panel-rows.ts): a million cells read
   * without a SheetEntry and a score view made for each row on the way.
   */

  /** The criterion ids, in the order of each row's cells. */
  get criterionIds(): readonly string[] {
    return this.criteria.ids;
  }

  /** The numbering of projects the sheet uses: the sheets of one roster share it. */
  get numbering(): object {
    return this.index;
  }

  /** The project's number in that numbering, or -1. */
  projectNumber(project: string): number {
    return this.index.get(project) ?? -1;
  }

  /** The row of project number `n` (-1: none). */
  rowOfNumber(n: number): number {
    return n < 0 ? -1 : this.rowOf[n]!;
  }

  /** The project's row, or -1 when the sheet has none. */
  rowOfProject(project: string): number {
    return this.rowFor(project);
  }

  recusedAt(row: number): boolean {
    return (this.flags[row]! & RECUSED) !== 0;
  }

  lineAt(row: number): number {
    return this.lines[row]!;
  }

  /** The project name the row gives, if any. */
  nameAt(row: number): string | undefined {
    return (this.flags[row]! & ROSTER_NAME) !== 0
      ? this.roster?.get(this.projectAt(row))?.name
      : this.names.get(row);
  }

  /** The row's scores (a view of its cells), empty when recused. */
  scoresAt(row: number): ReadonlyMap<string, Dec> {
    return this.recusedAt(row)
      ? NO_SCORES
      : new CriterionScores(this.criteria, this, row * this.criteria.ids.length);
  }

  commentAt(row: number): string | undefined {
    return this.comments.get(row);
  }

  /**
   * The rows whose project name is not `roster`'s as written, in the order read: the only ones
   * whose name can differ from it. Undefined when the sheet was read with another roster.
   */
  namedUnlikeRoster(
    roster: ReadonlyMap<string, RosterProject>,
  ): Iterable<{ project: string; name: string; line: number }> | undefined {
    if (roster !== this.roster) return undefined;
    return [...this.names].map(([row, name]) => ({
      project: this.projectAt(row),
      name,
      line: this.lines[row]!,
    }));
  }

  /** The row as a SheetEntry, made on the spot. */
  entryAt(row: number): SheetEntry {
    return this.entry(this.projectAt(row), row);
  }

  /** The cell's score as a number standing for one of the sheet's distinct scores. */
  codeAt(cell: number): number {
    return this.codes[cell]!;
  }

  /** The distinct score that a code stands for. */
  scoreOfCode(code: number): Dec {
    return this.distinct[code]!;
  }

  /** How many distinct scores the sheet holds (codes are 0 .. this - 1). */
  get codeCount(): number {
    return this.distinct.length;
  }

  private entry(project: string, row: number): SheetEntry {
    const recused = this.recusedAt(row);
    const entry: SheetEntry = {
      project,
      line: this.lines[row]!,
      recused,
      scores: this.scoresAt(row),
    };
    const name = this.nameAt(row);
    if (name !== undefined) entry.name = name;
    const comment = this.comments.get(row);
    if (comment !== undefined) entry.comment = comment;
    return entry;
  }

  get size(): number {
    return this.rows;
  }

  private rowFor(project: string): number {
    const n = this.index.get(project);
    return n === undefined ? -1 : this.rowOf[n]!;
  }

  get(project: string): SheetEntry | undefined {
    const row = this.rowFor(project);
    return row < 0 ? undefined : this.entry(project, row);
  }

  has(project: string): boolean {
    return this.rowFor(project) >= 0;
  }

  private projectAt(row: number): string {
    return this.index.ids[this.projectOf[row]!]!;
  }

  forEach(
    fn: (value: SheetEntry, key: string, map: ReadonlyMap<string, SheetEntry>) => void,
  ): void {
    for (let row = 0; row < this.rows; row++) {
      const project = this.projectAt(row);
      fn(this.entry(project, row), project, this);
    }
  }

  *entries(): MapIterator<[string, SheetEntry]> {
    for (let row = 0; row < this.rows; row++) {
      const project = this.projectAt(row);
      yield [project, this.entry(project, row)];
    }
  }

  *keys(): MapIterator<string> {
    for (let row = 0; row < this.rows; row++) yield this.projectAt(row);
  }

  *values(): MapIterator<SheetEntry> {
    for (let row = 0; row < this.rows; row++) yield this.entry(this.projectAt(row), row);
  }

  [Symbol.iterator](): MapIterator<[string, SheetEntry]> {
    return this.entries();
  }
}

/**
 * Problems and notes about input files as files (src/io/): encodings, size limits, CSV quoting,
 * file kinds that are not sheets, lock and hidden files, workbooks and their cells, and the
 * files a run cannot start without.
 */

/** An encoding pcv may read a file in, as decode.ts names it. */
export type EncodingName = 'utf-8' | 'gb18030' | 'big5' | 'shift_jis';
/** What a file's first bytes show it to be (io/sniff.ts). */
export type ContentKind = 'xlsx' | 'zip' | 'old-workbook' | 'encrypted' | 'pdf' | 'text';
/** A file kind pcv knows by its extension and cannot read as a sheet (io/sheet-files.ts). */
export type RefusedKind =
  'xls' | 'et' | 'excel-other' | 'ods' | 'numbers' | 'document' | 'pdf' | 'picture' | 'archive';
/** A reading of a file in one encoding, with the cell where it first looks wrong. */
export interface EncodingReading {
  encoding: EncodingName;
  sample: string;
}

export interface FileProblems {
  'utf16-no-bom': Record<string, never>;
  'encoding-invalid': Record<string, never>;
  /** A note: the file was read as `chosen`, since as `rule` its text would be `sample`. */
  'encoding-chosen': { chosen: EncodingName; rule: EncodingName; sample: string };
  'encoding-unknown': { closest: EncodingReading };
  'encoding-ambiguous': { first: EncodingReading; second: EncodingReading };
  'bom-invalid': { label: string };
  'nul-byte': Record<string, never>;
  /** `text` is U+FFFD or 锟斤拷. */
  'text-lost': { text: string };
  'file-empty': Record<string, never>;
  /** Sizes in whole MB. */
  'file-too-large': { mb: number; maxMb: number };
  'quote-unclosed-line': Record<string, never>;
  'quote-trailing-text': Record<string, never>;
  'quote-unclosed': Record<string, never>;
  'csv-malformed': { detail: string };
  'limit-rows': { max: number };
  'limit-columns': { columns: number; max: number };
  'limit-cell': { cell: number; chars: number; max: number };
  /** `ext` is '' for a file without one. */
  'content-not-xlsx': { ext: string; kind: ContentKind };
  'content-not-text': { ext: string; kind: ContentKind };
  'xlsx-too-large': { mb: number };
  'xlsx-not-zip': Record<string, never>;
  'xlsx-too-many-parts': { count: number };
  'xlsx-damaged': { directory: 'none' | 'bad' };
  'xlsx-inflates': { mb: number };
  'xlsx-unreadable': { detail: string };
  'xlsx-no-worksheet': Record<string, never>;
  'xlsx-all-hidden': Record<string, never>;
  'xlsx-first-sheet': { sheet: string; other: string; hidden: boolean };
  'xlsx-hidden-worksheets': { hidden: string[]; sheet: string };
  'formula-not-calculated': Record<string, never>;
  'cell-percent': { ref: string; shown: string; value: string };
  'cell-date': { ref: string; shown: string; value: string };
  /** A lock file of a sheet open in Excel or WPS, or in LibreOffice. */
  'lock-file': { app: 'excel' | 'libreoffice'; file: string };
  'system-file': Record<string, never>;
  'hidden-file': Record<string, never>;
  'hidden-folder': Record<string, never>;
  subfolder: Record<string, never>;
  'review-file': { role: 'roster' | 'assignments' | 'rubric' };
  'file-refused': { kind: RefusedKind };
  /** `csv` is the name to rename a text file to, when the file is text. */
  'file-unknown': { csv?: string };
  'file-xlsx-no-extension': { xlsx: string };
  /** Files a run cannot start without (PcvError lines). */
  'input-missing': { file: string };
  'input-denied': { file: string };
  'input-folder': { file: string };
  'input-unreadable': { file: string; code: string };
  'no-scores-folder': { folder: string };
  'no-pattern-match': { pattern: string };
  'no-such-input': { input: string };
  'no-sheets': { folder?: string };
  'no-rubric': { names: string; folder: string };
  'no-rubric-file': { file: string };
  'no-roster-file': { file: string };
}

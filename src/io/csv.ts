import { parse } from 'csv-parse/sync';
import { worded, type Worded } from '../text/problems.js';
import type { SheetLines } from '../core/sheet-lines.js';
import { sheetLines } from './csv-lines.js';
import { lineBreaks, readRecords } from './csv-records.js';
import { LIMITS } from './limits.js';

import type { Row } from '../core/model.js';

export type { Row } from '../core/model.js';

export type Delimiter = ',' | ';' | '\t';

export type ParsedCsv =
  { ok: true; delimiter: Delimiter; rows: Row[] } | { ok: false; line: number; message: Worded };

/** csv-parse's options: every record, quoted or not, is read by these rules. */
export const CSV_OPTIONS = {
  info: true,
  relax_column_count: true,
  // A quote inside an unquoted cell (5" screen) is kept as text, as Excel does.
  relax_quotes: true,
  skip_empty_lines: true,
} as const;

/** Parses decoded CSV text, keeping for every record the line where it starts. */
export function parseCsv(input: string): ParsedCsv {
  // A sheet saved on Windows ends every line with CRLF: its quote-free lines are split as they
  // are, each line's CR left out, and only the lines csv-parse reads are made LF-only (a copy of
  // a whole sheet's text, and its collection, cost as much as splitting it).
  const crlf = crlfOnly(input);
  const read = crlf ? input : lfOnly(input);
  const delimiter = detectDelimiter(read);
  // csv-parse reads UTF-8 bytes, in which a lone surrogate becomes U+FFFD: such text is all its.
  const split = !wellFormed(read)
    ? undefined
    : readRecords(
        read,
        delimiter,
        (part) => {
          try {
            return parseRecords(part, delimiter);
          } catch {
            return undefined;
          }
        },
        crlf,
      );
  if (split !== undefined) return checkLimits(split) ?? { ok: true, delimiter, rows: split };
  // One line ending throughout: files edited on several systems mix CRLF, LF and CR, and
  // csv-parse counts lines (and splits records) by the first ending it sees.
  const text = crlf ? lfOnly(input) : read;
  const unclosed = findUnclosedQuote(text, delimiter);
  if (unclosed !== undefined) {
    return {
      ok: false,
      line: unclosed,
      message: worded('quote-unclosed-line', {}),
    };
  }
  let rows: Row[];
  try {
    rows = parseRecords(text, delimiter);
  } catch (err) {
    return { ok: false, ...describeParseError(err) };
  }
  const over = checkLimits(rows);
  return over ?? { ok: true, delimiter, rows };
}

/**
 * A score sheet's text: as parseCsv() reads it, but with records split one at a time as they are
 * read (io/csv-lines.ts) when every record is a line of its own (no quote anywhere).
 */
export function parseSheetCsv(
  input: string,
): { ok: true; delimiter: Delimiter; rows: Row[] | SheetLines } | (ParsedCsv & { ok: false }) {
  if (!input.includes('"')) {
    const crlf = crlfOnly(input);
    const read = crlf ? input : lfOnly(input);
    const delimiter = detectDelimiter(read);
    // A lone surrogate: csv-parse reads such text (see parseCsv()).
    const lines = wellFormed(read) ? sheetLines(read, delimiter, crlf) : undefined;
    if (lines !== undefined) return { ok: true, delimiter, rows: lines };
  }
  return parseCsv(input);
}

/**
 * Line endings made \n, as text.replace(/\r\n?/g, '\n') would: each CR one LF, the LF of a CRLF
 * dropped. Two plain replaceAll passes give a flat string; the regex's result was a rope that the
 * first scan of the text had to flatten, ~10 ms for each sheet of a 1M-cell review.
 */
export function lfOnly(text: string): string {
  return text.includes('\r') ? text.replaceAll('\r\n', '\n').replaceAll('\r', '\n') : text;
}

/**
 * No lone surrogate: String.prototype.isWellFormed (in Node 20, though not in the ES2023 library
 * pcv compiles against), a scan several times faster than the regex /[\uD800-\uDFFF]/u.
 */
const wellFormed = (text: string): boolean =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Whether the text has a CR and every CR is the start of a CRLF (no lone CR). */
export function crlfOnly(text: string): boolean {
  let cr = text.indexOf('\r');
  if (cr < 0) return false;
  for (; cr >= 0; cr = text.indexOf('\r', cr + 2)) {
    if (text.charCodeAt(cr + 1) !== 10) return false;
  }
  return true;
}

/** csv-parse's records of `text`, each with the line it starts on; throws what csv-parse throws. */
function parseRecords(text: string, delimiter: Delimiter): Row[] {
  const records = parse(text, { delimiter, ...CSV_OPTIONS }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  // `info.lines` is the line a record ends on. With one line ending throughout, every line break
  // inside a record is inside one of its (quoted) cells, so the record starts that many lines
  // earlier. (csv-parse's `raw` option would give the same, at the price of a copy of the text.)
  return records.map(({ record, info }) => ({
    line: info.lines - lineBreaks(record),
    cells: record,
  }));
}

/** The first row that breaks a documented limit (rows, columns, cell length), as a failure. */
export function checkLimits(
  rows: readonly Row[],
): { ok: false; line: number; message: Worded } | undefined {
  if (rows.length > LIMITS.rows) {
    return {
      ok: false,
      line: rows[LIMITS.rows]!.line,
      message: worded('limit-rows', { max: LIMITS.rows }),
    };
  }
  for (const row of rows) {
    if (row.cells.length > LIMITS.columns) {
      return {
        ok: false,
        line: row.line,
        message: worded('limit-columns', { columns: row.cells.length, max: LIMITS.columns }),
      };
    }
    const long = row.cells.findIndex((c) => c.length > LIMITS.cellChars);
    if (long >= 0) {
      return {
        ok: false,
        line: row.line,
        message: worded('limit-cell', {
          cell: long + 1,
          chars: row.cells[long]!.length,
          max: LIMITS.cellChars,
        }),
      };
    }
  }
  return undefined;
}

/** The delimiter is the one of `,` `;` tab that occurs most on the header line, outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (seenContent) break;
    } else if (!quoted && (c === ',' || c === ';' || c === '\t')) {
      counts[c]++;
      seenContent = true;
    } else if (c !== ' ') seenContent = true;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * csv-parse reports an unclosed quote at the end of the file; the user needs the line where the
 * quote opened, so scan for it with the same quoting rules.
 */
export function findUnclosedQuote(text: string, delimiter: string): number | undefined {
  let line = 1;
  let fieldStart = true;
  let quotedSince: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quotedSince !== undefined) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else {
          quotedSince = undefined;
          fieldStart = false;
        }
      } else if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      continue;
    }
    if (c === '"' && fieldStart) {
      quotedSince = line;
      continue;
    }
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      fieldStart = true;
    } else if (c === delimiter) fieldStart = true;
    else if (c !== '\r') fieldStart = false;
  }
  return quotedSince;
}

function describeParseError(err: unknown): { line: number; message: Worded } {
  const e = err as { code?: string; lines?: number; message?: string };
  const line = typeof e.lines === 'number' && e.lines > 0 ? e.lines : 1;
  switch (e.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { line, message: worded('quote-trailing-text', {}) };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { line, message: worded('quote-unclosed', {}) };
    default:
      return { line, message: worded('csv-malformed', { detail: e.message ?? String(err) }) };
  }
}

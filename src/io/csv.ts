import { parse } from 'csv-parse/sync';
import { worded, type Worded } from '../text/problems.js';
import { LIMITS } from './limits.js';

import type { Row } from '../core/model.js';

export type { Row } from '../core/model.js';

export type Delimiter = ',' | ';' | '\t';

export type ParsedCsv =
  { ok: true; delimiter: Delimiter; rows: Row[] } | { ok: false; line: number; message: Worded };

/** Parses decoded CSV text, keeping for every record the line where it starts. */
export function parseCsv(input: string): ParsedCsv {
  // One line ending throughout: files edited on several systems mix CRLF, LF and CR, and
  // csv-parse counts lines (and splits records) by the first ending it sees.
  const text = input.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const plain = readPlainCsv(text, delimiter);
  if (plain !== undefined) return checkLimits(plain) ?? { ok: true, delimiter, rows: plain };
  const unclosed = findUnclosedQuote(text, delimiter);
  if (unclosed !== undefined) {
    return {
      ok: false,
      line: unclosed,
      message: worded('quote-unclosed-line', {}),
    };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      // A quote inside an unquoted cell (5" screen) is kept as text, as Excel does.
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    return { ok: false, ...describeParseError(err) };
  }
  // `info.lines` is the line a record ends on. With one line ending throughout, every line break
  // inside a record is inside one of its (quoted) cells, so the record starts that many lines
  // earlier. (csv-parse's `raw` option would give the same, at the price of a copy of the text.)
  const rows: Row[] = records.map(({ record, info }) => ({
    line: info.lines - cellLineBreaks(record),
    cells: record,
  }));
  const over = checkLimits(rows);
  return over ?? { ok: true, delimiter, rows };
}

const LF = 10;
const QUOTE = 34;

/**
 * Reads CSV text (line breaks already \n) the way csv-parse does with parseCsv()'s options, for
 * text in the common form only: cells either unquoted with no quote in them, or quoted whole
 * ("a, ""b""" with doubled quotes, line breaks allowed) and followed by a delimiter or the end of
 * the line; empty lines skipped. Returns undefined at anything else (a quote inside an unquoted
 * cell, text after a closing quote, an unclosed quote, a lone surrogate), and csv-parse reads the
 * whole text instead, so its rules decide every unusual case. Several times faster than csv-parse,
 * which works on a UTF-8 copy of the text, byte by byte.
 */
export function readPlainCsv(text: string, delimiter: string): Row[] | undefined {
  // csv-parse reads UTF-8 bytes, in which a lone surrogate becomes U+FFFD; and it would take a CR
  // for the line break if it came first.
  if (LONE_SURROGATE.test(text) || text.includes('\r')) return undefined;
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: Row[] = [];
  let i = 0;
  let line = 1;
  while (i < n) {
    if (text.charCodeAt(i) === LF) {
      i++;
      line++;
      continue;
    }
    const row: Row = { line, cells: [] };
    for (;;) {
      let end: number;
      if (text.charCodeAt(i) === QUOTE) {
        let cell = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) return undefined;
          if (text.charCodeAt(q + 1) === QUOTE) {
            cell += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          cell += text.slice(from, q);
          end = q + 1;
          break;
        }
        for (let k = text.indexOf('\n', i); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) {
          line++;
        }
        row.cells.push(cell);
        if (end < n && text.charCodeAt(end) !== sep && text.charCodeAt(end) !== LF) {
          return undefined;
        }
      } else {
        end = i;
        for (; end < n; end++) {
          const c = text.charCodeAt(end);
          if (c === sep || c === LF) break;
          if (c === QUOTE) return undefined;
        }
        row.cells.push(text.slice(i, end));
      }
      i = end + 1;
      if (end >= n) break;
      if (text.charCodeAt(end) === LF) {
        line++;
        break;
      }
    }
    rows.push(row);
  }
  return rows;
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

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

function cellLineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
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

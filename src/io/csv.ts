import { parse } from 'csv-parse/sync';
import { LIMITS } from './limits.js';

/** One record of a sheet with the 1-based line on which it starts. */
export interface Row {
  line: number;
  cells: string[];
}

export type Delimiter = ',' | ';' | '\t';

export type ParsedCsv =
  { ok: true; delimiter: Delimiter; rows: Row[] } | { ok: false; line: number; message: string };

/** Parses decoded CSV text, keeping for every record the line where it starts. */
export function parseCsv(input: string): ParsedCsv {
  // One line ending throughout: files edited on several systems mix CRLF, LF and CR, and
  // csv-parse counts lines (and splits records) by the first ending it sees.
  const text = input.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const unclosed = findUnclosedQuote(text, delimiter);
  if (unclosed !== undefined) {
    return {
      ok: false,
      line: unclosed,
      message:
        'a quoted cell opened on this line is never closed (missing closing ") — everything after it would be one cell',
    };
  }
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      // A quote inside an unquoted cell (5" screen) is kept as text, as Excel does.
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    return { ok: false, ...describeParseError(err) };
  }
  const rows: Row[] = records.map(({ record, info }) => ({
    line: info.lines - lineBreaks(recordBody(info.raw ?? '')),
    cells: record,
  }));
  const over = checkLimits(rows);
  return over ?? { ok: true, delimiter, rows };
}

/** The first row that breaks a documented limit (rows, columns, cell length), as a failure. */
export function checkLimits(
  rows: readonly Row[],
): { ok: false; line: number; message: string } | undefined {
  if (rows.length > LIMITS.rows) {
    return {
      ok: false,
      line: rows[LIMITS.rows]!.line,
      message: `more than ${LIMITS.rows.toLocaleString('en')} rows; pcv reads at most that many per sheet`,
    };
  }
  for (const row of rows) {
    if (row.cells.length > LIMITS.columns) {
      return {
        ok: false,
        line: row.line,
        message: `${row.cells.length.toLocaleString('en')} columns; pcv reads at most ${LIMITS.columns.toLocaleString('en')} per sheet`,
      };
    }
    const long = row.cells.findIndex((c) => c.length > LIMITS.cellChars);
    if (long >= 0) {
      return {
        ok: false,
        line: row.line,
        message: `cell ${long + 1} holds ${row.cells[long]!.length.toLocaleString('en')} characters; pcv reads at most ${LIMITS.cellChars.toLocaleString('en')} per cell`,
      };
    }
  }
  return undefined;
}

/** The record's own text: without the empty lines skipped before it and its final line break. */
function recordBody(raw: string): string {
  return raw.replace(/^\n+/, '').replace(/\n$/, '');
}

function lineBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
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

function describeParseError(err: unknown): { line: number; message: string } {
  const e = err as { code?: string; lines?: number; message?: string };
  const line = typeof e.lines === 'number' && e.lines > 0 ? e.lines : 1;
  switch (e.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        line,
        message:
          'text follows the closing quote of a quoted cell; quote the whole cell or remove the quotes',
      };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { line, message: 'a quoted cell is never closed (missing closing ")' };
    default:
      return { line, message: `malformed CSV: ${e.message ?? String(err)}` };
  }
}

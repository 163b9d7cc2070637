import type { Row } from '../core/model.js';
import type { SheetLines } from '../core/sheet-lines.js';
import { splitLines } from './csv-records.js';
import { LIMITS } from './limits.js';

/*
 * A score sheet's text read as SheetLines (core/sheet-lines.ts): its records split one at a time
 * as validateSheet() reaches them, rather than all held as rows first. Only for text in which
 * every record is a line of its own, split as csv-records.ts splits it: no quote anywhere.
 */

/**
 * A line this long or longer may break a limit (LIMITS.columns cells needs as many delimiters;
 * LIMITS.cellChars characters in one cell): such a sheet is read whole, by parseCsv().
 */
const SAFE_LINE = Math.min(LIMITS.columns, LIMITS.cellChars);

/**
 * The records of `text` (no quote in it; line breaks \n, or with `crlf` all \r\n), or undefined
 * when the text must be read whole: no record at all, more records than LIMITS.rows, or a line
 * long enough to break another limit (parseCsv() then says which).
 */
export function sheetLines(text: string, delimiter: string, crlf: boolean): SheetLines | undefined {
  // One pass over the line breaks: where the header is, how many records follow it, and that no
  // line is long enough to break a limit.
  let records = 0;
  let header: Row | undefined;
  let bodyAt = 0;
  let bodyLine = 0;
  let line = 1;
  for (let i = 0; i < text.length; line++) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    // As splitLines() reads it: a CR before the \n is the line break's own.
    const stop = crlf && end < text.length && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop - i >= SAFE_LINE) return undefined;
    if (stop > i) {
      records++;
      if (header === undefined) {
        header = { line, cells: text.slice(i, stop).split(delimiter) };
        bodyAt = end + 1;
        bodyLine = line + 1;
      }
    }
    i = end + 1;
  }
  if (header === undefined || records > LIMITS.rows) return undefined;
  const first = header;
  const each = (visit: (row: Row) => boolean) =>
    bodyAt >= text.length ||
    splitLines(text, bodyAt, text.length, bodyLine, delimiter, crlf, visit) >= 0;
  return {
    header: first,
    count: records - 1,
    each,
    all() {
      const rows = [first];
      each((row) => rows.push(row) > 0);
      return rows;
    },
  };
}

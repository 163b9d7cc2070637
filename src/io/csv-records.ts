import type { Row } from '../core/model.js';

/*
 * The records of CSV text, most of them without csv-parse. A record that contains no quote
 * character is, by RFC 4180 and with the options pcv gives csv-parse (no trim, no comments, no
 * escapes but the quote), exactly its line split on the delimiter; an empty line is skipped. A
 * province-wide review has a million score cells in such lines, and splitting them costs a
 * fraction of csv-parse's byte-by-byte pass over a UTF-8 copy of the text. Every line with a
 * quote in it goes to csv-parse, which decides what it means (quoted cells, doubled quotes, line
 * breaks inside a cell, a stray quote kept as text): this is not a second CSV parser.
 */

/**
 * The records of `text` (line breaks already \n), each with the line it starts on, as csv-parse
 * with parseCsv()'s options reads them; undefined when csv-parse refuses the lines with quotes,
 * so that the caller reads the whole text with csv-parse and reports the failure where it is.
 * `parseQuoted` is that csv-parse call: it is given the runs of lines with quotes, one after
 * the other, in one text (a call per run would cost more than the run). With `crlf`, every line
 * break of `text` is instead \r\n (no CR stands alone): read as if each were \n.
 */
export function readRecords(
  text: string,
  delimiter: string,
  parseQuoted: (runs: string) => Row[] | undefined,
  crlf = false,
): Row[] | undefined {
  const plain: Row[] = [];
  const runs: string[] = [];
  /** Per run: its first line in `text`, and its first line in the runs' text. */
  const runLine: number[] = [];
  const runAt: number[] = [];
  let runLines = 0;
  const n = text.length;
  let quote = text.indexOf('"');
  let i = 0;
  let line = 1;
  while (i < n) {
    // The quote-free lines up to the line of the next quote.
    const next = quote < 0 ? n : Math.max(i, text.lastIndexOf('\n', quote) + 1);
    if (next > i) {
      line = splitLines(text, i, next, line, delimiter, crlf, (row) => plain.push(row) > 0);
      i = next;
      if (i >= n) break;
    }
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    // A line with a quote: it and the lines after it, up to one that leaves an even number of
    // quotes (where a quoted cell that spans lines would end), are one run for csv-parse.
    runLine.push(line);
    runAt.push(runLines + 1);
    const from = i;
    let quotes = 0;
    for (;;) {
      for (; quote >= 0 && quote < end; quote = text.indexOf('"', quote + 1)) quotes++;
      line++;
      runLines++;
      if (quotes % 2 === 0 || end >= n) break;
      end = text.indexOf('\n', end + 1);
      if (end < 0) end = n;
    }
    i = end + 1;
    // Each run ends with its line break, as in the whole text.
    runs.push(end < n ? text.slice(from, i) : `${text.slice(from)}\n`);
  }
  if (runs.length === 0) return plain;
  // The runs are whole lines, so each CR of theirs is that of a CRLF.
  const quoted = parseQuoted(crlf ? runs.join('').replaceAll('\r\n', '\n') : runs.join(''));
  if (quoted === undefined) return undefined;
  // Back to the lines of `text`. A record that starts in one run and ends in another means a
  // run ended inside a quoted cell, where the whole text would have read on: then csv-parse
  // reads the whole text instead.
  let r = 0;
  for (const row of quoted) {
    while (r + 1 < runs.length && runAt[r + 1]! <= row.line) r++;
    const last = row.line + lineBreaks(row.cells);
    if (r + 1 < runs.length && last >= runAt[r + 1]!) return undefined;
    row.line = runLine[r]! + row.line - runAt[r]!;
  }
  return merge(plain, quoted);
}

/**
 * The lines of text[from, to) (whole lines, none with a quote) split on the delimiter, each given
 * to `visit` as a row, empty ones skipped; returns the number of the line after them, or -1 when
 * `visit` returned false (and no further line was split). With `crlf`, the CR before each \n is
 * left out. Kept apart from the rest so that the hot loop stays small and stays optimised.
 */
export function splitLines(
  text: string,
  from: number,
  to: number,
  line: number,
  delimiter: string,
  crlf: boolean,
  visit: (row: Row) => boolean,
): number {
  let i = from;
  while (i < to) {
    let end = text.indexOf('\n', i);
    if (end < 0 || end > to) end = to;
    // A CR before the \n is the line break's own: a CR stands alone nowhere in a `crlf` text.
    const stop = crlf && end < to && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (stop > i && !visit({ line, cells: text.slice(i, stop).split(delimiter) })) return -1;
    i = end + 1;
    line++;
  }
  return line;
}

/** Line breaks inside a record's cells: the lines it spans after its first. */
export function lineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/** Two lists of rows, each in line order, as one. */
function merge(a: Row[], b: Row[]): Row[] {
  const out: Row[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.line < b[j]!.line)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

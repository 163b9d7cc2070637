import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crlfOnly, CSV_OPTIONS, detectDelimiter, lfOnly, parseCsv } from '../../src/io/csv.js';
import { readRecords } from '../../src/io/csv-records.js';

/** What csv-parse makes of the text with parseCsv()'s options: each record and its first line. */
function reference(text: string, delimiter: string) {
  const records = parse(text, { delimiter, ...CSV_OPTIONS }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  return records.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, cell) => n + cell.split('\n').length - 1, 0),
    cells: record,
  }));
}

/** parseCsv() turns every line ending into \n before anything reads the text. */
const oneEnding = (text: string) => text.replace(/\r\n?/g, '\n');

const quoteFree = [
  'a',
  'P01',
  '17.5',
  '路演',
  ' ',
  '  ',
  ',',
  ';',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '😀',
  "'",
  '#',
  '\\',
];
const quoted = ['"', '""', '"x,y"', '"a\nb"', '"say ""hi"""', '5" screen', '"a"b'];
const textOf = (pieces: string[]) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(''));
const delimiterArb = fc.constantFrom(',', ';', '\t');

/**
 * Expects parseCsv(raw) to give csv-parse's records of the LF-only text, or to refuse what
 * csv-parse refuses; true when records were compared. parseCsv() picks the delimiter from the
 * header line, so a text whose header picks another is not compared.
 */
function parsesAsReference(raw: string, delimiter: string): boolean {
  const text = oneEnding(raw);
  if (detectDelimiter(text) !== delimiter) return false;
  let expected: ReturnType<typeof reference> | undefined;
  try {
    expected = reference(text, delimiter);
  } catch {
    expected = undefined;
  }
  const result = parseCsv(raw);
  if (expected === undefined) {
    expect(result.ok).toBe(false);
    return false;
  }
  expect(result).toEqual({ ok: true, delimiter, rows: expected });
  return true;
}

/** readRecords() with a csv-parse that must not be called. */
const splitOnly = (text: string, delimiter: string) =>
  readRecords(text, delimiter, () => {
    throw new Error('csv-parse was asked to read a quote-free line');
  });

describe('readRecords', () => {
  it('splits quote-free text into the fields and lines csv-parse gives, without csv-parse', () => {
    fc.assert(
      fc.property(textOf(quoteFree), delimiterArb, (raw, delimiter) => {
        const text = oneEnding(raw);
        expect(splitOnly(text, delimiter)).toEqual(reference(text, delimiter));
      }),
      { numRuns: 5000 },
    );
  });

  it('hands every line with a quote to csv-parse and reads what it reads', () => {
    let parsed = 0;
    fc.assert(
      fc.property(textOf([...quoteFree, ...quoted]), delimiterArb, (raw, delimiter) => {
        if (parsesAsReference(raw, delimiter)) parsed++;
      }),
      { numRuns: 5000 },
    );
    // The comparison must not be vacuous.
    expect(parsed).toBeGreaterThan(1000);
  });

  it('keeps line numbers across quoted cells with line breaks, blank lines and plain lines', () => {
    // Lines: 1 header, 2 quoted cells, 3 blank, 4-5 one record with a line break in a cell,
    // 6 plain, 7 blank, 8 plain.
    const text = 'h1,h2\n"a,b","say ""hi"""\n\n"x\ny",3\nP1,2\n\nP2,\n';
    const calls: string[] = [];
    const rows = readRecords(text, ',', (part) => {
      calls.push(part);
      return reference(part, ',');
    });
    expect(rows).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['a,b', 'say "hi"'] },
      { line: 4, cells: ['x\ny', '3'] },
      { line: 6, cells: ['P1', '2'] },
      { line: 8, cells: ['P2', ''] },
    ]);
    // Only the two runs of lines with quotes went to csv-parse, in one text.
    expect(calls).toEqual(['"a,b","say ""hi"""\n"x\ny",3\n']);
  });

  it('leaves a part csv-parse refuses, and a lone surrogate, to the whole-text reading', () => {
    expect(readRecords('h\n"open\nrest\n', ',', () => undefined)).toBeUndefined();
    // A quoted cell open across two runs (an even number of quotes on its first line: one
    // stray, one opening) would read on through the plain line between them in the whole text.
    const spanning = 'h\n5" x,"a\nplain\nb"\n';
    expect(readRecords(spanning, ',', (runs) => reference(runs, ','))).toBeUndefined();
    expect(parseCsv(spanning)).toEqual({
      ok: true,
      delimiter: ',',
      rows: [
        { line: 1, cells: ['h'] },
        { line: 2, cells: ['5" x', 'a\nplain\nb'] },
      ],
    });
    // parseCsv() then reports where the quote opened, and reads a stray quote as text.
    expect(parseCsv('h\n"open\nrest\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('h\n5" screen\nP1\n')).toEqual({
      ok: true,
      delimiter: ',',
      rows: [
        { line: 1, cells: ['h'] },
        { line: 2, cells: ['5" screen'] },
        { line: 3, cells: ['P1'] },
      ],
    });
    // csv-parse reads UTF-8, where a lone surrogate is U+FFFD.
    expect(parseCsv('h\n\uD800x\n')).toMatchObject({
      ok: true,
      rows: [{}, { cells: ['\uFFFDx'] }],
    });
  });
});

describe('CRLF sheets (no lone CR)', () => {
  // Line endings CRLF or LF, never a CR alone: read as they are, without an LF-only copy.
  const crlfPieces = quoteFree.filter((p) => p !== '\r');
  const crlfText = (pieces: string[]) => textOf(pieces).filter((t) => crlfOnly(t));

  it('tells a text whose every CR starts a CRLF', () => {
    expect(crlfOnly('a\r\nb\r\n')).toBe(true);
    expect(crlfOnly('a\r\nb\nc')).toBe(true);
    expect(crlfOnly('a\nb\n')).toBe(false);
    expect(crlfOnly('a\r\nb\r')).toBe(false);
    expect(crlfOnly('a\r\r\nb')).toBe(false);
  });

  it('splits quote-free CRLF text into the fields and lines of its LF-only copy', () => {
    let withCr = 0;
    fc.assert(
      fc.property(crlfText(crlfPieces), delimiterArb, (raw, delimiter) => {
        if (raw.includes('\r')) withCr++;
        const rows = readRecords(
          raw,
          delimiter,
          () => {
            throw new Error('csv-parse was asked to read a quote-free line');
          },
          true,
        );
        expect(rows).toEqual(reference(oneEnding(raw), delimiter));
      }),
      { numRuns: 3000 },
    );
    expect(withCr).toBeGreaterThan(500);
  });

  it('reads CRLF text with quotes (line breaks in quoted cells too) as csv-parse reads it LF-only', () => {
    let parsed = 0;
    fc.assert(
      fc.property(
        crlfText([...crlfPieces, ...quoted, '"a\r\nb"', '"\r\n"']),
        delimiterArb,
        (raw, delimiter) => {
          if (parsesAsReference(raw, delimiter) && raw.includes('\r')) parsed++;
        },
      ),
      { numRuns: 3000 },
    );
    expect(parsed).toBeGreaterThan(500);
  });

  it("keeps a quoted cell's CRLF as \\n and the line numbers after it", () => {
    // Lines: 1 header, 2-3 one record (a line break in its quoted cell), 4 blank, 5 plain.
    expect(parseCsv('h1,h2\r\n"a\r\nb",1\r\n\r\nP1,2\r\n')).toEqual({
      ok: true,
      delimiter: ',',
      rows: [
        { line: 1, cells: ['h1', 'h2'] },
        { line: 2, cells: ['a\nb', '1'] },
        { line: 5, cells: ['P1', '2'] },
      ],
    });
  });
});

describe('lfOnly', () => {
  it('makes every line ending \\n as the regex /\\r\\n?/g does', () => {
    // CR, LF and CRLF in every mix, runs of CRs before an LF ("\r\r\n" is two endings).
    expect(lfOnly('a\r\r\nb\n\rc\r')).toBe('a\n\nb\n\nc\n');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('\r', '\n', '\r\n', 'a', '"', '项'), { maxLength: 40 }),
        (parts) => {
          const text = parts.join('');
          expect(lfOnly(text)).toBe(text.replace(/\r\n?/g, '\n'));
        },
      ),
      { numRuns: 500 },
    );
  });
});

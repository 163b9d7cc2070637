import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, readPlainCsv } from '../../src/io/csv.js';

/** What csv-parse makes of the text with parseCsv()'s options: each record and its first line. */
function reference(text: string, delimiter: string) {
  const records = parse(text, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, cell) => n + cell.split('\n').length - 1, 0),
    cells: record,
  }));
}

const pieces = [
  'a',
  'P01',
  '17.5',
  '路演',
  ' ',
  ',',
  ';',
  '\t',
  '\n',
  '\n\n',
  '"',
  '""',
  '"x,y"',
  '"a\nb"',
  '"say ""hi"""',
  '\uFEFF',
  '😀',
];
const textArb = fc
  .array(fc.constantFrom(...pieces), { maxLength: 24 })
  .map((parts) => parts.join(''));

describe('readPlainCsv', () => {
  it('reads what csv-parse reads, or leaves the text to csv-parse', () => {
    let read = 0;
    fc.assert(
      fc.property(textArb, fc.constantFrom(',', ';', '\t'), (text, delimiter) => {
        const rows = readPlainCsv(text, delimiter);
        if (rows === undefined) return;
        read++;
        expect(rows).toEqual(reference(text, delimiter));
      }),
      { numRuns: 5000 },
    );
    // Most random texts are in the plain form; the comparison must not be vacuous.
    expect(read).toBeGreaterThan(1000);
  });

  it('reads quoted cells with delimiters, doubled quotes and line breaks', () => {
    const text = 'h1,h2\n"a,b","say ""hi"""\n\n"x\ny",3\n"",\n';
    expect(readPlainCsv(text, ',')).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['a,b', 'say "hi"'] },
      { line: 4, cells: ['x\ny', '3'] },
      { line: 6, cells: ['', ''] },
    ]);
  });

  it('leaves stray quotes, unclosed quotes and lone surrogates to csv-parse', () => {
    expect(readPlainCsv('h\n5" screen\n', ',')).toBeUndefined();
    expect(readPlainCsv('h\n"a"b\n', ',')).toBeUndefined();
    expect(readPlainCsv('h\n"open\n', ',')).toBeUndefined();
    expect(readPlainCsv('h\n\uD800x\n', ',')).toBeUndefined();
    // parseCsv still reads them, through csv-parse.
    expect(parseCsv('h\n5" screen\n')).toMatchObject({
      ok: true,
      rows: [{}, { cells: ['5" screen'] }],
    });
  });
});

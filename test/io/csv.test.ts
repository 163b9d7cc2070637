import { describe, expect, it } from 'vitest';
import { detectDelimiter, findUnclosedQuote, parseCsv } from '../../src/io/csv.js';

describe('detectDelimiter', () => {
  it('picks the delimiter of the header line', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"x,y";b;c\n')).toBe(';');
    expect(detectDelimiter('\n\nsingle\n')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('keeps the starting line of each record across quoted newlines and blank lines', () => {
    const r = parseCsv('h1,h2\n"a\nb",1\n\n\nc,2\r\nd,"x\r\ny\r\nz"\ne,3');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [1, 'h1'],
      [2, 'a\nb'],
      [6, 'c'],
      [7, 'd'],
      [10, 'e'],
    ]);
    expect(r.rows[3]!.cells[1]).toBe('x\ny\nz');
  });

  it('reports an unclosed quote at the line where it opened', () => {
    const r = parseCsv('h1,h2\nok,1\nx,"never closed\nmore,2\nend,3\n');
    expect(r).toMatchObject({ ok: false, line: 3 });
  });

  it('keeps a quote inside an unquoted cell as text', () => {
    const r = parseCsv('h1,h2\n5" screen,1\n');
    expect(r.ok && r.rows[1]!.cells).toEqual(['5" screen', '1']);
  });

  it('keeps text after a closing quote as it stands', () => {
    const r = parseCsv('h1,h2\n"a"b,1\n');
    expect(r.ok && r.rows[1]!.cells).toEqual(['"a"b', '1']);
  });

  it('reads mixed CRLF, LF and CR line endings as line breaks', () => {
    const r = parseCsv('h\r\na\nb\rc\r\n');
    expect(r.ok && r.rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [1, 'h'],
      [2, 'a'],
      [3, 'b'],
      [4, 'c'],
    ]);
  });
});

describe('findUnclosedQuote', () => {
  it('treats doubled quotes as escapes', () => {
    expect(findUnclosedQuote('a,"say ""hi""",b\n', ',')).toBeUndefined();
    expect(findUnclosedQuote('a\nb\n"c\n', ',')).toBe(3);
  });
});

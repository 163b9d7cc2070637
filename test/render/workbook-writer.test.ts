import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { STYLE, number, text } from '../../src/render/workbook/style.js';
import { writeSheet, type SheetSpec } from '../../src/render/workbook/writer.js';
import { readBack } from './workbook-read.js';

/** One sheet written by writeSheet with exceljs's streaming writer, read back. */
async function written(spec: SheetSpec): Promise<ExcelJS.Worksheet> {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  await writeSheet(book.addWorksheet(spec.name), spec);
  await book.commit();
  return (await readBack(Buffer.concat(chunks))).getWorksheet(spec.name)!;
}

describe('writeSheet: rows measured once, held, then written', () => {
  it('fits widths, sizes wrapped and spread rows, and keeps missing and empty cells apart', async () => {
    const ws = await written({
      name: 'S',
      columns: [{ max: 6 }, {}],
      rows: () => [
        [text('公益创投项目', STYLE.text), number(17.5)],
        [undefined, number(3)],
        [text(undefined, STYLE.bold), number(4)],
        { span: text('x') },
      ],
    });
    // Column A: 公益创投项目 is 12 wide, + 2 = 14, capped at its max 6.
    // Column B: "17.5" is 4 wide, + 2 = 6 (at least the minimum 5).
    expect(ws.getColumn(1).width).toBe(6);
    expect(ws.getColumn(2).width).toBe(6);
    // Wrapped in a column 6 wide: 5 per line, 12 / 5 -> 3 lines of 15 points.
    expect(ws.getRow(1).height).toBe(45);
    expect(ws.getCell('B1').value).toBe(17.5);
    // No cell at A2; an empty but styled (bold) cell at A3. (exceljs leaves out a row with no
    // value at all, styled or not, so each of these rows has a number too.)
    expect(ws.getCell('A2').value).toBeNull();
    expect(ws.getCell('A2').font).toBeUndefined();
    expect(ws.getCell('B2').value).toBe(3);
    expect(ws.getCell('A3').value).toBeNull();
    expect(ws.getCell('A3').font?.bold).toBe(true);
    // A spread row: merged across both columns; "x" (1 wide, x 1.1) fits the 12-wide table in 1 line.
    expect(ws.model.merges).toEqual(['A4:B4']);
    expect(ws.getCell('A4').value).toBe('x');
    expect(ws.getRow(4).height).toBe(15);
  });

  it('stops measuring a column once it is full, and still sizes each wrapped row by its own text', async () => {
    const ws = await written({
      name: 'S',
      columns: [{ max: 8 }, { max: 10 }],
      rows: () => [
        // Column A is full after the first row: 公益创投 is 8 wide, at least its max 8 less 2.
        [text('公益创投', STYLE.text), text('abcdefg')],
        [text('公益创投项目评审会', STYLE.text), text('abcdefgh')],
        [text('a', STYLE.text), text('abc')],
      ],
    });
    // Column A: capped at 8 whatever comes after. Column B is not full after "abcdefg" (7 < 10
    // less 2), so "abcdefgh" is measured: 8 + 2 = 10.
    expect(ws.getColumn(1).width).toBe(8);
    expect(ws.getColumn(2).width).toBe(10);
    // Rows wrap in a column 8 wide, 7 per line: 8 -> 2 lines; 18 -> 3 lines; 1 -> 1 line.
    expect([1, 2, 3].map((r) => ws.getRow(r).height ?? 15)).toEqual([30, 45, 15]);
  });

  it('gives a wrapped text in a column that never filled up one line per line break', async () => {
    const shared = text('a\nb', STYLE.text);
    const ws = await written({
      name: 'S',
      columns: [{ max: 20 }, { max: 6 }],
      rows: () => [
        // Column A's widest line is 5 ("abcde"): 5 + 2 = 7 wide, never full (20 less 2).
        [text('ab\ncd\nabcde', STYLE.text), text('公益创投', STYLE.text)],
        [shared, text('a')],
        // The same cell object again: sized like the row before it.
        [shared, text('a')],
        [text('x', STYLE.text), text('a')],
      ],
    });
    expect(ws.getColumn(1).width).toBe(7);
    // Column B is full (公益创投 is 8 wide, max 6): 6 wide, 5 per line, 8 -> 2 lines.
    expect(ws.getColumn(2).width).toBe(6);
    // Row 1: A has 3 lines, B 2 -> 3 lines. Rows 2 and 3: "a\nb" 2 lines. Row 4: 1 line.
    expect([1, 2, 3, 4].map((r) => ws.getRow(r).height ?? 15)).toEqual([45, 30, 30, 15]);
  });

  it('writes every row in order across the turns it gives the zip archiver', async () => {
    // 1,000 rows: several turns of the event loop (one every 128 rows) while rows are written.
    const n = 1000;
    const ws = await written({
      name: 'S',
      columns: [{}, {}],
      rows: () => Array.from({ length: n }, (_, i) => [number(i + 1), text(`r${i + 1}`)]),
    });
    expect(ws.rowCount).toBe(n);
    for (const r of [1, 128, 129, 500, 1000]) {
      expect(ws.getCell(r, 1).value).toBe(r);
      expect(ws.getCell(r, 2).value).toBe(`r${r}`);
    }
  });
});

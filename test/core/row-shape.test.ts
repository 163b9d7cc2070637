import { describe, expect, it } from 'vitest';
import { checkSheet } from '../sheet-check.js';

const HEADER = 'project,name,roadshow,qualification,service_plan,management,comment\n';

describe('row widths: every cell lands in its column, or the row is refused', () => {
  it('accepts a row that only leaves out its empty trailing comment', () => {
    const r = checkSheet(HEADER + 'P01,甲,16,15,30.5,16,good\nP02,乙,15,14,30,13\n');
    expect(r.messages).toEqual([]);
    expect(r.scores.get('P02')).toBe('15 14 30 13');
    expect(r.sheet?.entries.get('P02')?.comment).toBeUndefined();
  });

  it('still refuses a row that leaves out a score cell', () => {
    expect(checkSheet(HEADER + 'P01,甲,16,15,30.5\n').messages).toEqual([
      'judge-a.csv:2: this row has 5 cells but the header has 7; a delimiter is missing',
    ]);
  });

  it('accepts a trailing delimiter written on every row, under a header without one', () => {
    const r = checkSheet(HEADER + 'P01,甲,16,15,30.5,16,,\nP02,乙,15,14,30,13,x,\n');
    expect(r.messages).toEqual([]);
    expect(r.scores.get('P01')).toBe('16 15 30.5 16');
  });

  it('accepts a header with a trailing empty cell and rows written the same way', () => {
    const r = checkSheet(
      HEADER.replace('\n', ',\n') + 'P01,甲,16,15,30.5,16,,\nP02,乙,15,14,30,13,\n',
    );
    expect(r.messages).toEqual([]);
    expect(r.scores.get('P02')).toBe('15 14 30 13');
  });

  it('refuses an empty extra cell that the other rows do not have, at its line', () => {
    expect(checkSheet(HEADER + 'P01,甲,16,15,30.5,16,\nP02,乙,15,14,30,13,x,\n').messages).toEqual([
      'judge-a.csv:3: this row has 8 cells but the header has 7: cell 8 beyond the last column is empty here but missing on line 2; is there a delimiter too many?',
    ]);
  });

  it('refuses text beyond the last column, naming the cells', () => {
    expect(checkSheet(HEADER + 'P01,甲,16,15,30.5,16,ok,see,attached\n').messages).toEqual([
      'judge-a.csv:2: this row has 9 cells but the header has 7: cells 8-9 beyond the last column hold "see", "attached"; is there an unquoted delimiter in a cell?',
    ]);
  });

  it('refuses text under an empty trailing header cell at its row, not silently', () => {
    const header = HEADER.replace('\n', ',\n');
    expect(checkSheet(header + 'P01,甲,16,15,30.5,16,,\nP02,乙,15,14,30,13,,x\n').messages).toEqual(
      [
        'judge-a.csv:3: this row has 8 cells but the header has 7: cell 8 beyond the last column holds "x"; is there an unquoted delimiter in a cell?',
      ],
    );
  });

  it('still refuses a value under an empty header between two headers', () => {
    expect(
      checkSheet('project,,roadshow,qualification,service_plan,management\nP01,x,1,1,1,1\n')
        .messages,
    ).toEqual(['judge-a.csv:1: column 2 has values but no header']);
  });
});

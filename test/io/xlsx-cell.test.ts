import { describe, expect, it } from 'vitest';
import { cellText, excelNumber, NOT_CALCULATED } from '../../src/io/xlsx-cell.js';

describe('cellText: a cell as Excel shows it', () => {
  it('rounds stored doubles to the 15 significant digits Excel shows', () => {
    // 0.1 + 0.2 is stored as 0.30000000000000004; Excel shows 0.3.
    expect(excelNumber(0.1 + 0.2)).toBe('0.3');
    expect(excelNumber(35.00000000000001)).toBe('35');
    expect(excelNumber(60.400000000000006)).toBe('60.4');
    expect(excelNumber(17.5)).toBe('17.5');
  });

  it('reads a formula by its saved result, and refuses one without', () => {
    expect(cellText({ formula: 'SUM(A1:B1)', result: 85.39999999999999 }, undefined)).toEqual({
      text: '85.4',
    });
    expect(cellText({ formula: 'SUM(A1:B1)' }, undefined).problem).toBe(NOT_CALCULATED);
    expect(cellText({ sharedFormula: 'C2' }, undefined).problem).toBe(NOT_CALCULATED);
  });

  it('shows percent and date formats as Excel does, remembering the number in the cell', () => {
    expect(cellText(0.85, '0%')).toEqual({
      text: '85%',
      format: { kind: 'percent', shown: '85%', value: '0.85' },
    });
    expect(cellText(0.85, '0"%"').text).toBe('0.85'); // a quoted % is text, not a percent format
    // exceljs turns serial 18 into 1900-01-17 (its calendar); Excel, counting a 29 February
    // 1900, shows 1900-01-18 for it.
    const eighteen = new Date((18 - 25569) * 86_400_000);
    expect(cellText(eighteen, 'yyyy-mm-dd')).toEqual({
      text: '1900-01-18',
      format: { kind: 'date', shown: '1900-01-18', value: '18' },
    });
    expect(cellText(new Date(Date.UTC(2022, 5, 14)), 'yyyy-mm-dd').text).toBe('2022-06-14');
  });
});

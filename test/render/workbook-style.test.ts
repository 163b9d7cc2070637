import { describe, expect, it } from 'vitest';
import { combine, PLAIN, withFormat } from '../../src/render/workbook/shared-style.js';
import { number, resultStyle, STYLE, text, totalStyle } from '../../src/render/workbook/style.js';
import { TOP } from '../../src/render/workbook/agreement.js';
import { renderWorkbook } from '../../src/render/xlsx.js';
import { tally } from '../../src/tally.js';
import { fixture, ROOT } from '../helpers.js';

describe('shared cell styles', () => {
  it('hands out one object per combination, with the later style winning', () => {
    const a = combine(STYLE.pass, TOP);
    expect(combine(STYLE.pass, TOP)).toBe(a);
    expect(a).toEqual({ ...STYLE.pass, alignment: { vertical: 'top' } });
    expect(combine(STYLE.fail, TOP)).not.toBe(a);
    expect(resultStyle(true, TOP)).toBe(a);
    expect(resultStyle(false)).toEqual(STYLE.fail);
  });

  it('gives numbers of one format and look the same style object', () => {
    expect(number(1, '0.00').style).toBe(number(2, '0.00').style);
    expect(number(1, '0.00').style).toEqual({ numFmt: '0.00' });
    expect(number(1, '0.00', STYLE.aggregate).style).toBe(withFormat(STYLE.aggregate, '0.00'));
    expect(number(1).style).toBe(PLAIN);
    expect(totalStyle(true)).toBe(totalStyle(true));
    expect(totalStyle(false)).toBe(PLAIN);
    expect(text('x', STYLE.text).style).toBe(STYLE.text);
  });

  it('lets exceljs serialise each distinct style once, not once per cell', async () => {
    // exceljs serialises a style it has not seen as this object (StylesXform.addStyleModel keeps a
    // WeakMap by object). Count the distinct objects it is asked about for a whole workbook: with
    // a copy per cell there would be about one per call; shared, there are the ~20 cell styles
    // and one per column (exceljs gives each column its own), about 60 for ~2,000 cells here.
    const { results } = await tally({ inputs: [fixture('huanshan-2022')], cwd: ROOT });
    const { default: ExcelJS } = await import('exceljs');
    const seen = new Set<object>();
    let calls = 0;
    // The stream writer's StylesXform is internal to exceljs; reach it through a workbook writer.
    const probe = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true });
    const proto = Object.getPrototypeOf((probe as unknown as { styles: object }).styles) as {
      addStyleModel: (model: object, type: unknown) => number;
    };
    const original = proto.addStyleModel;
    proto.addStyleModel = function (model, type) {
      calls++;
      if (model) seen.add(model);
      return original.call(this, model, type);
    };
    try {
      await renderWorkbook(results!, { generatedAt: new Date('2022-06-14T09:30:00Z') });
    } finally {
      proto.addStyleModel = original;
    }
    expect(calls).toBeGreaterThan(1000);
    expect(seen.size).toBeLessThan(calls / 20);
  });
});

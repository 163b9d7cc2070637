import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, listFiles, pcv } from '../helpers.js';
import { checkSheet } from '../sheet-check.js';

const ADVICE =
  '"30,5" under 服务方案 looks like 30.5 written with a decimal comma, which splits it into two cells in a comma-separated sheet: write 30.5, or save the sheet with semicolons';

describe('a decimal comma in a comma-separated sheet', () => {
  it('the issue\'s row "P01,…,16,15,30,5,16," stops the tally at its line (exact input)', async () => {
    const dir = copyFixture('huanshan-2022');
    const sheet = path.join(dir, 'scores', 'judge-a.csv');
    const text = readFileSync(sheet, 'utf8');
    const row = 'P01,银龄暖心·社区老年助餐服务项目,16,15,31,17,助餐点选址合理，服务流程清晰';
    expect(text).toContain(row);
    // Meant: roadshow 16, qualification 15, service_plan 30.5, management 16, no comment.
    writeFileSync(sheet, text.replace(row, 'P01,银龄暖心·社区老年助餐服务项目,16,15,30,5,16,'));
    const out = path.join(dir, 'out');
    // The fixture's rubric says lang: zh; --lang en keeps the terminal English for this check.
    const r = await pcv(['tally', dir, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').map((l) => l.replace(dir + path.sep, ''));
    expect(lines).toContain(
      `scores/judge-a.csv:2: this row has 8 cells but the header has 7: cell 8 beyond the last column is empty here but missing on line 3 — ${ADVICE}`,
    );
    expect(listFiles(out)).toEqual([]);
  });

  const HEADER = 'project,name,roadshow,qualification,service_plan,management';

  it('names the cause when the shifted score lands in the comment', () => {
    // Read as written: service_plan 30, management 5, comment "16" — all valid, and all wrong.
    const r = checkSheet(`${HEADER},comment\nP01,甲,16,15,30,5,16\nP02,乙,15,14,30,13,\n`);
    expect(r.messages).toEqual([
      `judge-a.csv:2:comment: the number 16 here is probably a shifted score: ${ADVICE}`,
    ]);
  });

  it('names the cause when the shifted score lands in the judge or 序号 column', () => {
    // Read as written, the judge would be "16"; and 序号 is ignored, so the row would pass.
    expect(checkSheet(`${HEADER},judge\nP01,甲,16,15,30,5,16\n`).messages).toEqual([
      `judge-a.csv:2:judge: the number 16 here is probably a shifted score: ${ADVICE}`,
    ]);
    expect(checkSheet(`${HEADER},序号\nP01,甲,16,15,30,5,16\n`).messages).toEqual([
      `judge-a.csv:2:序号: the number 16 here is probably a shifted score: ${ADVICE}`,
    ]);
    // A 序号 before the scores is no evidence: nothing moves into it. This row reads validly
    // both as written (1 + 1 + 1 + 0 = 3, the total) and with "1,0" joined (1, 1, 1.0, 3).
    const first = checkSheet(
      '序号,project,roadshow,qualification,service_plan,management,total\n1,P01,1,1,1,0,3\n',
    );
    expect(first.messages).toEqual([]);
    expect(first.scores.get('P01')).toBe('1 1 1 0');
  });

  it('names the cause when the shifted score lands in the recused column', () => {
    expect(checkSheet(`${HEADER},回避\nP01,甲,16,15,30,5,16\n`).messages).toEqual([
      `judge-a.csv:2:回避: "16" is not yes or no — ${ADVICE}`,
    ]);
  });

  it('names the cause when the shifted score lands in the total', () => {
    // As written the scores are 16 + 15 + 30 + 5 = 66; the total cell holds management's 16.
    expect(checkSheet(`${HEADER},总分\nP01,甲,16,15,30,5,16\n`).messages).toEqual([
      `judge-a.csv:2:总分: the written total 16 does not match the sum of the scores 66 — ${ADVICE}`,
    ]);
    // With the total written, the row is one cell too long; 16 + 15 + 30.5 + 16 = 77.5.
    expect(checkSheet(`${HEADER},总分\nP01,甲,16,15,30,5,16,77.5\n`).messages).toEqual([
      `judge-a.csv:2: this row has 8 cells but the header has 7: cell 8 beyond the last column holds "77.5" — ${ADVICE}`,
    ]);
  });

  it('gives no such hint when no decimal comma explains the row', () => {
    // A numeric comment that no joined pair explains is a comment: 16.15, 15.3, 30.17 are off
    // the step of 0.5, and 17,2024 has a four-digit decimal part.
    const r = checkSheet(`${HEADER},comment\nP01,甲,16,15,30,17,2024\n`);
    expect(r.messages).toEqual([]);
    expect(r.sheet?.entries.get('P01')?.comment).toBe('2024');
    expect(checkSheet(`${HEADER}\nP01,甲,16,15,30,17,9\n`).messages).toEqual([
      'judge-a.csv:2: this row has 7 cells but the header has 6: cell 7 beyond the last column holds "9"; is there an unquoted delimiter in a cell?',
    ]);
  });

  it('reads the decimal comma in a semicolon sheet, where it is no delimiter', () => {
    const r = checkSheet(
      `${HEADER};comment\nP01;甲;16;15;30,5;16;\n`.replaceAll(',', ';').replace('30;5', '30,5'),
    );
    expect(r.messages).toEqual([]);
    expect(r.scores.get('P01')).toBe('16 15 30.5 16');
  });
});

describe('several decimal commas in one row', () => {
  it('names each split score', () => {
    // Meant: roadshow 16.5, qualification 15, service_plan 30.5, management 16 — two cells too many.
    expect(
      checkSheet(
        'project,name,roadshow,qualification,service_plan,management\nP01,甲,16,5,15,30,5,16\n',
      ).messages,
    ).toEqual([
      'judge-a.csv:2: this row has 8 cells but the header has 6: cells 7-8 beyond the last column hold "5", "16" — "16,5" under 路演展示 and "30,5" under 服务方案 look like 16.5 and 30.5 written with decimal commas, which split them into two cells in a comma-separated sheet: write 16.5 and 30.5, or save the sheet with semicolons',
    ]);
  });
});

describe('a quoted decimal comma in a comma-separated sheet', () => {
  const HEADER = 'project,name,roadshow,qualification,service_plan,management';

  it('"30,5" in quotes stays one cell but is not a number there: the message shows 30.5', () => {
    // Quoted, the comma does not split the cell; it cannot be a decimal mark either, because the
    // comma is this sheet's delimiter. The judge meant 30.5.
    const r = checkSheet(`${HEADER}\nP01,甲,16,15,"30,5",16\n`);
    expect(r.messages).toEqual([
      'judge-a.csv:2:service_plan: "30,5" is not a number in a comma-separated sheet: if 服务方案 (0-40) is meant to be 30.5, write 30.5 with a decimal point, or save the sheet with semicolons',
    ]);
  });

  it('says the same in Chinese, and a semicolon sheet reads "30,5" as 30.5', async () => {
    const dir = copyFixture('huanshan-2022');
    const sheet = path.join(dir, 'scores', 'judge-a.csv');
    const text = readFileSync(sheet, 'utf8');
    const row = 'P01,银龄暖心·社区老年助餐服务项目,16,15,31,17,';
    expect(text).toContain(row);
    writeFileSync(sheet, text.replace(row, 'P01,银龄暖心·社区老年助餐服务项目,16,15,"30,5",17,'));
    const r = await pcv(['validate', dir, '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '「30,5」不是数字：逗号分隔的评分表里，逗号不能当小数点用。如果「服务方案」（0到40分）想填30.5分，请写成30.5，或把评分表另存为分号分隔',
    );
    const semi = checkSheet(`${HEADER.replaceAll(',', ';')}\nP01;甲;16;15;30,5;16\n`);
    expect(semi.messages).toEqual([]);
  });
});

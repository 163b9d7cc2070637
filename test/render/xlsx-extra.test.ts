import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderWorkbook } from '../../src/render/xlsx.js';
import { tally, type Results } from '../../src/tally.js';
import { fixture, ROOT, tempDir } from '../helpers.js';
import { readBack, sheet, values } from './workbook-read.js';

/* The workbook's tracks, funding and offset columns, read back with exceljs. */

const GENERATED_AT = new Date('2022-06-14T09:30:00Z');

async function bookOf(dir: string): Promise<ExcelJS.Workbook> {
  const { results, issues } = await tally({ inputs: [dir], cwd: ROOT });
  if (!results) throw new Error(`tally failed: ${JSON.stringify(issues)}`);
  return readBack(await renderWorkbook(results as Results, { generatedAt: GENERATED_AT }));
}

/** The first row at or below `from` whose column `col` holds `value`. */
function rowWith(ws: ExcelJS.Worksheet, col: number, value: unknown, from = 1): ExcelJS.Row {
  for (let r = from; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(col).value === value) return ws.getRow(r);
  }
  throw new Error(`no row with ${String(value)} in column ${col} of ${ws.name}`);
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
  return out;
}

describe('workbook with tracks and funding (fixtures/huanshan-2022-funding, zh)', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await bookOf(fixture('huanshan-2022-funding'));
  });

  it('adds a 资助 sheet after the summary', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '资助',
      '评分明细',
      '评委',
      '评委打分的一致程度',
      '需留意的评分',
      '说明',
    ]);
  });

  it('gives the summary track, track rank and money columns in Chinese', () => {
    const ws = sheet(book, '汇总');
    expect(values(ws.getRow(2))).toEqual([
      '排名',
      '项目编号',
      '项目名称',
      '申报单位',
      '类别',
      '组别',
      '组内排名',
      'judge-a',
      'judge-b',
      'judge-c',
      'judge-d',
      'judge-e',
      '最终得分',
      '结果',
      '申请金额',
      '资助金额',
      '档次',
      '资助情况',
    ]);
  });

  // Expected places and grants: the hand-worked table in test/tracks-fixture.test.ts.
  it.each([
    // id, track, track rank, result, requested, granted, status
    ['P06', '社会组织项目', 1, '通过', 50000, 30000, '资助'],
    ['P18', '社区自办项目', 1, '通过', 25000, 25000, '资助'],
    ['P14', '社会组织项目', 11, '通过', 30000, 20000, '部分资助'],
    ['P08', '社会组织项目', 12, '通过', 25000, 0, '未获资助（资金不足）'],
    ['P20', '社区自办项目', 6, '通过', 20000, 10000, '部分资助'],
  ])('%s: %s rank %i, %s, asked %i, granted %i (%s)', (id, track, tr, result, asked, got, st) => {
    const row = rowWith(sheet(book, '汇总'), 2, id, 3);
    expect(values(row).slice(5, 7)).toEqual([track, tr]);
    expect(row.getCell(14).value).toBe(result);
    expect(row.getCell(15).value).toBe(asked);
    expect(row.getCell(16).value).toBe(got);
    expect(row.getCell(16).numFmt).toBe('#,##0.00');
    expect(row.getCell(18).value).toBe(st);
  });

  it('says a quota cut is a quota cut, and a threshold fail a plain fail, with no grant', () => {
    const ws = sheet(book, '汇总');
    // P05 (70.83) and P12 (67.17) pass the 60 mark but are social ranks 13 and 14 of a quota of 12.
    for (const id of ['P05', 'P12']) {
      const row = rowWith(ws, 2, id, 3);
      expect(row.getCell(14).value, id).toBe('未通过（超出名额）');
      expect(row.getCell(16).value, id).toBeNull();
    }
    // P19 (60.67) is below the community track's own 65.
    expect(rowWith(ws, 2, 'P19', 3).getCell(14).value).toBe('未通过');
    expect(texts(ws)).toContain('社区自办项目65分及以上为通过。');
    expect(texts(ws)).toContain('社会组织项目至多通过12个项目（按组内排名）。');
  });

  it('sums the budget, grants and what is left per track and in total', () => {
    const ws = sheet(book, '资助');
    expect(ws.getRow(1).getCell(1).value).toBe('资金使用情况');
    expect(values(ws.getRow(2))).toEqual([
      '组别',
      '项目数',
      '通过数',
      '名额',
      '资金总额',
      '资助金额',
      '结余',
    ]);
    // social: 14 projects, 12 within the quota, 320,000 granted to the cent (10 x 30,000 + 20,000);
    // community: 7 projects, 6 at 65 or more, 25,000 + 30,000 + 30,000 + 20,000 + 25,000 + 10,000.
    expect(values(ws.getRow(3))).toEqual(['社会组织项目', 14, 12, 12, 320000, 320000, 0]);
    expect(values(ws.getRow(4))).toEqual(['社区自办项目', 7, 6, undefined, 140000, 140000, 0]);
    expect(values(ws.getRow(5))).toEqual(['合计', 21, 18, undefined, 460000, 460000, 0]);
    expect(ws.getRow(5).getCell(5).numFmt).toBe('#,##0.00');
  });

  it('lists the 17 funded projects by track and track rank (P08 got nothing)', () => {
    const ws = sheet(book, '资助');
    const head = rowWith(ws, 1, '获资助项目').number + 1;
    expect(values(ws.getRow(head))).toEqual([
      '组别',
      '组内排名',
      '项目名称',
      '项目编号',
      '申请金额',
      '资助金额',
      '档次',
      '资助情况',
    ]);
    const ids: string[] = [];
    for (let r = head + 1; ws.getRow(r).getCell(4).value; r++)
      ids.push(String(ws.getRow(r).getCell(4).value));
    expect(ids).toEqual(
      'P06 P01 P04 P11 P09 P10 P02 P13 P03 P07 P14 P18 P16 P21 P15 P17 P20'.split(' '),
    );
    expect(values(rowWith(ws, 4, 'P20', head))).toEqual([
      '社区自办项目',
      6,
      '新市民融入社区服务项目',
      'P20',
      20000,
      10000,
      undefined,
      '部分资助',
    ]);
  });
});

describe('workbook with normalize: offset (fixtures/judge-groups, en)', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await bookOf(fixture('judge-groups'));
  });

  const offsets = () => {
    const ws = sheet(book, 'Judges');
    expect(ws.getRow(1).getCell(10).value).toBe('Offset');
    const out = new Map<string, number>();
    for (let r = 2; ws.getRow(r).getCell(1).value; r++)
      out.set(String(ws.getRow(r).getCell(1).value), ws.getRow(r).getCell(10).value as number);
    return out;
  };

  it("shows each judge's fitted offset on the Judges sheet", () => {
    const o = offsets();
    expect([...o.keys()]).toEqual(['judge-a', 'judge-b', 'judge-c', 'judge-d', 'judge-e']);
    // The offsets add up to zero (CONTRACT.md).
    expect([...o.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9);
    // P05-P08 are scored by judge-c, d and e and no one else, so the least-squares fit puts
    // d - c and e - c at their mean differences there (project values absorb the rest):
    //   d - c: (82-70) + (74-61) + (90-80) + (66-55) = 12 + 13 + 10 + 11 = 46, / 4 = 11.5
    //   e - c: (82-70) + (71-61) + (90-80) + (65-55) = 12 + 10 + 10 + 10 = 42, / 4 = 10.5
    expect(o.get('judge-d')! - o.get('judge-c')!).toBeCloseTo(11.5, 6);
    expect(o.get('judge-e')! - o.get('judge-c')!).toBeCloseTo(10.5, 6);
    expect(sheet(book, 'Judges').getRow(2).getCell(10).numFmt).toBe('0.00####');
    expect(texts(sheet(book, 'Judges')).some((s) => s.startsWith('Offset: how many points'))).toBe(
      true,
    );
  });

  it('puts each adjusted total (total - offset) beside the total, and the final under them', () => {
    const ws = sheet(book, 'Scores');
    expect(values(ws.getRow(1)).slice(6, 9)).toEqual(['Total', 'Adjusted total', 'Recused']);
    const o = offsets();
    let checked = 0;
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const judge = String(row.getCell(4).value);
      if (!o.has(judge) || typeof row.getCell(7).value !== 'number') continue;
      const total = row.getCell(7).value as number;
      expect(row.getCell(8).value, `row ${r}`).toBeCloseTo(total - o.get(judge)!, 4);
      checked++;
    }
    // 8 projects x 3 judges, less judge-b's recusal on P02.
    expect(checked).toBe(23);
    // P07's final, the mean of its three adjusted totals, stands in the adjusted column.
    const mean = rowWith(ws, 4, 'Mean', 2);
    expect(mean.getCell(2).value).toBe('P07');
    expect(mean.getCell(7).value).toBeNull();
    const adj = [2, 3, 4].map((k) => ws.getRow(k).getCell(8).value as number);
    expect(mean.getCell(8).value).toBeCloseTo(adj.reduce((a, b) => a + b) / 3, 2);
  });

  it('keeps one column per judge in the summary of a small panel, and says what the final used', () => {
    const ws = sheet(book, 'Summary');
    expect(values(ws.getRow(2)).slice(5, 10)).toEqual([
      'judge-a',
      'judge-b',
      'judge-c',
      'judge-d',
      'judge-e',
    ]);
    // P07: judge-c 48 + 32 = 80 as written; judge-a never scored it.
    const p07 = rowWith(ws, 2, 'P07', 3);
    expect(p07.getCell(6).value).toBeNull();
    expect(p07.getCell(8).value).toBe(80);
    expect(texts(ws).some((s) => s.includes('finals are computed from the adjusted totals'))).toBe(
      true,
    );
  });
});

/**
 * 24 judges, 8 projects, 3 judges each (judge-01..03 score P1, judge-04..06 P2, ...); judge n
 * gives plan 30 + n and delivery 20, so a total of 50 + n.
 */
function wideReview(): string {
  const dir = path.join(tempDir(), 'wide');
  mkdirSync(path.join(dir, 'scores'), { recursive: true });
  writeFileSync(
    path.join(dir, 'rubric.yaml'),
    'title: Wide\nlang: en\nthreshold: 60\naggregate: mean\ndecimals: 2\ncriteria:\n' +
      '  - id: plan\n    max: 60\n  - id: delivery\n    max: 40\n',
  );
  const pairs = ['judge,project'];
  for (let n = 1; n <= 24; n++) {
    const judge = `judge-${String(n).padStart(2, '0')}`;
    const project = `P${Math.ceil(n / 3)}`;
    pairs.push(`${judge},${project}`);
    writeFileSync(
      path.join(dir, 'scores', `${judge}.csv`),
      `project,plan,delivery\n${project},${30 + n},20\n`,
    );
  }
  writeFileSync(path.join(dir, 'assignments.csv'), `${pairs.join('\n')}\n`);
  return dir;
}

describe('workbook of a wide partial panel (24 judges, 3 per project)', () => {
  it('lists each project\'s own judges in one "judge: total" cell instead of 24 columns', async () => {
    const book = await bookOf(wideReview());
    const ws = sheet(book, 'Summary');
    expect(values(ws.getRow(2))).toEqual([
      'Rank',
      'ID',
      'Project',
      'Organisation',
      'Category',
      "Judges' totals",
      'Final',
      'Result',
    ]);
    // P8 is scored by judges 22, 23, 24: totals 72, 73, 74, mean 73 -> rank 1.
    const p8 = rowWith(ws, 2, 'P8', 3);
    expect(p8.getCell(1).value).toBe(1);
    expect(p8.getCell(6).value).toBe('judge-22: 72.00; judge-23: 73.00; judge-24: 74.00');
    expect(p8.getCell(7).value).toBe(73);
    // P1: 51, 52, 53, mean 52 -> fails the 60 mark, rank 8.
    const p1 = rowWith(ws, 2, 'P1', 3);
    expect(p1.getCell(1).value).toBe(8);
    expect(p1.getCell(8).value).toBe('fail');
    expect(texts(ws).some((s) => s.includes('only the judges who scored it'))).toBe(true);
    // The Scores sheet is one row per judge's total already: 8 x 3 + 8 mean rows, and a header.
    expect(sheet(book, 'Scores').actualRowCount).toBe(1 + 8 * 4);
  });
});

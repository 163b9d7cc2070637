import { SHROUT_FLEISS } from '../expected/shrout-fleiss.js';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fingerprint } from '../../src/render/json.js';
import { renderWorkbook } from '../../src/render/xlsx.js';
import { dosDateTime } from '../../src/render/xlsx-zip.js';
import { tally, type Results } from '../../src/tally.js';
import { expected, expectedBasic } from '../expected/huanshan-2022.js';
import { fixture, ROOT, tempDir } from '../helpers.js';
import { readBack, sheet, values } from './workbook-read.js';

const GENERATED_AT = new Date('2022-06-14T09:30:00Z');

async function resultsOf(dir: string): Promise<Results> {
  const { results, issues } = await tally({ inputs: [dir], cwd: ROOT });
  if (!results) throw new Error(`tally failed: ${JSON.stringify(issues)}`);
  return results;
}

/** The row whose column B (project id) is `id`, at or below `from`. */
function rowOf(ws: ExcelJS.Worksheet, id: string, from = 1): ExcelJS.Row {
  for (let r = from; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(2).value === id) return ws.getRow(r);
  }
  throw new Error(`no row for ${id} in ${ws.name}`);
}

function allText(book: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of book.worksheets) {
    ws.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
  }
  return out;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('renderWorkbook: huanshan-2022 (zh, trimmed mean)', () => {
  let results: Results;
  let buffer: Buffer;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    results = await resultsOf(fixture('huanshan-2022'));
    buffer = await renderWorkbook(results, { generatedAt: GENERATED_AT });
    book = await readBack(buffer);
  });

  it('names the sheets in Chinese; no warnings sheet without warnings', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '评分明细',
      '评委',
      '评委打分的一致程度',
      '需留意的评分',
      '说明',
    ]);
  });

  it('writes the summary header under a title row', () => {
    const ws = sheet(book, '汇总');
    expect(ws.getCell('A1').value).toBe('环山街道2022年公益创投项目评审');
    expect(values(ws.getRow(2))).toEqual([
      '排名',
      '项目编号',
      '项目名称',
      '申报单位',
      '类别',
      'judge-a',
      'judge-b',
      'judge-c',
      'judge-d',
      'judge-e',
      '最终得分',
      '结果',
    ]);
  });

  it('lists every project in rank order with the hand-computed finals and totals', () => {
    const ws = sheet(book, '汇总');
    const judges = ['judge-a', 'judge-b', 'judge-c', 'judge-d', 'judge-e'];
    expected.forEach((e, i) => {
      const row = ws.getRow(3 + i);
      expect(row.getCell(2).value, `row ${3 + i}`).toBe(e.id);
      expect(row.getCell(1).value, e.id).toBe(e.rank);
      const final = row.getCell(11);
      expect(final.value, e.id).toBe(e.final);
      expect(final.type).toBe(ExcelJS.ValueType.Number);
      expect(final.numFmt).toBe('0.00');
      expect(row.getCell(12).value).toBe(e.passed ? '通过' : '未通过');
      judges.forEach((j, k) => {
        const cell = row.getCell(6 + k);
        expect(cell.value, `${e.id} ${j}`).toBe(e.totals[j] === 'recused' ? '回避' : e.totals[j]);
        if (e.totals[j] !== 'recused') expect(cell.numFmt).toBe('0.00');
      });
    });
    expect(ws.getRow(3 + expected.length).getCell(2).value ?? null).toBeNull();
  });

  it('keeps shared ranks and the tie broken by service_plan', () => {
    const ws = sheet(book, '汇总');
    expect(rowOf(ws, 'P02').getCell(1).value).toBe(8);
    expect(rowOf(ws, 'P16').getCell(1).value).toBe(8);
    expect(rowOf(ws, 'P13').getCell(1).value).toBe(10);
    expect(rowOf(ws, 'P04').getCell(1).value).toBe(3);
    expect(rowOf(ws, 'P11').getCell(1).value).toBe(4);
  });

  it('writes 回避 for judge-c on P09, as text', () => {
    const cell = rowOf(sheet(book, '汇总'), 'P09').getCell(8);
    expect(cell.value).toBe('回避');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  it('colours pass green', () => {
    const cell = rowOf(sheet(book, '汇总'), 'P19').getCell(12);
    expect(cell.value).toBe('通过');
    expect(cell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFC6EFCE' } });
  });

  it('strikes through exactly the highest and lowest total of each project', () => {
    const ws = sheet(book, '汇总');
    const p06 = rowOf(ws, 'P06');
    // P06: a 83.5, b 95 (highest), c 79.5 (lowest), d 90.5, e 81.5.
    expect([6, 7, 8, 9, 10].map((c) => Boolean(p06.getCell(c).font?.strike))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(p06.getCell(7).font).toMatchObject({ italic: true, strike: true });
    for (const e of expected) {
      const row = rowOf(ws, e.id);
      const struck = [6, 7, 8, 9, 10].filter((c) => row.getCell(c).font?.strike);
      expect(struck, e.id).toHaveLength(2);
      // The recused judge's cell is never one of them.
      for (const c of struck) expect(typeof row.getCell(c).value, e.id).toBe('number');
    }
    // ...and a note under the table explains the mark.
    const notes = allText(book).filter((s) => s.includes('删除线'));
    expect(notes).toHaveLength(1);
  });

  it('freezes and filters the header row and prints A4 landscape, one page wide', () => {
    const ws = sheet(book, '汇总');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe(`A2:L${2 + expected.length}`);
    expect(ws.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // Read back from the workbook's _xlnm.Print_Titles name: the header repeats on every page.
      printTitlesRow: '2:2',
    });
  });

  it('fits column widths, counting Chinese characters double', () => {
    const ws = sheet(book, '汇总');
    const id = ws.getColumn(2).width!;
    const name = ws.getColumn(3).width!;
    // "项目编号" is 8 columns wide; the longest project name would need ~74 and is capped.
    expect(id).toBeGreaterThanOrEqual(9);
    expect(name).toBe(50);
  });

  it('writes the full score matrix with per-criterion aggregates', () => {
    const ws = sheet(book, '评分明细');
    expect(values(ws.getRow(1))).toEqual([
      '排名',
      '项目编号',
      '项目名称',
      '评委',
      '路演展示 (20)',
      '组织资质 (20)',
      '服务方案 (40)',
      '项目管理 (20)',
      '总分',
      '回避',
      '去掉',
      '评语',
    ]);
    // 21 projects x (5 judges + 1 aggregate row).
    expect(ws.actualRowCount).toBe(1 + 21 * 6);
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.getCell(2).value === 'P09') rows.push(row);
    }
    expect(rows.map((r) => r.getCell(4).value)).toEqual([
      'judge-a',
      'judge-b',
      'judge-c',
      'judge-d',
      'judge-e',
      '去掉最高最低分后平均',
    ]);
    const [a, b, c, , , agg] = rows;
    // P09 judge-a: 15.5 + 15.5 + 31.5 + 14.5 = 77.
    expect(values(a!).slice(4, 9)).toEqual([15.5, 15.5, 31.5, 14.5, 77]);
    expect(b!.getCell(11).value).toBe('是'); // 89.5, the highest: dropped
    expect(c!.getCell(9).value).toBe('回避');
    expect(c!.getCell(10).value).toBe('是');
    expect(c!.getCell(12).value).toBe('利益冲突');
    expect(agg!.getCell(9).value).toBe(79.75);
    expect(agg!.getCell(9).numFmt).toBe('0.00');
    // P04's service_plan aggregate: (31 + 34 + 35) / 3 = 33.3333 at four places.
    const p04 = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      if (ws.getRow(r).getCell(2).value === 'P04') p04.push(ws.getRow(r));
    }
    expect(p04.at(-1)!.getCell(7).value).toBe(33.3333);
    // A comment with a line break survives as one cell.
    expect(allText(book).some((s) => s.includes('托管场地安全措施需补充说明\n建议'))).toBe(true);
  });

  it('lists the judges with their files, hashes and counts', () => {
    const ws = sheet(book, '评委');
    expect(values(ws.getRow(1))).toEqual([
      '评委',
      '文件',
      'SHA-256',
      '评分项目数',
      '回避数',
      '被去掉次数',
      '平均总分',
      '总分标准差',
      '宽严度',
    ]);
    const c = ws.getRow(4);
    expect(c.getCell(1).value).toBe('judge-c');
    expect(c.getCell(2).value).toBe('scores/judge-c.csv');
    expect(c.getCell(3).value).toMatch(/^[0-9a-f]{64}$/);
    expect(c.getCell(4).value).toBe(20);
    expect(c.getCell(5).value).toBe(1);
    // Mean of judge-c's 20 totals, half-up to 2 places. The totals are whole halves, so work in
    // halves: Math.round(mean * 100) in binary floating point would take 67.975 down to 67.97.
    const halves = expected.reduce((sum, e) => {
      const v = e.totals['judge-c'];
      return typeof v === 'number' ? sum + v * 2 : sum;
    }, 0);
    expect(halves / 2 / 20).toBe(67.975);
    expect(c.getCell(7).value).toBe(Math.floor((halves * 100) / (2 * 20) + 0.5) / 100);
  });

  it('documents the run on the About sheet', () => {
    const texts = allText(book);
    expect(texts).toContain(fingerprint(results));
    expect(texts).toContain(GENERATED_AT.toISOString());
    expect(texts).toContain('文登区环山街道办事处');
    expect(texts).toContain('rubric.yaml');
    expect(texts).toContain('scores/judge-e.csv');
    expect(texts.some((s) => /^pcv \d+\.\d+\.\d+/.test(s))).toBe(true);
    expect(texts).toContain('去掉1个最高分和1个最低分后取平均（回避的评委不计）');
    expect(book.created).toEqual(GENERATED_AT);
    expect(book.modified).toEqual(GENERATED_AT);
  });

  it('writes no formula anywhere', () => {
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
      );
    }
  });

  it('is byte-identical for identical inputs, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-02T03:04:05Z'));
    const first = await renderWorkbook(results, { generatedAt: GENERATED_AT });
    vi.setSystemTime(new Date('2037-07-08T19:20:21Z'));
    const second = await renderWorkbook(results, { generatedAt: GENERATED_AT });
    vi.useRealTimers();
    expect(first.equals(second)).toBe(true);
    expect(first.equals(buffer)).toBe(true);
    // Every zip entry carries the run's time, not the clock's: look at the first local header.
    const { time, date } = dosDateTime(GENERATED_AT);
    expect(first.readUInt32LE(0)).toBe(0x04034b50);
    expect([first.readUInt16LE(10), first.readUInt16LE(12)]).toEqual([time, date]);
  });

  it('changes when the time of the run changes', async () => {
    const later = await renderWorkbook(results, {
      generatedAt: new Date('2022-06-15T09:30:00Z'),
    });
    expect(later.equals(buffer)).toBe(false);
  });
});

describe('renderWorkbook: basic (en, mean)', () => {
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const results = await resultsOf(fixture('basic'));
    book = await readBack(await renderWorkbook(results, { generatedAt: GENERATED_AT }));
  });

  it('names the sheets and headers in English', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Scores',
      'Judges',
      'Agreement',
      'Flags',
      'About',
    ]);
    expect(values(sheet(book, 'Summary').getRow(2))).toEqual([
      'Rank',
      'ID',
      'Project',
      'Organisation',
      'Category',
      'judge-1',
      'judge-2',
      'judge-3',
      'Final',
      'Result',
    ]);
  });

  it('rounds half-up and marks the failed project', () => {
    const ws = sheet(book, 'Summary');
    for (const e of expectedBasic) {
      const row = rowOf(ws, e.id, 3);
      expect(row.getCell(1).value, e.id).toBe(e.rank);
      expect(row.getCell(9).value, e.id).toBe(e.final);
      expect(row.getCell(9).numFmt).toBe('0.00');
      expect(row.getCell(10).value, e.id).toBe(e.passed ? 'pass' : 'fail');
    }
    // B4: judge-3's total 74.375 shows rounded half-up to the rubric's decimals.
    expect(rowOf(ws, 'B4', 3).getCell(8).value).toBe(74.38);
    expect(rowOf(ws, 'B5', 3).getCell(10).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });

  it('marks nothing as dropped under a plain mean', () => {
    const ws = sheet(book, 'Summary');
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.font?.strike ?? false).toBe(false)));
    expect(allText(book).some((s) => s.includes('struck-through'))).toBe(false);
  });

  it('keeps exact judge totals on the Scores sheet', () => {
    const ws = sheet(book, 'Scores');
    const b4 = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      if (ws.getRow(r).getCell(2).value === 'B4') b4.push(ws.getRow(r));
    }
    // 5*7.5 + 3.75*7 + 2.5*3 = 71.25; 5*8 + 3.75*7.5 + 2.5*2.5 = 74.375.
    expect(b4.map((r) => r.getCell(8).value)).toEqual([71.25, 73.75, 74.375, 73.13]);
    expect(b4[2]!.getCell(8).numFmt).toBe('0.00##');
  });
});

describe('renderWorkbook: text that looks like a formula', () => {
  const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)'] as const;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const dir = tempDir('pcv-xlsx-');
    cpSync(fixture('basic'), dir, { recursive: true });
    const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const roster = readFileSync(path.join(dir, 'projects.csv'), 'utf8')
      .replace('Riverside Literacy Club', csvField(HOSTILE[0]))
      .replace('Senior Lunch Circle', csvField(HOSTILE[1]))
      .replace('Community Garden Share', csvField(HOSTILE[2]))
      .replace('Repair Café', csvField(HOSTILE[3]));
    writeFileSync(path.join(dir, 'projects.csv'), roster);
    const sheetPath = path.join(dir, 'scores', 'judge-1.csv');
    writeFileSync(
      sheetPath,
      readFileSync(sheetPath, 'utf8').replace('strong volunteer base', csvField('=1+2')),
    );
    const results = await resultsOf(dir);
    book = await readBack(await renderWorkbook(results, { generatedAt: GENERATED_AT }));
  });

  it('stores hostile names and comments as plain strings', () => {
    const summary = sheet(book, 'Summary');
    ['B1', 'B2', 'B3', 'B4'].forEach((id, i) => {
      const cell = rowOf(summary, id, 3).getCell(3);
      expect(cell.type, id).toBe(ExcelJS.ValueType.String);
      expect(cell.value, id).toBe(HOSTILE[i]);
    });
    const comment = rowOf(sheet(book, 'Scores'), 'B1', 2).getCell(11);
    expect(comment.type).toBe(ExcelJS.ValueType.String);
    expect(comment.value).toBe('=1+2');
  });

  it('lists the name mismatches on a Warnings sheet', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Scores',
      'Judges',
      'Agreement',
      'Flags',
      'Warnings',
      'About',
    ]);
    const ws = sheet(book, 'Warnings');
    expect(values(ws.getRow(1))).toEqual(['#', 'Code', 'Warning']);
    expect(ws.actualRowCount).toBeGreaterThan(1);
    expect(String(ws.getRow(2).getCell(3).value)).toMatch(/judge-1\.csv:\d+: warning: /);
  });

  it('has no formula in any cell of any sheet', () => {
    let cells = 0;
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${ws.name}!${cell.address}`).toBeUndefined();
        }),
      );
    }
    expect(cells).toBeGreaterThan(100);
  });
});

describe('renderWorkbook: judge analytics (pivotal-judge, en)', () => {
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const results = await resultsOf(fixture('pivotal-judge'));
    book = await readBack(await renderWorkbook(results, { generatedAt: GENERATED_AT }));
  });

  it('adds the SD and leniency to the Judges sheet, without repeating a column', () => {
    const ws = sheet(book, 'Judges');
    const header = values(ws.getRow(1));
    expect(header).toEqual([
      'Judge',
      'File',
      'SHA-256',
      'Projects scored',
      'Recusals',
      'Totals dropped',
      'Mean total',
      'SD of totals',
      'Leniency',
    ]);
    expect(new Set(header).size).toBe(header.length);
    // Hand-computed in test/analytics.test.ts: leniency judge-1 27.5/6, judge-2 -1.5/6,
    // judge-3 -4.5/6, judge-4 -0.5/5; judge-2's SD sqrt(122) = 11.04536; judge-1's mean 413/6.
    const rows = [2, 3, 4, 5].map((r) => ws.getRow(r));
    expect(rows.map((r) => r.getCell(1).value)).toEqual([
      'judge-1',
      'judge-2',
      'judge-3',
      'judge-4',
    ]);
    expect(rows.map((r) => r.getCell(9).value)).toEqual([4.5833, -0.25, -0.75, -0.1]);
    expect(rows.map((r) => r.getCell(9).numFmt)).toEqual(['0.00', '0.00', '0.00', '0.00']);
    expect(rows[1]!.getCell(8).value).toBe(11.0454);
    expect(rows[0]!.getCell(7).value).toBe(68.83);
    expect(rows.map((r) => r.getCell(5).value)).toEqual([0, 0, 0, 1]);
    expect(rows.map((r) => r.getCell(6).value)).toEqual([0, 0, 0, 0]);
    expect(
      allText(book).some((s) => s.startsWith("Leniency: the judge's average difference")),
    ).toBe(true);
  });

  it("writes Kendall's W and its test on the Agreement sheet", () => {
    const ws = sheet(book, 'Agreement');
    expect(ws.getCell('A1').value).toBe('Agreement of the judges');
    expect(values(ws.getRow(3))).toEqual([
      'Statistic',
      'Value',
      '95% CI lower',
      '95% CI upper',
      'What it means',
    ]);
    const byLabel = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, r) => {
      if (r > 3 && typeof row.getCell(1).value === 'string')
        byLabel.set(String(row.getCell(1).value), row);
    });
    // test/analytics.test.ts: over the 5 complete projects W = 12 x 126 / (16 x 120) = 0.7875,
    // chi2 = 4 x 4 x 0.7875 = 12.6 on 4 df; with 4 df the tail is exp(-6.3)(1 + 6.3) = 0.01340.
    expect(byLabel.get("Kendall's W")!.getCell(2).value).toBe(0.7875);
    expect(byLabel.get('χ²')!.getCell(2).value).toBe(12.6);
    expect(byLabel.get('df')!.getCell(2).value).toBe(4);
    expect(byLabel.get('p')!.getCell(2).value).toBeCloseTo(0.0134, 4);
    expect(byLabel.get('Projects (n)')!.getCell(2).value).toBe(5);
    expect(byLabel.get('Judges (k)')!.getCell(2).value).toBe(4);
    for (const form of ['ICC1', 'ICC2', 'ICC3', 'ICC1k', 'ICC2k', 'ICC3k']) {
      const row = byLabel.get(form)!;
      expect(typeof row.getCell(2).value, form).toBe('number');
      expect(row.getCell(2).numFmt, form).toBe('0.00');
      expect(String(row.getCell(5).value).length, form).toBeGreaterThan(40);
    }
  });

  it('lists the flags, naming the judge they concern', () => {
    const ws = sheet(book, 'Flags');
    expect(values(ws.getRow(1))).toEqual([
      'Rank',
      'ID',
      'Project',
      'Final',
      'Result',
      'Flag',
      'Judge',
      'Details',
    ]);
    expect(values(ws.getRow(2))).toEqual([
      4,
      'Q3',
      'Canal Path Cleanup',
      62,
      'pass',
      'Outlier total',
      'judge-1',
      "judge-1's total 80.00 is 23.50 points above the median 56.50 (limit 15)",
    ]);
    expect(values(ws.getRow(3)).slice(5)).toEqual([
      'Pass/fail hinges on one judge',
      'judge-1',
      "passes with 62.00; without judge-1's scores it would fail with 56.00",
    ]);
    expect(ws.getRow(4).getCell(2).value ?? null).toBeNull();
    expect(ws.autoFilter).toBe('A1:H3');
  });
});

/** A review folder with one criterion out of 10 per judge, so a total is 10 x the rating. */
function ratingReview(matrix: number[][], lang: 'en' | 'zh' = 'en'): string {
  const dir = tempDir('pcv-agree-');
  writeFileSync(
    path.join(dir, 'rubric.yaml'),
    `title: Ratings\nlang: ${lang}\nthreshold: 50\ncriteria:\n  - id: rating\n    max: 10\n`,
  );
  const scores = path.join(dir, 'scores');
  mkdirSync(scores);
  matrix[0]!.forEach((_, j) => {
    const rows = matrix.map((row, i) => `T${i + 1},${row[j]}`);
    writeFileSync(path.join(scores, `judge-${j + 1}.csv`), `project,rating\n${rows.join('\n')}\n`);
  });
  return dir;
}

function statisticRows(ws: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue[]> {
  const out = new Map<string, ExcelJS.CellValue[]>();
  ws.eachRow((row, r) => {
    if (r > 3 && typeof row.getCell(1).value === 'string') {
      out.set(String(row.getCell(1).value), values(row));
    }
  });
  return out;
}

describe('renderWorkbook: Agreement sheet on the Shrout & Fleiss (1979) ratings', () => {
  // Their 6 targets x 4 judges. A total is 10 x the rating; ICCs and Kendall's W do not change
  // when every score is multiplied by the same number, so the published values apply.
  let rows: Map<string, ExcelJS.CellValue[]>;

  beforeAll(async () => {
    const results = await resultsOf(ratingReview(SHROUT_FLEISS.map((row) => [...row])));
    const book = await readBack(await renderWorkbook(results, { generatedAt: GENERATED_AT }));
    rows = statisticRows(sheet(book, 'Agreement'));
  });

  const round2 = (v: ExcelJS.CellValue) => Math.round(Number(v) * 100) / 100;

  it('shows the six published ICCs and their 95% intervals to two decimals', () => {
    // Shrout & Fleiss: .17 .29 .71 .44 .62 .91; intervals as psych::ICC prints them (see
    // test/agreement.test.ts): ICC1 [-0.133, 0.72], ICC2 [0.019, 0.76], ICC3 [0.342, 0.95],
    // ICC1k [-0.884, 0.91], ICC2k [0.071, 0.93], ICC3k [0.676, 0.99].
    const want: Record<string, [number, number, number]> = {
      ICC1: [0.17, -0.13, 0.72],
      ICC2: [0.29, 0.02, 0.76],
      ICC3: [0.71, 0.34, 0.95],
      ICC1k: [0.44, -0.88, 0.91],
      ICC2k: [0.62, 0.07, 0.93],
      ICC3k: [0.91, 0.68, 0.99],
    };
    for (const [form, [value, lo, hi]] of Object.entries(want)) {
      const row = rows.get(form)!;
      expect(row.slice(1, 4).map(round2), form).toEqual([value, lo, hi]);
    }
  });

  it("shows Kendall's W with its chi-square, df, n and k", () => {
    // Each judge's ratings ranked 1..6 (ties share the average rank):
    //   judge 1: 5 1.5 4 3 6 1.5 | judge 2: 3.5 1.5 5 1.5 6 3.5 | judge 3: 4 2 5.5 1 5.5 3
    //   judge 4: 4.5 1 4.5 2 6 3. Rank sums 17 6 19 7.5 23.5 11 (mean 14);
    //   S = 9 + 64 + 25 + 42.25 + 90.25 + 9 = 239.5. Ties: five pairs, sum (t^3 - t) = 5 x 6 = 30.
    //   W = 12 x 239.5 / (4^2 (6^3 - 6) - 4 x 30) = 2874 / 3240 = 0.8870; chi2 = 4 x 5 x W = 17.74.
    expect(round2(rows.get("Kendall's W")![1])).toBe(0.89);
    expect(rows.get("Kendall's W")![1]).toBe(0.887);
    expect(round2(rows.get('χ²')![1])).toBe(17.74);
    expect(rows.get('df')![1]).toBe(5);
    expect(rows.get('Projects (n)')![1]).toBe(6);
    expect(rows.get('Judges (k)')![1]).toBe(4);
  });
});

describe('renderWorkbook: Agreement sheet with too few projects', () => {
  it('writes dashes and says why, in the rubric language', async () => {
    const results = await resultsOf(
      ratingReview(
        [
          [6, 7],
          [8, 8],
        ],
        'zh',
      ),
    );
    const book = await readBack(await renderWorkbook(results, { generatedAt: GENERATED_AT }));
    const ws = sheet(book, '评委打分的一致程度');
    const rows = statisticRows(ws);
    expect(rows.get('ICC1')!.slice(1, 4)).toEqual(['—', '—', '—']);
    expect(rows.get("Kendall's W")![1]).toBe('—');
    expect(rows.get('项目数 (n)')![1]).toBe(2);
    expect(allText(book)).toContain(
      '全部评委都评了分的项目少于3个（现有2个），一致性指标没有意义，不予计算。',
    );
    // No flag either: a sentence says so rather than an empty table.
    expect(allText(book).some((s) => s.startsWith('没有需要留意的评分'))).toBe(true);
  });
});

describe('dosDateTime', () => {
  it('encodes UTC time in the zip format and clamps what it cannot hold', () => {
    // 2022-06-14 10:00:08 -> date (42 << 9) | (6 << 5) | 14, time (10 << 11) | (0 << 5) | 4.
    expect(dosDateTime(new Date('2022-06-14T10:00:08Z'))).toEqual({
      date: (42 << 9) | (6 << 5) | 14,
      time: (10 << 11) | 4,
    });
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))).toEqual({ date: (1 << 5) | 1, time: 0 });
  });
});

import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcv, tempDir } from './helpers.js';

/** Scores per judge for P01 and P02 (roadshow, qualification, service_plan, management). */
const SCORES: Record<string, [number, number, number, number][]> = {
  a: [
    [18, 17, 35, 18],
    [12, 12, 25, 11],
  ],
  b: [
    [16, 16, 30, 16],
    [14, 13, 26.5, 12],
  ],
  c: [
    [17, 18, 33, 17],
    [10, 11, 20, 9.5],
  ],
};

async function fill(template: string, target: string, rows: (number | string)[][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.worksheets[0]!;
  rows.forEach((values, i) => values.forEach((v, j) => (ws.getCell(i + 2, j + 3).value = v)));
  await wb.xlsx.writeFile(target);
}

describe('review day round trip: init → template (xlsx) → fill → tally → verify', () => {
  it('works end to end, and verify names the project and judge of a changed cell', async () => {
    const root = tempDir();
    const dir = path.join(root, 'review');
    expect((await pcv(['init', dir, '--lang', 'zh'])).code).toBe(0);
    const t = await pcv(['template', dir, '--judges', 'a,b,c']);
    expect(t.code).toBe(0);

    // The template reads back with its locked ids, validation and recusal drop-down.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'templates', 'a.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('评分表');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '项目编号',
      '项目名称',
      '路演展示 (0-20)',
      '组织资质 (0-20)',
      '服务方案 (0-40)',
      '项目管理 (0-20)',
      '回避',
      '备注',
    ]);
    expect(ws.getCell('A2').value).toBe('P01');
    // Excel locks every cell unless told otherwise; the sheet protection makes the lock bite.
    expect(ws.getCell('A2').protection?.locked).not.toBe(false);
    expect(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    ).toBe(true);
    expect(ws.getCell('C2').protection?.locked).toBe(false);
    expect(ws.getCell('C2').dataValidation).toMatchObject({
      type: 'custom',
      formulae: ['AND(ISNUMBER(C2),C2>=0,C2<=20,MOD(C2,0.5)=0)'],
    });
    expect(ws.getCell('E3').dataValidation?.formulae?.[0]).toContain('E3<=40');
    expect(ws.getCell('G2').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    expect(wb.worksheets[1]?.name).toBe('填写说明');

    for (const judge of ['a', 'b', 'c']) {
      await fill(
        path.join(dir, 'templates', `${judge}.xlsx`),
        path.join(dir, 'scores', `${judge}.xlsx`),
        SCORES[judge]!,
      );
    }
    const out = path.join(dir, 'pcv-out');
    const r = await pcv(['tally', dir, '--json', '--format', 'json', '--out', out]);
    expect(r.stderr).not.toMatch(/problem/);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    // P01 totals: a 88, b 78, c 85 -> trimmed mean (trim 1 of 3) keeps 85.
    // P02 totals: a 60, b 65.5, c 50.5 -> keeps 60.
    expect(json.projects.map((p: { id: string; final: number }) => [p.id, p.final])).toEqual([
      ['P01', 85],
      ['P02', 60],
    ]);

    const ok = await pcv(['verify', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('核对一致'); // the review says lang: zh

    // The printed fingerprint (first 16 hex digits) checks too; a wrong one does not.
    expect((await pcv(['verify', dir, '--fingerprint', json.fingerprint.slice(0, 16)])).code).toBe(
      0,
    );
    expect((await pcv(['verify', dir, '--fingerprint', '0000000000000000'])).code).toBe(1);

    // Judge b changes P02's service plan from 26.5 to 30 after publication.
    const changed = SCORES.b!.map((row) => [...row]);
    changed[1]![2] = 30;
    await fill(path.join(dir, 'templates', 'b.xlsx'), path.join(dir, 'scores', 'b.xlsx'), changed);
    const bad = await pcv(['verify', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('scores/b.xlsx：公布结果之后被改动过');
    expect(bad.stderr).toContain('P02，b：服务方案 26.5 → 30'); // the criterion by its label
    // b's P02 total is now 69: still a middle value? totals 60, 69, 50.5 -> keeps 60: final unchanged.
    expect(bad.stderr).not.toContain('P02：最终得分');
    expect(bad.stderr).toContain('核对不一致：与已公布的结果有2处不同。');
  });

  it('reports an .xlsx problem at the cell the judge sees', async () => {
    const root = tempDir();
    const dir = path.join(root, 'review');
    await pcv(['init', dir]);
    await pcv(['template', dir, '--judges', 'a']);
    await fill(path.join(dir, 'templates', 'a.xlsx'), path.join(dir, 'scores', 'a.xlsx'), [
      [25, 17, 35, 18],
      [12, 12, 25, 11],
    ]);
    const r = await pcv(['validate', dir, '--trim', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'scores/a.xlsx:Scores!C2: 25 exceeds the maximum 20 for Roadshow presentation',
    );
  });

  it('refuses an .xlsx that is not a workbook, without a stack trace', async () => {
    const root = tempDir();
    const dir = path.join(root, 'review');
    await pcv(['init', dir]);
    writeFileSync(path.join(dir, 'scores', 'a.xlsx'), 'project,roadshow\nP01,1\n');
    writeFileSync(
      path.join(dir, 'scores', 'b.xlsx'),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]),
    );
    const r = await pcv(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'scores/a.xlsx: this .xlsx file is not an Excel workbook (not a zip archive)',
    );
    expect(r.stderr).toContain('scores/b.xlsx: the workbook is damaged');
    expect(readFileSync(path.join(dir, 'scores', 'a.xlsx'), 'utf8')).toBe(
      'project,roadshow\nP01,1\n',
    );
  });

  it('init refuses to overwrite and template needs named judges', async () => {
    const dir = tempDir();
    expect((await pcv(['init', dir])).code).toBe(0);
    const again = await pcv(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exist; nothing was changed (use --force to overwrite)');
    expect((await pcv(['init', dir, '--force'])).code).toBe(0);
    const none = await pcv(['template', dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('name the judges');
  });
});

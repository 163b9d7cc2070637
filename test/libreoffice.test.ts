import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pcv, tempDir } from './helpers.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice)
  console.warn(
    'libreoffice.test.ts: skipped, soffice (LibreOffice) is not installed; .ci/run installs it',
  );

/** LibreOffice is the second, independent reader of our templates: it must open them intact. */
describe.skipIf(!soffice)('templates in LibreOffice', () => {
  it('opens an .xlsx template, keeps its validation, and exports the roster rows to CSV', async () => {
    const dir = path.join(tempDir(), 'review');
    await pcv(['init', dir, '--lang', 'zh']);
    expect((await pcv(['template', dir, '--judges', 'a'])).code).toBe(0);
    const template = path.join(dir, 'templates', 'a.xlsx');
    const out = tempDir();
    const profile = `-env:UserInstallation=file://${tempDir('pcv-lo-')}`;
    const run = (...args: string[]) =>
      execFileSync('soffice', [profile, '--headless', ...args, '--outdir', out, template], {
        timeout: 120_000,
      });

    run('--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76');
    const csv = readFileSync(path.join(out, 'a.csv'), 'utf8').split(/\r?\n/);
    expect(csv[0]).toBe(
      '项目编号,项目名称,路演展示 (0-20),组织资质 (0-20),服务方案 (0-40),项目管理 (0-20),回避,备注',
    );
    expect(csv[1]).toBe('P01,银龄助餐服务项目,,,,,,');

    // Round trip through LibreOffice's own xlsx writer: the validation survives, so it understood it.
    run('--convert-to', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'a.xlsx'));
    const cell = wb.worksheets[0]!.getCell('C2');
    expect(cell.dataValidation?.type).toBe('custom');
    expect(cell.dataValidation?.formulae?.[0]).toMatch(/C2<=20/);
  }, 180_000);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pcv, tempDir } from './helpers.js';
import { pdfPages, squeeze } from './pdf-helpers.js';
import { oneCriterionReview } from './review-folder.js';

/** j1 gives every project 70: no spread, so j1 orders nothing. */
const FLAT_JUDGE = {
  j1: { P1: 70, P2: 70, P3: 70, P4: 70 },
  j2: { P1: 60, P2: 70, P3: 80, P4: 90 },
  j3: { P1: 65, P2: 72, P3: 79, P4: 88 },
};

describe('an agreement statistic that means nothing here says so (issue #10, item 10c)', () => {
  it('in the summary, results.json, the workbook and panel.pdf', async () => {
    const dir = oneCriterionReview('aggregate: mean', FLAT_JUDGE);
    const out = tempDir();
    const r = await pcv(['tally', dir, '--out', out, '--format', 'json,xlsx,panel'], dir);
    expect(r.code).toBe(0);
    const why =
      "Kendall's W is not meaningful here: j1 gave every project the same total, so that judge puts no project above another";
    const line = r.stdout.split('\n').find((l) => l.startsWith('Agreement over'));
    expect(line).toMatch(/^Agreement over 4 projects every judge scored: ICC3k /);
    expect(line).toContain("Kendall's W not meaningful here.");
    expect(line).toContain(`Why: ${why}`);

    const json = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as {
      agreement: Record<string, unknown>;
    };
    expect(json.agreement).toMatchObject({ kendallW: null, kendallChi2: null, kendallP: null });
    expect(json.agreement.note).toContain(why);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path.join(out, 'results.xlsx')) as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet('Agreement')!;
    const rows = new Map<string, unknown>();
    ws.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get("Kendall's W")).toBe('not meaningful here');
    expect(rows.get('p')).toBe('not meaningful here');
    expect(typeof rows.get('ICC3')).toBe('number');

    const panel = squeeze((await pdfPages(readFileSync(path.join(out, 'panel.pdf')))).join(''));
    expect(panel).toContain(squeeze("Kendall's W not meaningful here"));
    expect(panel).toContain(squeeze(why));
  });

  it('an interval beyond -1..1 is not printed as a number', async () => {
    // Three projects and two judges who half agree: ICC3k's interval is [-8.75, ...] (worked out
    // in test/agreement.test.ts: MSB 8, MSE 2, F = 4, qf(0.975, 2, 2) = 39, 1 - 39/4 = -8.75).
    const dir = oneCriterionReview('aggregate: mean', {
      a: { P1: 10, P2: 40, P3: 70 },
      b: { P1: 30, P2: 40, P3: 50 },
    });
    const r = await pcv(['tally', dir, '--json', '--format', 'json', '--out', tempDir()], dir);
    expect(r.code).toBe(0);
    const agreement = JSON.parse(r.stdout).agreement;
    expect(agreement.iccCI.ICC3k).toBeNull();
    expect(agreement.icc.ICC3k).toBe(0.75);
    expect(agreement.note).toMatch(/ICC3k[^;]*outside -1 to 1/);
    const table = await pcv(['tally', dir, '--format', 'json', '--out', tempDir()], dir);
    expect(table.stdout).toContain('ICC3k 0.75 (95% CI not meaningful here)');
    expect(table.stdout).not.toContain('-8.75');
  });
});

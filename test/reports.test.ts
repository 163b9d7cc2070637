import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, pcv, spawnPcv, tempDir } from './helpers.js';

describe('pcv tally writes the report set', () => {
  it('writes results.xlsx, announcement.pdf and results.json by default, and nothing else', () => {
    const out = tempDir();
    const r = spawnPcv(['tally', 'fixtures/huanshan-2022', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(listFiles(out).sort()).toEqual([
      '.pcv-manifest.json',
      'announcement.pdf',
      'results.json',
      'results.xlsx',
    ]);
    expect(readFileSync(path.join(out, 'announcement.pdf')).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
    expect(readFileSync(path.join(out, 'results.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('gives byte-identical reports on every run (dates from the rubric, not the clock)', () => {
    const a = tempDir();
    const b = tempDir();
    const args = ['tally', 'fixtures/basic', '--format', 'xlsx,pdf,json,cards', '--quiet'];
    expect(spawnPcv([...args, '--out', a]).code).toBe(0);
    expect(spawnPcv([...args, '--out', b], undefined, { TZ: 'Asia/Shanghai' }).code).toBe(0);
    for (const f of ['results.xlsx', 'announcement.pdf', 'results.json', 'cards/B1.pdf']) {
      expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
    }
    // SOURCE_DATE_EPOCH changes the stamped date, and so the bytes.
    const c = tempDir();
    expect(
      spawnPcv([...args, '--out', c], undefined, { SOURCE_DATE_EPOCH: '1700000000' }).code,
    ).toBe(0);
    expect(
      readFileSync(path.join(a, 'announcement.pdf')).equals(
        readFileSync(path.join(c, 'announcement.pdf')),
      ),
    ).toBe(false);
  });

  it('replaces the cards folder whole: cards of projects no longer present do not linger', async () => {
    const out = tempDir();
    mkdirSync(path.join(out, 'cards'));
    writeFileSync(path.join(out, 'cards', 'OLD.pdf'), 'stale');
    const r = await pcv(['tally', 'fixtures/basic', '--format', 'cards', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(out, 'cards')).sort()).toEqual([
      'B1.pdf',
      'B2.pdf',
      'B3.pdf',
      'B4.pdf',
      'B5.pdf',
    ]);
    expect(listFiles(out).sort()).toEqual(['.pcv-manifest.json', 'cards']);
  });

  it('writes nothing, and keeps the previous reports, when a report cannot be made', async () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'results.json'), 'previous');
    const r = await pcv(['tally', 'fixtures/basic', '--out', out, '--font', 'no-such-font.ttf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read the font');
    expect(listFiles(out)).toEqual(['results.json']);
    expect(readFileSync(path.join(out, 'results.json'), 'utf8')).toBe('previous');
  });
});

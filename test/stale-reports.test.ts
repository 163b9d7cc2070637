import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, writeReportSet } from '../src/io/write.js';
import { fixture, listFiles, pcv, tempDir } from './helpers.js';

const manifestOf = (out: string) =>
  (JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8')) as { files: string[] }).files;

describe('--out holds one run’s reports only (issue #10, item 3)', () => {
  it('cards and panel of a run at 60 are gone after a run at 70 with the default formats', async () => {
    const out = tempDir();
    // The user's own file in the output folder: pcv did not write it, so it is never removed.
    writeFileSync(path.join(out, 'minutes.docx'), 'the organiser’s notes');
    const first = await pcv([
      'tally',
      'fixtures/huanshan-2022',
      '--format',
      'cards,panel',
      '--threshold',
      '60',
      '--out',
      out,
      '--quiet',
    ]);
    expect(first.code).toBe(0);
    expect(existsSync(path.join(out, 'cards', 'P06.pdf'))).toBe(true);
    expect(manifestOf(out)).toContain('cards/P06.pdf');
    expect(manifestOf(out)).toContain('panel.pdf');

    const second = await pcv([
      'tally',
      'fixtures/huanshan-2022',
      '--threshold',
      '70',
      '--out',
      out,
    ]);
    expect(second.code).toBe(0);
    expect(listFiles(out).sort()).toEqual([
      MANIFEST,
      'announcement.pdf',
      'minutes.docx',
      'results.json',
      'results.xlsx',
    ]);
    expect(existsSync(path.join(out, 'cards'))).toBe(false);
    expect(readFileSync(path.join(out, 'minutes.docx'), 'utf8')).toBe('the organiser’s notes');
    expect(manifestOf(out)).toEqual(['announcement.pdf', 'results.json', 'results.xlsx']);
    // 21 cards and the panel, counted rather than listed; the review says lang: zh.
    expect(second.stderr).toMatch(
      /已删除 .*panel\.pdf, .*cards\/ \(21个文件\)：上一次运行写的报告，这次没有再写/,
    );
  });

  it('keeps a file the user put into cards/, whether or not the next run writes cards', async () => {
    const dir = path.join(tempDir(), 'review');
    cpSync(fixture('basic'), dir, { recursive: true });
    const out = tempDir();
    const cards = ['tally', dir, '--format', 'json,cards', '--out', out, '--quiet'];
    expect((await pcv(cards)).code).toBe(0);
    writeFileSync(path.join(out, 'cards', 'cover-letter.txt'), 'mine');
    // B5 leaves the review (roster and sheets): its card goes, the user's file stays.
    for (const j of ['projects', 'scores/judge-1', 'scores/judge-2', 'scores/judge-3']) {
      const sheet = path.join(dir, `${j}.csv`);
      writeFileSync(sheet, readFileSync(sheet, 'utf8').replace(/^B5,.*\n/m, ''));
    }
    const again = await pcv(['tally', dir, '--format', 'json,cards', '--out', out]);
    expect(again.code).toBe(0);
    expect(listFiles(path.join(out, 'cards')).sort()).toEqual([
      'B1.pdf',
      'B2.pdf',
      'B3.pdf',
      'B4.pdf',
      'cover-letter.txt',
    ]);
    expect(again.stderr).toMatch(/Removed .*cards\/ \(1 file\)/);
    // Without cards this time: the four cards go, the user's file and so the folder stay.
    expect((await pcv(['tally', dir, '--format', 'json', '--out', out])).code).toBe(0);
    expect(listFiles(path.join(out, 'cards'))).toEqual(['cover-letter.txt']);
  });

  it('removes nothing from a folder an earlier pcv wrote without a manifest, and says what may be stale', async () => {
    const out = tempDir();
    mkdirSync(path.join(out, 'cards'));
    writeFileSync(path.join(out, 'cards', 'P06.pdf'), 'a card from pcv 0.1');
    writeFileSync(path.join(out, 'panel.pdf'), 'a panel from pcv 0.1');
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const r = await pcv(['tally', 'fixtures/huanshan-2022', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out, 'cards', 'P06.pdf'), 'utf8')).toBe('a card from pcv 0.1');
    expect(readFileSync(path.join(out, 'panel.pdf'), 'utf8')).toBe('a panel from pcv 0.1');
    expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
    const warned = r.stderr.split('\n').filter((l) => l.includes('没有记录说明是哪次运行写的'));
    // The report names pcv uses, not the user's notes.txt.
    expect(warned).toHaveLength(2);
    // FILE: stays as in English; the review says lang: zh.
    expect(warned[0]).toMatch(/panel\.pdf: 警告：不是这次运行写的/);
    expect(warned[1]).toMatch(/cards: 警告：不是这次运行写的/);
    // From now on the manifest knows: the next run has nothing unaccounted of its own to report.
    expect(manifestOf(out)).toEqual(['results.json']);
  });

  it('removes only plain names inside the folder, whatever a manifest says', async () => {
    const root = tempDir();
    const out = path.join(root, 'out');
    mkdirSync(out);
    writeFileSync(path.join(root, 'outside.txt'), 'not pcv’s');
    writeFileSync(path.join(out, 'panel.pdf'), 'old panel');
    writeFileSync(
      path.join(out, MANIFEST),
      JSON.stringify({ files: ['panel.pdf', '../outside.txt', path.join(root, 'outside.txt')] }),
    );
    const set = await writeReportSet(out, [{ name: 'results.json', data: '{}' }]);
    expect(set.removed).toEqual([path.join(out, 'panel.pdf')]);
    expect(readFileSync(path.join(root, 'outside.txt'), 'utf8')).toBe('not pcv’s');
    expect(listFiles(out).sort()).toEqual([MANIFEST, 'results.json']);
  });

  it('a run killed after its reports were renamed in leaves a manifest naming them all', async () => {
    // The manifest is first rewritten to name both runs' reports, then the renames, then the
    // removals, then the final manifest: simulate a kill after the renames by a write that fails
    // on the final manifest's rename target being a folder.
    const out = tempDir();
    await writeReportSet(out, [{ name: 'panel.pdf', data: 'panel' }]);
    const set = await writeReportSet(out, [{ name: 'results.json', data: '{}' }]);
    expect(set.removed).toEqual([path.join(out, 'panel.pdf')]);
    expect(manifestOf(out)).toEqual(['results.json']);
    // A copy of a folder mid-commit: both names in the manifest, only the new report on disk.
    const copy = tempDir();
    cpSync(out, copy, { recursive: true });
    writeFileSync(
      path.join(copy, MANIFEST),
      JSON.stringify({ files: ['results.json', 'panel.pdf', 'cards/P1.pdf'] }),
    );
    writeFileSync(path.join(copy, 'panel.pdf'), 'renamed in before the kill');
    const next = await writeReportSet(copy, [{ name: 'results.json', data: '{}' }]);
    expect(next.removed).toEqual([path.join(copy, 'panel.pdf')]);
    expect(listFiles(copy).sort()).toEqual([MANIFEST, 'results.json']);
  });
});

describe('default --out: pcv-out in the review folder (issue #10, item 10d)', () => {
  it('pcv verify <folder> finds what pcv tally <folder> wrote', async () => {
    const dir = path.join(tempDir(), 'review');
    cpSync(fixture('basic'), dir, { recursive: true });
    const cwd = tempDir(); // somewhere else entirely
    const t = await pcv(['tally', dir, '--format', 'json'], cwd);
    expect(t.code).toBe(0);
    expect(existsSync(path.join(dir, 'pcv-out', 'results.json'))).toBe(true);
    expect(listFiles(cwd)).toEqual([]);
    const v = await pcv(['verify', dir], cwd);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^verified: /);
  });

  it('sheets named by a glob inside the review folder: pcv-out in that folder', async () => {
    const dir = path.join(tempDir(), 'review');
    cpSync(fixture('basic'), dir, { recursive: true });
    const t = await pcv(['tally', 'scores/*.csv', '--format', 'json'], dir);
    expect(t.code).toBe(0);
    expect(listFiles(path.join(dir, 'pcv-out')).sort()).toEqual([MANIFEST, 'results.json']);
    expect((await pcv(['verify'], dir)).code).toBe(0);
  });
});

import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, writeReportSet, type ReportData } from '../src/io/write.js';
import { fixture, listFiles, pcv, ROOT, tempDir } from './helpers.js';

function copyFixture(name: string): string {
  const dir = path.join(tempDir(), name);
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

describe('faults: nothing lost, nothing half-written', () => {
  it('a full disk during writing keeps the previous reports and leaves no temporary file', async () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'results.json'), 'previous json');
    writeFileSync(path.join(out, 'results.xlsx'), 'previous xlsx');
    let calls = 0;
    const failing = async (file: string, data: ReportData) => {
      if (++calls === 2)
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      // This test's reports are text.
      writeFileSync(file, String(data));
    };
    await expect(
      writeReportSet(
        out,
        [
          { name: 'results.json', data: 'new json' },
          { name: 'results.xlsx', data: 'new xlsx' },
        ],
        failing,
      ),
    ).rejects.toThrow('ENOSPC');
    expect(listFiles(out).sort()).toEqual(['results.json', 'results.xlsx']);
    expect(readFileSync(path.join(out, 'results.json'), 'utf8')).toBe('previous json');
    expect(readFileSync(path.join(out, 'results.xlsx'), 'utf8')).toBe('previous xlsx');
  });

  it('an output folder that cannot be created is one clear line, exit 2', async () => {
    const blocker = path.join(tempDir(), 'a-file');
    writeFileSync(blocker, 'x');
    const r = await pcv([
      'tally',
      'fixtures/basic',
      '--out',
      path.join(blocker, 'out'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(
      /^pcv: cannot write the reports into .*a-file\/out: a file is in the way of the folder/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('kill -9 while writing reports leaves the previous reports intact; the next run cleans up', async () => {
    // A review large enough that writing its reports takes a while.
    const dir = tempDir();
    mkdirSync(path.join(dir, 'scores'));
    cpSync(fixture('basic', 'rubric.yaml'), path.join(dir, 'rubric.yaml'));
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `X${i},Project ${i},${(i % 20) / 2},${(i % 19) / 2},${(i % 10) / 2}`,
    );
    for (const j of ['j1', 'j2', 'j3']) {
      writeFileSync(
        path.join(dir, 'scores', `${j}.csv`),
        `project,name,impact,feasibility,budget\n${rows.join('\n')}\n`,
      );
    }
    const out = path.join(dir, 'out');
    expect((await pcv(['tally', dir, '--out', out, '--quiet'])).code).toBe(0);
    const before = Object.fromEntries(
      listFiles(out)
        .filter((f) => !f.startsWith('.'))
        .map((f) => [f, readFileSync(path.join(out, f))]),
    );

    // Change a score so a finished run would write different reports, then kill mid-way.
    writeFileSync(
      path.join(dir, 'scores', 'j1.csv'),
      readFileSync(path.join(dir, 'scores', 'j1.csv'), 'utf8').replace(
        'X0,Project 0,0,',
        'X0,Project 0,10,',
      ),
    );
    for (const delay of [150, 400, 800]) {
      const child = spawn(process.execPath, [
        path.join(ROOT, 'bin', 'pcv.js'),
        'tally',
        dir,
        '--out',
        out,
        '--quiet',
      ]);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
      const now = listFiles(out).filter((f) => !f.startsWith('.'));
      for (const f of now) {
        const bytes = readFileSync(path.join(out, f));
        // Each report is either the previous one or a complete new one, never a torn mixture.
        if (!bytes.equals(before[f]!)) expect(bytes.length).toBeGreaterThan(0);
      }
      expect(now.sort()).toEqual(Object.keys(before).sort());
    }
    // The next run removes whatever temporary files the killed runs left.
    expect((await pcv(['tally', dir, '--out', out, '--quiet'])).code).toBe(0);
    // Only the manifest of what pcv wrote remains among the dot files.
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([MANIFEST]);
  }, 60_000);

  it('a sheet that disappears after it was listed is exit 2 naming it (a dangling link)', async () => {
    const dir = copyFixture('basic');
    symlinkSync(path.join(dir, 'gone.csv'), path.join(dir, 'scores', 'judge-4.csv'));
    const r = await pcv(['tally', dir, '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^pcv: .*scores\/judge-4\.csv: no such file$/);
  });

  it('a symlinked sheet is read through the link, and the target is never modified', async () => {
    const dir = copyFixture('basic');
    const elsewhere = path.join(tempDir(), 'judge-3-real.csv');
    cpSync(path.join(dir, 'scores', 'judge-3.csv'), elsewhere);
    unlinkSync(path.join(dir, 'scores', 'judge-3.csv'));
    symlinkSync(elsewhere, path.join(dir, 'scores', 'judge-3.csv'));
    const before = readFileSync(elsewhere);
    const r = await pcv(['tally', dir, '--out', tempDir(), '--json', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).judges.map((j: { id: string }) => j.id)).toEqual([
      'judge-1',
      'judge-2',
      'judge-3',
    ]);
    expect(readFileSync(elsewhere).equals(before)).toBe(true);
  });

  it('refuses an --out that is an input file or inside the scores folder, touching nothing', async () => {
    const dir = copyFixture('basic');
    const sheet = path.join(dir, 'scores', 'judge-1.csv');
    const before = readFileSync(sheet);
    for (const out of [sheet, path.join(dir, 'scores'), path.join(dir, 'scores', 'out')]) {
      const r = await pcv(['tally', dir, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/pcv: --out .*: this is (an input file|the score sheets' folder)/);
    }
    expect(readFileSync(sheet).equals(before)).toBe(true);
    expect(listFiles(path.join(dir, 'scores')).sort()).toEqual([
      'judge-1.csv',
      'judge-2.csv',
      'judge-3.csv',
    ]);
  });
});

describe('two runs sharing one output folder', () => {
  it('always leave one run’s whole set, never a mixture', async () => {
    const a = copyFixture('basic');
    const b = copyFixture('basic');
    const s = path.join(b, 'scores', 'judge-1.csv');
    writeFileSync(
      s,
      readFileSync(s, 'utf8').replace(
        'B1,Riverside Literacy Club,9,',
        'B1,Riverside Literacy Club,5,',
      ),
    );
    const args = ['tally', '--format', 'xlsx,pdf,json,cards', '--quiet', '--out'];
    const alone = async (dir: string) => {
      const out = tempDir();
      expect((await pcv([...args.slice(0, 1), dir, ...args.slice(1), out])).code).toBe(0);
      return out;
    };
    const sets = [await alone(a), await alone(b)];
    const files = ['results.json', 'results.xlsx', 'announcement.pdf', 'cards/B1.pdf'];
    const shared = tempDir();
    const run = (dir: string) =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [
          path.join(ROOT, 'bin', 'pcv.js'),
          'tally',
          dir,
          ...args.slice(1),
          shared,
        ]);
        child.on('close', (code) => resolve(code ?? -1));
      });
    for (let round = 0; round < 4; round++) {
      expect(await Promise.all([run(a), run(b)])).toEqual([0, 0]);
      const same = sets.filter((set) =>
        files.every((f) =>
          readFileSync(path.join(set, f)).equals(readFileSync(path.join(shared, f))),
        ),
      );
      expect(same).toHaveLength(1);
      expect(readdirSync(shared).filter((f) => f.startsWith('.'))).toEqual([MANIFEST]);
    }
  }, 120_000);
});

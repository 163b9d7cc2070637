import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReportSet, type ReportData } from '../src/io/write.js';
import { tally } from '../src/tally.js';
import type { ComputedResults } from '../src/core/model.js';
import { copyFixture, fixture, listFiles, ROOT, tempDir } from './helpers.js';

/*
 * The announcement is drawn in the worker while the main thread computes the analytics and
 * writes the other reports: tally() hands out the results before the analytics (onComputed), and
 * writeReportSet awaits a report still being made only when its turn comes.
 */

describe('the results before the analytics', () => {
  it('are handed out once, without the analytics, and are the final results but for them', async () => {
    const seen: ComputedResults[] = [];
    const outcome = await tally({
      inputs: [fixture('huanshan-2022')],
      onComputed: (results) => seen.push(results),
    });
    expect(seen).toHaveLength(1);
    expect('analytics' in seen[0]!).toBe(false);
    const { analytics, ...rest } = outcome.results!;
    expect(analytics.judges).toHaveLength(5);
    expect(rest).toEqual(seen[0]);
  });

  it('are not handed out when there are errors, nor to validate', async () => {
    let calls = 0;
    const onComputed = () => void calls++;
    const dir = copyFixture('basic');
    const sheet = path.join(dir, 'scores', 'judge-1.csv');
    writeFileSync(
      sheet,
      readFileSync(sheet, 'utf8').replace(
        'B1,Riverside Literacy Club,9,',
        'B1,Riverside Literacy Club,nine,',
      ),
    );
    const broken = await tally({ inputs: [dir], onComputed });
    expect(broken.issues.some((i) => i.severity === 'error')).toBe(true);
    expect(broken.results).toBeUndefined();
    const checked = await tally({ inputs: [fixture('basic')], onComputed, checksOnly: true });
    expect(checked.checked).toBeDefined();
    expect(calls).toBe(0);
  });
});

/** A promise settled from outside, as the worker's reply is. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('writing a report set with a report still being made', () => {
  it('writes the reports before it meanwhile, then it, then renames all into place', async () => {
    const out = tempDir();
    const pdf = deferred<Uint8Array>();
    const order: string[] = [];
    const write = async (file: string, data: ReportData) => {
      const bytes = await data;
      order.push(path.basename(file).split('.')[1]!);
      writeFileSync(file, bytes as string | Uint8Array);
      // The announcement is ready only once results.json has been written.
      if (order.length === 1) pdf.resolve(Buffer.from('%PDF'));
    };
    const written = await writeReportSet(
      out,
      [
        { name: 'results.json', data: '{}' },
        { name: 'announcement.pdf', data: pdf.promise },
      ],
      write,
    );
    expect(order).toEqual(['results', 'announcement']);
    expect(written.written.map((f) => path.basename(f))).toEqual([
      'results.json',
      'announcement.pdf',
    ]);
    expect(readFileSync(path.join(out, 'announcement.pdf'), 'utf8')).toBe('%PDF');
  });

  it('a report that fails to be made: its own error, and the folder as it was', async () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'results.json'), 'previous');
    const failure = Object.assign(new Error('not a usable font'), { exitCode: 2 });
    const pdf = Promise.reject(failure);
    pdf.catch(() => {});
    await expect(
      writeReportSet(out, [
        { name: 'results.json', data: '{"new":true}' },
        { name: 'announcement.pdf', data: pdf },
      ]),
    ).rejects.toBe(failure);
    expect(listFiles(out)).toEqual(['results.json']);
    expect(readFileSync(path.join(out, 'results.json'), 'utf8')).toBe('previous');
  });
});

describe('the built CLI with the announcement in the worker', () => {
  // dist/ (npm run build first): a worker held as bin/pcv.js holds it is taken whatever the load.
  const dist = (file: string) => import(path.join(ROOT, 'dist', file));

  async function tallyWithWorker(args: string[]) {
    const { holdPdfWorker } = await dist('render/pdf-prestart.js');
    const { spawnPdfWorker } = await dist('render/pdf-spawn.js');
    const worker = spawnPdfWorker();
    expect(worker).toBeDefined();
    holdPdfWorker(worker);
    const { run } = await dist('cli.js');
    const out: string[] = [];
    const err: string[] = [];
    const code: number = await run(['tally', ...args], {
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      cwd: ROOT,
    });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }

  it('writes the same reports as the run without a worker', async () => {
    const [a, b] = [tempDir(), tempDir()];
    const withWorker = await tallyWithWorker([fixture('huanshan-2022'), '--out', a, '--quiet']);
    expect(withWorker.code).toBe(0);
    const { run } = await dist('cli.js');
    const quiet = { out: () => {}, err: () => {}, cwd: ROOT };
    expect(await run(['tally', fixture('huanshan-2022'), '--out', b, '--quiet'], quiet)).toBe(0);
    expect(listFiles(a)).toEqual([
      '.pcv-manifest.json',
      'announcement.pdf',
      'results.json',
      'results.xlsx',
    ]);
    for (const name of listFiles(a)) {
      expect(readFileSync(path.join(a, name)).equals(readFileSync(path.join(b, name)))).toBe(true);
    }
  }, 60_000);

  it("a worker's failure while the other reports are written: its message, exit 2, nothing written", async () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'results.json'), 'previous');
    const notAFont = fixture('basic', 'rubric.yaml');
    const r = await tallyWithWorker([fixture('basic'), '--out', out, '--font', notAFont]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${notAFont}: not a usable TrueType/OpenType font`);
    // Not taken for a failure to write the files.
    expect(r.stderr).not.toContain('cannot write the reports');
    expect(listFiles(out)).toEqual(['results.json']);
    expect(readFileSync(path.join(out, 'results.json'), 'utf8')).toBe('previous');
  }, 60_000);
});

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderAnnouncement } from '../../src/render/pdf.js';
import { ROOT, fixture, listFiles, spawnPcv, tempDir } from '../helpers.js';
import { createdAt, load } from '../pdf-helpers.js';

/*
 * The built pcv draws announcement.pdf in a worker thread while it writes the other reports
 * (src/render/pdf-thread.ts). Tests import pcv from its TypeScript sources, where there is no
 * compiled worker and the PDF is drawn in the same thread; these use dist/ (npm run build first),
 * so they exercise the worker itself.
 */
type PdfThread = typeof import('../../src/render/pdf-thread.js');
const distThread = () =>
  import(path.join(ROOT, 'dist', 'render', 'pdf-thread.js')) as Promise<PdfThread>;

describe('announcement.pdf drawn in a worker thread', () => {
  it('starts a worker from dist/ and gets back the bytes the main thread draws', async () => {
    const results = await load('huanshan-2022');
    const { startPdfWorker } = await distThread();
    const pending = startPdfWorker()?.draw(results, { createdAt });
    // Undefined would mean no worker: the compiled worker file is missing from dist/.
    expect(pending).toBeDefined();
    const fromWorker = await pending!.bytes;
    const here = await renderAnnouncement(results, { createdAt });
    expect(fromWorker.length).toBeGreaterThan(10_000);
    expect(fromWorker.equals(here)).toBe(true);
  }, 60_000);

  it('starts ahead of the results, waits, and draws them with the same bytes', async () => {
    const { startPdfWorker } = await distThread();
    // As `pcv tally` does: the worker first, then the sheets read and the results computed.
    const worker = startPdfWorker();
    expect(worker).toBeDefined();
    const results = await load('huanshan-2022');
    const fromWorker = await worker!.draw(results, { createdAt }).bytes;
    expect(fromWorker.equals(await renderAnnouncement(results, { createdAt }))).toBe(true);
  }, 60_000);

  it("a worker's failure rejects with the error this thread would have thrown", async () => {
    const { startPdfWorker } = await distThread();
    const worker = startPdfWorker()!;
    const notAFont = fixture('basic', 'rubric.yaml');
    const pending = worker.draw(await load('basic'), { createdAt, fontPath: notAFont });
    await expect(pending.bytes).rejects.toMatchObject({
      name: 'PcvError',
      exitCode: 2,
      message: expect.stringContaining(`${notAFont}: not a usable TrueType/OpenType font`),
      // Its wording key comes along, so the CLI can say it in Chinese.
      worded: { key: 'font-unusable', params: { file: notAFont } },
    });
  }, 60_000);

  it('a worker given nothing to draw does not keep the process alive', () => {
    // A run that stops before its reports (invalid sheets) never calls draw(): the process must
    // end on its own. A worker that held it would wait for a message forever (killed at 20 s).
    const thread = pathToFileURL(path.join(ROOT, 'dist', 'render', 'pdf-thread.js')).href;
    // A file, not --eval: a worker inherits the process's flags, and --input-type stops it.
    const script = path.join(tempDir(), 'start-only.mjs');
    writeFileSync(
      script,
      `const worker = (await import(${JSON.stringify(thread)})).startPdfWorker();
       if (worker === undefined) process.exit(3);
       process.exitCode = 7;`,
    );
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
    expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({
      status: 7,
      signal: null,
      stderr: '',
    });
  }, 30_000);

  it('a worker that cannot draw gives the one-line message, no stack, and writes nothing', () => {
    const out = tempDir();
    writeFileSync(path.join(out, 'results.json'), 'previous');
    // A file that exists but is no font: fontkit fails inside the worker.
    const notAFont = fixture('basic', 'rubric.yaml');
    const r = spawnPcv(['tally', fixture('basic'), '--out', out, '--font', notAFont]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${notAFont}: not a usable TrueType/OpenType font`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(listFiles(out)).toEqual(['results.json']);
    expect(readFileSync(path.join(out, 'results.json'), 'utf8')).toBe('previous');
  }, 60_000);

  it('says a font it cannot use or read in the chosen language', () => {
    const notAFont = fixture('basic', 'rubric.yaml');
    const args = ['tally', fixture('basic'), '--out', tempDir(), '--lang', 'zh', '--font'];
    const unusable = spawnPcv([...args, notAFont]);
    expect(unusable.code).toBe(2);
    expect(unusable.stderr).toContain(`pcv: ${notAFont}：不是可用的 TrueType/OpenType 字体（`);
    const missing = path.join(tempDir(), 'no-such-font.ttf');
    const unreadable = spawnPcv([...args, missing]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr.trim()).toBe(`pcv: 无法读取字体文件 ${missing}（ENOENT）`);
  }, 60_000);
});

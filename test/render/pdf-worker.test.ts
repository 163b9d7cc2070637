import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
    const { startAnnouncement } = await distThread();
    const pending = startAnnouncement(results, { createdAt });
    // Undefined would mean no worker: the compiled worker file is missing from dist/.
    expect(pending).toBeDefined();
    const fromWorker = await pending!.bytes;
    const here = await renderAnnouncement(results, { createdAt });
    expect(fromWorker.length).toBeGreaterThan(10_000);
    expect(fromWorker.equals(here)).toBe(true);
  }, 60_000);

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
});

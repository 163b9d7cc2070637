import { describe, expect, it, vi } from 'vitest';
import { asksForPdfAndMore, capsHeapGrowth } from '../src/prestart.js';
import { holdPdfWorker } from '../src/render/pdf-prestart.js';
import type { PdfJob } from '../src/render/pdf-thread.js';
import { startPdfWorkerFor } from '../src/reports.js';
import { load } from './pdf-helpers.js';

/*
 * bin/pcv.js starts the PDF worker for `pcv tally` before the CLI loads (src/prestart.ts), from
 * the words alone; the tally then takes that worker or stops it (reports.ts startPdfWorkerFor).
 */
describe('asksForPdfAndMore', () => {
  it('is true for the default formats and any list with pdf and another report', () => {
    expect(asksForPdfAndMore(['tally', 'review'])).toBe(true);
    expect(asksForPdfAndMore(['tally', '--format', 'json,pdf'])).toBe(true);
    expect(asksForPdfAndMore(['tally', '--format=PDF, xlsx', 'review'])).toBe(true);
  });

  it('is false for pdf alone, a list without pdf, or an empty list', () => {
    expect(asksForPdfAndMore(['tally', '--format', 'pdf'])).toBe(false);
    expect(asksForPdfAndMore(['tally', '--format=json,xlsx'])).toBe(false);
    expect(asksForPdfAndMore(['tally', '--format'])).toBe(false);
    // The last --format wins, as commander reads it.
    expect(asksForPdfAndMore(['tally', '--format', 'json,pdf', '--format', 'json'])).toBe(false);
  });
});

describe('capsHeapGrowth', () => {
  it('caps every command but a tally, and a tally of results.json alone', () => {
    expect(capsHeapGrowth(['validate', 'review'])).toBe(true);
    expect(capsHeapGrowth(['verify', 'pcv-out', '--format', 'xlsx'])).toBe(true);
    expect(capsHeapGrowth(['tally', 'review', '--format', 'json'])).toBe(true);
    expect(capsHeapGrowth(['tally', '--format=JSON ,json', 'review'])).toBe(true);
  });

  it('leaves the heap uncapped for a tally that makes a workbook or a PDF', () => {
    expect(capsHeapGrowth(['tally', 'review'])).toBe(false);
    expect(capsHeapGrowth(['tally', 'review', '--format', 'json,xlsx'])).toBe(false);
    expect(capsHeapGrowth(['tally', '--format=pdf'])).toBe(false);
    expect(capsHeapGrowth(['tally', '--format', 'json', '--format', 'json,panel'])).toBe(false);
  });
});

describe('a worker started ahead', () => {
  const fake = () => {
    const posted: PdfJob[] = [];
    const cancel = vi.fn();
    const bytes = Promise.resolve(Buffer.from('%PDF'));
    return {
      posted,
      cancel,
      worker: { post: (job: PdfJob) => (posted.push(job), { bytes, cancel }), cancel },
    };
  };

  it('is taken by a tally that wants a PDF and another report, and given the words', async () => {
    const f = fake();
    holdPdfWorker(f.worker);
    const taken = await startPdfWorkerFor(['json', 'pdf']);
    expect(taken).toBeDefined();
    const results = await load('huanshan-2022');
    const createdAt = new Date('2022-10-20T00:00:00Z');
    await taken!.draw(results, { createdAt }).bytes;
    expect(f.posted).toHaveLength(1);
    expect(f.posted[0]!.content.tables[0]!.rows).toHaveLength(results.projects.length);
    expect(f.cancel).not.toHaveBeenCalled();
    // Taken once: a second tally in the same process does not get it again (and from the
    // sources there is no compiled worker to start anew).
    expect(await startPdfWorkerFor(['json', 'pdf'])).toBeUndefined();
  });

  it('is stopped by a tally that draws no PDF, or only a PDF', async () => {
    for (const formats of [['json', 'xlsx'], ['pdf']] as const) {
      const f = fake();
      holdPdfWorker(f.worker);
      expect(await startPdfWorkerFor(formats)).toBeUndefined();
      expect(f.cancel).toHaveBeenCalledTimes(1);
      expect(f.posted).toHaveLength(0);
    }
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPanel } from '../../src/render/panel.js';
import { tally, type Results } from '../../src/tally.js';
import { ROOT, tempDir } from '../helpers.js';
import { createdAt, load, pdfPages, squeeze } from '../pdf-helpers.js';

/* panel.pdf with `normalize: offset`: both bars, the offset column and note; a long panel. */

describe('panel.pdf with normalize: offset (fixtures/judge-groups)', () => {
  let results: Results;
  let pages: string[];
  beforeAll(async () => {
    results = await load('judge-groups');
    pages = await pdfPages(await renderPanel(results, { createdAt }));
  });

  it('says in the method note what an offset is', () => {
    expect(squeeze(pages[0]!)).toContain(
      squeeze(
        "A judge's offset is fitted by least squares over every total of the review, on the model total = project value + judge offset, the offsets adding up to zero",
      ),
    );
  });

  it('tells the two bars apart with a legend, and labels both', () => {
    const page = squeeze(pages[0]!);
    expect(page).toContain(squeeze('leniency (mean difference from the median)'));
    expect(page).toContain(squeeze('fitted offset (taken off the totals)'));
    // judge-c: leniency -6.00 (its totals are the lowest on every project it shares), and an
    // offset 11.5 below judge-d's and 10.5 below judge-e's (see xlsx-extra.test.ts).
    const stats = new Map(results.analytics.judges.map((j) => [j.judge, j]));
    const c = stats.get('judge-c')!;
    expect(c.leniency).toBe(-6);
    expect(stats.get('judge-d')!.offset! - c.offset!).toBeCloseTo(11.5, 6);
    for (const j of results.analytics.judges) {
      const off = j.offset!;
      const shown = (off > 0 ? '+' : '') + off.toFixed(3);
      // The profiles table gives the offset to the thousandth; the chart to the hundredth.
      expect(page, j.judge).toContain(shown);
    }
    expect(page).toContain('Offset');
  });
});

/**
 * 40 judges in a ring of groups: project Pk (k = 1..40) is scored by judges k, k+1 and k+2
 * (mod 40), so every judge shares projects with its neighbours and the design is connected.
 */
async function ringReview(): Promise<Results> {
  const dir = path.join(tempDir(), 'ring');
  mkdirSync(path.join(dir, 'scores'), { recursive: true });
  writeFileSync(
    path.join(dir, 'rubric.yaml'),
    'title: Ring\nlang: en\nthreshold: 60\naggregate: mean\nnormalize: offset\ncriteria:\n' +
      '  - id: plan\n    max: 60\n  - id: delivery\n    max: 40\n',
  );
  const judge = (n: number) => `judge-${String(n).padStart(2, '0')}`;
  const rows = new Map<string, string[]>();
  const pairs = ['judge,project'];
  for (let k = 1; k <= 40; k++) {
    for (const d of [0, 1, 2]) {
      const n = ((k - 1 + d) % 40) + 1;
      pairs.push(`${judge(n)},P${k}`);
      rows.set(judge(n), [...(rows.get(judge(n)) ?? []), `P${k},${30 + (n % 7)},${20 + (k % 5)}`]);
    }
  }
  for (const [j, r] of rows)
    writeFileSync(path.join(dir, 'scores', `${j}.csv`), `project,plan,delivery\n${r.join('\n')}\n`);
  writeFileSync(path.join(dir, 'assignments.csv'), `${pairs.join('\n')}\n`);
  const { results, issues } = await tally({ inputs: [dir], cwd: ROOT });
  if (!results) throw new Error(JSON.stringify(issues));
  return results;
}

describe('panel.pdf of 40 judges with offsets', () => {
  let bytes: Buffer;
  let pages: string[];
  beforeAll(async () => {
    bytes = await renderPanel(await ringReview(), { createdAt });
    pages = await pdfPages(bytes);
  });

  it('starts the chart on page 1 and carries it over, every judge once', () => {
    expect(pages[0]).toContain('Judge leniency');
    const chartPages = pages.filter((p, i) => i === 0 || p.includes('Judge leniency (continued)'));
    expect(chartPages.length).toBeGreaterThan(1);
    for (let n = 1; n <= 40; n++) {
      const id = `judge-${String(n).padStart(2, '0')}`;
      // Once in the chart (before the profiles table) and once in the table.
      const inChart = chartPages
        .map((p) => p.split("Judges' profiles")[0]!)
        .filter((p) => p.includes(id)).length;
      expect(inChart, id).toBe(1);
    }
  });

  it('draws no text below the footer line or off the page', async () => {
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i);
      const [, , , height] = page.view as [number, number, number, number];
      const items = (await page.getTextContent()).items.flatMap((it) =>
        'str' in it && it.str.trim() !== '' ? [it] : [],
      );
      const footerY = Math.min(...items.map((it) => it.transform[5] as number));
      for (const it of items) {
        const y = it.transform[5] as number;
        expect(y, `page ${i}: ${it.str}`).toBeLessThan(height);
        // Only the footer sits on the lowest line: nothing of the chart runs into it.
        if (!/Fingerprint|Page \d+ of/.test(it.str) && y < footerY + 12)
          expect.fail(`page ${i}: "${it.str}" at y ${y} runs into the footer`);
      }
    }
    await pdf.destroy();
  });
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript, the benchmark's own generator (same bytes every run)
import { generateReview } from '../scripts/bench/generate.mjs';
import { ROOT, tempDir } from './helpers.js';

/**
 * The heap a review's sheets keep once read, per score cell (BENCHMARKS.md, "1M cells: what
 * changed"): measured 11.8 bytes here (7.3 in the 1M-cell review) with the typed columns of
 * core/score-store.ts, 64-67 with an object and a score map per row before them. A layout that
 * holds more per cell fails here, not only in the benchmark. Not timed.
 */
const BYTES_PER_CELL = 16;

describe('memory: the sheets of a 200,000-cell review', () => {
  it(`keep at most ${BYTES_PER_CELL} bytes of heap per score cell once read`, () => {
    // 25 judges × 2,000 projects × 4 criteria, as the benchmark writes them (BOM, CRLF, recusals).
    const dir = path.join(tempDir('pcv-memory-'), 'review');
    generateReview(dir, {
      judges: 25,
      projects: 2000,
      seed: 20261130,
      title: 'memory',
      gbJudges: [13],
      recusalRate: 0.002,
      listAll: false,
    });
    // In a process of its own, with the garbage collector at hand (reads dist/: npm test builds).
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', path.join(ROOT, 'scripts', 'bench', 'sheet-memory.mjs'), dir],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    const measured = JSON.parse(r.stdout) as {
      sheets: number;
      cells: number;
      bytesPerCell: number;
    };
    expect(measured.sheets).toBe(25);
    expect(measured.cells).toBe(200_000);
    expect(measured.bytesPerCell).toBeLessThanOrEqual(BYTES_PER_CELL);
  });
});

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

/**
 * bin/pcv.js caps how far V8 lets the old generation grow past the last full collection's
 * survivors at 1.5× (V8's own choice for a tally is 4×, which let a 1M-cell review carry ~65 MB
 * of garbage into its peak: BENCHMARKS.md, "1M cells: peak memory"). The limit is only visible in
 * V8's own trace, so the CLI runs with `--trace-gc-verbose` (which prints each new limit and its
 * factor) and `--gc-global` (every collection a full one, so even a small review sets limits).
 * A tally that makes a workbook or a PDF runs uncapped (src/prestart.ts capsHeapGrowth).
 */
function heapFactors(formats: string[]): number[] {
  const out = tempDir('pcv-heap-growth-');
  const r = spawnSync(
    process.execPath,
    [
      '--trace-gc-verbose',
      '--gc-global',
      path.join(ROOT, 'bin', 'pcv.js'),
      'tally',
      path.join(ROOT, 'fixtures', 'basic'),
      ...formats,
      '--quiet',
      '--out',
      out,
    ],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  expect(r.status).toBe(0);
  // "[HeapController] Limit: old size: 3519 KB, new limit: 12718 KB (1.5)"
  return [...r.stdout.matchAll(/\[HeapController\] Limit: .*\(([\d.]+)\)$/gm)].map((m) =>
    Number(m[1]),
  );
}

describe('the CLI process: heap growth', () => {
  it('sets each new old-generation limit at most 1.5× the survivors', () => {
    const factors = heapFactors(['--format', 'json']);
    expect(factors.length).toBeGreaterThan(0);
    expect(Math.max(...factors)).toBeLessThanOrEqual(1.5);
  });

  it('leaves V8 its own growth where a workbook and a PDF are made (the default formats)', () => {
    // There the reports set the peak and the cap only costs collections (prestart.ts).
    expect(Math.max(...heapFactors([]))).toBeGreaterThan(1.5);
  });
});

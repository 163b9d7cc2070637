import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

/**
 * Runs the built binary with its stdout pipe closed before it writes a byte, as `| head -1`
 * does to a writer that is still going.
 */
function closedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'pcv.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that stops early (issue #10, item 7)', () => {
  it.each([
    ['--help', ['--help']],
    ['tally --help', ['tally', '--help']],
    [
      'tally --json',
      ['tally', 'fixtures/huanshan-2022', '--json', '--format', 'json', '--out', tempDir()],
    ],
    ['tally (summary table)', ['tally', 'fixtures/basic', '--format', 'json', '--out', tempDir()]],
  ])('pcv %s with stdout closed: no EPIPE stack trace, the usual exit code', async (_, args) => {
    const r = await closedPipe(args);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
  });

  it('pcv --help | head -1 in a shell prints the first line only', () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `node bin/pcv.js --help | head -1; node bin/pcv.js tally fixtures/huanshan-2022 --json --format json --out ${tempDir()} | head -c 1`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stdout).toBe('Usage: pcv [options] [command]\n{');
    expect(r.stderr).not.toContain('EPIPE');
  });
});

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/commands/progress.js';
import { spawnPcv, tempDir } from '../helpers.js';

function fakeTerminal(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, {
    isTTY,
    columns: 80,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  return { stream, text: () => chunks.join('') };
}

describe('progress bar', () => {
  it('draws on a terminal once work has taken longer than the delay', async () => {
    const t = fakeTerminal(true);
    const p = await progressReporter(t.stream, true, 'en', 0);
    p.update('Reading sheets', 1, 4);
    p.update('Reading sheets', 3, 4);
    p.stop();
    expect(t.text()).toContain('Reading sheets');
    expect(t.text()).toContain('3/4');
  });

  it("says a phase pcv knows in the user's language, and any other label as given", async () => {
    const shown = async (label: string, phase?: 'reading' | 'writing') => {
      const t = fakeTerminal(true);
      const p = await progressReporter(t.stream, true, 'zh', 0);
      p.update(label, 1, 4, phase);
      p.stop();
      return t.text();
    };
    const reading = await shown('Reading sheets', 'reading');
    expect(reading).toContain('读取评分表');
    expect(reading).not.toContain('Reading sheets');
    const writing = await shown('Writing reports', 'writing');
    expect(writing).toContain('写出报告');
    expect(writing).not.toContain('Writing reports');
    expect(await shown('Checking')).toContain('Checking');
  });

  it('draws nothing for short work, off a terminal, or when disabled (--quiet, --json)', async () => {
    for (const [tty, enabled, delay] of [
      [true, true, 60_000],
      [false, true, 0],
      [true, false, 0],
    ] as const) {
      const t = fakeTerminal(tty);
      const p = await progressReporter(t.stream, enabled, 'en', delay);
      p.update('Reading sheets', 1, 2);
      p.stop();
      expect(t.text()).toBe('');
    }
  });

  it('is absent from a piped run', () => {
    const r = spawnPcv(['tally', 'fixtures/huanshan-2022', '--out', tempDir()]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Reading sheets');
    expect(r.stderr).not.toContain('Writing reports');
  });
});

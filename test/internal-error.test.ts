import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { tempDir } from './helpers.js';

/**
 * An error pcv did not expect (here: writing the summary to the terminal fails) ends with exit code 2 and one
 * line naming it, with the hint to run with --debug, in the user's language; the stack only with
 * --debug.
 */
async function failingRun(args: string[]): Promise<{ code: number; err: string[] }> {
  const err: string[] = [];
  const code = await run([...args, '--format', 'json', '--out', tempDir(), '--no-color'], {
    out: () => {
      throw new Error('the terminal went away');
    },
    err: (s) => err.push(s),
    env: {},
  });
  return { code, err };
}

describe('an unexpected error', () => {
  it('is one line with the --debug hint, in Chinese under --lang zh', async () => {
    const r = await failingRun(['tally', 'fixtures/huanshan-2022', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['pcv: the terminal went away（加上 --debug 再运行一次可看到详细信息）']);
  });

  it('is one line with the --debug hint in English', async () => {
    const r = await failingRun(['tally', 'fixtures/huanshan-2022', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['pcv: the terminal went away (run again with --debug for details)']);
  });

  it('shows its stack with --debug', async () => {
    const r = await failingRun(['tally', 'fixtures/huanshan-2022', '--debug']);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/^Error: the terminal went away\n\s+at /);
  });
});

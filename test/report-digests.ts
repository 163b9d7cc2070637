import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { run } from '../src/cli.js';
import { ROOT, tempDir } from './helpers.js';

/** Every file under `dir`, sorted, as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) =>
      statSync(path.join(dir, name)).isDirectory()
        ? filesUnder(path.join(dir, name), `${prefix}${name}/`)
        : [`${prefix}${name}`],
    );
}

/**
 * Tallies `review` with `args` into a fresh folder and returns the sha256 of every file written
 * (reports, results.json, the manifest), by path. The tally must succeed without a word on stderr.
 */
export async function tallyDigests(
  review: string,
  args: readonly string[],
): Promise<Record<string, string>> {
  const out = tempDir('pcv-digests-');
  const stderr: string[] = [];
  const code = await run(['tally', review, '--out', out, ...args, '--quiet', '--no-color'], {
    out: () => {},
    err: (s) => stderr.push(s),
    // An empty environment: SOURCE_DATE_EPOCH of the shell must not leak into the dates.
    env: {},
    cwd: ROOT,
  });
  expect({ code, stderr }).toEqual({ code: 0, stderr: [] });
  const digests: Record<string, string> = {};
  for (const name of filesUnder(out)) {
    digests[name] = createHash('sha256')
      .update(readFileSync(path.join(out, name)))
      .digest('hex');
  }
  return digests;
}

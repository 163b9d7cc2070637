import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { fixture, ROOT, tempDir } from './helpers.js';

/*
 * Pins every byte pcv writes for the fixture reviews: results.json and every report. This is the
 * one test whose expected values are the code's own output — it exists to prove that a refactor
 * changes nothing. When a change is meant to alter output, regenerate with `npm run digests`
 * (vitest -u on this file) and say why in the commit.
 */

const REVIEWS: { name: string; args: string[] }[] = [
  { name: 'huanshan-2022', args: [] },
  { name: 'basic', args: [] },
  { name: 'pivotal-judge', args: [] },
  // The other decision paths: median, z-scores (decimal arithmetic), a plain mean.
  { name: 'huanshan-2022', args: ['--aggregate', 'median'] },
  { name: 'huanshan-2022', args: ['--normalize', 'zscore'] },
  { name: 'basic', args: ['--aggregate', 'mean', '--decimals', '3'] },
  { name: 'pivotal-judge', args: ['--normalize', 'zscore', '--aggregate', 'trimmed-mean'] },
  // Tracks, quotas and funding; judge groups with normalize: offset (the rubric's own choice).
  { name: 'huanshan-2022-funding', args: [] },
  { name: 'judge-groups', args: [] },
  { name: 'judge-groups', args: ['--normalize', 'none'] },
];

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) =>
      statSync(path.join(dir, name)).isDirectory()
        ? filesUnder(path.join(dir, name), `${prefix}${name}/`)
        : [`${prefix}${name}`],
    );
}

async function digestsOf(review: string, args: string[]): Promise<Record<string, string>> {
  const out = tempDir('pcv-digests-');
  const stderr: string[] = [];
  const code = await run(
    [
      'tally',
      fixture(review),
      '--out',
      out,
      '--format',
      'xlsx,pdf,json,cards,panel,html',
      '--quiet',
    ].concat(args, '--no-color'),
    // An empty environment: SOURCE_DATE_EPOCH of the shell must not leak into the dates.
    { out: () => {}, err: (s) => stderr.push(s), env: {}, cwd: ROOT },
  );
  expect({ code, stderr }).toEqual({ code: 0, stderr: [] });
  const digests: Record<string, string> = {};
  for (const name of filesUnder(out)) {
    digests[name] = createHash('sha256')
      .update(readFileSync(path.join(out, name)))
      .digest('hex');
  }
  return digests;
}

describe('byte-identical reports of every fixture review', () => {
  it('match test/expected/digests.json (regenerate: npm run digests)', async () => {
    const all: Record<string, Record<string, string>> = {};
    for (const { name, args } of REVIEWS) {
      all[[name, ...args].join(' ')] = await digestsOf(name, args);
    }
    await expect(JSON.stringify(all, null, 2) + '\n').toMatchFileSnapshot('expected/digests.json');
  }, 120_000);
});

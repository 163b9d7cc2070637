import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';
import { tallyDigests } from './report-digests.js';

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

const FORMATS = ['--format', 'xlsx,pdf,json,cards,panel,html'];

describe('byte-identical reports of every fixture review', () => {
  it('match test/expected/digests.json (regenerate: npm run digests)', async () => {
    const all: Record<string, Record<string, string>> = {};
    for (const { name, args } of REVIEWS) {
      all[[name, ...args].join(' ')] = await tallyDigests(fixture(name), [...FORMATS, ...args]);
    }
    await expect(JSON.stringify(all, null, 2) + '\n').toMatchFileSnapshot('expected/digests.json');
  }, 120_000);
});

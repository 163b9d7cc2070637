import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript, the benchmark's own generator (same bytes every run)
import { generateReview } from '../scripts/bench/generate.mjs';
// @ts-expect-error: plain JavaScript, the benchmark's own generator
import { generateGroupsReview } from '../scripts/bench/groups.mjs';
// @ts-expect-error: plain JavaScript, the specs run.mjs generates the reviews from
import { BIG, GROUPS, REPORTS } from '../scripts/bench/specs.mjs';
import { tempDir } from './helpers.js';
import { tallyDigests } from './report-digests.js';

/*
 * The benchmark's three reviews, generated exactly as `npm run bench` generates them, must give
 * the same bytes before and after a speed-up: results.json and the reports. Like digests.test.ts
 * this pins the code's own output, only to prove that a change of speed changes nothing else.
 * Regenerate with `npm run digests` when an output is meant to change, and say why.
 */

describe("byte-identical outputs of the benchmark's reviews", () => {
  it('match test/expected/bench-digests.json (regenerate: npm run digests)', async () => {
    const work = tempDir('pcv-bench-reviews-');
    generateReview(path.join(work, 'cells-1m'), BIG);
    generateReview(path.join(work, 'projects-10k'), REPORTS);
    generateGroupsReview(path.join(work, 'groups-300'), GROUPS);
    const digests = (review: string, format: string) =>
      tallyDigests(path.join(work, review), ['--format', format]);
    const all = {
      'cells-1m json': await digests('cells-1m', 'json'),
      'projects-10k json,xlsx,pdf,html': await digests('projects-10k', 'json,xlsx,pdf,html'),
      'groups-300 json': await digests('groups-300', 'json'),
    };
    await expect(JSON.stringify(all, null, 2) + '\n').toMatchFileSnapshot(
      'expected/bench-digests.json',
    );
  }, 600_000);
});

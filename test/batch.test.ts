import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, tempDir } from './helpers.js';

describe('examples/nightly-tally.sh', () => {
  it('re-tallies every review folder and acts on the exit codes', () => {
    const reviews = tempDir();
    cpSync(fixture('basic'), path.join(reviews, 'a-good'), { recursive: true });
    cpSync(fixture('basic'), path.join(reviews, 'b-broken'), { recursive: true });
    const sheet = path.join(reviews, 'b-broken', 'scores', 'judge-1.csv');
    writeFileSync(
      sheet,
      readFileSync(sheet, 'utf8').replace(
        'B2,Senior Lunch Circle,8,',
        'B2,Senior Lunch Circle,80,',
      ),
    );
    const r = spawnSync('bash', [path.join(ROOT, 'examples', 'nightly-tally.sh')], {
      encoding: 'utf8',
      env: { ...process.env, REVIEWS: reviews, PCV: `node ${path.join(ROOT, 'bin', 'pcv.js')}` },
    });
    expect(r.stdout.trim().split('\n')).toEqual([
      'a-good: results updated',
      `b-broken: the sheets have problems, see ${reviews}/b-broken/pcv-out.log`,
    ]);
    expect(r.status).toBe(1);
    expect(existsSync(path.join(reviews, 'a-good', 'pcv-out', 'results.json'))).toBe(true);
    expect(existsSync(path.join(reviews, 'b-broken', 'pcv-out'))).toBe(false);
    expect(readFileSync(path.join(reviews, 'b-broken', 'pcv-out.log'), 'utf8')).toContain(
      'scores/judge-1.csv:3:impact: 80 exceeds the maximum 10',
    );
  });
});

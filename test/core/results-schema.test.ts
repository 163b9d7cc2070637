import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsSchema } from '../../src/core/results-schema.js';
import { resultsJson } from '../../src/render/json.js';
import { tally } from '../../src/tally.js';
import { fixture, pcv, ROOT, tempDir } from '../helpers.js';

/** A copy of fixtures/basic tallied into its own pcv-out, as a published review would be. */
async function published() {
  const dir = tempDir();
  cpSync(fixture('basic'), dir, { recursive: true });
  const out = path.join(dir, 'pcv-out');
  expect((await pcv(['tally', dir, '--out', out, '--format', 'json', '--quiet'])).code).toBe(0);
  return { dir, file: path.join(out, 'results.json') };
}

describe('resultsSchema: the results.json shape, typed once', () => {
  it.each(['huanshan-2022', 'basic', 'pivotal-judge', 'huanshan-2022-funding', 'judge-groups'])(
    '%s: what render/json.ts writes parses unchanged',
    async (review) => {
      const outcome = await tally({ inputs: [fixture(review)], cwd: ROOT });
      const json = resultsJson(outcome.results!);
      // Round-trip through text, as verify reads a published file.
      expect(resultsSchema.parse(JSON.parse(JSON.stringify(json)))).toEqual(json);
    },
  );

  it('verify names the key of a published file that is not results.json', async () => {
    const { dir, file } = await published();
    const json = JSON.parse(readFileSync(file, 'utf8')) as { projects: { final: unknown }[] };
    json.projects[1]!.final = '81.25';
    writeFileSync(file, JSON.stringify(json));
    const r = await pcv(['verify', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a pcv results.json (schemaVersion 1) (projects.1.final:');
  });

  it('verify still accepts a file with fields a later version adds', async () => {
    const { dir, file } = await published();
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...json, addedLater: { x: 1 } }));
    expect((await pcv(['verify', dir])).code).toBe(0);
  });
});

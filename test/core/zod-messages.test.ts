import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/issues.js';
import { parseRubric } from '../../src/core/rubric.js';
import { copyFixture, pcv, spawnPcv } from '../helpers.js';

/*
 * The schemas are zod/mini, which sets no messages of its own (zod did, on its first schema).
 * The few that pcv shows as zod words them must read as before, from zod's English locale
 * (node_modules/zod/v4/locales/en.js): an invalid key is "Invalid key in ${origin}", a wrong
 * type "Invalid input: expected ${expected}, received ${received}".
 */

const rubricWithBlankGroup = `title: T
threshold: 60
criteria:
  - id: a
    max: 20
groups:
  "": [j1]
`;

describe("zod's own messages, with zod/mini", () => {
  it('an empty group name under groups: (its key fails the name rule)', () => {
    const { rubric, issues } = parseRubric(rubricWithBlankGroup, 'rubric.yaml');
    expect(rubric).toBeUndefined();
    // The path to the key '' is "groups." (formatKeyPath), at the line of that key (line 7).
    expect(issues.map(formatIssue)).toEqual(['rubric.yaml:7: groups.: Invalid key in record']);
  });

  it('the built binary words them too (nothing else there sets a locale)', () => {
    const review = copyFixture('huanshan-2022');
    const rubricFile = path.join(review, 'rubric.yaml');
    // The fixture's rubric with a blank group name added at its end.
    writeFileSync(rubricFile, `${readFileSync(rubricFile, 'utf8')}groups:\n  "": [j1]\n`);
    const lines = readFileSync(rubricFile, 'utf8').split('\n');
    const blankKeyLine = lines.indexOf('groups:') + 2;
    const r = spawnPcv(['validate', review, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`rubric.yaml:${blankKeyLine}: groups.: Invalid key in record`);
  });

  it("verify names what a published results.json is not, in zod's words", async () => {
    const review = copyFixture('huanshan-2022');
    const out = path.join(review, 'pcv-out');
    expect((await pcv(['tally', review, '--format', 'json', '--out', out, '--quiet'])).code).toBe(
      0,
    );
    const file = path.join(out, 'results.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { projects: { rank: unknown }[] };
    json.projects[0]!.rank = 1.5;
    writeFileSync(file, JSON.stringify(json));
    const r = spawnPcv(['verify', review]);
    expect(r.code).toBe(2);
    // The sentence around it is in the review's language (zh); the key and zod's words are not.
    expect(r.stderr).toContain('projects.0.rank: Invalid input: expected int, received number');
  });
});

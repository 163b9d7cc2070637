import { renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsJson, resultsJsonText } from '../../src/render/json.js';
import { tally } from '../../src/tally.js';
import { copyFixture, fixture, ROOT } from '../helpers.js';

async function resultsOf(dir: string) {
  const outcome = await tally({
    inputs: [path.isAbsolute(dir) ? dir : fixture(dir)],
    cwd: ROOT,
  });
  expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return outcome.results!;
}

describe('resultsJsonText', () => {
  it.each(['huanshan-2022', 'pivotal-judge', 'basic'])(
    '%s: the same JSON as resultsJson, each project on one line',
    async (dir) => {
      const results = await resultsOf(dir);
      const text = resultsJsonText(results);
      expect(JSON.parse(text)).toEqual(resultsJson(results));
      const lines = text.split('\n');
      const first = lines.indexOf('  "projects": [');
      const last = lines.indexOf('  ],', first);
      expect(last - first - 1).toBe(results.projects.length);
      for (const line of lines.slice(first + 1, last)) expect(line).toMatch(/^ {4}\{"id":.*\},?$/);
      // Each project's line is JSON.stringify's, key order included (the scores are written
      // directly, not through JSON.stringify).
      const projects = resultsJson(results).projects;
      lines.slice(first + 1, last).forEach((line, i) => {
        expect(line.replace(/,$/, '')).toBe(`    ${JSON.stringify(projects[i])}`);
      });
      // Outside the projects, the 2-space layout of JSON.stringify(..., null, 2).
      const pretty = JSON.stringify(resultsJson(results), null, 2).split('\n');
      expect(lines.slice(0, first + 1)).toEqual(pretty.slice(0, first + 1));
      const after = (l: string[]) => l.slice(l.indexOf('  "summary": {'));
      expect(after(lines)).toEqual([...after(pretty), '']);
    },
  );

  it("keeps JSON.stringify's key order with judge ids that are array indexes", async () => {
    // JSON.stringify puts the key "2" before "01" and "x", whatever the order they were added in.
    const dir = copyFixture('basic');
    const scores = path.join(dir, 'scores');
    renameSync(path.join(scores, 'judge-1.csv'), path.join(scores, '01.csv'));
    renameSync(path.join(scores, 'judge-2.csv'), path.join(scores, '2.csv'));
    renameSync(path.join(scores, 'judge-3.csv'), path.join(scores, 'x.csv'));
    const results = await resultsOf(dir);
    const line = resultsJsonText(results)
      .split('\n')
      .find((l) => l.startsWith('    {"id":"B1"'))!;
    expect(line).toContain('"scores":{"2":{');
    expect(line.indexOf('"2":{')).toBeLessThan(line.indexOf('"01":{'));
    expect(line.replace(/,$/, '')).toBe(
      `    ${JSON.stringify(resultsJson(results).projects.find((p) => p.id === 'B1'))}`,
    );
  });
});

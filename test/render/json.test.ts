import { describe, expect, it } from 'vitest';
import { resultsJson, resultsJsonText } from '../../src/render/json.js';
import { tally } from '../../src/tally.js';
import { fixture, ROOT } from '../helpers.js';

async function resultsOf(dir: string) {
  const outcome = await tally({ inputs: [fixture(dir)], cwd: ROOT });
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
      // Outside the projects, the 2-space layout of JSON.stringify(..., null, 2).
      const pretty = JSON.stringify(resultsJson(results), null, 2).split('\n');
      expect(lines.slice(0, first + 1)).toEqual(pretty.slice(0, first + 1));
      const after = (l: string[]) => l.slice(l.indexOf('  "summary": {'));
      expect(after(lines)).toEqual([...after(pretty), '']);
    },
  );
});

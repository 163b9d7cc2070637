import { describe, expect, it } from 'vitest';
import { intraclass, renderReports, tally } from '../src/index.js';
import { SHROUT_FLEISS } from './expected/shrout-fleiss.js';
import { fixture, ROOT } from './helpers.js';

describe('pcv as a library', () => {
  it('tallies and renders without the CLI', async () => {
    const { results, issues } = await tally({ inputs: [fixture('basic')], cwd: ROOT });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const files = await renderReports(results!, ['json'], {
      date: new Date('2024-03-09T00:00:00Z'),
    });
    expect(files.map((f) => f.name)).toEqual(['results.json']);
    // B1: mean of 88.125, 86.25, 88.75 = 87.708... -> 87.71 (hand-computed in test/expected).
    expect(JSON.parse(String(files[0]!.data)).projects[0]).toMatchObject({
      id: 'B1',
      final: 87.71,
      rank: 1,
    });
  });

  it('exposes the agreement statistics (Shrout & Fleiss 1979: ICC3 = 0.71)', () => {
    expect(intraclass(SHROUT_FLEISS).value.ICC3.toFixed(2)).toBe('0.71');
  });
});

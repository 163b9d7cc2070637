import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rescaledFrom } from '../../src/core/rescale.js';
import { pcv, tempDir } from '../helpers.js';
import { pdfPages, squeeze } from '../pdf-helpers.js';
import { reviewFolder } from '../review-folder.js';

const c = (max: number, weight = max) => ({ max, weight });

describe('rescaledFrom(): maxima that do not add up to 100, and no weights', () => {
  it.each([
    ['30 + 40 + 50 = 120, no weights', [c(30), c(40), c(50)], 120],
    ['10 + 10 + 5 = 25, no weights', [c(10), c(10), c(5)], 25],
    ['20 + 20 + 40 + 20 = 100: the plain sum', [c(20), c(20), c(40), c(20)], undefined],
    ['33.3 + 33.3 + 33.4 = 100 in decimal', [c(33.3), c(33.3), c(33.4)], undefined],
    [
      'weights of its own: the rescaling was asked for',
      [c(10, 40), c(10, 30), c(5, 10)],
      undefined,
    ],
  ])('%s', (_, criteria, want) => {
    expect(rescaledFrom(criteria)).toBe(want);
  });
});

/** A review whose criteria add up to 120 points, one judge's sheet per row of scores. */
function review120(lang: 'en' | 'zh'): string {
  return reviewFolder({
    'rubric.yaml': `title: Maxima 120\nlang: ${lang}\ndate: 2024-05-01\nthreshold: 60\ncriteria:\n  - id: plan\n    max: 30\n  - id: team\n    max: 40\n  - id: impact\n    max: 50\n`,
    'scores/a.csv': 'project,plan,team,impact\nP1,24,32,40\nP2,15,20,25\n',
    'scores/b.csv': 'project,plan,team,impact\nP1,27,36,45\nP2,18,24,30\n',
  });
}

describe('totals rescaled to 100 are said once (issue #10, item 10b)', () => {
  it('in the summary, in results.json notes and in the announcement method note', async () => {
    const dir = review120('en');
    const out = tempDir();
    const r = await pcv(['tally', dir, '--out', out, '--format', 'json,pdf'], dir);
    expect(r.code).toBe(0);
    const note = "criteria maxima add up to 120; each judge's total is rescaled to 100 points";
    expect(r.stdout.split('\n').filter((l) => l.includes('maxima'))).toEqual([`Note: ${note}.`]);
    const json = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as {
      notes: string[];
      projects: { id: string; final: number; scores: Record<string, { total: number }> }[];
    };
    expect(json.notes).toEqual([note]);
    // P1: a 24 + 32 + 40 = 96 of 120 -> 80; b 108 of 120 -> 90; mean 85.
    // P2: a 60 of 120 -> 50; b 72 of 120 -> 60; mean 55.
    expect(json.projects.map((p) => [p.id, p.scores.a!.total, p.scores.b!.total, p.final])).toEqual(
      [
        ['P1', 80, 90, 85],
        ['P2', 50, 60, 55],
      ],
    );
    const pages = await pdfPages(readFileSync(path.join(out, 'announcement.pdf')));
    expect(squeeze(pages.join(''))).toContain(
      squeeze("Criteria maxima add up to 120; each judge's total is rescaled to 100 points."),
    );
  });

  it('in Chinese in a Chinese announcement', async () => {
    const dir = review120('zh');
    const out = tempDir();
    expect((await pcv(['tally', dir, '--out', out, '--format', 'pdf'], dir)).code).toBe(0);
    const pages = await pdfPages(readFileSync(path.join(out, 'announcement.pdf')));
    expect(squeeze(pages.join(''))).toContain(
      '各评分项满分合计120分，每位评委的总分按比例折算为100分制。',
    );
  });

  it('says nothing when the maxima add up to 100', async () => {
    const r = await pcv([
      'tally',
      'fixtures/huanshan-2022',
      '--json',
      '--format',
      'json',
      '--out',
      tempDir(),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).notes).toEqual([]);
    expect(r.stderr).not.toContain('maxima');
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './helpers.js';

/** A review folder in a temporary place, from file name (`scores/a.csv`) to contents. */
export function reviewFolder(files: Record<string, string>): string {
  const dir = tempDir('pcv-review-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/**
 * A review of one criterion out of 100, so a judge's total is the score as written: one sheet
 * per judge, from project id to score (or 'recused').
 */
export function oneCriterionReview(
  rubric: string,
  judges: Record<string, Record<string, number | 'recused'>>,
): string {
  const files: Record<string, string> = {
    'rubric.yaml': `title: One criterion\nthreshold: 60\n${rubric}\ncriteria:\n  - id: score\n    max: 100\n`,
  };
  for (const [judge, scores] of Object.entries(judges)) {
    const rows = Object.entries(scores).map(([id, s]) => `${id},${s}`);
    files[`scores/${judge}.csv`] = `project,score\n${rows.join('\n')}\n`;
  }
  return reviewFolder(files);
}

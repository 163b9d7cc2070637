import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, listFiles, pcv, tempDir } from './helpers.js';

const RUBRIC = fixture('edge', 'rubric.yaml');
const at = (name: string, rest: string) => `fixtures/edge/${name}${rest}`;

/**
 * Every edge-case file and its deliberate outcome: accepted (exit 0), or refused (exit 1) with a
 * message that names the file and, where there is one, the line and column.
 */
const REFUSED: Record<string, string[]> = {
  'empty.csv': [at('empty.csv', ': the file is empty')],
  'whitespace-only.csv': [at('whitespace-only.csv', ': the file is empty')],
  'bom-only.csv': [at('bom-only.csv', ': the file is empty')],
  'header-only.csv': [at('header-only.csv', ':1: the sheet has a header but no project rows')],
  'quoted-newline.csv': [
    at('quoted-newline.csv', ':4:budget: 99 exceeds the maximum 10 for Budget'),
  ],
  'unclosed-quote.csv': [
    at('unclosed-quote.csv', ':3: a quoted cell opened on this line is never closed'),
  ],
  'ragged-short.csv': [at('ragged-short.csv', ':3: this row has 2 cells but the header has 3')],
  'ragged-long.csv': [at('ragged-long.csv', ':3: this row has 4 cells but the header has 3')],
  'null-byte.csv': [at('null-byte.csv', ':3: the file contains a NUL byte')],
  'utf16-no-bom.csv': [
    at('utf16-no-bom.csv', ': this looks like UTF-16 text without a byte-order mark'),
  ],
  'invalid-bytes.csv': [
    at('invalid-bytes.csv', ':3: the file is neither UTF-8 nor GB18030/GBK text'),
  ],
  'binary-garbage.csv': [
    at('binary-garbage.csv', ':3: the file is neither UTF-8 nor GB18030/GBK text'),
  ],
  'unknown-header.csv': [
    at('unknown-header.csv', ':1:impcat: unknown column "impcat" — did you mean "impact"?'),
  ],
  'proto-header.csv': [
    at('proto-header.csv', ':1:__proto__: unknown column "__proto__"'),
    at('proto-header.csv', ':1:constructor: unknown column "constructor"'),
  ],
  'duplicate-header.csv': [
    at('duplicate-header.csv', ':1:Impact: "Impact" and "impact" are the same column'),
  ],
  'missing-criterion.csv': [
    at('missing-criterion.csv', ':1: no column for criterion "Budget" (budget)'),
  ],
  'no-project-column.csv': [at('no-project-column.csv', ':1: no project column')],
  'bad-numbers.csv': [
    at('bad-numbers.csv', ':2:impact: "1e2" is not a number'),
    at('bad-numbers.csv', ':3:impact: "0x10" is not a number'),
    at('bad-numbers.csv', ':4:impact: "NaN" is not a number'),
    at('bad-numbers.csv', ':4:budget: "Infinity" is not a number'),
    at('bad-numbers.csv', ':5:impact: "85分" is not a number'),
    at('bad-numbers.csv', ':5:budget: -1 is negative'),
    at('bad-numbers.csv', ':6:impact: 10.5 exceeds the maximum 10 for Impact'),
    at('bad-numbers.csv', ':6:budget: 7.3 is not a multiple of the step 0.5 for Budget'),
    at('bad-numbers.csv', ':7:impact: missing score for Impact'),
  ],
  'duplicate-project.csv': [
    at('duplicate-project.csv', ':4:project: project E1 appears twice (first on line 2)'),
  ],
  'total-mismatch.csv': [
    at(
      'total-mismatch.csv',
      ':3:total: the written total 14 does not match the sum of the scores 15',
    ),
  ],
  'recused-with-scores.csv': [
    at(
      'recused-with-scores.csv',
      ':3:impact: the judge recused from E2 but this cell holds a score ("6")',
    ),
    at(
      'recused-with-scores.csv',
      ':3:budget: the judge recused from E2 but this cell holds a score ("9")',
    ),
  ],
  'judge-mixed.csv': [at('judge-mixed.csv', ':3:judge: judge "Bob" differs from "Ann" on line 2')],
};

/** Accepted files: all hold E1 = (8, 7.5) and E2 = (6, 9), so their finals are known by hand. */
const ACCEPTED = [
  'ok-bom.csv',
  'ok-crlf.csv',
  'ok-gbk.csv',
  'ok-utf16le.csv',
  'ok-semicolon.csv',
  'ok-tab.csv',
  'ok-fullwidth.csv',
  'ok-no-final-newline.csv',
  'ok-mac-newlines.csv',
  'ok-max-in-header.csv',
  'ok-trailing-empty-columns.csv',
];

describe('edge-case files', () => {
  it('has an outcome for every file in fixtures/edge', () => {
    const files = readdirSync(fixture('edge')).filter((f) => f.endsWith('.csv'));
    const covered = [...Object.keys(REFUSED), ...ACCEPTED, 'text-after-quote.csv'];
    expect(files.sort()).toEqual(covered.sort());
  });

  it.each(Object.entries(REFUSED))(
    '%s is refused with exit 1, naming file and line, writing nothing',
    async (name, messages) => {
      const out = path.join(tempDir(), 'out');
      const r = await pcv(['tally', `fixtures/edge/${name}`, '--rubric', RUBRIC, '--out', out]);
      expect(r.code).toBe(1);
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('fixtures/edge/'));
      expect(lines).toHaveLength(messages.length);
      messages.forEach((m, i) => expect(lines[i]).toContain(m));
      expect(r.stderr).toMatch(/nothing was written\.$/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(listFiles(out)).toEqual([]);
    },
  );

  it.each(ACCEPTED)('%s is accepted with the same scores', async (name) => {
    const out = tempDir();
    const r = await pcv([
      'tally',
      `fixtures/edge/${name}`,
      '--rubric',
      RUBRIC,
      '--out',
      out,
      '--json',
      '--format',
      'json',
    ]);
    expect(r.stderr).not.toMatch(/error|problem/i);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { projects: { id: string; final: number }[] };
    // Equal weights (max 10 each): E1 = 100 * (8 + 7.5) / 20 = 77.5, E2 = 100 * (6 + 9) / 20 = 75.
    expect(json.projects.map((p) => [p.id, p.final])).toEqual([
      ['E1', 77.5],
      ['E2', 75],
    ]);
  });

  it('keeps text after a closing quote as part of the cell (documented reading)', async () => {
    const r = await pcv([
      'tally',
      'fixtures/edge/text-after-quote.csv',
      '--rubric',
      RUBRIC,
      '--json',
      '--format',
      'json',
      '--out',
      tempDir(),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).projects[0].name).toBe('"Alpha"x');
  });
});

import { mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
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
  'hasownproperty-header.csv': [
    at('hasownproperty-header.csv', ':1:hasOwnProperty: unknown column "hasOwnProperty"'),
    at('hasownproperty-header.csv', ':1:toString: unknown column "toString"'),
  ],
  'unclosed-quote-at-eof.csv': [
    at('unclosed-quote-at-eof.csv', ':3: a quoted cell opened on this line is never closed'),
  ],
  'gbk-invalid.csv': [at('gbk-invalid.csv', ':3: the file is neither UTF-8 nor GB18030/GBK text')],
  'arabic-indic-digits.csv': [
    at('arabic-indic-digits.csv', ':2:impact: "٨" is not a number'),
    at('arabic-indic-digits.csv', ':3:budget: "٩" is not a number'),
  ],
  'percent-and-units.csv': [
    at('percent-and-units.csv', ':2:impact: "80%" is not a number'),
    at('percent-and-units.csv', ':3:budget: "9 分" is not a number'),
  ],
  'control-char-id.csv': [
    at('control-char-id.csv', ':3:project: project id contains a control character (U+0007)'),
  ],
  'bad-id-blank.csv': [at('bad-id-blank.csv', ':2:project: a row with scores but no project id')],
  'bom-utf8-invalid.csv': [
    at(
      'bom-utf8-invalid.csv',
      ': the file starts with a UTF-8 byte-order mark but is not valid UTF-8 text',
    ),
  ],
  'only-newlines.csv': [at('only-newlines.csv', ': the file is empty')],
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
  'ok-quote-inside-unquoted.csv',
  'ok-mixed-line-endings.csv',
  'ok-long-name.csv',
  'ok-header-spaces-case.csv',
  'ok-utf16be.csv',
  'ok-blank-rows.csv',
];

describe('edge-case files', () => {
  it('has an outcome for every file in fixtures/edge', () => {
    const files = readdirSync(fixture('edge')).filter((f) => f.endsWith('.csv'));
    const covered = [
      ...Object.keys(REFUSED),
      ...ACCEPTED,
      'text-after-quote.csv',
      'ok-path-ids.csv',
      'ok-formula-text.csv',
    ];
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

describe('edge cases with a documented reading', () => {
  it('accepts ids with path characters, and their cards stay inside cards/', async () => {
    const out = tempDir();
    const r = await pcv([
      'tally',
      'fixtures/edge/ok-path-ids.csv',
      '--rubric',
      RUBRIC,
      '--out',
      out,
      '--format',
      'json,cards',
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(json.projects.map((p: { id: string }) => p.id).sort()).toEqual(
      ['../x', 'a/b', 'a\\b', 'C:', 'CON'].sort(),
    );
    expect(listFiles(out).sort()).toEqual(['.pcv-manifest.json', 'cards', 'results.json']);
    const cards = listFiles(path.join(out, 'cards'));
    expect(cards).toHaveLength(5);
    for (const c of cards) expect(c).toMatch(/^[^/\\:.][^/\\:]*\.pdf$/);
  });

  it('keeps formula-looking text as text', async () => {
    const r = await pcv([
      'tally',
      'fixtures/edge/ok-formula-text.csv',
      '--rubric',
      RUBRIC,
      '--json',
      '--format',
      'json',
      '--out',
      tempDir(),
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.projects.map((p: { name: string }) => p.name)).toEqual([
      '=HYPERLINK("http://x","y")',
      "+cmd|' /C calc'!A0",
    ]);
    expect(json.projects[0].scores['ok-formula-text'].comment).toBe('=1+2');
  });
});

describe('limits: hostile sizes are refused with a message, not read into memory', () => {
  const big = (name: string, write: (file: string) => void) => {
    const file = path.join(tempDir(), name);
    write(file);
    return file;
  };

  it.each([
    [
      'a 20 MB single line',
      'huge-line.csv',
      (f: string) =>
        writeFileSync(f, 'project,impact,budget\nE1,8,' + 'x'.repeat(20 * 1024 * 1024) + '\n'),
      ':2: cell 3 holds 20,971,520 characters; pcv reads at most 10,000 per cell',
    ],
    [
      '10,000 columns',
      'wide.csv',
      (f: string) =>
        writeFileSync(f, Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',') + '\n'),
      ':1: 10,000 columns; pcv reads at most 2,000 per sheet',
    ],
    [
      '200,001 rows',
      'tall.csv',
      (f: string) => writeFileSync(f, 'project,impact,budget\n' + 'E,1,1\n'.repeat(200_000)),
      ':200001: more than 200,000 rows',
    ],
    [
      'a 65 MB file (sparse)',
      'huge.csv',
      (f: string) => {
        writeFileSync(f, '');
        truncateSync(f, 65 * 1024 * 1024);
      },
      ': the file is 65 MB, more than the 64 MB pcv reads',
    ],
  ])('%s', async (_what, name, write, message) => {
    const file = big(name, write);
    const r = await pcv(['validate', file, '--rubric', RUBRIC]);
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith(file)).toBe(true);
    expect(r.stderr.split('\n')[0]).toContain(message);
  });
});

describe('rubric edge cases', () => {
  it.each([
    ['zero-criteria.yaml', 'zero-criteria.yaml:3: criteria: must list at least one criterion'],
    ['weights-zero.yaml', 'weights-zero.yaml:6: criteria[0].weight: must be > 0'],
    ['billion-laughs.yaml', 'billion-laughs.yaml: YAML aliases (*name) expand more than 100 times'],
    ['not-yaml.yaml', 'not-yaml.yaml:3: invalid YAML:'],
    ['binary.yaml', 'binary.yaml:1: the file is neither UTF-8 nor GB18030/GBK text'],
  ])('%s is refused', async (name, message) => {
    const r = await pcv([
      'validate',
      'fixtures/edge/ok-bom.csv',
      '--rubric',
      `fixtures/edge/rubrics/${name}`,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toContain(`fixtures/edge/rubrics/${message}`);
  });

  it('accepts a rubric of 1,000 criteria and a sheet that scores them all', async () => {
    const dir = tempDir();
    const ids = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    writeFileSync(
      path.join(dir, 'rubric.yaml'),
      `title: Many\nthreshold: 50\ncriteria:\n${ids.map((id) => `  - { id: ${id}, max: 2 }`).join('\n')}\n`,
    );
    mkdirSync(path.join(dir, 'scores'));
    // Every criterion scored 1 of 2: the total is 50 exactly.
    writeFileSync(
      path.join(dir, 'scores', 'j.csv'),
      `project,${ids.join(',')}\nP1,${ids.map(() => '1').join(',')}\n`,
    );
    const r = await pcv(['tally', dir, '--json', '--format', 'json', '--out', tempDir()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).projects[0]).toMatchObject({ id: 'P1', final: 50, passed: true });
  });
});

describe('an .xlsx sheet in the edge corpus', () => {
  it('ok.xlsx (a filled-in template) is read like a CSV', async () => {
    const r = await pcv([
      'tally',
      'fixtures/edge/xlsx/ok.xlsx',
      '--rubric',
      'fixtures/edge/xlsx/rubric.yaml',
      '--trim',
      '0',
      '--json',
      '--format',
      'json',
      '--out',
      tempDir(),
    ]);
    expect(r.code).toBe(0);
    // P01: 18 + 17 + 35 + 18 = 88; P02: 12 + 12 + 25 + 11 = 60.
    expect(
      JSON.parse(r.stdout).projects.map((p: { id: string; final: number }) => [p.id, p.final]),
    ).toEqual([
      ['P01', 88],
      ['P02', 60],
    ]);
  });
});

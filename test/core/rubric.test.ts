import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/issues.js';
import { parseRubric } from '../../src/core/rubric.js';

const problems = (text: string) => parseRubric(text, 'rubric.yaml').issues.map(formatIssue);

const base = `title: T
threshold: 60
criteria:
  - id: a
    max: 20
`;

describe('parseRubric', () => {
  it('reads a minimal rubric with defaults', () => {
    const { rubric, issues } = parseRubric(base, 'rubric.yaml');
    expect(issues).toEqual([]);
    expect(rubric).toMatchObject({
      lang: 'en',
      aggregate: 'mean',
      trim: 1,
      decimals: 2,
      tieBreak: [],
      criteria: [{ id: 'a', label: 'a', max: 20, weight: 20, aliases: [] }],
    });
  });

  it('reads the same rubric written as JSON', () => {
    const { rubric } = parseRubric(
      '{"title":"T","threshold":60,"criteria":[{"id":"a","max":20,"weight":1}]}',
      'rubric.json',
    );
    expect(rubric?.criteria[0]).toMatchObject({ id: 'a', weight: 1 });
  });

  it('reports every problem at once with its key path and line', () => {
    const text = `title: T
threshold: 120
aggregate: average
colour: red
criteria:
  - id: a
    max: 20
  - id: B
    max: 0
    weight: -1
`;
    expect(problems(text)).toEqual([
      'rubric.yaml:2: threshold: must be from 0 to 100',
      'rubric.yaml:3: aggregate: must be mean, trimmed-mean or median',
      'rubric.yaml:4: colour: unknown key',
      'rubric.yaml:8: criteria[1].id: must be lowercase letters, digits, "_" or "-"',
      'rubric.yaml:9: criteria[1].max: must be > 0',
      'rubric.yaml:10: criteria[1].weight: must be > 0',
    ]);
  });

  it('names wrong types and missing keys', () => {
    expect(problems('title: T\ncriteria:\n  - id: a\n    max: twenty\n')).toEqual([
      'rubric.yaml: threshold: is required',
      'rubric.yaml:4: criteria[0].max: must be a number, not "twenty"',
    ]);
  });

  it('refuses duplicate ids, clashing headers, unknown tie-breaks and off-step maxima', () => {
    const text = `title: T
threshold: 60
tieBreak: [zz]
criteria:
  - id: a
    label: Plan
    max: 20
    step: 3
  - id: a
    max: 10
  - id: b
    aliases: [plan, comment]
    max: 10
`;
    expect(problems(text)).toEqual([
      'rubric.yaml:3: tieBreak[0]: "zz" is not a criterion id',
      'rubric.yaml:8: criteria[0].step: the maximum 20 is not a multiple of the step 3',
      'rubric.yaml:9: criteria[1].id: duplicate criterion id "a"',
      'rubric.yaml:12: criteria[2].aliases[0]: "plan" is already a header of criterion "a"',
      'rubric.yaml:12: criteria[2].aliases[1]: "comment" is reserved for the sheet\'s comment column',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const issues = parseRubric('title: T\ncriteria: [\n  - x\n', 'rubric.yaml').issues;
    expect(issues[0]).toMatchObject({ severity: 'error', file: 'rubric.yaml' });
    expect(issues[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const issues = parseRubric(lines.join('\n') + '\n', 'rubric.yaml').issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/alias bomb/);
  });

  it('refuses an empty rubric and impossible dates', () => {
    expect(problems('')).toEqual([
      'rubric.yaml: the rubric must be a mapping of keys (title, criteria, ...)',
    ]);
    expect(problems(base + 'date: 2022-02-30\n')).toEqual([
      'rubric.yaml:6: date: is not a real calendar date',
    ]);
  });
});

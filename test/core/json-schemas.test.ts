import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaText } from '../../src/core/json-schemas.js';
import { parseRubric } from '../../src/core/rubric.js';
import { fixture, pcv, ROOT, tempDir } from '../helpers.js';

const committed = (file: string) => readFileSync(path.join(ROOT, 'schema', file), 'utf8');

describe('schema/ in the repository', () => {
  it.each(JSON_SCHEMAS.map((s) => [s.file, s] as const))(
    '%s is what npm run schemas generates from the zod schema (run it after changing one)',
    (file, entry) => {
      expect(committed(file)).toBe(jsonSchemaText(entry));
    },
  );
});

/** The errors of a value against the schema, as "path: message" lines (none when it is valid). */
function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  return validate(value)
    ? []
    : (validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'}: ${e.message} ${JSON.stringify(e.params)}`,
      );
}

describe('schema/rubric.schema.json', () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = new Ajv({ allErrors: true }).compile(
      JSON.parse(committed('rubric.schema.json')) as object,
    );
  });
  const read = (...parts: string[]) => readFileSync(fixture(...parts), 'utf8');

  it.each([
    ['basic', 'rubric.yaml'],
    ['huanshan-2022', 'rubric.yaml'],
    ['huanshan-2022-funding', 'rubric.yaml'],
    ['pivotal-judge', 'rubric.yaml'],
    ['edge', 'rubric.yaml'],
    ['edge', 'xlsx', 'rubric.yaml'],
  ])('accepts the fixture rubric %s/%s', (...parts) => {
    const text = read(...parts);
    expect(parseRubric(text, 'rubric.yaml').rubric).toBeDefined();
    expect(errorsOf(validate, parse(text))).toEqual([]);
  });

  it('rejects a misspelt key, at the top and inside a criterion, naming it', () => {
    const huanshan = parse(read('huanshan-2022', 'rubric.yaml')) as Record<string, unknown>;
    const { threshold, ...rest } = huanshan;
    const top = errorsOf(validate, { ...rest, threshhold: threshold });
    expect(top).toContainEqual(
      expect.stringMatching(/^\/: must NOT have additional properties .*"threshhold"/),
    );
    const criteria = huanshan.criteria as Record<string, unknown>[];
    const nested = { ...huanshan, criteria: [{ ...criteria[0], wieght: 2 }, ...criteria.slice(1)] };
    expect(errorsOf(validate, nested)).toEqual([
      '/criteria/0: must NOT have additional properties {"additionalProperty":"wieght"}',
    ]);
  });

  it.each([
    ['weights-zero.yaml', '/criteria/0/weight: must be > 0'],
    ['zero-criteria.yaml', '/criteria: must NOT have fewer than 1 items'],
  ])('rejects the invalid fixture %s, as pcv does', (name, message) => {
    const text = read('edge', 'rubrics', name);
    expect(parseRubric(text, name).rubric).toBeUndefined();
    expect(errorsOf(validate, parse(text)).join('\n')).toContain(message);
  });
});

describe('schema/results.schema.json', () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = new Ajv({ allErrors: true }).compile(
      JSON.parse(committed('results.schema.json')) as object,
    );
  });

  /** results.json of a fixture review, tallied in-process. */
  const resultsOf = async (review: string, ...args: string[]): Promise<unknown> => {
    const out = tempDir();
    const r = await pcv(['tally', fixture(review), '--out', out, '--format', 'json', ...args]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as unknown;
  };

  // Every fixture review, and the settings that add optional fields: z-scores (normalizedTotal,
  // normalization), the offset of judge groups (judgeStats[].offset, agreement.block), tracks and
  // funding (track, trackRank, reason, funding, summary.tracks, summary.funding).
  it.each(
    [
      ['basic'],
      ['huanshan-2022'],
      ['huanshan-2022', '--normalize', 'zscore'],
      ['huanshan-2022-funding'],
      ['pivotal-judge', '--aggregate', 'trimmed-mean'],
      ['judge-groups'],
    ].map((args) => [args.join(' '), args] as const),
  )('accepts results.json of the fixture review %s', async (_, [review, ...args]) => {
    expect(errorsOf(validate, await resultsOf(review!, ...args))).toEqual([]);
  });

  it('covers the track, funding, offset and block fields it was meant to', async () => {
    const funded = (await resultsOf('huanshan-2022-funding')) as Record<string, unknown>;
    const project = (funded.projects as Record<string, unknown>[])[0]!;
    expect(Object.keys(project)).toEqual(
      expect.arrayContaining(['track', 'trackRank', 'reason', 'funding']),
    );
    // A funding status the schema does not list is rejected, so the fields are really checked.
    const wrongStatus = {
      ...funded,
      projects: [{ ...project, funding: { ...(project.funding as object), status: 'paid' } }],
    };
    expect(errorsOf(validate, wrongStatus).join('\n')).toContain(
      '/projects/0/funding/status: must be equal to one of the allowed values',
    );
    const groups = (await resultsOf('judge-groups')) as Record<string, unknown>;
    const stats = groups.judgeStats as Record<string, unknown>[];
    expect(errorsOf(validate, { ...groups, judgeStats: [{ ...stats[0], offset: '1.5' }] })).toEqual(
      ['/judgeStats/0/offset: must be number {"type":"number"}'],
    );
  });

  it('rejects a final that is not a number and a missing summary', async () => {
    const basic = (await resultsOf('basic')) as Record<string, unknown>;
    const projects = basic.projects as Record<string, unknown>[];
    const { summary, ...rest } = basic;
    expect(summary).toBeDefined();
    const errors = errorsOf(validate, { ...rest, projects: [{ ...projects[0], final: '81.5' }] });
    expect(errors).toContain('/projects/0/final: must be number {"type":"number"}');
    expect(errors).toContainEqual(
      expect.stringMatching(/^\/: must have required property 'summary'/),
    );
  });
});

describe('pcv init and the schema', () => {
  it.each(['en', 'zh'])(
    'writes a %s rubric whose first line points editors at the schema beside it',
    async (lang) => {
      const dir = tempDir();
      const r = await pcv(['init', dir, '--lang', lang]);
      expect(r.code).toBe(0);
      const rubric = readFileSync(path.join(dir, 'rubric.yaml'), 'utf8');
      const first = rubric.split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, first).not.toBeNull();
      // yaml-language-server resolves a relative path from the rubric's own folder.
      const schemaText = readFileSync(path.resolve(dir, m![1]!), 'utf8');
      expect(schemaText).toBe(committed('rubric.schema.json'));
      const validate = new Ajv({ allErrors: true }).compile(JSON.parse(schemaText) as object);
      expect(errorsOf(validate, parse(rubric))).toEqual([]);
      expect(parseRubric(rubric, 'rubric.yaml').issues).toEqual([]);
    },
  );
});

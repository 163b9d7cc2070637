import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaText } from '../src/core/json-schemas.js';
import { parseRubric } from '../src/core/rubric.js';
import { fixture, pcv, ROOT, tempDir } from './helpers.js';

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

import * as z from 'zod/mini';
import { resultsSchema } from './results-schema.js';
import { RubricSchema } from './rubric.js';

export interface JsonSchemaEntry {
  /** The file under schema/ in the package. */
  file: string;
  title: string;
  description: string;
  schema: z.core.$ZodType;
}

/**
 * The JSON Schemas pcv ships in schema/, each generated from the zod schema that validates the
 * same file, so an editor checks a rubric against exactly the keys pcv accepts, and a script
 * reading results.json knows its exact shape. `npm run schemas`
 * writes them; a test fails when a committed one differs from a fresh generation.
 */
export const JSON_SCHEMAS: readonly JsonSchemaEntry[] = [
  {
    file: 'rubric.schema.json',
    title: 'pcv rubric',
    description:
      'rubric.yaml (or .json) of a pcv review: criteria, weights, threshold, aggregation, announcement text.',
    schema: RubricSchema,
  },
  {
    file: 'results.schema.json',
    title: 'pcv results',
    description:
      'results.json written by pcv tally (schemaVersion 1): settings, inputs with sha256, projects with scores, finals, ranks and flags, summary, judge statistics, agreement, warnings.',
    schema: resultsSchema,
  },
];

/**
 * A schema as the text of its file. Draft-07, the version every editor's YAML and JSON support
 * reads (VS Code's YAML extension included). `io: 'input'` describes what a person may write:
 * keys with a default are optional. Checks zod cannot express in JSON Schema (a real calendar
 * date, unique criterion ids) are left to pcv itself.
 */
export function jsonSchemaText(entry: JsonSchemaEntry): string {
  const generated = z.toJSONSchema(entry.schema, { target: 'draft-7', io: 'input' });
  const { $schema, ...rest } = generated;
  const ordered = { $schema, title: entry.title, description: entry.description, ...rest };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

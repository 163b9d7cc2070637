// Writes schema/*.schema.json from the zod schemas (via the build in dist/): `npm run schemas`.
// test/json-schemas.test.ts fails when a committed file differs from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMAS, jsonSchemaText } from '../dist/core/json-schemas.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema');
mkdirSync(dir, { recursive: true });
for (const entry of JSON_SCHEMAS) {
  writeFileSync(path.join(dir, entry.file), jsonSchemaText(entry));
  console.log(`wrote schema/${entry.file}`);
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/*
 * The one-way flow of docs/ARCHITECTURE.md, checked on every import (type-only ones too, and
 * lazy `import()`): read (io) → validate and compute (core) → render → write, with the model at
 * the bottom of core. A layer may import its own files and the layers listed for it, nothing else.
 */

type Layer = 'core' | 'text' | 'io' | 'render' | 'pipeline' | 'commands' | 'cli' | 'base';

const SRC = path.join(ROOT, 'src');

function layerOf(file: string): Layer {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel.length > 1) return rel[0] as Layer;
  // The CLI and the library entry (which exports run) sit on top.
  if (rel[0] === 'cli.ts' || rel[0] === 'index.ts') return 'cli';
  // errors.ts and version.ts hold a class and a constant that any layer may use.
  if (rel[0] === 'errors.ts' || rel[0] === 'version.ts') return 'base';
  return 'pipeline';
}

const ALLOWED: Record<Layer, Layer[]> = {
  base: [],
  // core emits problems as wording keys (text/problems.ts) and keeps their English message;
  // text words them and needs core's Lang: the two sit side by side at the bottom.
  core: ['text'],
  text: ['core'],
  io: ['core', 'text', 'base'],
  render: ['core', 'text', 'base'],
  pipeline: ['core', 'text', 'io', 'render', 'base'],
  commands: ['core', 'text', 'io', 'render', 'pipeline', 'base'],
  cli: ['core', 'text', 'io', 'render', 'pipeline', 'commands', 'base'],
};

/** Imports a layer may make outside ALLOWED, each with its reason. */
const EXCEPTIONS: Record<string, string> = {
  // A byte-level zip reader shared by the input guard (io) and the workbook's timestamp pinning;
  // it knows nothing of pcv's data.
  'render/xlsx-zip.ts -> io/zip-directory.ts': 'pure zip reader',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

/** Relative module specifiers of every import, export-from and import() in a file. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+'(\.[^']+)'/g,
    /\bimport\s*\(\s*'(\.[^']+)'\s*\)/g,
    /^import\s+'(\.[^']+)'/gm,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]!);
  return found;
}

describe('layering: no import runs against the flow', () => {
  const files = sourceFiles(SRC);

  it('finds the imports it checks', () => {
    // A scanner that found nothing would pass vacuously.
    const reports = readFileSync(path.join(SRC, 'reports.ts'), 'utf8');
    expect(importsOf(reports)).toContain('./render/json.js');
    expect(importsOf("x = await import('./a.js');\nexport type { B } from './b.js';")).toEqual([
      './b.js',
      './a.js',
    ]);
  });

  it('every import goes down or sideways', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
        const to = layerOf(target);
        const edge = `${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`;
        if (to === from || ALLOWED[from].includes(to) || edge in EXCEPTIONS) continue;
        wrong.push(`${edge} (${from} may not import ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './helpers.js';

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
  // A PcvError carries its sentence as a wording key, worded by text.
  base: ['text'],
  // core emits problems as wording keys (text/problems.ts) and keeps their English message;
  // text words them. The flow is one way, core -> text: text owns Lang (text/lang-type.ts).
  core: ['text'],
  // text: core types, and core helpers that load no text (see the test below).
  text: [],
  io: ['core', 'text', 'base'],
  render: ['core', 'text', 'base'],
  pipeline: ['core', 'text', 'io', 'render', 'base'],
  commands: ['core', 'text', 'io', 'render', 'pipeline', 'base'],
  cli: ['core', 'text', 'io', 'render', 'pipeline', 'commands', 'base'],
};

/**
 * Layers a layer may import types from, and nothing else: a type-only import is erased, so it
 * makes no cycle when the module runs.
 */
const TYPES_ONLY: Partial<Record<Layer, Layer[]>> = {
  // A catalog may name a core type (a Rubric, an Aggregate) in a wording function's signature.
  text: ['core'],
};

/** Imports a layer may make outside ALLOWED, each with its reason. */
const EXCEPTIONS: Record<string, string> = {
  // A byte-level zip reader shared by the input guard (io) and the workbook's timestamp pinning;
  // it knows nothing of pcv's data.
  'render/xlsx-zip.ts -> io/zip-directory.ts': 'pure zip reader',
};

/** Relative module specifiers of the `import type` and `export type ... from` lines of a file. */
const TYPE_IMPORT = /^(?:import|export)\s+type\s[^;]*?\bfrom\s+'(\.[^']+)'/gm;

/** Specifiers imported for their types only: named by a type import and by no other import. */
function typeImportsOf(text: string): string[] {
  const values = new Set(importsOf(text.replace(TYPE_IMPORT, '')));
  return [...text.matchAll(TYPE_IMPORT)].map((m) => m[1]!).filter((s) => !values.has(s));
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

  it('tells a core helper that loads text from one that does not', () => {
    // core/sheet.ts words its problems through text; core/decimal.ts is plain arithmetic.
    expect(reachesText(path.join(SRC, 'core', 'sheet.ts'))).toBe(true);
    expect(reachesText(path.join(SRC, 'core', 'decimal.ts'))).toBe(false);
  });

  it('finds the imports it checks', () => {
    // A scanner that found nothing would pass vacuously.
    const reports = readFileSync(path.join(SRC, 'reports.ts'), 'utf8');
    expect(importsOf(reports)).toContain('./render/json.js');
    expect(importsOf("x = await import('./a.js');\nexport type { B } from './b.js';")).toEqual([
      './b.js',
      './a.js',
    ]);
    const mixed = "import type {\n  A,\n} from './a.js';\nimport { type B, c } from './b.js';";
    expect(typeImportsOf(mixed)).toEqual(['./a.js']);
    // A value import of the same module makes it a value import.
    expect(typeImportsOf(mixed + "\nimport { a } from './a.js';")).toEqual([]);
  });

  /** The value imports of each file, resolved to source paths. */
  const valueImports = new Map(
    files.map((file) => {
      const text = readFileSync(file, 'utf8');
      const typesOnly = new Set(typeImportsOf(text));
      const specs = importsOf(text).filter((s) => !typesOnly.has(s));
      return [file, specs.map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')))];
    }),
  );
  const reachesTextMemo = new Map<string, boolean>();
  /** Whether running this module loads anything of text/ (directly or through its imports). */
  const reachesText = (file: string): boolean => {
    const known = reachesTextMemo.get(file);
    if (known !== undefined) return known;
    reachesTextMemo.set(file, false); // a cycle inside core does not reach text by itself
    const hit = (valueImports.get(file) ?? []).some(
      (t) => layerOf(t) === 'text' || (layerOf(t) === 'core' && reachesText(t)),
    );
    reachesTextMemo.set(file, hit);
    return hit;
  };

  it('every import goes down or sideways', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      const text = readFileSync(file, 'utf8');
      const typesOnly = new Set(typeImportsOf(text));
      for (const spec of importsOf(text)) {
        const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
        const to = layerOf(target);
        const edge = `${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`;
        if (to === from || ALLOWED[from].includes(to) || edge in EXCEPTIONS) continue;
        if (typesOnly.has(spec) && TYPES_ONLY[from]?.includes(to)) continue;
        // Text may use core's plain helpers (number formatting, the ICC forms) when running them
        // loads nothing of text: then no cycle can form, and the flow stays core -> text.
        if (from === 'text' && to === 'core' && !reachesText(target)) continue;
        wrong.push(`${edge} (${from} may not import ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

// The bundled CLI that bin/pcv.js runs (issue 15): src/cli.ts and the PDF worker's entry built by
// esbuild into dist/bundle/, so that starting pcv reads a few files instead of resolving and
// reading hundreds of modules (zod, yaml, commander, chalk and pcv's own ~200). Code splitting
// keeps what only some reports need (exceljs, the renderers) in chunks that load when a report
// asks for them through import(), as the unbundled code does. tsc's dist/ stays the library
// export; `npm run build` runs tsc, then this.
//
//   node scripts/build-bundle.mjs [--metafile FILE]   (FILE: esbuild's metafile, to see sizes)
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { vendorPatches } from './bundle-patches.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));

/**
 * src/version.ts reads ../package.json relative to its own file, which from dist/bundle/ would
 * be dist/package.json. The bundle is built from this package.json, so its version is written in
 * as a constant (and start-up reads one file fewer).
 */
const versionConstant = {
  name: 'pcv-version-constant',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]version\.ts$/ }, () => ({
      contents: `export const VERSION = ${JSON.stringify(pkg.version)};\n`,
      loader: 'ts',
    }));
  },
};

/**
 * exceljs's entry requires all of it on load, the streaming reader too (unzipper, bluebird and
 * more: about a third of exceljs's load time), which pcv never uses: it writes with the streaming
 * writer and reads and templates with Workbook. In the bundle, pcv's `import('exceljs')` gets the
 * same object built lazily: each part is bundled as before and evaluated the first time it is
 * read, so a use of another part later still works.
 */
const EXCELJS_LIB = 'exceljs/lib';
const lazyExceljs = {
  name: 'pcv-lazy-exceljs',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, (args) =>
      args.importer.startsWith(path.join(repo, 'src') + path.sep)
        ? { path: 'exceljs', namespace: 'pcv-lazy-exceljs' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'pcv-lazy-exceljs' }, () => ({
      resolveDir: repo,
      loader: 'js',
      contents: `
const lazy = (load) => { let value; return { enumerable: true, get: () => (value ??= load()) }; };
const ExcelJS = Object.defineProperties({}, {
  Workbook: lazy(() => require('${EXCELJS_LIB}/doc/workbook')),
  ModelContainer: lazy(() => require('${EXCELJS_LIB}/doc/modelcontainer')),
  stream: { enumerable: true, value: { xlsx: Object.defineProperties({}, {
    WorkbookWriter: lazy(() => require('${EXCELJS_LIB}/stream/xlsx/workbook-writer')),
    WorkbookReader: lazy(() => require('${EXCELJS_LIB}/stream/xlsx/workbook-reader')),
  }) } },
});
Object.assign(ExcelJS, require('${EXCELJS_LIB}/doc/enums'));
module.exports = ExcelJS;
`,
    }));
  },
};

const argv = process.argv.slice(2);
const metafileAt = argv.includes('--metafile') ? argv[argv.indexOf('--metafile') + 1] : undefined;

// Chunk names carry a hash: an earlier build's chunks would otherwise stay beside the new ones.
rmSync(path.join(repo, 'dist', 'bundle'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: repo,
  // Entry names are the file names: pdf-thread.ts finds the worker as ./pdf-worker.js next to
  // itself, and chunks are written next to the entries, so that holds in the bundle too.
  entryPoints: {
    cli: 'src/cli.ts',
    'pdf-worker': 'src/render/pdf-worker.ts',
    prestart: 'src/prestart.ts',
  },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The bundled CommonJS packages (exceljs and what it requires) call require() for Node's
  // built-ins; an ES module has no require of its own, so each output file gets one.
  banner: {
    js: "import { createRequire as __pcvCreateRequire } from 'node:module';\nconst require = __pcvCreateRequire(import.meta.url);",
  },
  // No source maps: the package ships none (the packed-tarball test checks).
  sourcemap: false,
  legalComments: 'eof',
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: metafileAt !== undefined,
  logLevel: 'warning',
  plugins: [versionConstant, vendorPatches, lazyExceljs],
});

// pdfkit finds its colour profile (for PDF/A, which pcv does not ask for) next to its own file,
// which is now a chunk here: the 3 KB file goes along.
const icc = path.join('js', 'data', 'sRGB_IEC61966_2_1.icc');
mkdirSync(path.join(repo, 'dist', 'bundle', 'data'));
copyFileSync(
  path.join(repo, 'node_modules', 'pdfkit', icc),
  path.join(repo, 'dist', 'bundle', 'data', path.basename(icc)),
);

if (metafileAt !== undefined) writeFileSync(metafileAt, JSON.stringify(result.metafile));

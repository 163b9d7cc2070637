import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAnnouncement } from '../src/render/pdf.js';
import { ROOT, fixture, tempDir } from './helpers.js';
import { createdAt, load } from './pdf-helpers.js';

/*
 * bin/pcv.js runs the bundled CLI that `npm run build` writes to dist/bundle/
 * (scripts/build-bundle.mjs). These tests run the built binary (npm run build first) and fail
 * when the build stops producing a bundle that works on its own, or one that writes other bytes
 * than the sources do.
 */

const BIN = path.join(ROOT, 'bin', 'pcv.js');
const HOOK = path.join(ROOT, 'test', 'bundle', 'record-loads.mjs');

/** Runs the binary with every module file it loads recorded; returns the run and those files. */
function spawnRecorded(args: string[]) {
  const log = path.join(tempDir('pcv-loads-'), 'loads.txt');
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PCV_LOADS_LOG: log },
  });
  const loaded = readFileSync(log, 'utf8')
    .split('\n')
    .filter((f) => f !== '' && f !== HOOK)
    .map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
  return { code: r.status, stderr: r.stderr, loaded: [...new Set(loaded)] };
}

describe('the bundled CLI', () => {
  it("draws the announcement in the bundle's worker thread with the bytes drawn in this one", async () => {
    // The binary uses the worker only when a core is idle (src/spare-core.ts), so the tally
    // below may not reach it: here it is started directly, from the bundle's own chunk.
    const chunk = readdirSync(path.join(ROOT, 'dist', 'bundle')).find((f) =>
      /^pdf-thread-\w+\.js$/.test(f),
    );
    expect(chunk).toBeDefined();
    const { startPdfWorker } = (await import(
      path.join(ROOT, 'dist', 'bundle', chunk!)
    )) as typeof import('../src/render/pdf-thread.js');
    const results = await load('huanshan-2022');
    const pending = startPdfWorker()?.draw(results, { createdAt });
    // Undefined would mean no worker: dist/bundle/pdf-worker.js is missing.
    expect(pending).toBeDefined();
    const fromWorker = await pending!.bytes;
    expect(fromWorker.length).toBeGreaterThan(10_000);
    expect(fromWorker.equals(await renderAnnouncement(results, { createdAt }))).toBe(true);
  }, 60_000);

  it('validates the fixture review from dist/bundle/ alone: no file from node_modules', () => {
    const r = spawnRecorded(['validate', fixture('huanshan-2022')]);
    expect(r.stderr).toContain('5份评分表，21个项目');
    expect(r.code).toBe(0);
    // The recording itself works: the binary and the bundle's entry are among the files.
    expect(r.loaded).toContain('bin/pcv.js');
    expect(r.loaded).toContain('dist/bundle/cli.js');
    expect(r.loaded.filter((f) => !f.startsWith('dist/bundle/'))).toEqual(['bin/pcv.js']);
  }, 30_000);

  it("validates without loading Node's child_process (commander's spawn is required on use) or crypto (no digests)", () => {
    const log = path.join(tempDir('pcv-builtins-'), 'builtins.txt');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        path.join(ROOT, 'test', 'bundle', 'record-builtins.mjs'),
        BIN,
        'validate',
      ].concat([fixture('huanshan-2022'), '--quiet']),
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PCV_BUILTINS_LOG: log } },
    );
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const builtins = readFileSync(log, 'utf8').split('\n');
    // The recording works: the bundle's own imports are there.
    expect(builtins).toContain('NativeModule fs');
    // node:crypto (17 of Node's modules) only for the inputs' sha256, which validate never shows.
    expect(builtins.filter((m) => /\b(child_process|dgram|crypto)$/.test(m))).toEqual([]);
  }, 30_000);

  it('writes a workbook and a PDF from its chunks: from node_modules only the fonts', () => {
    const out = tempDir();
    const r = spawnRecorded(['tally', fixture('basic'), '--out', out, '--format', 'xlsx,pdf']);
    expect(r.code).toBe(0);
    // exceljs's streaming writer only: its reader and in-memory Workbook stay unloaded.
    expect(r.loaded.some((f) => /^dist\/bundle\/workbook-writer-\w+\.js$/.test(f))).toBe(true);
    expect(r.loaded.filter((f) => /^dist\/bundle\/exceljs-\w+\.js$/.test(f))).toEqual([]);
    expect(r.loaded.some((f) => /^dist\/bundle\/pdfkit\.node-\w+\.js$/.test(f))).toBe(true);
    expect(r.loaded.filter((f) => f.includes('node_modules/'))).toEqual([
      'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
      'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
    ]);
    // A bundled package that calls a deprecated API would warn on stderr (see bundle-patches.mjs).
    expect(r.stderr).not.toContain('Warning');
  }, 30_000);

  it('reads a sheet from an .xlsx workbook', () => {
    const r = spawnRecorded(
      ['validate', fixture('edge', 'xlsx', 'ok.xlsx')].concat([
        '--rubric',
        fixture('edge', 'xlsx', 'rubric.yaml'),
        '--lang',
        'en',
      ]),
    );
    expect(r.stderr).toContain('1 sheet');
    expect(r.code).toBe(0);
    expect(r.loaded.filter((f) => f.includes('node_modules/'))).toEqual([]);
  }, 30_000);

  it('writes every report of the fixture review with the bytes pinned for the sources', () => {
    const out = tempDir();
    const r = spawnSync(
      process.execPath,
      [BIN, 'tally', fixture('huanshan-2022'), '--out', out, '--quiet'].concat([
        '--format',
        'xlsx,pdf,json,cards,panel,html',
      ]),
      // As test/report-digests.ts: no SOURCE_DATE_EPOCH from the shell.
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: undefined } },
    );
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const pinned = (
      JSON.parse(
        readFileSync(path.join(ROOT, 'test', 'expected', 'digests.json'), 'utf8'),
      ) as Record<string, Record<string, string>>
    )['huanshan-2022'];
    expect(digestsUnder(out)).toEqual(pinned);
  }, 60_000);
});

function digestsUnder(dir: string, prefix = ''): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(digests, digestsUnder(p, `${prefix}${name}/`));
    else digests[prefix + name] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return digests;
}

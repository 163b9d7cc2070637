// The workbook alone, in one process: tallies a review once, then renders its results.xlsx N
// times with the bundled renderWorkbook (dist/bundle/xlsx-*.js, the code `pcv tally` runs, vendor
// patches included), printing the CPU seconds of each render (all threads: the archiver deflates
// on libuv's pool) and the workbook's sha256. Run it on two builds in turn to compare them
// (`npm run build` first; copy dist/ aside for the old build).
//   node --heap-growing-percent=50 scripts/bench/workbook-alone.mjs REVIEW_DIR [N] [BUILD_DIR]
// (bin/pcv.js sets that heap flag for the CLI: collections are as frequent as in a real run.)
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDist } from './build-dist.mjs';

const [dir, n = '3', build] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/bench/workbook-alone.mjs REVIEW_DIR [N] [BUILD_DIR]');
  process.exit(2);
}
const { root, dist } = buildDist(build);
const bundle = path.join(root, 'dist', 'bundle');
const chunk = readdirSync(bundle).find((f) => /^xlsx-[A-Z0-9]+\.js$/.test(f));
if (chunk === undefined) throw new Error(`${bundle}: no xlsx chunk; run npm run build`);
const { tally } = await dist('tally.js');
const { renderWorkbook } = await import(path.join(bundle, chunk));

const { results } = await tally({ inputs: [path.resolve(dir)] });
if (results === undefined) throw new Error(`${dir}: the review has errors; run pcv tally on it`);
// A fixed date: the same review then gives the same bytes on every build.
const generatedAt = new Date('2026-01-01T00:00:00Z');
const runs = [];
let sha = '';
for (let i = 0; i < Number(n); i++) {
  const start = process.cpuUsage();
  const wall = performance.now();
  const xlsx = await renderWorkbook(results, { generatedAt });
  const cpu = process.cpuUsage(start);
  runs.push(
    `${((cpu.user + cpu.system) / 1e6).toFixed(2)} (${((performance.now() - wall) / 1e3).toFixed(2)})`,
  );
  sha = createHash('sha256').update(xlsx).digest('hex').slice(0, 16);
}
console.log(`${path.basename(root)}: ${runs.join(', ')} s CPU (wall); sha256 ${sha}…`);

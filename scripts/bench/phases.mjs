// Where a tally's time and memory go, phase by phase, in one process: the same steps as
// dist/tally.js and `pcv tally --format json`, each timed, with the RSS and heap after it.
// A diagnostic for the benchmark's profiles; it imports pcv's internal modules from dist/, so it
// follows their names (run `npm run build` first).
//   node --expose-gc scripts/bench/phases.mjs REVIEW_DIR [--no-analytics]
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDist } from './build-dist.mjs';

const { dist } = buildDist();

const [dir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: node scripts/bench/phases.mjs REVIEW_DIR [--no-analytics]');
  process.exit(2);
}
const withAnalytics = !process.argv.includes('--no-analytics');

const { resolveInputs } = await dist('io/inputs.js');
const { loadReview } = await dist('review.js');
const { readInput } = await dist('io/read.js');
const { decodeBytes } = await dist('io/decode.js');
const { parseSheetCsv } = await dist('io/csv.js');
const { validateSheet } = await dist('core/sheet.js');
const { checkPanel } = await dist('core/panel.js');
const { computeResults } = await dist('core/compute.js');
const { analyze } = await dist('core/analytics.js');
const { resultsJsonStream } = await dist('render/json.js');

const phases = new Map();
const mb = (b) => `${(b / 2 ** 20).toFixed(0)} MB`;
function add(name, ms) {
  const p = phases.get(name) ?? { ms: 0 };
  p.ms += ms;
  // With --expose-gc the heap column is what is still reachable after the phase.
  globalThis.gc?.();
  const m = process.memoryUsage();
  p.rss = m.rss;
  p.heap = m.heapUsed;
  phases.set(name, p);
}
async function timed(name, fn) {
  const t = performance.now();
  const r = await fn();
  add(name, performance.now() - t);
  return r;
}

const cwd = process.cwd();
const inputs = await timed('resolve inputs', () => resolveInputs([dir], { cwd }));
const review = await timed('rubric + roster', () => loadReview(inputs, cwd, {}));
const { rubric, roster } = review;
const sheets = [];
for (const file of inputs.sheetPaths) {
  const read = await timed('read + sha256', () => readInput(file, file));
  const decoded = await timed('decode', () => decodeBytes(read.bytes));
  if (!decoded.ok) throw new Error(`${file}: ${decoded.message}`);
  // A quote-free sheet's records are split as validateSheet() reads them (io/csv-lines.ts).
  const table = await timed('parse (parseSheetCsv)', () => parseSheetCsv(decoded.text));
  if (!table.ok) throw new Error(`${file}: ${table.message}`);
  const result = await timed('validate (validateSheet)', () =>
    validateSheet(
      {
        file,
        baseName: path.basename(file).replace(/\.[^.]+$/, ''),
        rows: table.rows,
        decimalComma: table.delimiter !== ',',
      },
      rubric,
      roster,
    ),
  );
  if (!result.sheet) throw new Error(`${file}: ${result.issues[0]?.message}`);
  sheets.push(result.sheet);
}
await timed('cross-sheet checks (checkPanel)', () =>
  checkPanel(sheets, rubric, review.rubricFile.shown, roster),
);
const computed = await timed('compute (computeResults)', () =>
  computeResults(rubric, sheets, roster),
);
const analytics = withAnalytics
  ? await timed('analytics (analyze)', () => analyze(rubric, computed))
  : { judges: [], agreement: {}, projects: [], fragile: [], limits: {} };
const results = {
  rubric,
  rubricFile: review.rubricFile,
  judges: computed.judges.map((j) => ({ ...j, sha256: '' })),
  projects: computed.projects,
  warnings: [],
  analytics,
};
// results.json needs the analytics: without them, only the phases up to compute are timed. It
// is made a piece at a time as pcv writes it (the pieces counted here, not written).
let chars = 0;
if (withAnalytics) {
  await timed('results.json text (resultsJsonStream)', () => {
    for (const piece of resultsJsonStream(results)) chars += piece.length;
  });
}

// The sum of the phases: the garbage collections forced for the heap column are not counted.
const total = [...phases.values()].reduce((n, p) => n + p.ms, 0);
console.log(
  `${dir}: ${(total / 1000).toFixed(2)} s in process${withAnalytics ? `; results.json ${(chars / 1e6).toFixed(1)} million characters` : ''}`,
);
console.log(`| phase | time | share | RSS after | ${globalThis.gc ? 'live heap' : 'heap'} after |`);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, p] of phases) {
  console.log(
    `| ${name} | ${(p.ms / 1000).toFixed(2)} s | ${((100 * p.ms) / total).toFixed(1)}% | ${mb(p.rss)} | ${mb(p.heap)} |`,
  );
}

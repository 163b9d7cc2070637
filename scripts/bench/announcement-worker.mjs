// The announcement drawn by a build's PDF worker thread, as `pcv tally` hands it over, whatever
// the load: the CLI draws in its main thread when spareCore finds no idle core, so on a shared
// machine its json,pdf runs often never measure the worker. Tallies the review in this thread,
// starts the worker (dist/render/pdf-thread.js), lets it load, then times draw() to the bytes and
// prints the CPU seconds each thread spent meanwhile (Linux: /proc/self/task), the busiest being
// the worker, and the PDF's sha256 (a fixed date: the same review gives the same bytes).
//   node scripts/bench/announcement-worker.mjs REVIEW_DIR [BUILD_DIR]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { buildDist } from './build-dist.mjs';

const [dir, build] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/bench/announcement-worker.mjs REVIEW_DIR [BUILD_DIR]');
  process.exit(2);
}
const { root, dist } = buildDist(build);
const { tally } = await dist('tally.js');
const { startPdfWorker } = await dist('render/pdf-thread.js');
const worker = startPdfWorker();
if (worker === undefined) throw new Error(`${root}: no compiled PDF worker; run npm run build`);
const { results } = await tally({ inputs: [path.resolve(dir)] });
if (results === undefined) throw new Error(`${dir}: the review has errors; run pcv tally on it`);
// pdfkit loaded in the worker, as it is by the time a large review's results are.
await sleep(1500);

/** Each thread's user + system CPU seconds (clock ticks of 10 ms); a thread gone reads 0. */
const threads = () =>
  new Map(
    readdirSync('/proc/self/task').map((tid) => {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [tid, (Number(fields[11]) + Number(fields[12])) / 100];
      } catch {
        return [tid, 0];
      }
    }),
  );
const before = threads();
const start = performance.now();
const pdf = await worker.draw(results, { createdAt: new Date('2026-01-01T00:00:00Z') }).bytes;
const wall = (performance.now() - start) / 1000;
const after = threads();
const spent = [...after].map(([tid, cpu]) => [tid, cpu - (before.get(tid) ?? 0)]);
const busiest = Math.max(...spent.map(([, cpu]) => cpu));
const main = spent.find(([tid]) => tid === String(process.pid))?.[1] ?? NaN;
const all = spent.reduce((sum, [, cpu]) => sum + cpu, 0);
const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const sha = createHash('sha256').update(pdf).digest('hex').slice(0, 16);
console.log(
  `${path.basename(root)}: wall ${wall.toFixed(2)} s, busiest thread ${busiest.toFixed(2)} s, ` +
    `main ${main.toFixed(2)} s, all threads ${all.toFixed(2)} s (load ${load}); sha256 ${sha}…`,
);

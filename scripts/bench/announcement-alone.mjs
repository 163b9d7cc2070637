// The announcement alone, in one process: tallies a review once, then words and draws its
// announcement.pdf N times, printing the CPU seconds of each (wording + drawing) and the PDF's
// sha256. It imports pcv's modules from a build's dist/ (default: this checkout's; run `npm run
// build` first), so two builds can be compared by running it on each in turn.
//   node scripts/bench/announcement-alone.mjs REVIEW_DIR [N] [BUILD_DIR]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { buildDist } from './build-dist.mjs';

const [dir, n = '2', build] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/bench/announcement-alone.mjs REVIEW_DIR [N] [BUILD_DIR]');
  process.exit(2);
}
const { root, dist } = buildDist(build);
const { tally } = await dist('tally.js');
const { announcementContent } = await dist('render/announcement.js');
const { renderAnnouncementContent } = await dist('render/pdf.js');

const { results } = await tally({ inputs: [path.resolve(dir)] });
if (results === undefined) throw new Error(`${dir}: the review has errors; run pcv tally on it`);
// A fixed date: the same review then gives the same bytes on every build.
const createdAt = new Date('2026-01-01T00:00:00Z');
const seconds = (usage) => ((usage.user + usage.system) / 1e6).toFixed(2);
// The drawing thread's own CPU (Linux: the main thread's utime + stime in clock ticks of 10 ms),
// apart from threads the drawing hands work to; process.cpuUsage() counts those too.
const mainThread = () => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
};
const runs = [];
let sha = '';
for (let i = 0; i < Number(n); i++) {
  const start = process.cpuUsage();
  const content = announcementContent(results);
  const worded = process.cpuUsage(start);
  const wall = performance.now();
  const thread = mainThread();
  const pdf = await renderAnnouncementContent(content, { createdAt });
  const drawn = process.cpuUsage(start);
  const own = mainThread() - thread;
  const ms = performance.now() - wall;
  runs.push(
    `${seconds(worded)} + ${seconds({ user: drawn.user - worded.user, system: drawn.system - worded.system })} s (drawing thread ${own.toFixed(2)} s, wall ${(ms / 1000).toFixed(2)} s)`,
  );
  sha = createHash('sha256').update(pdf).digest('hex').slice(0, 16);
}
console.log(
  `${path.basename(root)}: ${runs.join(', ')} (wording + drawing, CPU of all threads); sha256 ${sha}…`,
);

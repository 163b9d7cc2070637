import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';

/**
 * Whether a second thread would get a core of its own. Drawing the announcement in a worker
 * thread costs a thread's start and a second load of shared code; it pays back in wall time only
 * when the worker runs beside the main thread, not in turns with it. Measured on a 2-core machine
 * at load 7: all default reports of the fixture review took 3.32 s in one thread against 3.58 s
 * with the worker (medians of 10).
 *
 * The signal is what the machine's cores did since pcv started (the kernel's idle time of every
 * core, os.cpus()): at least half a core's worth idle besides pcv's own thread. The 1-minute load
 * average, used before, counts pcv's own earlier runs as load, so a batch of back-to-back tallies
 * on an idle machine never got the worker. When too little time has passed to tell (the kernel
 * counts in 10 ms ticks) or so much that it says little of now, the load average decides.
 */
export function spareCore(now: CpuSample = sampleCpus(), since: CpuSample = AT_START): boolean {
  const cores = availableParallelism();
  if (cores < 2) return false;
  const idle = idleCores(since, now);
  return idle !== undefined ? idle >= MIN_IDLE_CORES : loadavg()[0]! + 1 <= cores;
}

/** The cores' counters at one moment, in milliseconds since boot, summed over every core. */
export interface CpuSample {
  /** Time the cores stood idle. */
  idle: number;
  /** Time the cores counted, busy or idle (about the number of cores × the wall time). */
  total: number;
  /** How many cores were counted. */
  cores: number;
}

/**
 * Taken when the CLI starts a tally (src/cli.ts imports this module for it; bin/pcv.js's
 * prestart sooner), so that the decision, made as a tally begins, looks back over pcv's own
 * start-up.
 */
const AT_START = sampleCpus();

/** Half a core idle on average: the worker's thread gets most of a core. */
const MIN_IDLE_CORES = 0.5;
/** Shorter windows are a handful of ticks per core: too coarse to tell idle from busy. */
const MIN_WINDOW_MS = 40;
/**
 * Longer windows (a program that imported pcv long ago) say what the machine did then; the load
 * average's last minute is the fresher signal.
 */
const MAX_WINDOW_MS = 60_000;

export function sampleCpus(): CpuSample {
  let idle = 0;
  let total = 0;
  const list = cpus();
  for (const { times } of list) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total, cores: list.length };
}

/**
 * How many cores stood idle on average between two samples, or undefined when the window is too
 * short to tell or too long to speak for now (or the platform reports no times).
 */
export function idleCores(before: CpuSample, after: CpuSample): number | undefined {
  if (after.cores !== before.cores || after.cores === 0) return undefined;
  const window = (after.total - before.total) / after.cores;
  if (!(window >= MIN_WINDOW_MS && window <= MAX_WINDOW_MS)) return undefined;
  return (after.idle - before.idle) / window;
}

/**
 * The same question before any time has passed to look back on: bin/pcv.js starts the PDF worker
 * before the CLI loads (src/prestart.ts). The kernel's count of threads runnable at this instant
 * (Linux's /proc/loadavg, "running/all") includes pcv's own; a core is spare when the others
 * leave one besides pcv's. Elsewhere, or when it cannot be read, the load average decides.
 */
export function spareCoreNow(runnable: number | null = runnableThreads()): boolean {
  const cores = availableParallelism();
  if (cores < 2) return false;
  return runnable !== null ? runnable - 1 <= cores - 2 : loadavg()[0]! + 1 <= cores;
}

/** Threads runnable now, pcv's own included, from /proc/loadavg's text; null off Linux. */
export function runnableThreads(text: string | null = readLoadavg()): number | null {
  const running = /^\S+ \S+ \S+ (\d+)\/\d+ /.exec(text ?? '')?.[1];
  return running === undefined ? null : Number(running);
}

function readLoadavg(): string | null {
  try {
    return readFileSync('/proc/loadavg', 'latin1');
  } catch {
    return null;
  }
}

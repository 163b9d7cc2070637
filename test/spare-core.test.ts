import { beforeEach, describe, expect, it, vi } from 'vitest';

const machine = vi.hoisted(() => ({ cores: 2, load: [0, 0, 0] }));
vi.mock('node:os', async (original) => ({
  ...(await original<typeof import('node:os')>()),
  availableParallelism: () => machine.cores,
  loadavg: () => machine.load,
}));
const { idleCores, runnableThreads, sampleCpus, spareCore, spareCoreNow } =
  await import('../src/spare-core.js');

/*
 * Whether the announcement is drawn in a worker thread (src/reports.ts): only when a core stood
 * idle besides pcv's own while pcv started, judged by the cores' idle time (os.cpus(), summed
 * over the cores, in ms); the load average only when the window is too short to tell or over a
 * minute long.
 */
const sample = (idle: number, total: number, cores = 2) => ({ idle, total, cores });
const START = sample(1_000_000, 4_000_000);

describe('spareCore', () => {
  beforeEach(() => {
    machine.cores = 2;
    // A load average that would say the opposite of each idle-time case below.
    machine.load = [7, 7, 7];
  });

  it('sees a spare core when pcv had one core and the other stood idle', () => {
    // 300 ms of wall on 2 cores: 600 ms counted, of which 290 ms idle (pcv busy on the other
    // core): 290 / 300 = 0.97 cores idle ≥ 0.5.
    expect(spareCore(sample(1_000_290, 4_000_600), START)).toBe(true);
    // Exactly half a core: 150 / 300 = 0.5.
    expect(spareCore(sample(1_000_150, 4_000_600), START)).toBe(true);
  });

  it('sees none when the other core was busy too, whatever the load average says', () => {
    machine.load = [0, 0, 0];
    // 140 / 300 = 0.47 cores idle < 0.5.
    expect(spareCore(sample(1_000_140, 4_000_600), START)).toBe(false);
    expect(spareCore(sample(1_000_000, 4_000_600), START)).toBe(false);
  });

  it('falls back to the load average when the window is under 40 ms a core', () => {
    // 60 ms counted on 2 cores: a 30 ms window, 3 ticks a core.
    const short = sample(1_000_030, 4_000_060);
    expect(idleCores(START, short)).toBeUndefined();
    machine.load = [0.4, 2, 2];
    expect(spareCore(short, START)).toBe(true);
    // 1 + 1 = 2 cores: exactly one left besides pcv's own.
    machine.load = [1, 0, 0];
    expect(spareCore(short, START)).toBe(true);
    machine.load = [1.2, 0, 0];
    expect(spareCore(short, START)).toBe(false);
    // 80 ms counted: 40 ms a core, long enough; 20 / 40 = 0.5 cores idle.
    expect(idleCores(START, sample(1_000_020, 4_000_080))).toBe(0.5);
  });

  it('falls back to the load average when the window is over a minute (pcv imported long ago)', () => {
    // 2 × 61 s counted, all but pcv's core idle: 61 s a core is past the 60 s limit.
    const long = sample(1_061_000, 4_122_000);
    expect(idleCores(START, long)).toBeUndefined();
    expect(spareCore(long, START)).toBe(false);
    machine.load = [0.2, 0.2, 0.2];
    expect(spareCore(long, START)).toBe(true);
    // 2 × 60 s: exactly the limit, still read: 60 / 60 = 1 core idle.
    expect(idleCores(START, sample(1_060_000, 4_120_000))).toBe(1);
  });

  it('never with one core; with many, while half of one stands idle', () => {
    machine.cores = 1;
    machine.load = [0, 0, 0];
    expect(spareCore(sample(1_000_300, 4_000_600), START)).toBe(false);
    machine.cores = 8;
    const eight = sample(1_000_000, 4_000_000, 8);
    // 8 cores × 100 ms = 800 ms counted; 60 ms idle: 0.6 cores; 40 ms: 0.4 cores.
    expect(spareCore(sample(1_000_060, 4_000_800, 8), eight)).toBe(true);
    expect(spareCore(sample(1_000_040, 4_000_800, 8), eight)).toBe(false);
  });

  it('gives up on samples it cannot compare: the cores counted changed, or none reported', () => {
    expect(idleCores(START, sample(1_000_290, 4_000_600, 3))).toBeUndefined();
    expect(idleCores(sample(0, 0, 0), sample(0, 0, 0))).toBeUndefined();
  });

  it("reads this machine's cores: idle within what was counted", () => {
    const now = sampleCpus();
    expect(now.cores).toBeGreaterThan(0);
    expect(now.idle).toBeGreaterThanOrEqual(0);
    expect(now.idle).toBeLessThanOrEqual(now.total);
  });
});

describe('spareCoreNow (the worker started before the CLI loads)', () => {
  beforeEach(() => {
    machine.cores = 2;
    machine.load = [7, 7, 7];
  });

  it("reads the runnable threads from /proc/loadavg's fourth field", () => {
    expect(runnableThreads('1.55 2.65 5.05 1/78 5196\n')).toBe(1);
    expect(runnableThreads('0.00 0.01 0.05 12/403 99\n')).toBe(12);
    expect(runnableThreads('')).toBeNull();
    expect(runnableThreads(null)).toBeNull();
  });

  it('sees a spare core when only pcv runs, on two cores, whatever the load average says', () => {
    // pcv's own thread is the one runnable: the other core is free.
    expect(spareCoreNow(1)).toBe(true);
    // One other runnable thread takes the second core.
    expect(spareCoreNow(2)).toBe(false);
    // Four cores: pcv and one other leave two free; pcv and three others leave none.
    machine.cores = 4;
    expect(spareCoreNow(2)).toBe(true);
    expect(spareCoreNow(3)).toBe(true);
    expect(spareCoreNow(4)).toBe(false);
  });

  it('never on one core; the load average when the count cannot be read', () => {
    machine.cores = 1;
    expect(spareCoreNow(1)).toBe(false);
    machine.cores = 2;
    expect(spareCoreNow(null)).toBe(false);
    machine.load = [0.4, 0.4, 0.4];
    expect(spareCoreNow(null)).toBe(true);
  });
});

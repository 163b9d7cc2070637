import { beforeEach, describe, expect, it, vi } from 'vitest';

const machine = vi.hoisted(() => ({ cores: 2, load: [0, 0, 0] }));
vi.mock('node:os', async (original) => ({
  ...(await original<typeof import('node:os')>()),
  availableParallelism: () => machine.cores,
  loadavg: () => machine.load,
}));
const { spareCore } = await import('../src/spare-core.js');

/*
 * Whether the announcement is drawn in a worker thread (src/reports.ts): only when a core would
 * stand idle otherwise, judged by the last minute's load average (the first of os.loadavg()).
 */
describe('spareCore', () => {
  beforeEach(() => {
    machine.cores = 2;
  });

  it('sees a spare core on an idle two-core machine, and none under load', () => {
    machine.load = [0.4, 2, 2];
    expect(spareCore()).toBe(true);
    // 1 + 1 = 2 cores: exactly one left besides pcv's own.
    machine.load = [1, 0, 0];
    expect(spareCore()).toBe(true);
    machine.load = [1.2, 0, 0];
    expect(spareCore()).toBe(false);
    machine.load = [7, 7, 7];
    expect(spareCore()).toBe(false);
  });

  it('never with one core; with many, while their load leaves one idle', () => {
    machine.cores = 1;
    machine.load = [0, 0, 0];
    expect(spareCore()).toBe(false);
    machine.cores = 8;
    machine.load = [6.5, 0, 0];
    expect(spareCore()).toBe(true);
    machine.load = [7.5, 0, 0];
    expect(spareCore()).toBe(false);
  });
});

import { availableParallelism, loadavg } from 'node:os';

/**
 * Whether a second thread would get a core of its own: more than one core, and the last minute's
 * load average leaves at least one of them idle besides pcv's own. Drawing the announcement in a
 * worker thread costs a thread's start and a second load of the PDF code (~0.25 s of CPU on the
 * bundled review); it pays back in wall time only when the worker runs beside the main thread,
 * not in turns with it. Measured on a 2-core machine at load 7: all default reports of the
 * fixture review took 3.32 s in one thread against 3.58 s with the worker (medians of 10).
 * Windows reports no load average (zeros): there a second core counts as free.
 */
export function spareCore(): boolean {
  const cores = availableParallelism();
  return cores > 1 && loadavg()[0]! + 1 <= cores;
}

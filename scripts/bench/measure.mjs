// Runs one command in a fresh child process and measures its wall time and peak RSS.
//
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`: the kernel's ru_maxrss of the child,
// exact), and so does the CPU time (user + system, all threads), which other load on a shared
// machine disturbs less than the wall time. Without it, /proc/<pid>/status VmHWM is polled every 20 ms (Linux), which can miss a
// peak in the last few milliseconds; without either, RSS is reported as unknown. Wall time is
// measured here around the child, the same way for every command.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';

const GNU_TIME = '/usr/bin/time';

export const rssMethod = (() => {
  // PCV_BENCH_RSS=proc-poll (or none) tries the fallbacks on a machine that has GNU time.
  const forced = process.env.PCV_BENCH_RSS;
  if (forced === 'proc-poll' || forced === 'none') return forced;
  if (existsSync(GNU_TIME)) {
    const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (probe.status === 0 && /^\d+\s*$/.test(probe.stderr.trim().split('\n').pop() ?? '')) {
      return 'gnu-time';
    }
  }
  return existsSync('/proc/self/status') ? 'proc-poll' : 'none';
})();

function vmHwmKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The pid of the command GNU time runs (its only child), to stop it on a timeout. */
function childOf(pid) {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    return kids[0] ? Number(kids[0]) : undefined;
  } catch {
    return undefined;
  }
}

let seq = 0;

/**
 * Runs `cmd args` and resolves to { wall (s), rssMb and cpu (s) (or null), code, signal, stdout, stderr,
 * timedOut }. `timeout` (s, 0 = none) stops the command; its time then reads as a lower bound.
 */
export async function measure(cmd, args, { cwd, env, timeout = 0, stdin = 'ignore' } = {}) {
  const timeFile = path.join(os.tmpdir(), `pcv-bench-time-${process.pid}-${seq++}.txt`);
  const viaTime = rssMethod === 'gnu-time';
  const [file, argv] = viaTime
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, cmd, ...args]]
    : [cmd, args];
  const started = performance.now();
  const child = spawn(file, argv, {
    cwd,
    env: env ?? process.env,
    stdio: [stdin, 'pipe', 'pipe'],
  });
  const out = [];
  const err = [];
  child.stdout.on('data', (b) => out.push(b));
  child.stderr.on('data', (b) => err.push(b));
  let polledKb;
  let polling = !viaTime && rssMethod === 'proc-poll';
  const poll = (async () => {
    while (polling) {
      const kb = vmHwmKb(child.pid);
      if (kb !== undefined) polledKb = Math.max(polledKb ?? 0, kb);
      await sleep(20);
    }
  })();
  let timedOut = false;
  const timer =
    timeout > 0
      ? setTimeout(() => {
          timedOut = true;
          const target = viaTime ? (childOf(child.pid) ?? child.pid) : child.pid;
          try {
            process.kill(target, 'SIGKILL');
          } catch {
            // already gone
          }
        }, timeout * 1000)
      : undefined;
  const [code, signal] = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve([c, s]));
  });
  const wall = (performance.now() - started) / 1000;
  clearTimeout(timer);
  polling = false;
  await poll;

  let rssMb = polledKb !== undefined ? polledKb / 1024 : null;
  let cpu = null;
  let exitCode = code;
  if (viaTime) {
    try {
      const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
      // On a non-zero exit GNU time writes "Command exited with non-zero status N" first.
      const [kb, user, sys] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
      if (Number.isFinite(kb)) rssMb = kb / 1024;
      if (Number.isFinite(user) && Number.isFinite(sys)) cpu = user + sys;
      const status = /non-zero status (\d+)/.exec(lines.join('\n'));
      if (status) exitCode = Number(status[1]);
      if (/terminated by signal/.test(lines.join('\n'))) exitCode = null;
    } catch {
      // time wrote nothing (it was killed itself)
    }
    rmSync(timeFile, { force: true });
  }
  return {
    wall,
    rssMb,
    cpu,
    code: exitCode,
    signal,
    timedOut,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs a command `runs` times (fewer when one run is slower than `repeatBelow` seconds: a
 * 100-second command is not repeated) and summarises: median and best wall time, the highest
 * peak RSS, the median CPU time. Stops at the first failure or timeout and returns it.
 */
export async function measureRuns(cmd, args, { runs = 3, repeatBelow = 15, ...opts } = {}) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure(cmd, args, opts);
    all.push(r);
    if (r.code !== 0 || r.timedOut) break;
    if (r.wall >= repeatBelow) break;
  }
  const last = all[all.length - 1];
  const ok = all.filter((r) => r.code === 0 && !r.timedOut);
  const walls = (ok.length > 0 ? ok : all).map((r) => r.wall);
  const rss = all.map((r) => r.rssMb).filter((x) => x !== null);
  const cpus = (ok.length > 0 ? ok : all).map((r) => r.cpu).filter((x) => x !== null);
  return {
    runs: all.length,
    wall: median(walls),
    best: Math.min(...walls),
    rssMb: rss.length > 0 ? Math.max(...rss) : null,
    cpu: cpus.length > 0 ? median(cpus) : null,
    ok: ok.length === all.length,
    timedOut: last.timedOut,
    code: last.code,
    stdout: last.stdout,
    stderr: last.stderr,
  };
}

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixture = (...parts: string[]) => path.join(ROOT, 'fixtures', ...parts);
export const tempDir = (prefix = 'pcv-test-') => mkdtempSync(path.join(tmpdir(), prefix));

/** A fresh copy of a fixture folder, for tests that change its files. */
export function copyFixture(name: string): string {
  const dir = path.join(tempDir(), name);
  // Without the reports of a run in the repository (README's first command writes
  // fixtures/huanshan-2022/pcv-out): a fixture is its inputs.
  const inputsOnly = (from: string) => path.basename(from) !== 'pcv-out';
  cpSync(fixture(name), dir, { recursive: true, filter: inputsOnly });
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams and colour off. */
export async function pcv(args: string[], cwd = ROOT): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    [...args, '--no-color'].filter((a, i, all) => !(a === '--no-color' && all.indexOf(a) !== i)),
    {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
      cwd,
    },
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** As pcv(), with an environment of the test's choosing (LANG, LC_ALL) instead of process.env. */
export async function pcvEnv(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run([...args, '--no-color'], {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    cwd,
    env,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Spawns the built binary, as a user (or a batch script) would. */
export function spawnPcv(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'pcv.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The .ts files under a folder, recursively: the source the layering and wording tests read. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

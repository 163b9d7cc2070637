import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, fixture, tempDir } from './helpers.js';

interface LockEntry {
  version?: string;
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

interface PackageJson {
  version: string;
  license?: string;
  bin: Record<string, string>;
  engines?: Record<string, string>;
  dependencies: Record<string, string>;
}

function npm(args: string[], cwd: string) {
  const r = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * The lock file entries of pcv's runtime dependencies and theirs, found the way Node resolves a
 * package: from a package's own node_modules up to the top. Only what the packed package.json
 * declares is reached, so a module the CLI imports without declaring it is missing after install.
 */
function runtimeClosure(lock: Record<string, LockEntry>, deps: Record<string, string>) {
  const found: Record<string, LockEntry> = {};
  const visit = (from: string, name: string, optional: boolean) => {
    for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules')))) {
      const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      const entry = lock[key];
      if (entry !== undefined) {
        if (key in found) return;
        found[key] = entry;
        const all = { ...entry.dependencies, ...entry.optionalDependencies };
        for (const d of Object.keys(all)) visit(key, d, d in (entry.optionalDependencies ?? {}));
        for (const d of Object.keys(entry.peerDependencies ?? {}))
          visit(key, d, entry.peerDependenciesMeta?.[d]?.optional === true);
        return;
      }
      if (dir === '') break;
    }
    if (!optional) throw new Error(`${name} (needed by ${from || 'pcv'}) is not in the lock file`);
  };
  for (const name of Object.keys(deps)) visit('', name, false);
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/**
 * npm pack, then npm install of the tarball into an empty prefix, as a user would install it, and
 * the installed `pcv` run from outside the repository. npm needs the registry's metadata to
 * resolve version ranges, and `npm ci` caches only the tarballs; so the prefix gets a lock file
 * made from ours (the dependencies' exact versions), and the install runs --offline from the
 * cache `npm ci` filled: no network.
 */
describe('the packed package', { timeout: 300_000 }, () => {
  const work = tempDir('pcv-pack-');
  const prefix = path.join(work, 'prefix');
  let tarball: string;
  let packed: string[];
  let bin: string;
  const run = (args: string[], cwd: string) =>
    spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  beforeAll(() => {
    // dist/ is built by `npm test` before the tests run; --ignore-scripts keeps `prepare` from
    // rebuilding it under the other tests' feet.
    const [info] = JSON.parse(
      npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT),
    ) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, info!.filename);
    packed = info!.files.map((f) => f.path);

    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    const spec = `file:${path.basename(tarball)}`;
    cpSync(tarball, path.join(prefix, path.basename(tarball)));
    writeFileSync(
      path.join(prefix, 'package.json'),
      JSON.stringify({ private: true, dependencies: { pcv: spec } }),
    );
    const { version, license, bin: bins, engines, dependencies } = pkg;
    writeFileSync(
      path.join(prefix, 'package-lock.json'),
      JSON.stringify({
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { dependencies: { pcv: spec } },
          'node_modules/pcv': {
            version,
            resolved: spec,
            license,
            bin: bins,
            engines,
            dependencies,
          },
          ...runtimeClosure(lock.packages, dependencies),
        },
      }),
    );
    npm(['install', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], work);
    bin = path.join(prefix, 'node_modules', '.bin', 'pcv');
  }, 300_000);

  it('holds what the installed CLI needs, and no sources, tests or fixtures', () => {
    for (const f of ['bin/pcv.js', 'dist/bundle/cli.js', 'dist/bundle/pdf-worker.js'])
      expect(packed).toContain(f);
    for (const f of ['dist/cli.js', 'dist/index.js', 'dist/index.d.ts'])
      expect(packed).toContain(f);
    expect(packed).toContain('schema/rubric.schema.json');
    expect(packed.filter((f) => /^(src|test|fixtures|scripts)\//.test(f))).toEqual([]);
    // The licence travels with the code; source maps would point at src/, which is not shipped.
    expect(packed).toContain('LICENSE');
    expect(packed.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('is a copy, not a link into this repository, and names no path in it', () => {
    const installed = path.join(prefix, 'node_modules', 'pcv');
    expect(existsSync(path.join(installed, 'dist', 'cli.js'))).toBe(true);
    expect(statSync(installed).isDirectory()).toBe(true);
    for (const f of filesUnder(installed)) expect(readFileSync(f, 'utf8'), f).not.toContain(ROOT);
  });

  it('runs pcv init, pcv template and pcv tally from the installed bin', () => {
    const cwd = tempDir('pcv-installed-');
    expect(run(['--version'], cwd).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);

    const init = run(['init', 'review', '--lang', 'zh'], cwd);
    expect(init.stderr).toContain('建好评审文件夹'); // --lang zh: the terminal speaks Chinese too
    expect(init.status).toBe(0);
    const review = path.join(cwd, 'review');
    expect(readdirSync(review).sort()).toEqual([
      'README.md',
      'projects.csv',
      'rubric.schema.json',
      'rubric.yaml',
      'scores',
    ]);
    expect(readFileSync(path.join(review, 'rubric.schema.json'), 'utf8')).toBe(
      readFileSync(
        path.join(prefix, 'node_modules', 'pcv', 'schema', 'rubric.schema.json'),
        'utf8',
      ),
    );

    const template = run(['template', 'review', '--judges', '评委A,评委B'], cwd);
    expect(template.status).toBe(0);
    expect(readdirSync(path.join(review, 'templates')).sort()).toEqual([
      '评委A.xlsx',
      '评委B.xlsx',
    ]);

    // The PDF needs the font package and pdfkit, loaded only when a PDF is written.
    cpSync(fixture('basic'), path.join(cwd, 'basic'), { recursive: true });
    const out = path.join(cwd, 'out');
    const tally = run(
      ['tally', 'basic', '--out', out, '--format', 'pdf,html,json', '--quiet'],
      cwd,
    );
    expect(tally.stderr).toBe('');
    expect(tally.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '.pcv-manifest.json',
      'announcement.html',
      'announcement.pdf',
      'results.json',
    ]);
    expect(readFileSync(path.join(out, 'announcement.pdf')).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
  });
});

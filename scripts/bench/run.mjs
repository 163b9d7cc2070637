// npm run bench: pcv's scale, speed and start-up figures, each against a baseline measured in
// the same run (issue 6). Generates synthetic review folders deterministically into a temporary
// folder, runs every measurement in a fresh child process, prints the machine and a Markdown
// table with ratios and targets, and removes the folder.
//
//   node scripts/bench/run.mjs [options]
//     --timeout S      stop any one command after S seconds (default 60; 0 = never). A stopped
//                      command's time reads as a lower bound (">= S") and misses its target;
//                      the default keeps a run to a few minutes while pcv is far off its targets.
//     --runs N         repeat fast commands N times and take the median (default 3; start-up
//                      measurements use 4 x N)
//     --quick          1 run each and 3 start-up runs: a smoke test, not figures to publish
//     --profile        for each missed target, run the command again with --cpu-prof and print
//                      where the time goes (also: scripts/bench/cpuprofile-summary.mjs)
//     --profile-dir D  keep the .cpuprofile files in D (default: a folder in the temp dir)
//     --keep           keep the generated review folders and print where they are
//     --generate-only D  write the synthetic review folders into D and stop (to profile or
//                      inspect them: D/cells-1m, D/projects-10k, D/groups-300; with --only,
//                      just the ones those parts use)
//     --no-build       use dist/ as it is (by default `npm run build` runs when dist/ is
//                      missing or older than src/)
//     --only LIST      measure only these parts, comma-separated: startup (node -e 0, --version,
//                      validate), review-day, 1m (the 1M-cell tally, its floor and pandas),
//                      reports (the 10k review as json, json,xlsx and json,pdf), groups (judge
//                      groups, plain and offset). Only the reviews those parts need are generated.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { report as profileReport } from './cpuprofile-summary.mjs';
import { CRITERIA, THRESHOLD, TRIM, generateReview } from './generate.mjs';
import { generateGroupsReview } from './groups.mjs';
import { measure, measureRuns, rssMethod } from './measure.mjs';
import { BIG, GROUPS, REPORTS } from './specs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The Python that runs the pandas comparison: $PYTHON, else python3 on the PATH. */
const PYTHON = process.env.PYTHON || 'python3';
const repo = path.resolve(here, '..', '..');
const PCV = path.join(repo, 'bin', 'pcv.js');
const FIXTURE = path.join(repo, 'fixtures', 'huanshan-2022');

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
if (flag('--help')) {
  // The usage is the comment at the top of this file.
  const head = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const usage = head.slice(
    0,
    head.findIndex((l) => !l.startsWith('//')),
  );
  process.stdout.write(usage.map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}
const quick = flag('--quick');
const timeout = Number(option('--timeout', '60'));
const runs = quick ? 1 : Math.max(1, Number(option('--runs', '3')));
const startupRuns = quick ? 3 : 4 * runs;
const keep = flag('--keep');
const profile = flag('--profile');
const PARTS = ['startup', 'review-day', '1m', 'reports', 'groups'];
const onlyList = option('--only');
const parts = new Set(onlyList === undefined ? PARTS : onlyList.split(',').map((p) => p.trim()));
const unknownParts = [...parts].filter((p) => !PARTS.includes(p));
if (unknownParts.length > 0) {
  process.stderr.write(
    `bench: unknown part ${unknownParts.join(', ')} in --only (choose from ${PARTS.join(', ')})\n`,
  );
  process.exit(2);
}

const log = (s = '') => process.stderr.write(s + '\n');

// ---------------------------------------------------------------- build
function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const cli = path.join(repo, 'dist', 'cli.js');
  const stale =
    !existsSync(cli) || newestMtime(path.join(repo, 'src')) > newestMtime(path.join(repo, 'dist'));
  if (flag('--no-build') || !stale) return;
  log('dist/ is missing or older than src/: npm run build');
  const r = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) {
    log('bench: the build failed; fix it or run with --no-build');
    process.exit(2);
  }
}

// ---------------------------------------------------------------- machine
function pandasVersion() {
  const r = spawnSync(PYTHON, ['-c', 'import pandas, sys; print(pandas.__version__)'], {
    encoding: 'utf8',
  });
  if (r.error) return { ok: false, why: `${PYTHON} is not installed` };
  if (r.status !== 0)
    return {
      ok: false,
      why: `${PYTHON} has no pandas (pip install pandas, or PYTHON=/usr/bin/python3 with Debian's python3-pandas)`,
    };
  return { ok: true, version: r.stdout.trim() };
}

/** The commit measured, and whether src/ differs from it (read-only git commands). */
function revision() {
  const git = (...args) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.error || head.status !== 0) return 'unknown (not a git checkout)';
  const dirty = git('status', '--porcelain', '--', 'src').stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? ' with uncommitted changes in src/' : ''}`;
}

function machine(pandas) {
  const cpus = os.cpus();
  const py = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' });
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    python: py.status === 0 ? py.stdout.trim() || py.stderr.trim() : 'none',
    pandas: pandas.ok ? pandas.version : 'none',
    load: os.loadavg().map((x) => x.toFixed(2)),
    rss: rssMethod,
    revision: revision(),
  };
}

// ---------------------------------------------------------------- formatting
const fmtTime = (s, timedOut) =>
  s === null || s === undefined
    ? '—'
    : `${timedOut ? '≥ ' : ''}${s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`}`;
const fmtMb = (mb) => (mb === null || mb === undefined ? '—' : `${mb.toFixed(0)} MB`);
const fmtSize = (bytes) =>
  bytes === undefined
    ? ''
    : bytes >= 2 ** 20
      ? `${(bytes / 2 ** 20).toFixed(1)} MiB`
      : `${(bytes / 1024).toFixed(0)} KiB`;
const ratio = (a, b) => (a && b ? a / b : null);
const fmtRatio = (r, lowerBound) =>
  r === null ? '—' : `${lowerBound ? '≥ ' : ''}${r.toFixed(2)}×`;

// ---------------------------------------------------------------- main
async function main() {
  const startedAt = performance.now();
  const only = option('--generate-only');
  if (only !== undefined) {
    const { big, reports, groups } = generateAll(path.resolve(only), parts);
    log(
      `wrote ${[big, reports, groups]
        .filter(Boolean)
        .map((r) => r.dir)
        .join(', ')}`,
    );
    return;
  }
  ensureBuilt();
  const pandas = pandasVersion();
  const m = machine(pandas);
  const work = mkdtempSync(path.join(os.tmpdir(), 'pcv-bench-'));
  const cleanup = () => {
    if (!keep) rmSync(work, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  try {
    await bench(work, m, pandas, startedAt);
  } finally {
    if (keep) log(`kept the generated folders in ${work}`);
    cleanup();
  }
}

/**
 * The synthetic reviews, always the same bytes; `want` names the ones to write (all by default):
 * cells-1m, projects-10k, groups-300.
 */
function generateAll(work, want = new Set(['1m', 'reports', 'groups'])) {
  const t = performance.now();
  const big = want.has('1m') ? generateReview(path.join(work, 'cells-1m'), BIG) : undefined;
  const reports = want.has('reports')
    ? generateReview(path.join(work, 'projects-10k'), REPORTS)
    : undefined;
  const groups = want.has('groups')
    ? generateGroupsReview(path.join(work, 'groups-300'), GROUPS)
    : undefined;
  const sheetBytes = big ? big.sheets.reduce((n, s) => n + statSync(s.file).size, 0) : 0;
  const made = [
    big &&
      `${big.cells.toLocaleString('en')} cells in ${big.judges} sheets (${fmtSize(sheetBytes)}, ` +
        `${big.recusals} recusals, 1 GB18030 sheet)`,
    reports && `a ${reports.projects}-project review`,
    groups && `a ${groups.judges}-judge groups review`,
  ].filter(Boolean);
  if (made.length > 0) {
    log(`generated ${made.join(', ')} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return { big, reports, groups, sheetBytes };
}

async function bench(work, m, pandas, startedAt) {
  const { big, reports, groups, sheetBytes } = generateAll(work, parts);
  const out = (name) => path.join(work, 'out', name);
  const rows = [];
  const failures = [];
  const missed = [];
  const node = process.execPath;
  const pcv = (...args) => [node, [PCV, ...args]];
  const step = (what) => log(`measuring: ${what}`);
  const check = (name, r) => {
    if (!r.ok && !r.timedOut) {
      failures.push(`${name}: exit ${r.code}\n${(r.stderr || r.stdout).trim().slice(0, 2000)}`);
    }
    return r;
  };

  // ---- table rows
  const target = (ok, text) =>
    ok === null ? `${text}: not measured` : `${text}: ${ok ? 'met' : 'MISSED'}`;
  const fine = (r) => r && r.ok && !r.timedOut;
  const within = (r, limit) => (r && (r.ok || r.timedOut) ? fine(r) && r.wall <= limit : null);
  const ratioWithin = (a, b, limit) =>
    a && b && fine(b) && (a.ok || a.timedOut) ? fine(a) && a.wall <= limit * b.wall : null;
  const row = (name, r, base, targetText, met, extra = '', profileArgs) => {
    if (met === false) missed.push({ name, profileArgs });
    rows.push([
      name,
      r ? fmtTime(r.wall, r.timedOut) + (r.runs > 1 ? ` (${r.runs} runs)` : '') : 'skipped',
      r?.cpu !== null && r?.cpu !== undefined ? fmtTime(r.cpu, r.timedOut) : '—',
      r ? fmtMb(r.rssMb) : '—',
      base && base.r && !base.r.timedOut
        ? `${fmtRatio(ratio(r?.wall, base.r?.wall), r?.timedOut)} ${base.name}`
        : '',
      targetText ? target(met, targetText) : '',
      extra,
    ]);
  };

  // ---- start-up: --version and validate against node -e 0 (best of many: start-up is short)
  if (parts.has('startup')) {
    step(`start-up (best of ${startupRuns})`);
    const bare = await measureRuns(node, ['-e', '0'], { runs: startupRuns });
    const version = check(
      'pcv --version',
      await measureRuns(...pcv('--version'), { runs: startupRuns }),
    );
    const validateArgs = ['validate', FIXTURE, '--quiet'];
    const validateFixture = check(
      'pcv validate',
      await measureRuns(...pcv(...validateArgs), { runs: startupRuns }),
    );
    const vsNode = { name: 'vs node -e 0', r: { wall: bare.best } };
    const best = (r) => ({ ...r, wall: r.best });
    row('`node -e 0` (best)', best(bare), null, '', null, 'start-up baseline');
    row(
      '`pcv --version` (best)',
      best(version),
      vsNode,
      '≤ 1.5×',
      version.ok ? version.best <= 1.5 * bare.best : null,
    );
    row(
      '`pcv validate` fixture (best)',
      best(validateFixture),
      vsNode,
      '≤ 2.5×',
      validateFixture.ok ? validateFixture.best <= 2.5 * bare.best : null,
      '',
      validateArgs,
    );
  }

  // ---- review day: the bundled review with every default report
  if (parts.has('review-day')) {
    step('review day');
    const reviewDay = check(
      'review day',
      await measureRuns(...pcv('tally', FIXTURE, '--out', out('review-day')), {
        runs: Math.max(runs, quick ? 1 : 5),
        timeout,
      }),
    );
    row(
      'review day: `pcv tally` fixture, all reports',
      reviewDay,
      null,
      '≤ 0.7 s',
      within(reviewDay, 0.7),
      'xlsx, pdf, json; median',
      ['tally', FIXTURE, '--out', out('review-day-prof')],
    );
  }

  // ---- 1M cells: pcv against a bare csv-parse pass and pandas
  if (parts.has('1m')) {
    const files = big.sheets.map((s) => s.file);
    step('bare csv-parse pass over the 1M-cell sheets');
    const floor = check(
      'bare parse',
      await measureRuns(node, [path.join(here, 'bare-parse.mjs'), ...files], { runs, timeout }),
    );
    const floorStream = check(
      'bare parse (stream)',
      await measureRuns(node, [path.join(here, 'bare-parse.mjs'), '--stream', ...files], {
        runs,
        timeout,
      }),
    );
    let pandasRun;
    const pandasOut = path.join(work, 'out', 'pandas-finals.csv');
    if (pandas.ok) {
      step('pandas');
      mkdirSync(path.dirname(pandasOut), { recursive: true });
      pandasRun = check(
        'pandas',
        await measureRuns(
          PYTHON,
          [
            path.join(here, 'pandas_tally.py'),
            '--criteria',
            JSON.stringify(CRITERIA),
            '--trim',
            String(TRIM),
            '--threshold',
            String(THRESHOLD),
            '--out',
            pandasOut,
            ...files,
          ],
          { runs, timeout },
        ),
      );
    } else {
      log(`skipping the pandas comparison: ${pandas.why}`);
    }
    step(`pcv tally, 1M cells (timeout ${timeout || 'none'} s)`);
    const tally1m = check(
      'pcv tally 1M',
      await measureRuns(
        ...pcv('tally', big.dir, '--format', 'json', '--quiet', '--out', out('cells-1m')),
        { runs, timeout },
      ),
    );
    const agreement = compareFinals(out('cells-1m'), pandasRun?.ok ? pandasOut : undefined);

    row('1M cells: bare csv-parse (sync)', floor, null, '', null, 'the floor');
    row('1M cells: bare csv-parse (stream)', floorStream, null, '', null, 'for comparison');
    row(
      '1M cells: pandas',
      pandasRun,
      null,
      '',
      null,
      pandasRun ? `pandas ${pandas.version}` : `skipped: ${pandas.why}`,
    );
    const tallyArgs = [
      'tally',
      big.dir,
      '--format',
      'json',
      '--quiet',
      '--out',
      out('cells-1m-prof'),
    ];
    row(
      '1M cells: `pcv tally --format json`',
      tally1m,
      { name: 'vs bare parse', r: floor },
      '≤ 1.25× bare parse',
      ratioWithin(tally1m, floor, 1.25),
      agreement,
      tallyArgs,
    );
    row(
      '1M cells: `pcv tally --format json`',
      tally1m,
      pandasRun ? { name: 'vs pandas', r: pandasRun } : null,
      '≤ 1× pandas',
      pandasRun ? ratioWithin(tally1m, pandasRun, 1) : null,
      pandasRun ? '' : 'no pandas: not compared',
      tallyArgs,
    );
    const rssOk = tally1m.rssMb !== null ? tally1m.rssMb <= 250 : null;
    row(
      '1M cells: `pcv tally` peak RSS',
      tally1m,
      null,
      '≤ 250 MB',
      tally1m.timedOut && tally1m.rssMb !== null && tally1m.rssMb > 250 ? false : rssOk,
      tally1m.timedOut ? 'RSS when stopped' : '',
    );
  }

  // ---- 10k-project reports: json,xlsx and json,pdf against json alone, so the ratio is the
  // report's own cost on top of the same tally
  if (parts.has('reports')) {
    const REPORT_FILE = { xlsx: 'results.xlsx', pdf: 'announcement.pdf' };
    const reportArgs = (format, dir) => [
      'tally',
      reports.dir,
      '--format',
      format,
      '--quiet',
      '--out',
      dir,
    ];
    const tallyReports = async (format) => {
      step(`pcv tally, 10k projects, --format ${format}`);
      const dir = out(`projects-10k-${format.replace(',', '-')}`);
      const r = check(
        `10k --format ${format}`,
        await measureRuns(...pcv(...reportArgs(format, dir)), { runs, timeout }),
      );
      const last = format.split(',').pop();
      const file = path.join(dir, REPORT_FILE[last] ?? 'results.json');
      return { ...r, size: existsSync(file) ? statSync(file).size : undefined };
    };
    const json10k = await tallyReports('json');
    const xlsx10k = await tallyReports('json,xlsx');
    const pdf10k = await tallyReports('json,pdf');
    row(
      '10k projects: `pcv tally --format json`',
      json10k,
      null,
      '',
      null,
      `baseline for the reports; ${fmtSize(json10k.size)}`,
    );
    const renderNote = (r) =>
      fine(r) && fine(json10k)
        ? `${fmtSize(r.size)}; ${fmtTime(Math.max(0, r.wall - json10k.wall))} more than json`
        : fmtSize(r.size);
    const vsJson = { name: 'vs json', r: json10k };
    row(
      '10k projects: `--format json,xlsx` (workbook)',
      xlsx10k,
      vsJson,
      '≤ 2× json',
      ratioWithin(xlsx10k, json10k, 2),
      renderNote(xlsx10k),
      reportArgs('json,xlsx', out('xlsx-prof')),
    );
    row(
      '10k projects: `--format json,pdf` (announcement)',
      pdf10k,
      vsJson,
      '≤ 1.5× json',
      ratioWithin(pdf10k, json10k, 1.5),
      renderNote(pdf10k),
      reportArgs('json,pdf', out('pdf-prof')),
    );
  }

  // ---- judge groups: normalize: offset against the same review's plain tally
  if (parts.has('groups')) {
    const groupArgs = (name, ...extra) => [
      'tally',
      groups.dir,
      '--format',
      'json',
      '--quiet',
      '--out',
      out(name),
      ...extra,
    ];
    step('pcv tally, 300 judges x 10k projects, 5 per project, plain mean');
    const groupsPlain = check(
      'groups plain',
      await measureRuns(...pcv(...groupArgs('groups-plain')), { runs, timeout }),
    );
    step('pcv tally, the same review with --normalize offset');
    const groupsOffset = check(
      'groups offset',
      await measureRuns(...pcv(...groupArgs('groups-offset', '--normalize', 'offset')), {
        runs,
        timeout,
      }),
    );
    row(
      'groups: 300 judges, 10k projects, 5 each: `pcv tally --format json`',
      groupsPlain,
      null,
      '',
      null,
      'plain (trimmed) mean; baseline for offset',
    );
    row(
      'groups: the same with `--normalize offset`',
      groupsOffset,
      { name: 'vs plain', r: groupsPlain },
      '≤ 3× plain',
      ratioWithin(groupsOffset, groupsPlain, 3),
      'least-squares judge offsets',
      groupArgs('groups-offset-prof', '--normalize', 'offset'),
    );
  }
  // ---- print
  const print = (s = '') => process.stdout.write(s + '\n');
  print(`## pcv benchmark, ${new Date().toISOString().slice(0, 10)}`);
  print();
  print(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB; ${m.os}; Node ${m.node}; ` +
      `${m.python}, pandas ${m.pandas}. Load average at start ${m.load.join(' ')}. ` +
      `pcv at ${m.revision}. Peak RSS by ${m.rss === 'gnu-time' ? 'GNU time (ru_maxrss)' : m.rss === 'proc-poll' ? 'polling /proc VmHWM' : 'nothing (unavailable)'}.`,
  );
  const inputs = [
    big &&
      `${big.cells.toLocaleString('en')} cells = ${big.judges} judges × ${big.projects.toLocaleString('en')} projects × ${CRITERIA.length} criteria ` +
        `(${fmtSize(sheetBytes)} of wide sheets, UTF-8 BOM CRLF, one GB18030, ${big.recusals} recusals)`,
    reports &&
      `reports: ${reports.judges} judges × ${reports.projects.toLocaleString('en')} projects, long Chinese names, announcement lists all`,
    groups &&
      `groups: ${groups.judges} judges, ${groups.projects.toLocaleString('en')} projects, ${groups.pairs / groups.projects} judges each`,
  ].filter(Boolean);
  if (inputs.length > 0) print(`Inputs: ${inputs.join('; ')}.`);
  if (onlyList !== undefined) print(`Parts measured (--only): ${[...parts].join(', ')}.`);
  print(
    `Runs: start-up best of ${startupRuns}; others median of up to ${runs} (commands over 15 s run once); timeout ${timeout || 'none'}.`,
  );
  print();
  const header = ['measurement', 'wall time', 'CPU time', 'peak RSS', 'ratio', 'target', 'notes'];
  print(`| ${header.join(' | ')} |`);
  print(`| ${header.map((h, i) => (i >= 1 && i <= 4 ? '---:' : '---')).join(' | ')} |`);
  for (const r of rows) print(`| ${r.join(' | ')} |`);
  print();
  print(
    'Targets compare wall times. CPU time is user + system over all threads (GC, zlib), from ' +
      'GNU time; on a busy machine it is the steadier figure.',
  );
  print();
  const met = rows.filter((r) => / met$/.test(r[5])).length;
  print(`Targets: ${met} met, ${missed.length} missed.`);
  if (failures.length > 0) {
    print();
    print('Commands that failed:');
    for (const f of failures) print(`- ${f}`);
  }
  log(`bench took ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);

  // ---- profiles of missed targets
  if (profile) {
    const dir = option(
      '--profile-dir',
      path.join(os.tmpdir(), `pcv-bench-profiles-${process.pid}`),
    );
    const seen = new Set();
    for (const { name, profileArgs } of missed) {
      if (!profileArgs || seen.has(profileArgs.join(' '))) continue;
      seen.add(profileArgs.join(' '));
      const slug = name
        .replace(/[^a-z0-9]+/gi, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase();
      const profDir = path.join(dir, slug);
      step(`profiling: ${name}`);
      const r = await measure(
        node,
        ['--cpu-prof', `--cpu-prof-dir=${profDir}`, PCV, ...profileArgs],
        {
          timeout: timeout > 0 ? timeout * 2 : 0,
        },
      );
      print();
      print(`### Profile: ${name} (${fmtTime(r.wall, r.timedOut)} under the profiler)`);
      const profiles = existsSync(profDir)
        ? readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'))
        : [];
      if (profiles.length === 0) {
        print('no profile was written (stopped by the timeout?)');
        continue;
      }
      print('```');
      for (const f of profiles) print(profileReport(path.join(profDir, f), 15));
      print('```');
    }
    log(`profiles are in ${dir}`);
  }
}

/**
 * Whether pcv's finals agree with the pandas script's (to the rounding unit): evidence that both
 * computed the same thing over the same files.
 */
function compareFinals(pcvOut, pandasCsv) {
  const file = path.join(pcvOut, 'results.json');
  if (!existsSync(file)) return '';
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const note = `${results.projects.length} projects, ${results.summary?.passed} passed`;
  if (!pandasCsv || !existsSync(pandasCsv)) return note;
  const theirs = new Map(
    readFileSync(pandasCsv, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .map(([id, final]) => [id, Number(final)]),
  );
  let differ = 0;
  for (const p of results.projects) {
    const f = theirs.get(p.id);
    if (f === undefined || Math.abs(f - p.final) > 0.0051) differ++;
  }
  return `${note}; ${differ === 0 ? 'finals agree with pandas' : `${differ} finals differ from pandas`}`;
}

await main();

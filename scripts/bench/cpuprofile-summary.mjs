// Summarises V8 .cpuprofile files (node --cpu-prof): self time by function and by module, and
// inclusive (self + callees) time of the project's own functions.
//   node scripts/bench/cpuprofile-summary.mjs [--top N] [--under FUNCTION] FILE.cpuprofile|DIR...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where a script URL belongs, shortened: dist/core/sheet.js, csv-parse, (node:internal), … */
export function moduleOf(url) {
  if (!url) return '(native/vm)';
  if (url.startsWith('node:')) return '(node internals)';
  let file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (file.startsWith(repo + path.sep)) return path.relative(repo, file);
  // A profile taken in another checkout: its build output still reads as dist/…
  const dist = file.lastIndexOf(`${path.sep}dist${path.sep}`);
  return dist >= 0 ? file.slice(dist + 1) : file;
}

/**
 * Self and inclusive times (ms) per function and per module of one profile; with `under`, only
 * the samples taken inside a function of that name (e.g. renderWorkbook).
 */
export function summarize(profile, under) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  // Sample durations: timeDeltas[i] is the time before sample i; attribute it to that sample.
  const deltas = profile.timeDeltas ?? [];
  const samples = profile.samples ?? [];
  for (let i = 0; i < samples.length; i++) {
    const next = deltas[i + 1] ?? 0;
    self.set(samples[i], (self.get(samples[i]) ?? 0) + Math.max(0, next) / 1000);
  }
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const byFunction = new Map();
  const byModule = new Map();
  const inclusive = new Map();
  let total = 0;
  // Samples inside Node's module loader (resolving, reading, compiling, linking modules).
  let loading = 0;
  const isLoading = (id) => {
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const f = nodes.get(p).callFrame;
      if (f.url.startsWith('node:internal/modules/')) return true;
      if (f.functionName === 'wrapSafe' || f.functionName === 'compileSourceTextModule')
        return true;
    }
    return false;
  };
  const inside = (id) => {
    for (let p = id; p !== undefined; p = parent.get(p)) {
      if (nodes.get(p).callFrame.functionName === under) return true;
    }
    return false;
  };
  for (const [id, ms] of self) {
    if (under !== undefined && !inside(id)) continue;
    const node = nodes.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    const mod = moduleOf(url);
    const name = functionName || '(anonymous)';
    const key = `${name}  ${mod}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
    total += ms;
    if (isLoading(id)) loading += ms;
    // Inclusive time of the project's own functions (dist/), each counted once per stack.
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const f = nodes.get(p).callFrame;
      const m = moduleOf(f.url);
      if (!m.startsWith('dist/')) continue;
      const k = `${f.functionName || '(anonymous)'}  ${m}:${f.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  return { total, loading, byFunction, byModule, inclusive };
}

function table(title, map, total, top) {
  const rows = [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = [`${title}`];
  for (const [k, ms] of rows) {
    lines.push(
      `  ${(ms / 1000).toFixed(2).padStart(8)} s ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`,
    );
  }
  return lines.join('\n');
}

export function report(file, top = 25, under = undefined) {
  const { total, loading, byFunction, byModule, inclusive } = summarize(
    JSON.parse(readFileSync(file, 'utf8')),
    under,
  );
  return [
    `${file}: ${(total / 1000).toFixed(2)} s sampled${under ? ` inside ${under}()` : ''}, ` +
      `of which loading modules ${(loading / 1000).toFixed(2)} s (${((100 * loading) / total).toFixed(1)}%)`,
    table('self time by function:', byFunction, total, top),
    table('self time by module:', byModule, total, Math.min(top, 15)),
    table("inclusive time of pcv's own functions (dist/):", inclusive, total, top),
  ].join('\n\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
  const underAt = args.indexOf('--under');
  const under = underAt >= 0 ? args.splice(underAt, 2)[1] : undefined;
  const files = args.flatMap((a) =>
    statSync(a).isDirectory()
      ? readdirSync(a)
          .filter((f) => f.endsWith('.cpuprofile'))
          .map((f) => path.join(a, f))
      : [a],
  );
  for (const f of files) console.log(report(f, top, under) + '\n');
}

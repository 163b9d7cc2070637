import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ResultsJson, ResultsJsonProject } from '../core/model.js';
import { resultsSchema } from '../core/results-schema.js';
import { PcvError } from '../errors.js';
import { display } from '../io/inputs.js';
import { resultsJson } from '../render/json.js';
import { tally } from '../tally.js';
import { DEFAULT_OUT, plural, printIssues, problemSummary, type Io } from './common.js';

export interface VerifyFlags {
  results?: string;
  fingerprint?: string;
  quiet?: boolean;
}

/**
 * Re-reads the inputs a published results.json names, checks their sha256, re-tallies them with
 * the published settings and lists every difference.
 */
export async function verifyCommand(
  dir: string | undefined,
  flags: VerifyFlags,
  io: Io,
): Promise<number> {
  const root = path.resolve(io.cwd, dir ?? '.');
  const resultsPath = path.resolve(
    io.cwd,
    flags.results ?? path.join(root, DEFAULT_OUT, 'results.json'),
  );
  const published = await readPublished(resultsPath, io.cwd);
  const differences: string[] = [];
  const inputs = [
    published.rubric,
    ...(published.roster ? [published.roster] : []),
    ...published.judges,
  ];
  let missing = false;
  for (const input of inputs) {
    const abs = path.resolve(root, input.file);
    if (!existsSync(abs)) {
      differences.push(`${input.file}: missing (it was an input of the published results)`);
      missing = true;
      continue;
    }
    const sha = createHash('sha256')
      .update(await readFile(abs))
      .digest('hex');
    if (sha !== input.sha256)
      differences.push(`${input.file}: changed since the results were published (sha256 differs)`);
  }
  if (missing) return report(differences, io, published);

  const outcome = await tally({
    inputs: published.judges.map((j) => path.resolve(root, j.file)),
    cwd: root,
    rubric: path.resolve(root, published.rubric.file),
    ...(published.roster ? { roster: path.resolve(root, published.roster.file) } : {}),
    overrides: {
      threshold: published.threshold,
      aggregate: published.aggregate,
      ...(published.aggregate === 'trimmed-mean' ? { trim: published.trim } : {}),
      decimals: published.decimals,
    },
  });
  if (printIssues(outcome.issues, io, true) > 0) {
    io.err(`${problemSummary(outcome.issues)}: the inputs no longer tally.`);
    differences.push('the inputs no longer tally (problems listed above)');
    return report(differences, io, published);
  }
  const now = resultsJson(outcome.results!);
  differences.push(...compareProjects(published.projects, now.projects));
  if (flags.fingerprint !== undefined) {
    const want = flags.fingerprint.trim().toLowerCase();
    if (want.length < 8 || !now.fingerprint.startsWith(want)) {
      differences.push(
        `fingerprint ${want} does not match the inputs' fingerprint ${now.fingerprint.slice(0, 16)}`,
      );
    }
  }
  return report(differences, io, now);
}

function report(differences: string[], io: Io, results: ResultsJson): number {
  if (differences.length > 0) {
    for (const d of differences) io.err(io.chalk.red(d));
    io.err(`NOT verified: ${plural(differences.length, 'difference')} from the published results.`);
    return 1;
  }
  io.out(
    io.chalk.green(
      `verified: the published results match the inputs (${plural(results.projects.length, 'project')}, ${plural(results.judges.length, 'judge')}, fingerprint ${results.fingerprint.slice(0, 16)})`,
    ),
  );
  return 0;
}

async function readPublished(file: string, cwd: string): Promise<ResultsJson> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new PcvError(
      `${display(file, cwd)}: no published results here; name them with --results FILE`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PcvError(`${display(file, cwd)}: not valid JSON`);
  }
  const parsed = resultsSchema.safeParse(json);
  if (!parsed.success) {
    // The first problem, with its key's location, is enough to tell what the file is not.
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : '';
    throw new PcvError(`${display(file, cwd)}: not a pcv results.json (schemaVersion 1)${where}`);
  }
  return parsed.data;
}

/** Every difference between two lists of projects: scores per judge, finals, ranks, results. */
export function compareProjects(
  before: readonly ResultsJsonProject[],
  after: readonly ResultsJsonProject[],
): string[] {
  const out: string[] = [];
  const now = new Map(after.map((p) => [p.id, p]));
  for (const p of before) {
    const q = now.get(p.id);
    if (q === undefined) {
      out.push(`${p.id}: no longer in the inputs`);
      continue;
    }
    for (const [judge, s] of Object.entries(p.scores)) {
      const t = q.scores[judge];
      if (t === undefined) out.push(`${p.id}, ${judge}: the judge's scores are gone`);
      else if (Boolean(s.recused) !== Boolean(t.recused)) {
        out.push(`${p.id}, ${judge}: ${s.recused ? 'was recused, now scored' : 'now recused'}`);
      } else {
        for (const [c, v] of Object.entries(s.criteria ?? {})) {
          const w = t.criteria?.[c];
          if (w !== v) out.push(`${p.id}, ${judge}: ${c} ${v} → ${w ?? 'missing'}`);
        }
      }
    }
    if (p.final !== q.final) out.push(`${p.id}: final ${p.final} → ${q.final}`);
    if (p.rank !== q.rank) out.push(`${p.id}: rank ${p.rank} → ${q.rank}`);
    if (p.passed !== q.passed)
      out.push(`${p.id}: ${p.passed ? 'passed' : 'failed'} → ${q.passed ? 'passed' : 'failed'}`);
    if ((p.trackRank ?? null) !== (q.trackRank ?? null))
      out.push(`${p.id}: track rank ${p.trackRank ?? '-'} → ${q.trackRank ?? '-'}`);
    if (p.funding?.granted !== q.funding?.granted)
      out.push(`${p.id}: granted ${p.funding?.granted ?? '-'} → ${q.funding?.granted ?? '-'}`);
    now.delete(p.id);
  }
  for (const id of now.keys()) out.push(`${id}: not in the published results`);
  return out;
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ResultsJson, ResultsJsonProject } from '../core/model.js';
import { resultsSchema } from '../core/results-schema.js';
import { PcvError } from '../errors.js';
import { worded } from '../text/problems.js';
import { display } from '../io/inputs.js';
import { resultsJson } from '../render/json.js';
import { tally } from '../tally.js';
import { chooseLang, messages, type Messages } from '../text/index.js';
import { DEFAULT_OUT, printIssues, problemSummary, type Io } from './common.js';

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
  // Published in the review's language: the report speaks it too.
  const lang = chooseLang(undefined, published.lang, io.env);
  const m = messages(lang).verify;
  const differences: string[] = [];
  const inputs = [
    published.rubric,
    ...(published.roster ? [published.roster] : []),
    ...(published.assignments ? [published.assignments] : []),
    ...published.judges,
  ];
  let missing = false;
  for (const input of inputs) {
    const abs = path.resolve(root, input.file);
    if (!existsSync(abs)) {
      differences.push(m.missingInput(input.file));
      missing = true;
      continue;
    }
    const sha = createHash('sha256')
      .update(await readFile(abs))
      .digest('hex');
    if (sha !== input.sha256) differences.push(m.changedInput(input.file));
  }
  if (missing) return report(differences, io, published, m);

  const outcome = await tally({
    inputs: published.judges.map((j) => path.resolve(root, j.file)),
    cwd: root,
    rubric: path.resolve(root, published.rubric.file),
    ...(published.roster ? { roster: path.resolve(root, published.roster.file) } : {}),
    ...(published.assignments
      ? { assignments: path.resolve(root, published.assignments.file) }
      : {}),
    overrides: {
      threshold: published.threshold,
      aggregate: published.aggregate,
      ...(published.aggregate === 'trimmed-mean' ? { trim: published.trim } : {}),
      decimals: published.decimals,
    },
  });
  if (printIssues(outcome.issues, io, true, lang) > 0) {
    io.err(m.noLongerTally(problemSummary(outcome.issues, lang)));
    differences.push(m.noLongerTallyDifference);
    return report(differences, io, published, m);
  }
  const now = resultsJson(outcome.results!);
  const labels = new Map(published.criteria.map((c) => [c.id, c.label]));
  differences.push(...compareProjects(published.projects, now.projects, m, labels));
  if (flags.fingerprint !== undefined) {
    const want = flags.fingerprint.trim().toLowerCase();
    if (want.length < 8 || !now.fingerprint.startsWith(want)) {
      differences.push(m.fingerprint(want, now.fingerprint.slice(0, 16)));
    }
  }
  return report(differences, io, now, m);
}

function report(
  differences: string[],
  io: Io,
  results: ResultsJson,
  m: Messages['verify'],
): number {
  if (differences.length > 0) {
    for (const d of differences) io.err(io.chalk.red(d));
    io.err(m.notVerified(differences.length));
    return 1;
  }
  io.out(
    io.chalk.green(
      m.verified(results.projects.length, results.judges.length, results.fingerprint.slice(0, 16)),
    ),
  );
  return 0;
}

async function readPublished(file: string, cwd: string): Promise<ResultsJson> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new PcvError(worded('published-missing', { file: display(file, cwd) }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PcvError(worded('published-json', { file: display(file, cwd) }));
  }
  const parsed = resultsSchema.safeParse(json);
  if (!parsed.success) {
    // The first problem, with its key's location, is enough to tell what the file is not.
    const issue = parsed.error.issues[0]!;
    const where =
      issue.path.length > 0 ? { key: issue.path.join('.'), message: issue.message } : {};
    throw new PcvError(worded('published-schema', { file: display(file, cwd), ...where }));
  }
  return parsed.data;
}

/**
 * Every difference between two lists of projects: scores per judge, finals, ranks, results;
 * criteria by their labels when the published results name them.
 */
export function compareProjects(
  before: readonly ResultsJsonProject[],
  after: readonly ResultsJsonProject[],
  m: Messages['verify'] = messages('en').verify,
  labels: ReadonlyMap<string, string> = new Map(),
): string[] {
  const out: string[] = [];
  const now = new Map(after.map((p) => [p.id, p]));
  for (const p of before) {
    const q = now.get(p.id);
    if (q === undefined) {
      out.push(m.projectGone(p.id));
      continue;
    }
    for (const [judge, s] of Object.entries(p.scores)) {
      const t = q.scores[judge];
      if (t === undefined) out.push(m.judgeGone(p.id, judge));
      else if (Boolean(s.recused) !== Boolean(t.recused)) {
        out.push(m.recusal(p.id, judge, Boolean(s.recused)));
      } else {
        for (const [c, v] of Object.entries(s.criteria ?? {})) {
          const w = t.criteria?.[c];
          if (w !== v) out.push(m.criterion(p.id, judge, labels.get(c) ?? c, v, w));
        }
      }
    }
    if (p.final !== q.final) out.push(m.final(p.id, p.final, q.final));
    if (p.rank !== q.rank) out.push(m.rank(p.id, p.rank, q.rank));
    if (p.passed !== q.passed) out.push(m.passed(p.id, p.passed, q.passed));
    if ((p.trackRank ?? null) !== (q.trackRank ?? null))
      out.push(m.trackRank(p.id, String(p.trackRank ?? '-'), String(q.trackRank ?? '-')));
    if (p.funding?.granted !== q.funding?.granted)
      out.push(
        m.granted(p.id, String(p.funding?.granted ?? '-'), String(q.funding?.granted ?? '-')),
      );
    now.delete(p.id);
  }
  for (const id of now.keys()) out.push(m.notPublished(id));
  return out;
}

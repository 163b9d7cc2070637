import { createHash } from 'node:crypto';
import { dec, roundHalfUp, toNumber, type Dec } from '../core/decimal.js';
import { ICC_FORMS, type IccForm } from '../core/agreement.js';
import { formatIssue } from '../core/issues.js';
import { ProjectScores } from '../core/project-scores.js';
import { rescaledFrom } from '../core/rescale.js';
import type { ProjectResult } from '../core/model.js';
import type { ComputedResults, Results, ResultsJson, ResultsJsonProject } from '../core/model.js';
import { StreamedText } from '../core/streamed-text.js';
import { VERSION } from '../version.js';
import { reportText } from '../text/report.js';
import { flagSentence } from './panel-text.js';

/**
 * The fingerprint printed on the announcement: sha256 over each input's path and sha256, in a
 * fixed order, so anyone can re-tally the same files and compare.
 */
export function fingerprint(results: ComputedResults): string {
  const files = [
    results.rubricFile,
    ...(results.rosterFile ? [results.rosterFile] : []),
    ...(results.assignmentsFile ? [results.assignmentsFile] : []),
    ...results.judges,
  ];
  const lines = files.map((f) => `${f.sha256}  ${f.file}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** results.json, schemaVersion 1 (see CONTRACT.md). Later versions only add fields. */
export function resultsJson(results: Results): ResultsJson {
  const { head, project, tail } = jsonParts(results);
  return { ...head, projects: results.projects.map((p) => project(p)), ...tail };
}

/**
 * results.json as text: JSON.stringify(resultsJson(results), null, 2) but with each project on
 * one line. The same JSON, about 40% smaller for a large review (a project's scores and flags
 * take a line each instead of a dozen).
 */
export function resultsJsonText(results: Results): string {
  return resultsJsonStream(results).toString();
}

/**
 * results.json made a project at a time as it is written (io/write.ts): a large review's text
 * and the objects it is made from are never held whole.
 */
export function resultsJsonStream(results: Results): StreamedText {
  return new StreamedText(() => resultsJsonPieces(results));
}

function* resultsJsonPieces(results: Results): Generator<string> {
  const { head, projectPieces, tail } = jsonParts(results);
  // Both halves are "{\n  ...\n}": the projects go between them.
  yield `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "projects": `;
  if (results.projects.length === 0) yield '[]';
  else {
    let sep = '[\n    ';
    for (const p of results.projects) {
      yield sep;
      yield* projectPieces(p);
      sep = ',\n    ';
    }
    yield '\n  ]';
  }
  yield `,\n${JSON.stringify(tail, null, 2).slice(2)}\n`;
}

/** The keys after "projects", in the order they are written. */
type ProjectsAndAfter = 'summary' | 'judgeStats' | 'agreement' | 'warnings' | 'notes';

/** results.json in three parts: the keys before "projects", one project, the keys after. */
function jsonParts(results: Results): {
  head: Omit<ResultsJson, 'projects' | ProjectsAndAfter>;
  project: (p: ProjectResult) => ResultsJsonProject;
  /** JSON.stringify(project(p)), made faster, in pieces that join to it. */
  projectPieces: (p: ProjectResult) => string[];
  tail: Pick<ResultsJson, ProjectsAndAfter>;
} {
  const { rubric } = results;
  // Judge totals and criterion aggregates keep two more places than finals, so a reader who
  // re-averages them sees where the final came from.
  const fine = Math.max(rubric.decimals + 2, 4);
  const num = (d: Dec, places: number) => toNumber(roundHalfUp(d, places));
  // Scores and totals are shared objects (one per distinct value in a review), so each is
  // converted once: a large review has a million scores but a few hundred distinct ones.
  const exact = memo((d: Dec) => toNumber(d));
  const fineNum = memo((d: Dec) => num(d, fine));
  // Built key by key rather than with Object.fromEntries: a large review has 250,000 of these.
  const scoresJson = (scores: ProjectResult['scores']) => {
    const out: ResultsJsonProject['scores'] = {};
    for (const [judge, s] of scores) {
      let value: ResultsJsonProject['scores'][string];
      if (s.recused) {
        value = { recused: true };
      } else {
        const criteria: Record<string, number> = {};
        s.criteria.forEach((v, c) => define(criteria, c, exact(v)));
        value = { criteria, total: fineNum(s.total) };
        if (s.normalizedTotal !== undefined) value.normalizedTotal = num(s.normalizedTotal, fine);
        if (s.dropped) value.dropped = true;
      }
      if (s.comment !== undefined) value.comment = s.comment;
      define(out, judge, value);
    }
    return out;
  };
  // The same JSON as JSON.stringify(scoresJson(scores)), written directly: a large review has
  // 250,000 judge scores, and a million numbers each converted once per distinct value. The
  // pieces are gathered and joined once per project: adding each to a string would make a
  // rope of hundreds of small strings per project for the garbage collector.
  const keyText = memo((key: string) => `${JSON.stringify(key)}:`);
  const fineText = memo((d: Dec) => JSON.stringify(fineNum(d)));
  // `"criterion":score`, per criterion and distinct score.
  const cellTexts = new Map<string, (d: Dec) => string>();
  const cellText = (c: string) => {
    let text = cellTexts.get(c);
    if (text === undefined) {
      const key = keyText(c);
      cellTexts.set(c, (text = memo((d: Dec) => key + JSON.stringify(exact(d)))));
    }
    return text;
  };
  const parts: string[] = [];
  let firstCell = true;
  // One callback for every judge's criteria, not a closure made per judge.
  const pushCell = (v: Dec, c: string) => {
    if (!firstCell) parts.push(',');
    parts.push(cellText(c)(v));
    firstCell = false;
  };
  let firstJudge = true;
  /** One judge's score; `total` undefined for a recusal. */
  const pushJudge = (
    judge: string,
    total: Dec | undefined,
    dropped: boolean,
    criteria: ReadonlyMap<string, Dec>,
    normalizedTotal: Dec | undefined,
    comment: string | undefined,
  ) => {
    if (!firstJudge) parts.push(',');
    parts.push(keyText(judge));
    firstJudge = false;
    if (total === undefined) parts.push('{"recused":true');
    else {
      parts.push('{"criteria":{');
      firstCell = true;
      criteria.forEach(pushCell);
      parts.push('},"total":', fineText(total));
      if (normalizedTotal !== undefined)
        parts.push(',"normalizedTotal":', JSON.stringify(num(normalizedTotal, fine)));
      if (dropped) parts.push(',"dropped":true');
    }
    if (comment !== undefined) parts.push(',"comment":', JSON.stringify(comment));
    parts.push('}');
  };
  // Computed results are read row by row (core/project-scores.ts), without a JudgeScore made for
  // each of 250,000 scores; one callback for every project, not a closure made per project.
  let rows: ProjectScores;
  const pushRow = (judge: string, total: Dec | undefined, dropped: boolean, j: number, k: number) =>
    pushJudge(judge, total, dropped, rows.criteriaAt(j), rows.normalizedAt(k), rows.commentAt(j));
  const pushScores = (scores: ProjectResult['scores']) => {
    parts.push('{');
    firstJudge = true;
    if (scores instanceof ProjectScores) {
      rows = scores;
      scores.forEachRow(pushRow);
    } else {
      for (const [judge, s] of scores) {
        if (s.recused) pushJudge(judge, undefined, false, NO_CRITERIA, undefined, s.comment);
        else pushJudge(judge, s.total, s.dropped, s.criteria, s.normalizedTotal, s.comment);
      }
    }
    parts.push('}');
  };
  // Descriptive statistics are binary floats; they are rounded half-up like everything else.
  // Each distinct value rounded once: medians and ranges repeat across 10,000 projects. (A Map
  // takes -0 for 0; JSON writes both as 0.)
  const fineStat = memo((x: number) => num(dec(x), fine));
  const stat = (x: number | null, places = fine) =>
    x === null || !Number.isFinite(x) ? null : places === fine ? fineStat(x) : num(dec(x), places);
  const { analytics } = results;
  const analyticsOf = new Map(analytics.projects.map((p) => [p.id, p]));
  const ag = analytics.agreement;
  const passed = results.projects.filter((p) => p.passed).length;
  const rescaled = rescaledFrom(rubric.criteria);
  const head: Omit<ResultsJson, 'projects' | ProjectsAndAfter> = {
    schemaVersion: 1,
    generator: `pcv ${VERSION}`,
    title: rubric.title,
    organizer: rubric.organizer ?? null,
    date: rubric.date ?? null,
    lang: rubric.lang,
    threshold: rubric.threshold,
    aggregate: rubric.aggregate,
    trim: rubric.aggregate === 'trimmed-mean' ? rubric.trim : 0,
    decimals: rubric.decimals,
    normalize: rubric.normalize,
    normalization: analytics.normalization
      ? {
          panelMean: stat(analytics.normalization.panelMean),
          panelSd: stat(analytics.normalization.panelSd),
        }
      : null,
    tieBreak: rubric.tieBreak,
    criteria: rubric.criteria.map((c) => ({
      id: c.id,
      label: c.label,
      max: c.max,
      weight: c.weight,
      ...(c.step !== undefined ? { step: c.step } : {}),
    })),
    fingerprint: fingerprint(results),
    rubric: { file: results.rubricFile.file, sha256: results.rubricFile.sha256 },
    roster: results.rosterFile
      ? { file: results.rosterFile.file, sha256: results.rosterFile.sha256 }
      : null,
    // Only when there is one, so that a review without it keeps its bytes.
    ...(results.assignmentsFile
      ? {
          assignments: {
            file: results.assignmentsFile.file,
            sha256: results.assignmentsFile.sha256,
          },
        }
      : {}),
    judges: results.judges.map((j) => ({ id: j.id, file: j.file, sha256: j.sha256 })),
  };
  const flagsJson = (p: ProjectResult): ResultsJsonProject['flags'] =>
    analyticsOf.get(p.id)!.flags.map((f) => ({
      type: f.type,
      ...(f.judge !== undefined ? { judge: f.judge } : {}),
      // results.json keeps the English sentence in every language, as it always has.
      message: flagSentence(f, p, rubric, 'en'),
    }));
  const project = (
    p: ProjectResult,
    scores: ResultsJsonProject['scores'] = scoresJson(p.scores),
  ): ResultsJsonProject => ({
    id: p.id,
    name: p.name ?? null,
    organization: p.organization ?? null,
    category: p.category ?? null,
    ...(p.amount !== undefined ? { amount: p.amount } : {}),
    scores,
    criteria: Object.fromEntries([...p.criteria].map(([c, v]) => [c, num(v, fine)])),
    final: toNumber(p.final),
    rank: p.rank,
    passed: p.passed,
    // Only with tracks or funding in the rubric: a review without them keeps today's bytes.
    ...trackFields(results, p.id),
    ...(p.fellBack ? { trimFallback: true } : {}),
    spread: {
      median: stat(analyticsOf.get(p.id)!.median),
      range: stat(analyticsOf.get(p.id)!.range),
      sd: stat(analyticsOf.get(p.id)!.sd),
    },
    flags: flagsJson(p),
  });
  const tail: Pick<ResultsJson, ProjectsAndAfter> = {
    summary: {
      projects: results.projects.length,
      passed,
      failed: results.projects.length - passed,
      ...(results.tracks?.tracks ? { tracks: results.tracks.tracks } : {}),
      ...(results.tracks?.funding ? { funding: results.tracks.funding } : {}),
    },
    judgeStats: analytics.judges.map((j) => ({
      judge: j.judge,
      scored: j.scored,
      recused: j.recused,
      mean: stat(j.mean),
      sd: stat(j.sd),
      leniency: stat(j.leniency),
      trimmed: j.trimmed,
      // The offset exactly as taken off the totals (6 places), so finals can be re-derived.
      ...(j.offset !== undefined ? { offset: j.offset } : {}),
    })),
    agreement: {
      icc: perForm(ag.icc, (v) => stat(v, 4)),
      iccCI: perForm(ag.iccCI, (ci) => (ci === null ? null : [stat(ci[0], 4), stat(ci[1], 4)])),
      kendallW: stat(ag.kendallW, 4),
      kendallChi2: stat(ag.kendallChi2, 4),
      // A p-value keeps 4 significant digits: 0.00000123 must not print as 0.
      kendallP: ag.kendallP === null ? null : Number(ag.kendallP.toPrecision(4)),
      n: ag.n,
      k: ag.k,
      ...(ag.block !== undefined ? { block: ag.block } : {}),
      ...(ag.note !== undefined ? { note: ag.note } : {}),
    },
    warnings: results.warnings.map(formatIssue),
    // How the numbers were reached, where a reader could otherwise be surprised.
    notes: rescaled === undefined ? [] : [reportText('en').rescaled(rescaled)],
  };
  // A project's line as JSON.stringify(project(p)) writes it, made directly: no object of each
  // of 10,000 projects made only to be turned into text. Key order as in project().
  const text = (v: string | number | boolean | null | undefined) => JSON.stringify(v ?? null);
  const criteriaText = (criteria: ProjectResult['criteria']) => {
    let out = '{';
    for (const [c, v] of criteria) out += `${out === '{' ? '' : ','}${keyText(c)}${fineText(v)}`;
    return `${out}}`;
  };
  const projectHead = (p: ProjectResult) =>
    `{"id":${text(p.id)},"name":${text(p.name)},"organization":${text(p.organization)},"category":${text(p.category)}${p.amount !== undefined ? `,"amount":${text(p.amount)}` : ''}`;
  const projectTail = (p: ProjectResult) => {
    const a = analyticsOf.get(p.id)!;
    const track = JSON.stringify(trackFields(results, p.id)).slice(1, -1);
    return (
      `,"criteria":${criteriaText(p.criteria)},"final":${text(toNumber(p.final))},"rank":${text(p.rank)},"passed":${text(p.passed)}` +
      `${track === '' ? '' : `,${track}`}${p.fellBack ? ',"trimFallback":true' : ''}` +
      `,"spread":{"median":${text(stat(a.median))},"range":${text(stat(a.range))},"sd":${text(stat(a.sd))}},"flags":${JSON.stringify(flagsJson(p))}}`
    );
  };
  const projectPieces = scoresDirectly(results)
    ? (p: ProjectResult) => {
        parts.length = 0;
        parts.push(',"scores":');
        pushScores(p.scores);
        // Three pieces rather than one string: joined to the project's Chinese name, the scores
        // (ASCII when the ids are) would be copied into a two-byte string twice their size.
        return [projectHead(p), parts.join(''), projectTail(p)];
      }
    : (p: ProjectResult) => [JSON.stringify(project(p))];
  return { head, project, projectPieces, tail };
}

const NO_CRITERIA: ReadonlyMap<string, Dec> = new Map();

/**
 * Whether pushScores() writes what JSON.stringify would: an object's keys that are array indexes
 * ("1", "20") come first in JSON.stringify's order, whatever the order they were added in, so a
 * review with such judge or criterion ids takes the object path.
 */
function scoresDirectly(results: Results): boolean {
  const arrayIndex = (key: string) => /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;
  return ![...results.judges.map((j) => j.id), ...results.rubric.criteria.map((c) => c.id)].some(
    arrayIndex,
  );
}

/** A project's track, track rank, reason and funding, when the rubric has tracks or funding. */
function trackFields(
  results: Results,
  id: string,
): Pick<ResultsJsonProject, 'track' | 'trackRank' | 'reason' | 'funding'> {
  const t = results.tracks?.byId.get(id);
  if (t === undefined) return {};
  return {
    track: t.track,
    trackRank: t.trackRank,
    reason: t.reason,
    ...(t.funding ? { funding: t.funding } : {}),
  };
}

/** A value per ICC form, in the forms' fixed order. */
function perForm<T, U>(values: Record<IccForm, T>, fn: (value: T) => U): Record<IccForm, U> {
  const out = {} as Record<IccForm, U>;
  for (const form of ICC_FORMS) out[form] = fn(values[form]);
  return out;
}

/** Sets an own property, even for ids such as "__proto__" (which assignment would not). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else target[key] = value;
}

/** A one-argument function remembering its results by argument identity. */
function memo<K, V>(fn: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) seen.set(key, (value = fn(key)));
    return value;
  };
}

import { createHash } from 'node:crypto';
import { roundHalfUp, toNumber, type Dec } from '../core/decimal.js';
import { formatIssue } from '../core/issues.js';
import type { Results } from '../tally.js';
import { VERSION } from '../version.js';

/**
 * The fingerprint printed on the announcement: sha256 over each input's path and sha256, in a
 * fixed order, so anyone can re-tally the same files and compare.
 */
export function fingerprint(results: Results): string {
  const files = [
    results.rubricFile,
    ...(results.rosterFile ? [results.rosterFile] : []),
    ...results.judges,
  ];
  const lines = files.map((f) => `${f.sha256}  ${f.file}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** results.json, schemaVersion 1 (see CONTRACT.md). Later versions only add fields. */
export function resultsJson(results: Results): object {
  const { rubric } = results;
  // Judge totals and criterion aggregates keep two more places than finals, so a reader who
  // re-averages them sees where the final came from.
  const fine = Math.max(rubric.decimals + 2, 4);
  const num = (d: Dec, places: number) => toNumber(roundHalfUp(d, places));
  const passed = results.projects.filter((p) => p.passed).length;
  return {
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
    judges: results.judges.map((j) => ({ id: j.id, file: j.file, sha256: j.sha256 })),
    projects: results.projects.map((p) => ({
      id: p.id,
      name: p.name ?? null,
      organization: p.organization ?? null,
      category: p.category ?? null,
      ...(p.amount !== undefined ? { amount: p.amount } : {}),
      // fromEntries defines own properties, so ids such as "__proto__" stay ordinary keys.
      scores: Object.fromEntries(
        [...p.scores].map(([judge, s]) => [
          judge,
          s.recused
            ? { recused: true, ...(s.comment !== undefined ? { comment: s.comment } : {}) }
            : {
                criteria: Object.fromEntries([...s.criteria].map(([c, v]) => [c, toNumber(v)])),
                total: num(s.total, fine),
                ...(s.dropped ? { dropped: true } : {}),
                ...(s.comment !== undefined ? { comment: s.comment } : {}),
              },
        ]),
      ),
      criteria: Object.fromEntries([...p.criteria].map(([c, v]) => [c, num(v, fine)])),
      final: toNumber(p.final),
      rank: p.rank,
      passed: p.passed,
      ...(p.fellBack ? { trimFallback: true } : {}),
    })),
    summary: {
      projects: results.projects.length,
      passed,
      failed: results.projects.length - passed,
    },
    warnings: results.warnings.map(formatIssue),
  };
}

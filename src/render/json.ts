import { createHash } from 'node:crypto';
import { dec, roundHalfUp, toNumber, type Dec } from '../core/decimal.js';
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
  // Descriptive statistics are binary floats; they are rounded half-up like everything else.
  const stat = (x: number | null, places = fine) =>
    x === null || !Number.isFinite(x) ? null : num(dec(x), places);
  const { analytics } = results;
  const analyticsOf = new Map(analytics.projects.map((p) => [p.id, p]));
  const ag = analytics.agreement;
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
                ...(s.normalizedTotal !== undefined
                  ? { normalizedTotal: num(s.normalizedTotal, fine) }
                  : {}),
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
      spread: {
        median: stat(analyticsOf.get(p.id)!.median),
        range: stat(analyticsOf.get(p.id)!.range),
        sd: stat(analyticsOf.get(p.id)!.sd),
      },
      flags: analyticsOf.get(p.id)!.flags.map((f) => ({
        type: f.type,
        ...(f.judge !== undefined ? { judge: f.judge } : {}),
        message: f.message,
      })),
    })),
    summary: {
      projects: results.projects.length,
      passed,
      failed: results.projects.length - passed,
    },
    judgeStats: analytics.judges.map((j) => ({
      judge: j.judge,
      scored: j.scored,
      recused: j.recused,
      mean: stat(j.mean),
      sd: stat(j.sd),
      leniency: stat(j.leniency),
      trimmed: j.trimmed,
    })),
    agreement: {
      icc: Object.fromEntries(Object.entries(ag.icc).map(([f, v]) => [f, stat(v, 4)])),
      iccCI: Object.fromEntries(
        Object.entries(ag.iccCI).map(([f, ci]) => [
          f,
          ci === null ? null : [stat(ci[0], 4), stat(ci[1], 4)],
        ]),
      ),
      kendallW: stat(ag.kendallW, 4),
      kendallChi2: stat(ag.kendallChi2, 4),
      // A p-value keeps 4 significant digits: 0.00000123 must not print as 0.
      kendallP: ag.kendallP === null ? null : Number(ag.kendallP.toPrecision(4)),
      n: ag.n,
      k: ag.k,
      ...(ag.note !== undefined ? { note: ag.note } : {}),
    },
    warnings: results.warnings.map(formatIssue),
  };
}

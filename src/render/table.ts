import type { ChalkInstance } from 'chalk';
import { roundHalfUp } from '../core/decimal.js';
import { rescaledFrom, rescaleNote } from '../core/rescale.js';
import { restsOnOneTotal } from '../core/single-total.js';
import { computed } from '../core/agreement.js';
import type { Results } from '../core/model.js';
import { trackLines } from './track-lines.js';
import { displayWidth, padEnd, padStart, truncate } from './width.js';

const NAME_WIDTH = 28;

/** The summary printed after a tally: one line per project, judges' totals, final, result. */
export function summaryTable(results: Results, chalk: ChalkInstance): string {
  const { rubric } = results;
  const judges = results.judges.map((j) => j.id);
  const header = ['Rank', 'ID', 'Project', ...judges, 'Final', 'Result'];
  const rows = results.projects.map((p) => [
    String(p.rank),
    p.id,
    truncate((p.name ?? '').replace(/\s+/g, ' '), NAME_WIDTH),
    ...judges.map((j) => {
      const s = p.scores.get(j);
      // No score at all: the judge was not assigned the project (judge groups).
      if (s === undefined) return '';
      if (s.recused) return 'recused';
      const text = roundHalfUp(s.total, rubric.decimals).toFixed(rubric.decimals);
      return s.dropped ? `(${text})` : text;
    }),
    p.final.toFixed(rubric.decimals),
    // A project cut by its track's quota scored enough to pass: say so, or FAIL reads as a low score.
    p.passed
      ? 'pass'
      : results.tracks?.byId.get(p.id)?.reason === 'quota'
        ? 'FAIL (quota)'
        : 'FAIL',
  ]);
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const numeric = (i: number) => i === 0 || (i >= 3 && i < header.length - 1);
  const line = (cells: string[], style: (s: string, i: number) => string) =>
    cells
      .map((c, i) => style(numeric(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!), i))
      .join('  ')
      .trimEnd();

  const out: string[] = [chalk.bold(rubric.title)];
  out.push(line(header, (s) => chalk.bold(s)));
  for (const [k, r] of rows.entries()) {
    const passed = results.projects[k]!.passed;
    out.push(
      line(r, (s, i) => {
        if (i === header.length - 1) return passed ? chalk.green(s) : chalk.red.bold(s);
        if (i === header.length - 2) return chalk.bold(s);
        if (s.includes('(') || s.includes('recused')) return chalk.dim(s);
        return s;
      }),
    );
  }
  const passed = results.projects.filter((p) => p.passed).length;
  const method =
    rubric.aggregate === 'trimmed-mean'
      ? `trimmed mean, dropping the ${rubric.trim} highest and ${rubric.trim} lowest total${rubric.trim === 1 ? '' : 's'} (shown in parentheses)`
      : rubric.aggregate;
  out.push('');
  out.push(
    `${results.projects.length} projects: ${chalk.green(`${passed} passed`)}, ${
      results.projects.length - passed > 0
        ? chalk.red(`${results.projects.length - passed} failed`)
        : '0 failed'
    } at threshold ${rubric.threshold}; final = ${method}.`,
  );
  out.push(...trackLines(results));
  const rescaled = rescaledFrom(rubric.criteria);
  if (rescaled !== undefined) out.push(`Note: ${rescaleNote(rescaled, 'en')}.`);
  const single = results.projects.filter((p) =>
    restsOnOneTotal(p.scores.values(), rubric.aggregate),
  );
  if (single.length > 0) {
    const items = single.map((p) => {
      const judge = [...p.scores].find(([, s]) => !s.recused && !s.dropped)?.[0];
      return `${p.id} (${judge})`;
    });
    out.push(
      chalk.yellow(`Finals resting on one judge's total (see the warnings): ${items.join(', ')}.`),
    );
  }
  out.push(...analyticsLines(results));
  return out.join('\n');
}

/** Three or four lines on the panel: agreement, leniency extremes, fragile decisions. */
export function analyticsLines(results: Results): string[] {
  const a = results.analytics;
  const lines: string[] = [];
  const { agreement } = a;
  const icc = agreement.icc.ICC3k;
  const ci = agreement.iccCI.ICC3k;
  if (computed(agreement)) {
    const no = 'not meaningful here';
    const p = agreement.kendallP;
    const iccText =
      icc === null
        ? `ICC3k ${no}`
        : `ICC3k ${icc.toFixed(2)} (95% CI ${ci ? `${ci[0].toFixed(2)}-${ci[1].toFixed(2)}` : no})`;
    const wText =
      agreement.kendallW === null || p === null
        ? `Kendall's W ${no}`
        : `Kendall's W ${agreement.kendallW.toFixed(2)} (${p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`})`;
    const blank = icc === null || ci === null || agreement.kendallW === null;
    const why = blank && agreement.note !== undefined ? ` Why: ${agreement.note}.` : '';
    lines.push(
      `Agreement over ${agreement.n} projects ${agreement.block ? `all scored by ${agreement.block.join(', ')}` : 'every judge scored'}: ${iccText}, ${wText}.${why}`,
    );
  } else if (agreement.note !== undefined) {
    lines.push(`Agreement: ${agreement.note}`);
  }
  const rated = a.judges.filter((j) => j.leniency !== null);
  if (rated.length >= 2) {
    const sorted = [...rated].sort((x, y) => y.leniency! - x.leniency!);
    const hi = sorted[0]!;
    const lo = sorted[sorted.length - 1]!;
    const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
    lines.push(
      `Leniency (mean difference from the panel median): highest ${hi.judge} ${signed(hi.leniency!)}, lowest ${lo.judge} ${signed(lo.leniency!)}.`,
    );
  }
  if (a.fragile.length > 0) {
    const items = a.fragile.map(({ id, flags }) => {
      const pass = flags.some((f) => f.type.startsWith('pass-'));
      const on = [
        ...new Set(flags.map((f) => (f.type.endsWith('-trim') ? 'the trim' : (f.judge ?? '')))),
      ];
      return `${id} ${pass ? 'pass/fail' : 'rank'} hinges on ${on.join(', ')}`;
    });
    lines.push(`Fragile decisions: ${items.join('; ')}.`);
  }
  return lines;
}

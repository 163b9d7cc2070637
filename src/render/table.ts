import type { ChalkInstance } from 'chalk';
import { roundHalfUp } from '../core/decimal.js';
import { rescaledFrom } from '../core/rescale.js';
import { restsOnOneTotal } from '../core/single-total.js';
import { computed } from '../core/agreement.js';
import type { Lang } from '../core/rubric.js';
import type { Results } from '../core/model.js';
import { messages } from '../text/index.js';
import { reportText } from '../text/report.js';
import { trackLines } from './track-lines.js';
import { displayWidth, padEnd, padStart, truncate } from './width.js';

const NAME_WIDTH = 28;

/** The summary printed after a tally: one line per project, judges' totals, final, result. */
export function summaryTable(
  results: Results,
  chalk: ChalkInstance,
  lang: Lang = results.rubric.lang,
): string {
  const { rubric } = results;
  const t = messages(lang).table;
  const judges = results.judges.map((j) => j.id);
  const header = [t.rank, t.id, t.project, ...judges, t.final, t.result];
  // A project above the threshold but outside its track's quota is not a bare fail.
  const verdict = (p: Results['projects'][number]) =>
    p.passed ? t.pass : results.tracks?.byId.get(p.id)?.reason === 'quota' ? t.quota : t.fail;
  const rows = results.projects.map((p) => [
    String(p.rank),
    p.id,
    truncate((p.name ?? '').replace(/\s+/g, ' '), NAME_WIDTH),
    ...judges.map((j) => {
      const s = p.scores.get(j);
      // No score at all: the judge was not assigned the project (judge groups).
      if (s === undefined) return '';
      if (s.recused) return t.recused;
      const text = roundHalfUp(s.total, rubric.decimals).toFixed(rubric.decimals);
      return s.dropped ? `(${text})` : text;
    }),
    p.final.toFixed(rubric.decimals),
    verdict(p),
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
        if (s.includes('(') || s === t.recused) return chalk.dim(s);
        return s;
      }),
    );
  }
  const passed = results.projects.filter((p) => p.passed).length;
  const failed = results.projects.length - passed;
  const method =
    rubric.aggregate === 'trimmed-mean'
      ? t.method.trimmed(rubric.trim)
      : t.method[rubric.aggregate];
  out.push('');
  out.push(
    t.summary(
      results.projects.length,
      chalk.green(t.passed(passed)),
      failed > 0 ? chalk.red(t.failed(failed)) : t.failed(0),
      rubric.threshold,
      method,
    ),
  );
  out.push(...trackLines(results, lang));
  const rescaled = rescaledFrom(rubric.criteria);
  if (rescaled !== undefined) out.push(t.rescaled(reportText(lang).rescaled(rescaled)));
  const single = results.projects.filter((p) =>
    restsOnOneTotal(p.scores.values(), rubric.aggregate),
  );
  if (single.length > 0) {
    const items = single.map((p): [string, string] => {
      const judge = [...p.scores].find(([, s]) => !s.recused && !s.dropped)?.[0];
      return [p.id, judge ?? ''];
    });
    out.push(chalk.yellow(t.oneTotal(items)));
  }
  out.push(...analyticsLines(results, lang));
  return out.join('\n');
}

/** Three or four lines on the panel: agreement, leniency extremes, fragile decisions. */
export function analyticsLines(results: Results, lang: Lang = results.rubric.lang): string[] {
  const m = messages(lang).analytics;
  const reason = reportText(lang).statistics.agreementReason;
  const a = results.analytics;
  const lines: string[] = [];
  const { agreement } = a;
  const icc = agreement.icc.ICC3k;
  const ci = agreement.iccCI.ICC3k;
  if (computed(agreement)) {
    const p = agreement.kendallP;
    const blank = icc === null || ci === null || agreement.kendallW === null;
    const why = blank ? reason(agreement) : undefined;
    lines.push(
      m.agreement(
        agreement.n,
        agreement.block?.join(', '),
        icc === null ? undefined : icc.toFixed(2),
        ci ? `${ci[0].toFixed(2)}-${ci[1].toFixed(2)}` : undefined,
        agreement.kendallW === null || p === null ? undefined : agreement.kendallW.toFixed(2),
        p === null ? '' : p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`,
        why,
      ),
    );
  } else if (agreement.note !== undefined) {
    lines.push(m.agreementNote(reason(agreement)!));
  }
  const rated = a.judges.filter((j) => j.leniency !== null);
  if (rated.length >= 2) {
    const sorted = [...rated].sort((x, y) => y.leniency! - x.leniency!);
    const hi = sorted[0]!;
    const lo = sorted[sorted.length - 1]!;
    const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
    lines.push(m.leniency(hi.judge, signed(hi.leniency!), lo.judge, signed(lo.leniency!)));
  }
  if (a.fragile.length > 0) {
    const items = a.fragile.map(({ id, flags }) => {
      const pass = flags.some((f) => f.type.startsWith('pass-'));
      const on = [
        ...new Set(
          flags.map((f) => (f.type.endsWith('-trim') ? m.theTrim : m.judgeScores(f.judge ?? ''))),
        ),
      ];
      return m.fragileItem(id, pass, on);
    });
    lines.push(m.fragile(items));
  }
  return lines;
}

import { D, roundHalfUp, type Dec } from '../core/decimal.js';
import type { ProjectResult } from '../core/model.js';
import type { Results } from '../core/model.js';
import { fingerprint } from './json.js';
import {
  contentWidth,
  ensureSpace,
  loadFonts,
  openDocument,
  stampFooters,
  type Doc,
  type Fonts,
  type PdfOptions,
} from './pdf-doc.js';
import { resultNote, trackFacts } from './track-card.js';
import { drawTable, type Cell, type Column } from './pdf-table.js';
import { formatNumber } from '../text/numbers.js';
import { reportText } from '../text/report.js';
import { methodNote } from './method-facts.js';
import { uniqueFileNames } from './safe-name.js';

const SIZE = 10.5;
const JUDGES_PER_ROW = 5;

export interface CardFile {
  /** A safe, unique file name for `cards/`: safeFileName(id) + ".pdf", "-2" added on a clash. */
  fileName: string;
  bytes: Buffer;
}

/**
 * One feedback PDF per project for its applicant: the result, each criterion against its maximum
 * and the field's average, every judge's total (numbered, never named), and the judges' comments
 * without attribution.
 */
export async function renderCards(results: Results, options: PdfOptions): Promise<CardFile[]> {
  const fonts = await loadFonts(options);
  const names = uniqueFileNames(
    results.projects.map((p) => p.id),
    '.pdf',
  );
  const shared: Shared = {
    results,
    averages: fieldAverages(results),
    sameRank: new Map(),
    fonts,
    createdAt: options.createdAt,
  };
  for (const p of results.projects) {
    shared.sameRank.set(p.rank, (shared.sameRank.get(p.rank) ?? 0) + 1);
  }
  const out: CardFile[] = [];
  for (const [i, project] of results.projects.entries()) {
    out.push({ fileName: names[i]!, bytes: await renderCard(project, shared) });
  }
  return out;
}

interface Averages {
  criteria: Map<string, Dec>;
  final: Dec;
}

/** What every card needs, worked out once for the batch. */
interface Shared {
  results: Results;
  averages: Averages;
  /** Rank -> how many projects hold it (more than one: a tie). */
  sameRank: Map<number, number>;
  fonts: Fonts;
  createdAt: Date;
}

/** Mean over all projects of each criterion's aggregate and of the finals. */
function fieldAverages(results: Results): Averages {
  const n = results.projects.length;
  const criteria = new Map<string, Dec>();
  for (const c of results.rubric.criteria) {
    const total = results.projects.reduce(
      (s, p) => s.plus(p.criteria.get(c.id) ?? new D(0)),
      new D(0),
    );
    criteria.set(c.id, n > 0 ? total.dividedBy(n) : new D(0));
  }
  const finals = results.projects.reduce((s, p) => s.plus(p.final), new D(0));
  return { criteria, final: n > 0 ? finals.dividedBy(n) : new D(0) };
}

async function renderCard(project: ProjectResult, shared: Shared): Promise<Buffer> {
  const { results, averages, fonts, createdAt } = shared;
  const { rubric } = results;
  const lang = rubric.lang;
  const R = reportText(lang);
  const L = R.pdf;
  const d = rubric.decimals;
  const fmt = (v: Dec) => roundHalfUp(v, d).toFixed(d);
  const { doc, regular, bold, finish } = await openDocument(
    {
      title: `${L.cardTitle}: ${project.id}${project.name ? ` ${project.name}` : ''}`,
      author: rubric.organizer,
      subject: rubric.title,
      lang,
    },
    fonts,
    createdAt,
  );
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  const style = { regular, bold, fontSize: SIZE, padX: 5, padY: 3.5, headerFill: '#e6e6e6' };
  const heading = (text: string) => {
    ensureSpace(doc, 60);
    doc.font(bold).fontSize(12).fillColor('black');
    doc.text(text, left, doc.y, { width });
    doc.y += 4;
  };

  doc.font(bold).fontSize(18).text(L.cardTitle, left, doc.y, { width, align: 'center' });
  doc.y += 2;
  const subtitle = [
    rubric.title,
    rubric.organizer,
    rubric.date ? R.date(rubric.date) : undefined,
  ].filter((s): s is string => !!s?.trim());
  doc.font(regular).fontSize(10).fillColor('#444444');
  doc.text(subtitle.join(' · '), left, doc.y, { width, align: 'center' });
  doc.fillColor('black');
  doc.y += 14;

  // The project and its result, as label: value rows.
  const tied = (shared.sameRank.get(project.rank) ?? 0) > 1;
  const facts: [string, Cell][] = [
    [L.id, project.id],
    ...(project.name ? [[L.name, project.name] as [string, Cell]] : []),
    ...(project.organization ? [[L.organization, project.organization] as [string, Cell]] : []),
    [L.final, { text: fmt(project.final), bold: true }],
    [L.rank, L.rankOf(project.rank, results.projects.length, tied)],
    [
      L.result,
      {
        text: (project.passed ? L.passed : L.failed) + resultNote(results, project.id, L.threshold),
        bold: true,
      },
    ],
    ...trackFacts(results, project.id),
  ];
  doc.font(bold).fontSize(SIZE);
  const labelWidth = Math.max(...facts.map(([k]) => doc.widthOfString(k))) + 14;
  drawTable(
    doc,
    [
      { header: '', width: labelWidth },
      { header: '', width: width - labelWidth },
    ],
    facts.map(([k, v]) => [{ text: k, bold: true }, v]),
    { ...style, headerFill: undefined, headless: true },
  );
  doc.y += 16;

  // Each criterion against its maximum and the field; the weight only when it differs from the max.
  const weighted = rubric.criteria.some((c) => c.weight !== c.max);
  const weightSum = rubric.criteria.reduce((s, c) => s + c.weight, 0);
  const numbers = (header: string): Column => ({
    header,
    width: Math.max(78, widthOf(doc, bold, header) + 14),
    align: 'center',
  });
  const numeric = [
    numbers(L.maximum),
    ...(weighted ? [numbers(L.weight)] : []),
    numbers(L.thisProject),
    numbers(L.fieldAverage),
  ];
  const criteriaColumns: Column[] = [
    { header: L.criterion, width: width - numeric.reduce((s, c) => s + c.width, 0) },
    ...numeric,
  ];
  const criteriaRows: Cell[][] = rubric.criteria.map((c) => [
    c.label,
    formatNumber(c.max),
    ...(weighted ? [`${formatNumber(Math.round((1000 * c.weight) / weightSum) / 10)}%`] : []),
    { text: fmt(project.criteria.get(c.id) ?? new D(0)), bold: true },
    fmt(averages.criteria.get(c.id) ?? new D(0)),
  ]);
  criteriaRows.push([
    { text: L.finalRow, bold: true },
    '100',
    ...(weighted ? ['100%'] : []),
    { text: fmt(project.final), bold: true },
    fmt(averages.final),
  ]);
  drawTable(doc, criteriaColumns, criteriaRows, style);
  doc.y += 16;

  // Judges are numbered by their order in the results and never named (nor their files). With
  // judge groups, only the project's own panel is listed.
  heading(L.judgeTotals);
  const panel = results.judges.filter((j) => project.scores.has(j.id));
  const judgeCells = panel.map((j, i) => {
    const s = project.scores.get(j.id);
    const value =
      s === undefined || s.recused
        ? { text: L.recused, color: '#666666' }
        : s.dropped
          ? { text: L.dropped(formatTotal(s.total, d)), color: '#666666' }
          : formatTotal(s.total, d);
    return { header: L.judge(i + 1), value };
  });
  const judgeWidth = width / JUDGES_PER_ROW;
  for (let i = 0; i < judgeCells.length; i += JUDGES_PER_ROW) {
    const chunk = judgeCells.slice(i, i + JUDGES_PER_ROW);
    drawTable(
      doc,
      chunk.map((c) => ({ header: c.header, width: judgeWidth, align: 'center' as const })),
      [chunk.map((c) => c.value)],
      style,
    );
    doc.y += 6;
  }
  doc.y += 10;

  // Comments in a fixed order unrelated to the judges' numbers, so none can be attributed.
  // A recused judge's note is about the recusal, not feedback on the project.
  heading(L.comments);
  const comments = [...project.scores.values()]
    .filter((s) => !s.recused)
    .map((s) => s.comment?.trim() ?? '')
    .filter((c) => c !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  doc.font(regular).fontSize(SIZE);
  if (comments.length === 0) {
    doc.fillColor('#666666').text(L.noComments, left, doc.y, { width });
    doc.fillColor('black');
  }
  for (const c of comments) {
    ensureSpace(doc, doc.currentLineHeight(true) + 4);
    const y = doc.y;
    doc.text('•', left + 4, y, { width: 10, lineBreak: false });
    doc.text(c, left + 16, y, { width: width - 16, lineGap: 2 });
    doc.y += 3;
  }
  doc.y += 14;

  doc.font(regular).fontSize(8.5).fillColor('#555555');
  ensureSpace(doc, 30);
  doc.text(`${methodNote(results)}${R.typography.sentenceGap}${L.criteriaNote}`, left, doc.y, {
    width,
    lineGap: 2,
  });
  doc.fillColor('black');

  stampFooters(doc, L.fingerprint(fingerprint(results).slice(0, 16)), L.page);
  return finish();
}

/** A judge's exact total: at least `decimals` places, more only when the value has them. */
function formatTotal(total: Dec, decimals: number): string {
  const fine = roundHalfUp(total, Math.max(decimals + 2, 4));
  return fine.decimalPlaces() > decimals ? fine.toString() : fine.toFixed(decimals);
}

function widthOf(doc: Doc, font: string, text: string): number {
  return doc.font(font).fontSize(SIZE).widthOfString(text);
}

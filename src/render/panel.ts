import type { Results } from '../core/model.js';
import { fingerprint } from './json.js';
import { contentWidth, loadFonts, openDocument, stampFooters, type PdfOptions } from './pdf-doc.js';
import { reportText } from '../text/report.js';
import { methodNote } from './method-facts.js';

import { COLOR, section, type Ctx } from './panel-layout.js';
import { agreementTable, profilesTable } from './panel-judges.js';
import { leniencyChart } from './panel-leniency.js';
import { spreadChart } from './panel-spread.js';
export type { PdfOptions } from './pdf-doc.js';

/**
 * panel.pdf: the organiser's internal look at the judging panel, drawn with pdfkit's vector
 * graphics (a workbook cannot hold native charts). Page 1 shows each judge's leniency as bars
 * around zero, the judges' profiles and the agreement statistics with a sentence on each; then
 * (from page 2 unless the review is small) every project's judge totals against the pass mark,
 * in rank order, with the robustness flags under the projects they concern and close decisions
 * marked. Judges are
 * named by id: this report is for the organiser, not for the notice board. The same results and
 * `createdAt` always give the same bytes.
 */
export async function renderPanel(results: Results, options: PdfOptions): Promise<Buffer> {
  const fonts = await loadFonts(options);
  const { rubric } = results;
  const L = reportText(rubric.lang).pdf;
  const P = L.panel;
  const { doc, regular, bold, finish } = await openDocument(
    {
      title: P.title(rubric.title),
      author: rubric.organizer,
      subject: rubric.title,
      lang: rubric.lang,
    },
    fonts,
    options.createdAt,
  );
  const ctx: Ctx = {
    doc,
    results,
    P,
    regular,
    bold,
    left: doc.page.margins.left,
    width: contentWidth(doc),
  };

  title(ctx);
  section(ctx, P.leniencyHeading, P.leniencyNote, leniencyChart(ctx));
  section(ctx, P.profilesHeading, undefined, profilesTable(ctx));
  section(ctx, P.agreementHeading, undefined, agreementTable(ctx));

  doc.y += 10;
  spreadChart(ctx);

  stampFooters(doc, L.fingerprint(fingerprint(results).slice(0, 16)), L.page);
  return finish();
}

function title({ doc, results, P, regular, bold, left, width }: Ctx) {
  const { rubric } = results;
  const R = reportText(rubric.lang);
  doc.font(bold).fontSize(16).fillColor(COLOR.text);
  doc.text(P.title(rubric.title), left, doc.y, { width, align: 'center', lineGap: 2 });
  doc.y += 3;
  const facts = [
    P.internal,
    P.overview(results.projects.length, results.judges.length, rubric.threshold),
    rubric.date ? R.date(rubric.date) : undefined,
  ].filter((s): s is string => !!s);
  doc.font(regular).fontSize(9).fillColor(COLOR.muted);
  doc.text(facts.join(' · '), left, doc.y, { width, align: 'center' });
  doc.y += 4;
  // With offsets, what an offset is: the announcement's note only says the totals were adjusted.
  const offsetNote =
    rubric.normalize === 'offset' ? `${R.typography.sentenceGap}${R.offset.methodNote}` : '';
  doc.fontSize(8.5).text(methodNote(results) + offsetNote, left, doc.y, { width, align: 'center' });
  doc.fillColor(COLOR.text);
  doc.y += 10;
}

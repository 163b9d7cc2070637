import type { Results } from '../core/model.js';
import { fingerprint } from './json.js';
import {
  contentWidth,
  ensureSpace,
  loadFonts,
  pageBottom,
  openDocument,
  stampFooters,
  type Doc,
  type Fonts,
  type PdfOptions,
} from './pdf-doc.js';
import { drawTable, type Column } from './pdf-table.js';
import { formatDate, labels, methodNote, noticePeriod } from './pdf-text.js';

export type { PdfOptions } from './pdf-doc.js';

const TITLE_SIZE = 19;
const BODY_SIZE = 11.5;
const BODY_GAP = 3.5;
const PARAGRAPH_GAP = 6;
const TABLE_SIZE = 10.5;
const PAD_X = 5;

/**
 * announcement.pdf: the public notice (公示) of the results as the organiser posts it: title,
 * introduction, the table of passed projects (or of all, with `announcement.listAll`), how the
 * scores were combined, the notice period, how to object, the organiser and date, and on every
 * page the inputs' fingerprint and page number. The same results and `createdAt` always give the
 * same bytes.
 */
export async function renderAnnouncement(results: Results, options: PdfOptions): Promise<Buffer> {
  return writeAnnouncement(results, await loadFonts(options), options.createdAt);
}

async function writeAnnouncement(results: Results, fonts: Fonts, createdAt: Date): Promise<Buffer> {
  const { rubric, projects } = results;
  const { announcement } = rubric;
  const lang = rubric.lang;
  const L = labels(lang);
  const zh = lang === 'zh';
  const title = L.titleSuffix(rubric.title);
  const { doc, regular, bold, finish } = await openDocument(
    { title, author: rubric.organizer, subject: rubric.title, lang },
    fonts,
    createdAt,
  );
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  // Chinese paragraphs open with a two-character indent; English ones are set flush.
  const indent = zh ? 2 * BODY_SIZE : 0;
  const paragraph = (text: string, gapAfter = PARAGRAPH_GAP) => {
    doc.font(regular).fontSize(BODY_SIZE).fillColor('black');
    doc.text(text, left, doc.y, { width, indent, lineGap: BODY_GAP, align: 'left' });
    doc.y += gapAfter;
  };

  doc.font(bold).fontSize(TITLE_SIZE);
  doc.text(title, left, doc.y, { width, align: 'center', lineGap: 4 });
  doc.moveDown(0.9);

  if (announcement.intro?.trim()) paragraph(announcement.intro.trim());
  const passedCount = projects.filter((p) => p.passed).length;
  const listed = announcement.listAll ? projects : projects.filter((p) => p.passed);
  paragraph(
    listed.length > 0
      ? L.summary(projects.length, passedCount, announcement.listAll)
      : L.nonePassed(projects.length),
  );

  if (listed.length > 0) {
    doc.y += 2;
    drawResultsTable(doc, results, listed, { regular, bold });
    doc.y += 14;
  }

  const period = noticePeriod(rubric);
  const closing = [
    methodNote(results),
    period ? L.noticePeriod(formatDate(period.from, lang), formatDate(period.to, lang)) : '',
    announcement.objection?.trim() || L.objection,
    announcement.contact?.trim() ?? '',
  ].filter((t) => t !== '');
  // The closing text and the signature stay together: a page holding only the organiser's name
  // and the date looks detached from the notice it signs.
  doc.font(regular).fontSize(BODY_SIZE);
  const closingHeight =
    closing.reduce(
      (h, t) => h + doc.heightOfString(t, { width, indent, lineGap: BODY_GAP }) + PARAGRAPH_GAP,
      0,
    ) + signatureHeight(doc);
  if (closingHeight < pageBottom(doc) - doc.page.margins.top) ensureSpace(doc, closingHeight);
  for (const t of closing) paragraph(t);

  signature(doc, results, regular);
  stampFooters(doc, L.fingerprint(fingerprint(results).slice(0, 16)), L.page);
  return finish();
}

function drawResultsTable(
  doc: Doc,
  results: Results,
  listed: Results['projects'],
  fonts: { regular: string; bold: string },
) {
  const { rubric } = results;
  const L = labels(rubric.lang);
  const d = rubric.decimals;
  const withName = listed.some((p) => p.name);
  const withOrg = listed.some((p) => p.organization);
  const withResult = rubric.announcement.listAll;

  // Narrow columns are as wide as their widest entry; names and organisations share the rest
  // and wrap inside their cells.
  const fit = (header: string, values: string[], cap = Infinity) => {
    doc.font(fonts.bold).fontSize(TABLE_SIZE);
    let w = doc.widthOfString(header);
    doc.font(fonts.regular);
    for (const v of values) w = Math.max(w, doc.widthOfString(v));
    return Math.min(w, cap) + 2 * PAD_X + 1;
  };
  const finals = listed.map((p) => p.final.toFixed(d));
  const columns: (Column & { value: (i: number) => string })[] = [
    {
      header: L.rank,
      width: fit(L.rank, [...new Set(listed.map((p) => String(p.rank)))]),
      align: 'center',
      value: (i) => String(listed[i]!.rank),
    },
    {
      header: L.id,
      width: fit(
        L.id,
        listed.map((p) => p.id),
        90,
      ),
      align: 'center',
      value: (i) => listed[i]!.id,
    },
  ];
  const flexible: (Column & { value: (i: number) => string })[] = [];
  if (withName) flexible.push({ header: L.name, width: 0, value: (i) => listed[i]!.name ?? '' });
  if (withOrg)
    flexible.push({
      header: L.organization,
      width: 0,
      value: (i) => listed[i]!.organization ?? '',
    });
  const tail: (Column & { value: (i: number) => string })[] = [
    { header: L.final, width: fit(L.final, finals), align: 'center', value: (i) => finals[i]! },
  ];
  if (withResult)
    tail.push({
      header: L.result,
      width: fit(L.result, [L.passed, L.failed]),
      align: 'center',
      value: (i) => (listed[i]!.passed ? L.passed : L.failed),
    });
  const fixed = [...columns, ...tail].reduce((s, c) => s + c.width, 0);
  const rest = contentWidth(doc) - fixed;
  if (flexible.length === 1) flexible[0]!.width = rest;
  if (flexible.length === 2) {
    const share = balance(doc, fonts.regular, listed, rest);
    flexible[0]!.width = rest * share;
    flexible[1]!.width = rest - flexible[0]!.width;
  }
  if (flexible.length === 0) columns[1]!.width += rest;
  const all = [...columns, ...flexible, ...tail];

  drawTable(
    doc,
    all,
    listed.map((_, i) => all.map((c) => c.value(i))),
    {
      regular: fonts.regular,
      bold: fonts.bold,
      fontSize: TABLE_SIZE,
      padX: PAD_X,
      padY: 4,
      lineGap: 1,
      headerFill: '#e6e6e6',
    },
  );
}

/**
 * The split of `rest` between the name and organisation columns that gives the shortest table,
 * estimating each cell's lines from its text width (cheap enough for ten thousand rows): it keeps
 * an organisation from wrapping a single character onto a second line when the names have room.
 */
function balance(doc: Doc, font: string, listed: Results['projects'], rest: number): number {
  doc.font(font).fontSize(TABLE_SIZE);
  const widths = listed.map((p) => [
    doc.widthOfString(p.name ?? ''),
    doc.widthOfString(p.organization ?? ''),
  ]);
  // One line is exact (the table draws a cell on one line when its width fits); beyond that,
  // lines break at words, so allow some slack per line.
  const lines = (w: number, column: number) => {
    const inner = column - 2 * PAD_X;
    return w <= inner ? 1 : Math.ceil(w / (inner * 0.92));
  };
  let best = 0.58;
  let bestHeight = Infinity;
  let bestLines = Infinity;
  // From wide names to narrow: on equal cost the names keep the room.
  for (let step = 0; step <= 80; step++) {
    const share = 0.7 - step * 0.005;
    // Row heights first; among equal heights, fewer wrapped cells read better.
    let height = 0;
    let total = 0;
    for (const [n, o] of widths) {
      const a = lines(n!, rest * share);
      const b = lines(o!, rest * (1 - share));
      height += Math.max(a, b);
      total += a + b;
    }
    if (height < bestHeight || (height === bestHeight && total < bestLines)) {
      bestHeight = height;
      bestLines = total;
      best = share;
    }
  }
  return best;
}

const signatureLine = (doc: Doc) => doc.currentLineHeight(true) + BODY_GAP;
/** A blank line and the two signature lines, at the body font size. */
const signatureHeight = (doc: Doc) => 3 * signatureLine(doc);

/** Organiser and date at the foot, right-aligned, the date centred under the name. */
function signature(doc: Doc, results: Results, font: string) {
  const { rubric } = results;
  const lines = [
    rubric.organizer?.trim(),
    rubric.date ? formatDate(rubric.date, rubric.lang) : undefined,
  ].filter((s): s is string => !!s);
  if (lines.length === 0) return;
  doc.font(font).fontSize(BODY_SIZE);
  const lineHeight = signatureLine(doc);
  const width = contentWidth(doc);
  // Chinese official notices keep the signature a couple of characters in from the margin and
  // centre the date under the name; English letters align both to the right.
  const zh = rubric.lang === 'zh';
  const inset = zh ? 2 * BODY_SIZE : 0;
  const block = Math.min(width - inset, Math.max(...lines.map((l) => doc.widthOfString(l))));
  const x = doc.page.margins.left + width - inset - block;
  doc.y += lineHeight;
  ensureSpace(doc, lines.length * lineHeight);
  for (const line of lines) {
    doc.text(line, x, doc.y, { width: block, align: zh ? 'center' : 'right', lineGap: BODY_GAP });
  }
  doc.x = doc.page.margins.left;
}

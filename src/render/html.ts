import type { Results } from '../core/model.js';
import {
  announcementContent,
  type AnnouncementContent,
  type AnnouncementTable,
  type ColumnKind,
} from './announcement.js';
import { reportText, type Typography } from '../text/report.js';
import { displayWidth } from './width.js';

/**
 * announcement.html: the same announcement as announcement.pdf, as one page for a website or a
 * WeChat article. Self-contained (inline CSS; no script, no external font, image or link), so it
 * can be pasted or uploaded as it is, and printable on A4 with the table header repeated on every
 * page. Every piece of text is escaped: names come from judges' and applicants' files.
 */
export function renderAnnouncementHtml(results: Results): string {
  const content = announcementContent(results);
  const typography = reportText(content.lang).typography;
  const body: string[] = [`<h1>${escape(content.title)}</h1>`];
  for (const t of content.opening) body.push(`<p>${escape(t)}</p>`);
  for (const table of content.tables) {
    body.push('<section>');
    if (table.heading !== undefined) body.push(`<h2>${escape(table.heading)}</h2>`);
    const unbroken = unbrokenColumn(table);
    const cell = (tag: 'th' | 'td', i: number, text: string) => {
      const c = table.columns[i]!;
      const scope = tag === 'th' ? ' scope="col"' : '';
      const kind = tag === 'td' && i === unbroken ? `${c.kind} unbroken` : c.kind;
      return `<${tag}${scope} class="${kind}">${escape(text)}</${tag}>`;
    };
    // A track none of whose projects is listed keeps its heading, as in the PDF.
    if (table.rows.length > 0)
      body.push(
        '<div class="scroll"><table>',
        `<thead><tr>${table.columns.map((c, i) => cell('th', i, c.header)).join('')}</tr></thead>`,
        '<tbody>',
        ...table.rows.map((r) => `<tr>${r.map((v, i) => cell('td', i, v)).join('')}</tr>`),
        '</tbody></table></div>',
      );
    body.push('</section>');
  }
  if (content.funding !== undefined) body.push(`<p>${escape(content.funding)}</p>`);
  for (const t of content.trackRules) body.push(`<p>${escape(t)}</p>`);
  // The closing text and the signature print on one page, as in the PDF: a page holding only the
  // organiser's name and the date looks detached from the notice it signs.
  body.push('<div class="closing">');
  for (const t of content.closing) body.push(`<p>${escape(t)}</p>`);
  if (content.signature.length > 0) {
    body.push(`<p class="signature">${content.signature.map(escape).join('<br>')}</p>`);
  }
  body.push('</div>');
  body.push(`<p class="fingerprint">${escape(content.fingerprint)}</p>`);

  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(content.title)}</title>`,
    ...(content.organizer?.trim()
      ? [`<meta name="author" content="${escape(content.organizer.trim())}">`]
      : []),
    `<style>\n${stylesheet(content, typography)}</style>`,
  ];
  // zh-CN rather than zh: browsers pick Simplified Chinese glyphs and line breaking from it.
  return [
    '<!DOCTYPE html>',
    `<html lang="${typography.tag}">`,
    '<head>',
    ...head,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The browser's table layout gives the wider text column most of the room and wraps the other
 * one a character at a time (a 14-character Chinese organisation name breaking before its last
 * character). The narrower of the name and organisation columns is kept on one line when that
 * still leaves the other one room; the PDF balances the two itself.
 */
function unbrokenColumn(table: AnnouncementTable): number | undefined {
  // A wide (Chinese) character takes about 1 em, two terminal columns; a Latin letter about half;
  // a cell's padding and rule about 1 em more.
  const widest = (i: number) =>
    table.rows.reduce((w, r) => Math.max(w, displayWidth(r[i]!) / 2), 0) + 1;
  const flexible = (kind: ColumnKind) => kind === 'name' || kind === 'organization';
  const text = table.columns.flatMap((c, i) => (flexible(c.kind) ? [{ i, width: widest(i) }] : []));
  const narrow = text.sort((a, b) => a.width - b.width)[0];
  if (narrow === undefined || text.length < 2) return undefined;
  // The other columns never wrap: header or widest entry.
  const fixed = table.columns.reduce(
    (sum, c, i) =>
      flexible(c.kind) ? sum : sum + Math.max(widest(i), displayWidth(c.header) / 2 + 1),
    0,
  );
  return TABLE_EMS - fixed - narrow.width >= 12 ? narrow.i : undefined;
}

/** About how many em of table text fit across an A4 page (and the page's widest column). */
const TABLE_EMS = 44;

/** Text for HTML content and for attribute values, which are always in double quotes. */
export function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** A CSS string literal; `<` is escaped too so that no text can close the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * "Page i of n" in the language of the PDF's footer, as CSS `content` with page counters. The
 * label is a function of two numbers; calling it with two unmistakable ones shows where they go.
 */
function pageCounter(content: AnnouncementContent): string | undefined {
  const text = reportText(content.lang).pdf.page(918273, 645546);
  const m = /^(.*)918273(.*)645546(.*)$/s.exec(text);
  if (m === null) return undefined;
  const [before, between, after] = [m[1]!, m[2]!, m[3]!].map((t) => (t ? cssString(t) : ''));
  return [before, 'counter(page)', between, 'counter(pages)', after].filter(Boolean).join(' ');
}

function stylesheet(content: AnnouncementContent, typography: Typography): string {
  // System fonts only: a page for WeChat or a website must not fetch a font, and every reader's
  // device has a Chinese font of its own.
  const fonts = typography.fontStack;
  const centred = typography.signature === 'center';
  const pages = pageCounter(content);
  return `html { color: #000; background: #fff; }
body { margin: 0; font-family: ${fonts}; font-size: 16px; line-height: 1.65; }
main { max-width: 46em; margin: 0 auto; padding: 1.5em 1em 2em; }
h1 { font-size: 1.55em; line-height: 1.35; text-align: center; margin: 0 0 1.2em; }
h2 { font-size: 1.1em; margin: 1.2em 0 0.5em; }
p { margin: 0 0 0.6em; white-space: pre-line; }
${typography.indent ? 'main > p, .closing > p:not(.signature) { text-indent: 2em; }\n' : ''}.scroll { overflow-x: auto; margin: 0.3em 0 1.2em; }
table { width: 100%; border-collapse: collapse; font-size: 0.92em; line-height: 1.4; }
th, td { border: 1px solid #555; padding: 0.3em 0.45em; vertical-align: middle; }
th { background: #e6e6e6; font-weight: bold; text-align: center; }
td { text-align: left; overflow-wrap: break-word; }
td.rank, td.id, td.final, td.result, td.tier { text-align: center; white-space: nowrap; }
td.grant { text-align: right; white-space: nowrap; }
td.name, td.organization { min-width: 8em; }
@media print, (min-width: 40em) {
  th:not(.name):not(.organization), td.unbroken { white-space: nowrap; }
}
@media screen and (max-width: 40em) {
  table { font-size: 0.85em; }
  th, td { padding: 0.25em 0.3em; }
  td.name, td.organization { min-width: 6em; }
}
.signature { text-align: ${typography.signature}; margin: 1.6em ${centred ? '2em' : '0'} 1em auto; width: fit-content; }
.fingerprint { margin-top: 2em; font-size: 0.75em; color: #666; overflow-wrap: anywhere; }
@page {
  size: A4;
  margin: 25mm 22mm;
  @bottom-left { content: ${cssString(content.fingerprint)}; font-size: 8pt; color: #777; }
${pages !== undefined ? `  @bottom-right { content: ${pages}; font-size: 9pt; color: #333; }\n` : ''}}
@media print {
  body { font-size: 11.5pt; }
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h1, h2 { break-after: avoid; }
  .closing { break-inside: avoid; }
}
`;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/render/json.js';
import { escape, renderAnnouncementHtml } from '../../src/render/html.js';
import { renderAnnouncement } from '../../src/render/pdf.js';
import type { Results } from '../../src/core/model.js';
import { expected } from '../expected/huanshan-2022.js';
import { fixture, pcv, tempDir } from '../helpers.js';
import { createdAt, load, pdfPages, squeeze } from '../pdf-helpers.js';

// long-title is search-engine advice (at most 70 characters); the title is the review's own, which
// pcv prints whole, as the PDF does.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});

/** Every problem the validator finds, one line each, so a failure says what is wrong. */
async function validate(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}

const unescape = (s: string) =>
  s
    .replace(/<br>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The cells of each body row, as a reader sees them. */
function tableRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescape(c[1]!)),
  );
}

/** The paragraphs and headings of the page in document order, as text. */
function blocks(html: string): string[] {
  const main = /<main>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
  return [...main.matchAll(/<(h1|h2|p)[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => unescape(m[2]!));
}

/** Self-contained: nothing a browser would fetch or run. */
function expectSelfContained(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/https?:\/\//i);
  expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
  expect(html).not.toMatch(/url\(|@import|@font-face/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
}

describe('announcement.html (huanshan-2022, zh)', () => {
  let results: Results;
  let html: string;
  beforeAll(async () => {
    results = await load('huanshan-2022');
    html = renderAnnouncementHtml(results);
  });

  it('is one self-contained page in Chinese, printable on A4', () => {
    expectSelfContained(html);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>环山街道2022年公益创投项目评审结果公示</title>');
    expect(html).toMatch(/@page \{[^}]*size: A4/);
    expect(html).toMatch(/@media print \{[^]*thead \{ display: table-header-group; \}/);
  });

  it('lists every project in rank order with its final, as computed by hand', () => {
    const rows = tableRows(html);
    // The expected finals in test/expected are worked out by hand from the sheets.
    expect(rows.map((r) => r[1])).toEqual(expected.map((e) => e.id));
    expect(rows.map((r) => r[4])).toEqual(expected.map((e) => e.final.toFixed(2)));
    expect(rows[0]).toEqual([
      '1',
      'P06',
      results.projects[0]!.name,
      '文登区康馨社会工作服务中心',
      '85.17',
    ]);
  });

  it('closes with the method, the notice period, the contact and the organiser and date', () => {
    const text = blocks(html);
    expect(text[0]).toBe('环山街道2022年公益创投项目评审结果公示');
    expect(text).toContain('公示期：2022年6月15日至2022年6月19日');
    expect(text).toContain('联系电话：0631-0000000');
    expect(text).toContain('文登区环山街道办事处\n2022年6月14日');
    expect(html).toContain(fingerprint(results).slice(0, 16));
  });

  it('is the same text when rendered again', () => {
    expect(renderAnnouncementHtml(results)).toBe(html);
  });
});

describe.each(['huanshan-2022', 'huanshan-2022-funding', 'basic'])(
  'announcement.html and announcement.pdf of %s',
  (name) => {
    let html: string;
    let pdf: string;
    beforeAll(async () => {
      const results = await load(name);
      html = renderAnnouncementHtml(results);
      pdf = squeeze((await pdfPages(await renderAnnouncement(results, { createdAt }))).join(''));
    });

    it('passes the HTML validator and is self-contained', async () => {
      expect(await validate(html)).toEqual([]);
      expectSelfContained(html);
    });

    it('have the same table rows, in the same order', () => {
      const rows = tableRows(html);
      expect(rows.length).toBeGreaterThan(0);
      let from = 0;
      for (const row of rows) {
        const at = pdf.indexOf(squeeze(row.join('')), from);
        expect(at, row.join(' | ')).toBeGreaterThanOrEqual(from);
        from = at + 1;
      }
    });

    it('say the same things in the same order: title, intro, track headings, notes, method, notice, objection, contact, organiser, date', () => {
      let from = 0;
      for (const block of blocks(html)) {
        const at = pdf.indexOf(squeeze(block), from);
        expect(at, block).toBeGreaterThanOrEqual(from);
        from = at + 1;
      }
    });
  },
);

describe('announcement.html of a review in tracks', () => {
  it('lists each track under its heading, ranked within the track, with the grants', async () => {
    const results = await load('huanshan-2022-funding');
    const html = renderAnnouncementHtml(results);
    const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(results.tracks!.tracks!.map((t) => expect.stringContaining(t.label)));
    const sections = html.split('<section>').slice(1);
    for (const section of sections) {
      const ranks = tableRows(section).map((r) => r[0]);
      expect(ranks[0]).toBe('1');
    }
    expect(html).toContain('<th scope="col" class="grant">资助金额（元）</th>');
  });
});

describe('announcement.html escaping', () => {
  it('shows names exactly as written, never as markup', async () => {
    const base = await load('basic');
    const [first, ...others] = base.projects;
    const results: Results = {
      ...base,
      rubric: { ...base.rubric, title: 'Fund </title><script>alert(1)</script>' },
      projects: [
        { ...first!, name: '<b>x</b> & Co', organization: '"Quoted" & <i>sons</i>' },
        ...others,
      ],
    };
    const html = renderAnnouncementHtml(results);
    expect(await validate(html)).toEqual([]);
    expectSelfContained(html);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt; &amp; Co');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(tableRows(html)[0]).toContain('<b>x</b> & Co');
    expect(tableRows(html)[0]).toContain('"Quoted" & <i>sons</i>');
    expect(blocks(html)[0]).toBe('Fund </title><script>alert(1)</script>\u00a0— Review Results');
  });

  it('escapes the characters that carry meaning in HTML text and in double-quoted attributes', () => {
    expect(escape(`a<b>&"c'`)).toBe(`a&lt;b&gt;&amp;&quot;c'`);
  });
});

describe('pcv tally --format html', () => {
  it('writes announcement.html with the other reports, in English for an en rubric', async () => {
    const out = tempDir();
    const r = await pcv(['tally', fixture('basic'), '--out', out, '--format', 'html,json']);
    expect(r.stderr).toContain('announcement.html');
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(out, 'announcement.html'), 'utf8');
    expect(html).toMatch(/<html lang="en">/);
    expect(await validate(html)).toEqual([]);
    // B5 failed at 58.75 < 70 and is listed because the basic rubric has listAll: true.
    expect(tableRows(html).at(-1)).toEqual([
      '5',
      'B5',
      'Night Bus Outreach',
      'Harbour Street Mission',
      '58.75',
      'Not passed',
    ]);
  });
});

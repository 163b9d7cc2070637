import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnnouncementContent } from '../../src/render/announcement.js';
import { renderAnnouncementContent } from '../../src/render/pdf.js';
import { createdAt, pdfPages, squeeze } from '../pdf-helpers.js';

/*
 * announcement.pdf is written page by page (render/pdf-pages.ts): counted first, then drawn
 * with each page's "page i of n" footer added as the page is left. These tests hold pdfkit to
 * that — a document that buffers its pages again fails here — and check what the footer must
 * not disturb: a paragraph that runs over a page break keeps its font size and its words.
 */

const PARAGRAPH =
  '本次公益创投项目评审由评审专家依据评分细则独立打分，组织方汇总各位专家的评分后按规则计算最终得分，' +
  '并按得分高低确定入围项目名单，现将结果予以公示，接受社会各界监督。';

function content(overrides: Partial<AnnouncementContent>): AnnouncementContent {
  return {
    lang: 'zh',
    title: '测试公示',
    subject: '测试',
    opening: [],
    tables: [],
    trackRules: [],
    closing: [],
    signature: ['测试组织', '2022年6月14日'],
    fingerprint: '输入指纹 0123456789abcdef',
    ...overrides,
  };
}

/** 300 rows of one line each: at about 24 points a row, far more than one A4 page holds. */
function longTable(): AnnouncementContent['tables'] {
  return [
    {
      columns: [
        { header: '编号', kind: 'id', align: 'left' },
        { header: '项目名称', kind: 'name', align: 'left' },
        { header: '最终得分', kind: 'final', align: 'right' },
      ],
      rows: Array.from({ length: 300 }, (_, i) => [`P${i + 1}`, `第${i + 1}号项目`, '80.00']),
    },
  ];
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('announcement pages are written out as they fill', () => {
  it('never holds more than the page being drawn', async () => {
    // What pdfkit holds unwritten (bufferedPageRange().count) whenever a page is added and when
    // the document ends: with bufferPages it would be every page drawn so far.
    const held: number[] = [];
    const { addPage, end } = PDFDocument.prototype;
    vi.spyOn(PDFDocument.prototype, 'addPage').mockImplementation(function (
      this: PDFKit.PDFDocument,
      ...args
    ) {
      held.push(this.bufferedPageRange().count);
      return addPage.apply(this, args);
    });
    vi.spyOn(PDFDocument.prototype, 'end').mockImplementation(function (this: PDFKit.PDFDocument) {
      held.push(this.bufferedPageRange().count);
      return end.apply(this);
    });

    const bytes = await renderAnnouncementContent(content({ tables: longTable() }), { createdAt });
    const pages = await pdfPages(bytes);
    // 300 rows at ~24 pt on ~700 pt of A4 per page: at least 8 pages.
    expect(pages.length).toBeGreaterThanOrEqual(8);
    // The first page is added to an empty document, every later one when the last is full.
    expect(held).toEqual([0, ...Array<number>(pages.length).fill(1)]);
    pages.forEach((page, i) => expect(squeeze(page)).toContain(`第${i + 1}页/共${pages.length}页`));
  });

  it('footers a page in the middle of a paragraph without changing the paragraph', async () => {
    // One paragraph of 40 copies of a 2-line text runs over at least two pages by itself.
    const long = PARAGRAPH.repeat(40);
    const bytes = await renderAnnouncementContent(content({ opening: [long] }), { createdAt });
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    try {
      expect(pdf.numPages).toBeGreaterThanOrEqual(2);
      let body = '';
      for (let n = 1; n <= pdf.numPages; n++) {
        const items = (await (await pdf.getPage(n)).getTextContent()).items.flatMap((it) =>
          'str' in it && it.str.trim() !== '' ? [it] : [],
        );
        // The footer: the fingerprint at 8 pt, "page n of m" at 9 pt; the rest is 11.5 pt body
        // text (the title is 19 pt), also after the footer of the previous page was drawn.
        const size = (it: (typeof items)[number]) => Math.round(it.transform[0] * 10) / 10;
        const footer = items.filter((it) => size(it) < 10);
        expect(squeeze(footer.map((it) => it.str).join(''))).toBe(
          `输入指纹0123456789abcdef第${n}页/共${pdf.numPages}页`,
        );
        const text = items.filter((it) => size(it) === 11.5);
        expect(text.length).toBeGreaterThan(0);
        body += text.map((it) => it.str).join('');
      }
      expect(squeeze(body)).toContain(squeeze(long));
    } finally {
      await pdf.destroy();
    }
  });
});

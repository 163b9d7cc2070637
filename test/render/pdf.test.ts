import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PcvError } from '../../src/errors.js';
import { fingerprint } from '../../src/render/json.js';
import { defaultFontPath } from '../../src/render/pdf-doc.js';
import { addDays, noticePeriod } from '../../src/render/notice-period.js';
import { reportText } from '../../src/text/report.js';
import { renderAnnouncement } from '../../src/render/pdf.js';
import type { Results } from '../../src/tally.js';
import { expected, expectedBasic } from '../expected/huanshan-2022.js';
import { createdAt, load, pdfPages, squeeze } from '../pdf-helpers.js';

describe('announcement.pdf (huanshan-2022, zh)', () => {
  let results: Results;
  let bytes: Buffer;
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    results = await load('huanshan-2022');
    bytes = await renderAnnouncement(results, { createdAt });
    pages = await pdfPages(bytes);
    text = squeeze(pages.join('\n'));
  });

  it('is a PDF with the Chinese title and intro', () => {
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The title already ends in 评审: "…评审结果公示", not "…评审评审结果公示".
    expect(text).toContain('环山街道2022年公益创投项目评审结果公示');
    expect(text).not.toContain('评审评审');
    expect(text).toContain('2022年6月14日，环山街道组织召开');
  });

  it('lists every passed project with its name and final score', () => {
    expect(expected.every((p) => p.passed)).toBe(true);
    for (const p of results.projects) {
      expect(text).toContain(squeeze(p.name!));
      expect(text).toContain(squeeze(p.organization!));
    }
    for (const e of expected) {
      expect(text).toContain(e.id);
      expect(text).toContain(e.final.toFixed(2));
    }
    expect(text).toContain('85.17');
    expect(text).toContain('60.67');
  });

  it('states the notice period, how to object, the organiser and the date', () => {
    expect(text).toContain('公示期：2022年6月15日至2022年6月19日');
    expect(text).toContain('如对评审结果有异议');
    expect(text).toContain('联系电话：0631-0000000');
    expect(text).toContain('文登区环山街道办事处2022年6月14日');
    expect(text).toContain('去掉1个最高分和1个最低分后的平均分');
  });

  it('numbers every page and prints the fingerprint on it', () => {
    const n = pages.length;
    const prefix = fingerprint(results).slice(0, 16);
    pages.forEach((page, i) => {
      expect(squeeze(page)).toContain(`第${i + 1}页/共${n}页`);
      expect(page).toContain(prefix);
      expect(page).toContain('可用 pcv verify 核对');
    });
  });

  it('is byte-for-byte the same when rendered again', async () => {
    const again = await renderAnnouncement(results, { createdAt });
    expect(again.equals(bytes)).toBe(true);
    const later = await renderAnnouncement(results, {
      createdAt: new Date('2023-01-01T00:00:00Z'),
    });
    expect(later.equals(bytes)).toBe(false);
  });

  it('embeds a subset of the font, not all 10 MB of it', () => {
    expect(bytes.length).toBeLessThan(400_000);
    expect(bytes.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular/);
  });

  it('takes its metadata from the rubric and the given date', async () => {
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const info = (await pdf.getMetadata()).info as unknown as Record<string, unknown>;
    await pdf.destroy();
    expect(info).toMatchObject({
      Title: '环山街道2022年公益创投项目评审结果公示',
      Author: '文登区环山街道办事处',
      Producer: 'pcv',
      Creator: 'pcv',
      CreationDate: 'D:20220614080000Z',
      ModDate: 'D:20220614080000Z',
    });
  });
});

describe('announcement.pdf (basic, en, listAll)', () => {
  it('lists failed projects too, with their result', async () => {
    const results = await load('basic');
    const pages = await pdfPages(await renderAnnouncement(results, { createdAt }));
    const text = pages.join('\n');
    expect(text).toContain('Neighbourhood Fund 2024 Small Grants');
    expect(text).toMatch(/Review\s+—\s+Results/);
    expect(text).toContain('Public notice period: 10 March 2024 to 16 March 2024');
    expect(text).toContain('Page 1 of 1');
    for (const e of expectedBasic) expect(text).toContain(e.final.toFixed(2));
    // B5 is the only failure (58.75 < 70); its row reads "… 58.75 Not passed".
    expect(expectedBasic.find((p) => p.id === 'B5')!.passed).toBe(false);
    expect(squeeze(text)).toMatch(/B5NightBusOutreachHarbourStreetMission58\.75Notpassed/);
    expect(text.match(/Not passed/g)).toHaveLength(1);
    expect(text).toContain('Fingerprint (SHA-256): ' + fingerprint(results).slice(0, 16));
  });

  it('without listAll shows only the projects that passed', async () => {
    const base = await load('basic');
    const results = {
      ...base,
      rubric: { ...base.rubric, announcement: { ...base.rubric.announcement, listAll: false } },
    };
    const text = (await pdfPages(await renderAnnouncement(results, { createdAt }))).join('\n');
    expect(text).toContain('Riverside Literacy Club');
    expect(text).not.toContain('Night Bus Outreach');
    expect(text).not.toContain('Not passed');
  });

  it('leaves out the notice period when the rubric has no date', async () => {
    const base = await load('basic');
    const rubric = { ...base.rubric, date: undefined };
    const text = (
      await pdfPages(await renderAnnouncement({ ...base, rubric }, { createdAt }))
    ).join('\n');
    expect(text).not.toContain('Public notice period');
    expect(text).not.toContain('March 2024');
  });
});

describe('a long announcement', () => {
  it('breaks the table across pages and repeats the header on each', async () => {
    const base = await load('huanshan-2022');
    const model = base.projects[0]!;
    const longName =
      '社区综合服务能力提升暨老年人、残障人士、困境儿童与新市民家庭多元需求精准对接与志愿服务体系建设示范项目（第二期，2022年度，覆盖环山街道全部七个新建城市社区及周边村居）' +
      'with a Latin tail to wrap as words';
    expect(longName.length).toBeGreaterThan(80);
    const projects = Array.from({ length: 120 }, (_, i) => ({
      ...model,
      id: `L${String(i + 1).padStart(3, '0')}`,
      name: `${i + 1}号${longName}`,
      rank: i + 1,
    }));
    const results = { ...base, projects };
    const pages = await pdfPages(await renderAnnouncement(results, { createdAt }));
    expect(pages.length).toBeGreaterThan(1);
    const tablePages = pages.filter((p) => p.includes('L0') || p.includes('L1'));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) {
      expect(page).toContain('项目名称');
      expect(page).toContain('最终得分');
    }
    // Every row is there exactly once, whole: no row lost or cut at a page break.
    const all = squeeze(pages.join('\n'));
    for (const p of projects) {
      expect(all.split(p.id).length - 1).toBe(1);
      expect(all).toContain(squeeze(p.name));
    }
    pages.forEach((page, i) => expect(squeeze(page)).toContain(`第${i + 1}页/共${pages.length}页`));
  });
});

describe('fonts', () => {
  it('uses the font it is given', async () => {
    const results = await load('basic');
    const bytes = await renderAnnouncement(results, {
      createdAt,
      fontPath: defaultFontPath('bold'),
    });
    const raw = bytes.toString('latin1');
    expect(raw).toContain('NotoSansSC-Bold');
    expect(raw).not.toContain('NotoSansSC-Regular');
  });

  it('reports a font that cannot be read as one clear error', async () => {
    const results = await load('basic');
    const render = renderAnnouncement(results, { createdAt, fontPath: '/nonexistent/font.ttf' });
    await expect(render).rejects.toBeInstanceOf(PcvError);
    await expect(render).rejects.toThrow('/nonexistent/font.ttf');
  });
});

describe('dates', () => {
  it('counts the notice period on the calendar', () => {
    expect(addDays('2022-06-14', 1)).toBe('2022-06-15');
    expect(addDays('2022-12-30', 5)).toBe('2023-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(reportText('zh').date('2022-06-05')).toBe('2022年6月5日');
    expect(reportText('en').date('2022-06-05')).toBe('5 June 2022');
  });

  it('starts the day after the review and lasts noticeDays (default 5)', async () => {
    const { rubric } = await load('huanshan-2022');
    expect(noticePeriod(rubric)).toEqual({ from: '2022-06-15', to: '2022-06-19' });
    const announcement = { ...rubric.announcement, noticeDays: undefined };
    expect(noticePeriod({ ...rubric, announcement })).toEqual({
      from: '2022-06-15',
      to: '2022-06-19',
    });
    expect(noticePeriod({ ...rubric, announcement: { ...announcement, noticeDays: 1 } })).toEqual({
      from: '2022-06-15',
      to: '2022-06-15',
    });
  });
});

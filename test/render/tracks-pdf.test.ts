import { describe, expect, it } from 'vitest';
import { renderCards } from '../../src/render/cards.js';
import { renderAnnouncement } from '../../src/render/pdf.js';
import { formatYuan } from '../../src/render/track-lines.js';
import { createdAt, load, pdfPages, squeeze } from '../pdf-helpers.js';

describe('announcement and cards with tracks and funding (fixtures/huanshan-2022-funding)', () => {
  it('lists each track under its heading, with the grants and the total', async () => {
    const results = await load('huanshan-2022-funding');
    const text = squeeze(
      (await pdfPages(await renderAnnouncement(results, { createdAt }))).join(''),
    );
    const social = text.indexOf('社会组织项目（14个项目参评，12个通过）');
    const community = text.indexOf('社区自办项目（7个项目参评，6个通过）');
    expect(social).toBeGreaterThan(0);
    expect(community).toBeGreaterThan(social);
    // P14 is 11th in its track with 20,000 of its 30,000 (see test/tracks-fixture.test.ts);
    // P20 is 6th in the community track with 10,000.
    expect(text).toContain(
      '11P14“楼道微治理”楼长骨干培育服务项目文登区善邻社会工作服务中心71.8320,000',
    );
    expect(text).toContain('6P20新市民融入社区服务项目环山街道翠湖社区公益服务中心68.8310,000');
    // P05 (cut by the quota) and P19 (below 65) are not listed.
    expect(text).not.toContain('P05');
    expect(text).not.toContain('P19');
    expect(text).toContain(squeeze('资助金额合计460,000元（资金总额460,000元）。'));
    expect(text).toContain(squeeze('社区自办项目65分及以上为通过。'));
    // announcement.date signs the notice and starts five working days: 17-23 June 2022.
    expect(text).toContain('公示期：2022年6月17日至2022年6月23日');
    expect(text).toContain('文登区环山街道办事处2022年6月16日');
  });

  it('shows the track rank and the grant on a card', async () => {
    const results = await load('huanshan-2022-funding');
    const cards = await renderCards(results, { createdAt });
    const p14 = cards.find((c) => c.fileName === 'P14.pdf')!;
    const text = squeeze((await pdfPages(p14.bytes)).join(''));
    expect(text).toContain('组内排名社会组织项目第11名，共14个项目（名额12个）');
    expect(text).toContain('资助金额20,000元（部分资助）');
  });

  it('says on a card that a project was cut by the quota, and gives a failed one its track mark', async () => {
    const results = await load('huanshan-2022-funding');
    const cards = await renderCards(results, { createdAt });
    const text = async (id: string) =>
      squeeze((await pdfPages(cards.find((c) => c.fileName === `${id}.pdf`)!.bytes)).join(''));
    // P05: 70.83 clears 60, but it is 13th in the social track with a quota of 12.
    expect(await text('P05')).toContain('评审结果未通过（达到分数线，但组内排名在名额12个之外）');
    // P19: 60.67 is below the community track's own 65.
    expect(await text('P19')).toContain('评审结果未通过（通过分数线：65分）');
  });

  it('marks a quota cut in the listAll result column, and qualifies the review-wide mark', async () => {
    const results = await load('huanshan-2022-funding');
    results.rubric.announcement.listAll = true;
    const text = squeeze(
      (await pdfPages(await renderAnnouncement(results, { createdAt }))).join(''),
    );
    // P05 (13th of a quota of 12) and P19 (60.67, below 65); finals from test/tracks-fixture.test.ts.
    expect(text).toMatch(/P05.*?70\.83未通过（超出名额）/);
    expect(text).toMatch(/P19.*?60\.67未通过0/);
    // The community track's 65 and the social quota: 60 is not the whole rule.
    expect(text).toContain(squeeze('60分及以上为通过（组别另有分数线或名额的，按其规定）'));
  });
});

describe('formatYuan', () => {
  it.each([
    [298000, '298,000'],
    [18000.5, '18,000.50'],
    [33333.33, '33,333.33'],
    [0.34, '0.34'],
    [0, '0'],
  ])('%s yuan -> %s', (n, text) => expect(formatYuan(n)).toBe(text));
});

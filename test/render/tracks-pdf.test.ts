import { describe, expect, it } from 'vitest';
import { renderCards } from '../../src/render/cards.js';
import { renderAnnouncement } from '../../src/render/pdf.js';
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
    expect(text).toContain('组内排名社会组织项目第11名，共14个项目（限额12个）');
    expect(text).toContain('资助金额20,000元（部分资助）');
  });
});

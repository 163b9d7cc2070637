import type { Lang } from '../core/rubric.js';
import type { Results } from '../core/model.js';
import { messages } from '../text/index.js';
import { formatYuan } from '../text/numbers.js';

export { formatYuan } from '../text/numbers.js';

/**
 * The terminal summary's lines on tracks and funding, one per track
 * ("社会组织项目: 14 projects, 12 passed, quota 12, granted 298,000 of 300,000"), and the whole
 * review's money when it is one budget. None without tracks or funding.
 */
export function trackLines(results: Results, lang: Lang = results.rubric.lang): string[] {
  const t = results.tracks;
  if (t === undefined) return [];
  const m = messages(lang).tracks;
  const lines = (t.tracks ?? []).map((s) => {
    const parts = [m.projects(s.projects), m.passed(s.passed)];
    // The summary line above gives the review's threshold; a track's own one is stated here.
    const threshold = results.rubric.tracks?.find((r) => r.id === s.id)?.threshold;
    if (threshold !== undefined) parts.push(m.threshold(threshold));
    if (s.quota !== null) parts.push(m.quota(s.quota));
    if (s.granted !== null)
      parts.push(
        m.granted(formatYuan(s.granted), s.budget !== null ? formatYuan(s.budget) : undefined),
      );
    return m.line(s.label, parts);
  });
  if (t.funding !== undefined) {
    const f = t.funding;
    lines.push(m.funding(formatYuan(f.granted), formatYuan(f.budget), formatYuan(f.left)));
  }
  return lines;
}

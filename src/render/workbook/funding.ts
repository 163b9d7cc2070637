import type { Results } from '../../core/model.js';
import { reportText } from '../../text/report.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';

import { type RowSpec, type SheetSpec } from './writer.js';
import { STYLE, headerRow, number, text } from './style.js';
import { money } from './track-columns.js';

/**
 * The Funding sheet, present only when the rubric sets funding: budget, granted and what is left,
 * per track (with per-track budgets) and in total; then one row per project that got a grant.
 */
export function fundingSheet(results: Results, t: Labels): SheetSpec | undefined {
  const totals = results.tracks?.funding;
  if (totals === undefined) return undefined;
  const x = reportText(results.rubric.lang).workbookExtra;
  const tracks = results.tracks!.tracks ?? [];
  const perTrack = tracks.length > 0 && tracks.every((tr) => tr.budget !== null);
  const labelOf = new Map(tracks.map((tr) => [tr.id, tr.label]));
  const place = (id: string) => results.tracks!.byId.get(id);
  // Grouped by track in the rubric's order, then by rank within it (the overall rank without tracks).
  const order = new Map(tracks.map((tr, i) => [tr.id, i]));
  const trackIndex = (id: string) => order.get(place(id)?.track ?? '') ?? 0;
  const funded = results.projects
    .filter((p) => (place(p.id)?.funding?.granted ?? 0) > 0)
    .map((p, i) => ({ p, i }))
    .sort((a, b) => trackIndex(a.p.id) - trackIndex(b.p.id) || a.i - b.i)
    .map(({ p }) => p);
  const overview: RowSpec[] = tracks.map((tr) => [
    text(tr.label),
    number(tr.projects),
    number(tr.passed),
    tr.quota === null ? undefined : number(tr.quota),
    perTrack ? money(tr.budget) : undefined,
    perTrack ? money(tr.granted) : undefined,
    perTrack && tr.budget !== null && tr.granted !== null
      ? money((Math.round(tr.budget * 100) - Math.round(tr.granted * 100)) / 100)
      : undefined,
  ]);
  const bold = STYLE.aggregate;
  return {
    name: x.fundingSheet,
    columns: [{ max: 30 }, { max: 12 }, { max: 30 }, {}, {}, {}, {}, { max: 20 }],
    headerRow: 2,
    tableRows: tracks.length + 1,
    *rows() {
      yield { span: text(x.fundingTitle, STYLE.title), height: 24 };
      yield headerRow([x.track, x.projects, x.passed, x.quota, x.budget, x.granted, x.left]);
      yield* overview;
      yield [
        text(x.total, bold),
        number(results.projects.length, undefined, bold),
        number(results.projects.filter((p) => p.passed).length, undefined, bold),
        text(undefined, bold),
        money(totals.budget, bold),
        money(totals.granted, bold),
        money(totals.left, bold),
      ];
      yield [];
      yield { span: text(x.fundedTitle, STYLE.section) };
      yield headerRow([
        x.track,
        x.trackRank,
        t.name,
        t.id,
        x.requested,
        x.granted,
        x.tier,
        x.status,
      ]);
      for (const p of funded) {
        const pt = place(p.id)!;
        yield [
          text(pt.track === null ? undefined : labelOf.get(pt.track)),
          pt.trackRank === null ? undefined : number(pt.trackRank),
          text(p.name, STYLE.text),
          text(p.id),
          money(pt.funding!.requested),
          money(pt.funding!.granted),
          text(pt.funding!.tier ?? undefined),
          text(x.fundingStatus[pt.funding!.status]),
        ];
      }
      yield [];
      yield { span: text(x.moneyNote, STYLE.note) };
    },
  };
}

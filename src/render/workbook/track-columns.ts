import type { Results, ProjectResult } from '../../core/model.js';
import type { ProjectTrack } from '../../core/track-results.js';
import { reportText } from '../../text/report.js';
import type { WorkbookLabels as Labels } from '../../text/report-workbook.js';

import { type CellSpec, type ColumnSpec } from './writer.js';
import { STYLE, number, resultStyle, text } from './style.js';
import { PLAIN } from './shared-style.js';

/** Yuan with thousands separators and cents, as the announcement prints them. */
export const MONEY = '#,##0.00';

export const money = (
  yuan: number | null,
  style: CellSpec['style'] = PLAIN,
): CellSpec | undefined => (yuan === null ? undefined : number(yuan, MONEY, style));

/**
 * The Summary's extra columns when the rubric has tracks or funding: track and track rank after
 * the category; requested, granted, tier and funding status after the result. None otherwise,
 * so a review without them keeps its workbook byte for byte.
 */
export interface TrackColumns {
  leadHeader: string[];
  leadColumns: ColumnSpec[];
  lead: (p: ProjectResult) => (CellSpec | undefined)[];
  tailHeader: string[];
  tailColumns: ColumnSpec[];
  tail: (p: ProjectResult) => (CellSpec | undefined)[];
  /** A track's own threshold or quota, one note each: the pass note alone gives the review's. */
  notes: CellSpec[];
}

export function trackColumns(results: Results): TrackColumns | undefined {
  const tracks = results.tracks;
  if (tracks === undefined) return undefined;
  const x = reportText(results.rubric.lang).workbookExtra;
  const hasTracks = results.rubric.tracks !== undefined;
  const funded = tracks.funding !== undefined;
  const labelOf = new Map((results.rubric.tracks ?? []).map((t) => [t.id, t.label ?? t.id]));
  const place = (p: ProjectResult): ProjectTrack | undefined => tracks.byId.get(p.id);
  const rules = reportText(results.rubric.lang).tracks.rules;
  const notes = (results.rubric.tracks ?? [])
    .filter((tr) => tr.threshold !== undefined || tr.quota !== undefined)
    .map((tr) => text(rules(tr.label ?? tr.id, tr.threshold, tr.quota), STYLE.note));
  return {
    notes,
    leadHeader: hasTracks ? [x.track, x.trackRank] : [],
    leadColumns: hasTracks ? [{ max: 24 }, {}] : [],
    lead: (p) => {
      if (!hasTracks) return [];
      const pt = place(p);
      return [
        text(pt?.track === null || pt === undefined ? undefined : labelOf.get(pt.track)),
        pt?.trackRank === null || pt === undefined ? undefined : number(pt.trackRank),
      ];
    },
    tailHeader: funded ? [x.requested, x.granted, x.tier, x.status] : [],
    tailColumns: funded ? [{}, {}, { max: 20 }, { max: 30 }] : [],
    tail: (p) => {
      const f = place(p)?.funding;
      if (!funded || f === undefined)
        return funded ? [undefined, undefined, undefined, undefined] : [];
      return [
        money(f.requested),
        money(f.status === 'not-passed' ? null : f.granted),
        text(f.tier ?? undefined),
        text(x.fundingStatus[f.status]),
      ];
    },
  };
}

/** Pass, fail, or, with tracks, a fail that says the track's quota cut it. */
export function resultCell(
  results: Results,
  p: ProjectResult,
  t: Labels,
  extra: CellSpec['style'] = PLAIN,
): CellSpec {
  if (p.passed) return text(t.pass, resultStyle(true, extra));
  const quota = results.tracks?.byId.get(p.id)?.reason === 'quota';
  return text(
    quota ? reportText(results.rubric.lang).workbookExtra.failQuota : t.fail,
    resultStyle(false, extra),
  );
}

import type { Lang } from '../core/rubric.js';
import type { ComputedResults } from '../core/model.js';
import { fingerprint } from './json.js';
import { reportText } from '../text/report.js';
import { methodNote } from './method-facts.js';
import { noticePeriod, postingDate } from './notice-period.js';
import { formatYuan } from './track-lines.js';

/**
 * What a column of the results table holds. The PDF sizes columns by kind (narrow ones fit their
 * widest entry, `name` and `organization` share the rest); the HTML page lets the browser do it.
 */
export type ColumnKind =
  'rank' | 'id' | 'name' | 'organization' | 'final' | 'result' | 'tier' | 'grant';

export interface AnnouncementColumn {
  kind: ColumnKind;
  header: string;
  align: 'left' | 'center' | 'right';
}

/**
 * One results table. A review split into tracks gives one table per track, in the rubric's track
 * order, each under its own heading (a track with no listed project has its heading only);
 * without tracks there is one table and no heading.
 */
export interface AnnouncementTable {
  heading?: string;
  columns: AnnouncementColumn[];
  /** One row per listed project, one cell per column, as printed. */
  rows: string[][];
}

/**
 * The announcement (公示) as text, in reading order, before any layout: every renderer (PDF,
 * HTML) prints exactly this, so the two can never say different things.
 */
export interface AnnouncementContent {
  lang: Lang;
  title: string;
  /** For document metadata. */
  organizer?: string;
  subject: string;
  /** The intro from the rubric and the summary sentence. */
  opening: string[];
  tables: AnnouncementTable[];
  /** Under the tables, with funding: the total granted of the budget. */
  funding?: string;
  /** Under the tables: each track's own pass rules (threshold, quota), when it has any. */
  trackRules: string[];
  /** How the final was computed, the notice period, how to object, the contact. */
  closing: string[];
  /** Organiser and date, set at the foot. */
  signature: string[];
  /** The line naming the inputs' fingerprint, for `pcv verify --fingerprint`. */
  fingerprint: string;
}

/** The announcement's words and table cells, in the order they are printed. */
export function announcementContent(results: ComputedResults): AnnouncementContent {
  const { rubric, projects } = results;
  const { announcement } = rubric;
  const L = reportText(rubric.lang).pdf;
  const passedCount = projects.filter((p) => p.passed).length;
  const listed = announcement.listAll ? projects : projects.filter((p) => p.passed);

  const opening: string[] = [];
  if (announcement.intro?.trim()) opening.push(announcement.intro.trim());
  opening.push(
    listed.length > 0
      ? L.summary(projects.length, passedCount, announcement.listAll)
      : L.nonePassed(projects.length),
  );

  const period = noticePeriod(rubric);
  const closing = [
    methodNote(results),
    period
      ? L.noticePeriod(
          reportText(rubric.lang).date(period.from),
          reportText(rubric.lang).date(period.to),
        )
      : '',
    announcement.objection?.trim() || L.objection,
    announcement.contact?.trim() ?? '',
  ].filter((t) => t !== '');

  const posted = postingDate(rubric);
  const signature = [
    rubric.organizer?.trim(),
    posted !== undefined ? reportText(rubric.lang).date(posted) : undefined,
  ].filter((s): s is string => !!s);

  const TL = reportText(rubric.lang).tracks;
  const money = results.tracks?.funding;
  const shown = listed.length > 0;

  return {
    lang: rubric.lang,
    title: L.titleSuffix(rubric.title),
    ...(rubric.organizer !== undefined ? { organizer: rubric.organizer } : {}),
    subject: rubric.title,
    opening,
    tables: shown ? resultsTables(results, listed) : [],
    ...(shown && money ? { funding: TL.totalGranted(money.granted, money.budget) } : {}),
    // The method note gives the review's threshold; a track's own rules are stated here.
    trackRules: shown
      ? (rubric.tracks ?? []).flatMap((t) =>
          t.threshold === undefined && t.quota === undefined
            ? []
            : [TL.rules(t.label ?? t.id, t.threshold, t.quota)],
        )
      : [],
    closing,
    signature,
    fingerprint: L.fingerprint(fingerprint(results).slice(0, 16)),
  };
}

type Project = ComputedResults['projects'][number];

/** One table per track, each under its heading, or one table for the whole review. */
function resultsTables(results: ComputedResults, listed: readonly Project[]): AnnouncementTable[] {
  const tracks = results.tracks?.tracks;
  if (tracks === undefined) return [resultsTable(results, listed)];
  const TL = reportText(results.rubric.lang).tracks;
  return tracks.map((track) => {
    const rows = listed.filter((p) => results.tracks?.byId.get(p.id)?.track === track.id);
    const heading = TL.heading(track.label, track.projects, track.passed);
    return { heading, ...resultsTable(results, rows) };
  });
}

function resultsTable(results: ComputedResults, listed: readonly Project[]): AnnouncementTable {
  const { rubric } = results;
  const L = reportText(rubric.lang).pdf;
  const TL = reportText(rubric.lang).tracks;
  const d = rubric.decimals;
  const placeOf = (p: Project) => results.tracks?.byId.get(p.id);
  type Spec = AnnouncementColumn & { value: (p: Project) => string };
  // Under tracks each table ranks its own track.
  const specs: Spec[] = [
    {
      kind: 'rank',
      header: L.rank,
      align: 'center',
      value: (p) => String(placeOf(p)?.trackRank ?? p.rank),
    },
    { kind: 'id', header: L.id, align: 'center', value: (p) => p.id },
  ];
  // A column nobody has a value for is left out rather than printed empty.
  if (listed.some((p) => p.name))
    specs.push({ kind: 'name', header: L.name, align: 'left', value: (p) => p.name ?? '' });
  if (listed.some((p) => p.organization))
    specs.push({
      kind: 'organization',
      header: L.organization,
      align: 'left',
      value: (p) => p.organization ?? '',
    });
  specs.push({
    kind: 'final',
    header: L.final,
    align: 'center',
    value: (p) => p.final.toFixed(d),
  });
  if (rubric.announcement.listAll)
    specs.push({
      kind: 'result',
      header: L.result,
      align: 'center',
      // A project cut by its track's quota says so: "failed" alone would read as a low score.
      value: (p) =>
        p.passed ? L.passed : placeOf(p)?.reason === 'quota' ? TL.failedQuota : L.failed,
    });
  // The grant (and, under tiers, the tier) of each listed project, when funding is configured.
  if (listed.some((p) => placeOf(p)?.funding)) {
    if (listed.some((p) => (placeOf(p)?.funding?.tier ?? '') !== ''))
      specs.push({
        kind: 'tier',
        header: TL.tier,
        align: 'center',
        value: (p) => placeOf(p)?.funding?.tier ?? '',
      });
    specs.push({
      kind: 'grant',
      header: TL.grant,
      align: 'right',
      value: (p) => {
        const funding = placeOf(p)?.funding;
        return funding ? formatYuan(funding.granted) : '';
      },
    });
  }
  return {
    columns: specs.map(({ kind, header, align }) => ({ kind, header, align })),
    rows: listed.map((p) => specs.map((s) => s.value(p))),
  };
}

import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import * as z from 'zod/mini';
import { normalizeHeader, SHEET_FIELDS } from './headers.js';
import { IssueList, sortIssues, type Issue } from './issues.js';
import { keyPath, rule, unknownKey, zodProblem } from './rubric-issues.js';
import { checkTrackRubric, trackKeys } from './tracks-schema.js';
import { workdayPeriod } from './workdays.js';
import './zod-messages.js';
import { LANGS, type Lang } from '../text/lang-type.js';
import { worded, type Worded } from '../text/problems.js';

export const AGGREGATES = ['mean', 'trimmed-mean', 'median'] as const;
export type Aggregate = (typeof AGGREGATES)[number];
export const NORMALIZE_METHODS = ['none', 'zscore', 'offset'] as const;
export type Normalize = (typeof NORMALIZE_METHODS)[number];
// The languages live in the text layer, which words every sentence; a rubric names one of them.
export { LANGS, type Lang } from '../text/lang-type.js';

// zod/mini: each of zod's chained methods is one of these checks, so the issues (and the wording
// made from them) are the same, from a build a third the size with no methods made per schema
// (BENCHMARKS.md, "Validate: stop 14"). The rubric tests pin the wording.
const positive = (what = rule('rule-positive')) => z.number().check(z.gt(0, what));
const text = () => z.string().check(z.trim(), z.minLength(1, rule('rule-not-empty')));
const whole = (what: string) => z.number().check(z.int(what));

const CriterionSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9_-]+$/, rule('rule-id-chars'))),
  label: z.optional(text()),
  aliases: z._default(z.array(text()), []),
  max: positive(),
  weight: z.optional(positive()),
  step: z.optional(positive()),
  description: z.optional(z.string()),
});

const isoDate = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, rule('rule-date')),
    z.refine(isRealDate, rule('rule-real-date')),
  );

const noticeLength = () =>
  z.optional(whole(rule('rule-whole-days')).check(z.gte(1, rule('rule-at-least-one'))));

const AnnouncementSchema = z.strictObject({
  intro: z.optional(z.string()),
  noticeDays: noticeLength(),
  /** Chinese working days (weekends and public holidays skipped), instead of noticeDays. */
  noticeWorkdays: noticeLength(),
  /** The posting date: the foot of the announcement and the notice start (default: `date`). */
  date: z.optional(isoDate),
  contact: z.optional(z.string()),
  objection: z.optional(z.string()),
  listAll: z._default(z.boolean(), false),
});

const percent = () =>
  z.number().check(z.gte(0, rule('rule-percent')), z.lte(100, rule('rule-percent')));

export const RubricSchema = z.strictObject({
  title: text(),
  organizer: z.optional(z.string()),
  date: z.optional(isoDate),
  lang: z._default(z.enum(LANGS, rule('rule-lang')), 'en'),
  threshold: percent(),
  aggregate: z._default(z.enum(AGGREGATES, rule('rule-aggregate')), 'mean'),
  trim: z._default(whole(rule('rule-whole')).check(z.gte(0, rule('rule-not-negative'))), 1),
  /**
   * zscore: rescale each judge's totals to the panel's mean and SD before aggregating; offset:
   * subtract each judge's least-squares leniency (core/offset.ts).
   */
  normalize: z._default(z.enum(NORMALIZE_METHODS, rule('rule-normalize')), 'none'),
  decimals: z._default(
    whole(rule('rule-whole')).check(
      z.gte(0, rule('rule-decimals')),
      z.lte(6, rule('rule-decimals')),
    ),
    2,
  ),
  tieBreak: z._default(z.array(z.string()), []),
  criteria: z.array(CriterionSchema).check(z.minLength(1, rule('rule-criteria'))),
  announcement: z._default(AnnouncementSchema, { listAll: false }),
  /** Judge groups (分组评审): group name -> its judges; projects name their group in the roster. */
  groups: z.optional(z.record(text(), z.array(text()).check(z.minLength(1, rule('rule-judges'))))),
  /** A TrueType/OpenType font file for the PDF reports, relative to the rubric's folder. */
  font: z.optional(z.string().check(z.minLength(1, rule('rule-not-empty')))),
  ...trackKeys,
});

type RubricInput = z.output<typeof RubricSchema>;

export interface Criterion {
  id: string;
  label: string;
  aliases: string[];
  max: number;
  weight: number;
  step?: number;
  description?: string;
}

export interface Rubric extends Omit<RubricInput, 'criteria'> {
  criteria: Criterion[];
}

export interface RubricResult {
  rubric?: Rubric;
  issues: Issue[];
  /** Its `lang:`, when valid, even in a rubric with problems: they are told in that language. */
  lang?: Lang;
}

/** Parses and validates a rubric (YAML or JSON: JSON is read by the YAML parser too). */
export function parseRubric(text: string, file: string): RubricResult {
  const issues = new IssueList();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  for (const err of doc.errors) {
    const line = lineCounter.linePos(err.pos[0]).line;
    issues.error(
      'rubric-syntax',
      file,
      worded('yaml-invalid', { detail: firstLine(err.message) }),
      {
        line,
      },
    );
  }
  if (issues.hasErrors) return { issues: issues.items };

  let data: unknown;
  try {
    // maxAliasCount stops "billion laughs" alias bombs from expanding without bound.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const bomb = String(err).includes('Excessive alias count');
    issues.error(
      'rubric-syntax',
      file,
      bomb
        ? worded('yaml-alias-bomb', {})
        : worded('rubric-unreadable', { detail: firstLine(String(err)) }),
    );
    return { issues: issues.items };
  }
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    issues.error('rubric-empty', file, worded('rubric-not-mapping', {}));
    return { issues: issues.items };
  }

  const lineOf = (path: readonly PropertyKey[]) => keyLine(doc, lineCounter, path);
  const said = (data as { lang?: unknown }).lang;
  const lang = LANGS.find((l) => l === said);
  const parsed = RubricSchema.safeParse(data);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      if (zi.code === 'unrecognized_keys') {
        for (const key of zi.keys) {
          const path = [...zi.path, key];
          issues.error('rubric-key', file, unknownKey(path, RubricSchema), {
            line: lineOf(path),
          });
        }
        continue;
      }
      const why = zodProblem(zi, valueAt(data, zi.path));
      issues.error('rubric-value', file, worded('rubric-value', { key: keyPath(zi.path), why }), {
        line: lineOf(zi.path),
      });
    }
    return { issues: sortIssues(issues.items), ...(lang !== undefined ? { lang } : {}) };
  }

  const input = parsed.data;
  const rubric: Rubric = {
    ...input,
    criteria: input.criteria.map((c) => ({
      id: c.id,
      label: c.label ?? c.id,
      aliases: c.aliases,
      max: c.max,
      weight: c.weight ?? c.max,
      ...(c.step !== undefined ? { step: c.step } : {}),
      ...(c.description !== undefined ? { description: c.description } : {}),
    })),
  };
  checkConsistency(rubric, file, lineOf, issues);
  const sorted = sortIssues(issues.items);
  return issues.hasErrors ? { issues: sorted, lang: rubric.lang } : { rubric, issues: sorted };
}

/** Rules that span keys: unique ids, unambiguous headers, known tie-break criteria. */
function checkConsistency(
  rubric: Rubric,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  issues: IssueList,
) {
  const report = (path: PropertyKey[], why: Worded) =>
    issues.error('rubric-value', file, worded('rubric-value', { key: keyPath(path), why }), {
      line: lineOf(path),
    });

  const reserved = new Map<string, string>();
  for (const [field, names] of Object.entries(SHEET_FIELDS)) {
    for (const n of names) reserved.set(normalizeHeader(n), field);
  }
  const ids = new Set<string>();
  const headerOwner = new Map<string, string>();
  rubric.criteria.forEach((c, i) => {
    if (ids.has(c.id)) report(['criteria', i, 'id'], worded('criterion-duplicate', { id: c.id }));
    ids.add(c.id);
    const names: [PropertyKey[], string][] = [
      [['criteria', i, 'id'], c.id],
      [['criteria', i, 'label'], c.label],
      ...c.aliases.map((a, j): [PropertyKey[], string] => [['criteria', i, 'aliases', j], a]),
    ];
    for (const [path, name] of names) {
      const key = normalizeHeader(name);
      const field = reserved.get(key);
      if (field !== undefined) {
        report(path, worded('header-reserved', { name, field }));
        continue;
      }
      const owner = headerOwner.get(key);
      if (owner !== undefined && owner !== c.id) {
        report(path, worded('header-taken', { name, owner }));
      }
      headerOwner.set(key, c.id);
    }
    if (c.step !== undefined && !isMultiple(c.max, c.step)) {
      report(['criteria', i, 'step'], worded('step-max', { max: c.max, step: c.step }));
    }
  });
  rubric.tieBreak.forEach((id, i) => {
    if (!ids.has(id)) report(['tieBreak', i], worded('tiebreak-unknown', { id }));
  });
  checkTrackRubric(rubric, report);
  checkNotice(rubric, report);
}

/** One notice length, and a working-day period the holiday calendar covers. */
function checkNotice(rubric: Rubric, report: (path: PropertyKey[], why: Worded) => void) {
  const { announcement } = rubric;
  if (announcement.noticeWorkdays === undefined) return;
  const path = ['announcement', 'noticeWorkdays'];
  if (announcement.noticeDays !== undefined) {
    report(path, worded('notice-both', {}));
    return;
  }
  const start = announcement.date ?? rubric.date;
  if (start === undefined) {
    report(path, worded('notice-start', {}));
    return;
  }
  const period = workdayPeriod(start, announcement.noticeWorkdays);
  if (!period.ok) {
    const { year, firstYear: first, lastYear: last } = period;
    report(path, worded('notice-calendar', { start, year, first, last }));
  }
}

function isMultiple(value: number, step: number): boolean {
  // Compare in scaled integers to avoid binary fractions (0.3 / 0.1).
  const scale = 10 ** Math.max(decimalsOf(value), decimalsOf(step));
  return Math.round(value * scale) % Math.round(step * scale) === 0;
}

function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.hasOwn(cur, key) ? (cur as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return cur;
}

/** Line of a key's value in the YAML source (or of its nearest existing parent). */
function keyLine(
  doc: Document,
  counter: LineCounter,
  path: readonly PropertyKey[],
): number | undefined {
  // The root itself has no useful line: a missing top-level key is reported without one.
  for (let n = path.length; n >= 1; n--) {
    const sub = path.slice(0, n);
    const parent = doc.getIn(sub.slice(0, -1), true);
    if (isMap(parent)) {
      const last = sub[sub.length - 1];
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      if (pair && isScalar(pair.key) && pair.key.range)
        return counter.linePos(pair.key.range[0]).line;
    }
    const node = doc.getIn(sub, true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0]?.trim() ?? s;
}

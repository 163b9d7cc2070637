import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { normalizeHeader, SHEET_FIELDS } from './headers.js';
import { IssueList, sortIssues, type Issue } from './issues.js';
import { formatKeyPath } from './paths.js';
import { checkTrackRubric, trackKeys } from './tracks-schema.js';
import { workdayPeriod } from './workdays.js';
import { LANGS } from '../text/lang-type.js';

export const AGGREGATES = ['mean', 'trimmed-mean', 'median'] as const;
export type Aggregate = (typeof AGGREGATES)[number];
export const NORMALIZE_METHODS = ['none', 'zscore', 'offset'] as const;
export type Normalize = (typeof NORMALIZE_METHODS)[number];
// The languages live in the text layer, which words every sentence; a rubric names one of them.
export { LANGS, type Lang } from '../text/lang-type.js';

const positive = (what = 'must be > 0') => z.number().finite().gt(0, what);

const CriterionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_-]+$/, 'must be lowercase letters, digits, "_" or "-"'),
  label: z.string().trim().min(1, 'must not be empty').optional(),
  aliases: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
  max: positive(),
  weight: positive().optional(),
  step: positive().optional(),
  description: z.string().optional(),
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');

const AnnouncementSchema = z.strictObject({
  intro: z.string().optional(),
  noticeDays: z.number().int('must be a whole number of days').min(1, 'must be >= 1').optional(),
  /** Chinese working days (weekends and public holidays skipped), instead of noticeDays. */
  noticeWorkdays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be >= 1')
    .optional(),
  /** The posting date: the foot of the announcement and the notice start (default: `date`). */
  date: isoDate.optional(),
  contact: z.string().optional(),
  objection: z.string().optional(),
  listAll: z.boolean().default(false),
});

export const RubricSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  organizer: z.string().optional(),
  date: isoDate.optional(),
  lang: z.enum(LANGS, 'must be zh or en').default('en'),
  threshold: z.number().finite().min(0, 'must be from 0 to 100').max(100, 'must be from 0 to 100'),
  aggregate: z.enum(AGGREGATES, 'must be mean, trimmed-mean or median').default('mean'),
  trim: z.number().int('must be a whole number').min(0, 'must be >= 0').default(1),
  /**
   * zscore: rescale each judge's totals to the panel's mean and SD before aggregating; offset:
   * subtract each judge's least-squares leniency (core/offset.ts).
   */
  normalize: z.enum(NORMALIZE_METHODS, 'must be none, zscore or offset').default('none'),
  decimals: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be from 0 to 6')
    .max(6, 'must be from 0 to 6')
    .default(2),
  tieBreak: z.array(z.string()).default([]),
  criteria: z.array(CriterionSchema).min(1, 'must list at least one criterion'),
  announcement: AnnouncementSchema.default({ listAll: false }),
  /** Judge groups (分组评审): group name -> its judges; projects name their group in the roster. */
  groups: z
    .record(
      z.string().trim().min(1, 'must not be empty'),
      z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'must list at least one judge'),
    )
    .optional(),
  /** A TrueType/OpenType font file for the PDF reports, relative to the rubric's folder. */
  font: z.string().min(1, 'must not be empty').optional(),
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
}

/** Parses and validates a rubric (YAML or JSON: JSON is read by the YAML parser too). */
export function parseRubric(text: string, file: string): RubricResult {
  const issues = new IssueList();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  for (const err of doc.errors) {
    const line = lineCounter.linePos(err.pos[0]).line;
    issues.error('rubric-syntax', file, `invalid YAML: ${firstLine(err.message)}`, { line });
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
        ? 'YAML aliases (*name) expand more than 100 times; refused as a possible "billion laughs" alias bomb'
        : `cannot read the rubric: ${firstLine(String(err))}`,
    );
    return { issues: issues.items };
  }
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    issues.error(
      'rubric-empty',
      file,
      'the rubric must be a mapping of keys (title, criteria, ...)',
    );
    return { issues: issues.items };
  }

  const lineOf = (path: readonly PropertyKey[]) => keyLine(doc, lineCounter, path);
  const parsed = RubricSchema.safeParse(data);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      if (zi.code === 'unrecognized_keys') {
        for (const key of zi.keys) {
          const path = [...zi.path, key];
          issues.error('rubric-key', file, `${formatKeyPath(path)}: unknown key`, {
            line: lineOf(path),
          });
        }
        continue;
      }
      const message = describeZodIssue(zi, valueAt(data, zi.path));
      issues.error('rubric-value', file, `${formatKeyPath(zi.path)}: ${message}`, {
        line: lineOf(zi.path),
      });
    }
    return { issues: sortIssues(issues.items) };
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
  return issues.hasErrors ? { issues: sorted } : { rubric, issues: sorted };
}

/** Rules that span keys: unique ids, unambiguous headers, known tie-break criteria. */
function checkConsistency(
  rubric: Rubric,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
  issues: IssueList,
) {
  const report = (path: PropertyKey[], message: string) =>
    issues.error('rubric-value', file, `${formatKeyPath(path)}: ${message}`, {
      line: lineOf(path),
    });

  const reserved = new Map<string, string>();
  for (const [field, names] of Object.entries(SHEET_FIELDS)) {
    for (const n of names) reserved.set(normalizeHeader(n), field);
  }
  const ids = new Set<string>();
  const headerOwner = new Map<string, string>();
  rubric.criteria.forEach((c, i) => {
    if (ids.has(c.id)) report(['criteria', i, 'id'], `duplicate criterion id "${c.id}"`);
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
        report(path, `"${name}" is reserved for the sheet's ${field} column`);
        continue;
      }
      const owner = headerOwner.get(key);
      if (owner !== undefined && owner !== c.id) {
        report(path, `"${name}" is already a header of criterion "${owner}"`);
      }
      headerOwner.set(key, c.id);
    }
    if (c.step !== undefined && !isMultiple(c.max, c.step)) {
      report(
        ['criteria', i, 'step'],
        `the maximum ${c.max} is not a multiple of the step ${c.step}`,
      );
    }
  });
  rubric.tieBreak.forEach((id, i) => {
    if (!ids.has(id)) report(['tieBreak', i], `"${id}" is not a criterion id`);
  });
  checkTrackRubric(rubric, report);
  checkNotice(rubric, report);
}

/** One notice length, and a working-day period the holiday calendar covers. */
function checkNotice(rubric: Rubric, report: (path: PropertyKey[], message: string) => void) {
  const { announcement } = rubric;
  if (announcement.noticeWorkdays === undefined) return;
  const path = ['announcement', 'noticeWorkdays'];
  if (announcement.noticeDays !== undefined) {
    report(
      path,
      'give either noticeDays (calendar days) or noticeWorkdays (working days), not both',
    );
    return;
  }
  const start = announcement.date ?? rubric.date;
  if (start === undefined) {
    report(path, 'counting working days needs a start: announcement.date or the review date');
    return;
  }
  const period = workdayPeriod(start, announcement.noticeWorkdays);
  if (!period.ok) report(path, period.message);
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

function describeZodIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      return `must be ${article(issue.expected)}, not ${describeValue(value)}`;
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') return issue.message;
      return issue.message.startsWith('Too') ? `must be >= ${issue.minimum}` : issue.message;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object') return 'a mapping';
  return `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
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

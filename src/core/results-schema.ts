import * as z from 'zod/mini';
import { AGGREGATES, LANGS, NORMALIZE_METHODS } from './rubric.js';
import './zod-messages.js';

/*
 * results.json, schemaVersion 1 (CONTRACT.md), typed once: render/json.ts builds a ResultsJson,
 * verify parses a published file with resultsSchema, and the JSON Schema shipped in the package is
 * generated from it. Later versions only add fields, so objects are not strict: a newer file still
 * parses here. Descriptive statistics are null when they do not exist (one judge, no spread).
 */

const stat = z.nullable(z.number());
const file = z.object({ file: z.string(), sha256: z.string() });

const score = z.object({
  recused: z.optional(z.literal(true)),
  criteria: z.optional(z.record(z.string(), z.number())),
  total: z.optional(z.number()),
  normalizedTotal: z.optional(z.number()),
  dropped: z.optional(z.literal(true)),
  comment: z.optional(z.string()),
});

const flag = z.object({
  type: z.enum([
    'outlier',
    'pass-hinges-on-judge',
    'rank-hinges-on-judge',
    'pass-hinges-on-trim',
    'rank-hinges-on-trim',
    'trim-fallback',
  ]),
  judge: z.optional(z.string()),
  message: z.string(),
});

/** Per project with tracks or funding in the rubric, in yuan (core/track-results.ts). */
const funding = z.object({
  requested: z.nullable(z.number()),
  eligible: z.number(),
  granted: z.number(),
  tier: z.nullable(z.string()),
  status: z.enum(['funded', 'partial', 'not-funded', 'not-passed']),
});

const trackSummary = z.object({
  id: z.string(),
  label: z.string(),
  projects: z.number(),
  passed: z.number(),
  quota: z.nullable(z.number()),
  budget: z.nullable(z.number()),
  granted: z.nullable(z.number()),
});

const project = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  organization: z.nullable(z.string()),
  category: z.nullable(z.string()),
  amount: z.optional(z.number()),
  scores: z.record(z.string(), score),
  criteria: z.record(z.string(), z.number()),
  final: z.number(),
  rank: z.number().check(z.int()),
  passed: z.boolean(),
  // Only when the rubric has tracks or funding.
  track: z.optional(z.nullable(z.string())),
  trackRank: z.optional(z.nullable(z.number().check(z.int()))),
  reason: z.optional(z.nullable(z.enum(['threshold', 'quota']))),
  funding: z.optional(funding),
  trimFallback: z.optional(z.literal(true)),
  spread: z.object({ median: stat, range: stat, sd: stat }),
  flags: z.array(flag),
});

const iccForms = <T extends z.ZodMiniType>(value: T) =>
  z.object({
    ICC1: value,
    ICC2: value,
    ICC3: value,
    ICC1k: value,
    ICC2k: value,
    ICC3k: value,
  });

export const resultsSchema = z.object({
  schemaVersion: z.literal(1),
  generator: z.string(),
  title: z.string(),
  organizer: z.nullable(z.string()),
  date: z.nullable(z.string()),
  lang: z.enum(LANGS),
  threshold: z.number(),
  aggregate: z.enum(AGGREGATES),
  trim: z.number().check(z.int()),
  decimals: z.number().check(z.int()),
  normalize: z.enum(NORMALIZE_METHODS),
  normalization: z.nullable(z.object({ panelMean: stat, panelSd: stat })),
  tieBreak: z.array(z.string()),
  criteria: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      max: z.number(),
      weight: z.number(),
      step: z.optional(z.number()),
    }),
  ),
  fingerprint: z.string(),
  rubric: file,
  roster: z.nullable(file),
  /** assignments.csv (judge groups), when the review has one. */
  assignments: z.optional(file),
  judges: z.array(z.extend(file, { id: z.string() })),
  projects: z.array(project),
  summary: z.object({
    projects: z.number(),
    passed: z.number(),
    failed: z.number(),
    tracks: z.optional(z.array(trackSummary)),
    funding: z.optional(z.object({ budget: z.number(), granted: z.number(), left: z.number() })),
  }),
  judgeStats: z.array(
    z.object({
      judge: z.string(),
      scored: z.number(),
      recused: z.number(),
      mean: stat,
      sd: stat,
      leniency: stat,
      trimmed: z.number(),
      offset: z.optional(z.number()),
    }),
  ),
  agreement: z.object({
    icc: iccForms(stat),
    iccCI: iccForms(z.nullable(z.tuple([stat, stat]))),
    kendallW: stat,
    kendallChi2: stat,
    kendallP: stat,
    n: z.number(),
    k: z.number(),
    block: z.optional(z.array(z.string())),
    note: z.optional(z.string()),
  }),
  warnings: z.array(z.string()),
  // How the numbers were reached, where a reader could otherwise be surprised (rescaled maxima).
  // Absent in files written before pcv added it.
  notes: z.optional(z.array(z.string())),
});

export type ResultsJson = z.output<typeof resultsSchema>;
export type ResultsJsonProject = ResultsJson['projects'][number];

import * as z from 'zod';
import { AGGREGATES, LANGS, NORMALIZE_METHODS } from './rubric.js';

/*
 * results.json, schemaVersion 1 (CONTRACT.md), typed once: render/json.ts builds a ResultsJson,
 * verify parses a published file with resultsSchema, and the JSON Schema shipped in the package is
 * generated from it. Later versions only add fields, so objects are not strict: a newer file still
 * parses here. Descriptive statistics are null when they do not exist (one judge, no spread).
 */

const stat = z.number().nullable();
const file = z.object({ file: z.string(), sha256: z.string() });

const score = z.object({
  recused: z.literal(true).optional(),
  criteria: z.record(z.string(), z.number()).optional(),
  total: z.number().optional(),
  normalizedTotal: z.number().optional(),
  dropped: z.literal(true).optional(),
  comment: z.string().optional(),
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
  judge: z.string().optional(),
  message: z.string(),
});

/** Per project with tracks or funding in the rubric, in yuan (core/track-results.ts). */
const funding = z.object({
  requested: z.number().nullable(),
  eligible: z.number(),
  granted: z.number(),
  tier: z.string().nullable(),
  status: z.enum(['funded', 'partial', 'not-funded', 'not-passed']),
});

const trackSummary = z.object({
  id: z.string(),
  label: z.string(),
  projects: z.number(),
  passed: z.number(),
  quota: z.number().nullable(),
  budget: z.number().nullable(),
  granted: z.number().nullable(),
});

const project = z.object({
  id: z.string(),
  name: z.string().nullable(),
  organization: z.string().nullable(),
  category: z.string().nullable(),
  amount: z.number().optional(),
  scores: z.record(z.string(), score),
  criteria: z.record(z.string(), z.number()),
  final: z.number(),
  rank: z.number().int(),
  passed: z.boolean(),
  // Only when the rubric has tracks or funding.
  track: z.string().nullable().optional(),
  trackRank: z.number().int().nullable().optional(),
  reason: z.enum(['threshold', 'quota']).nullable().optional(),
  funding: funding.optional(),
  trimFallback: z.literal(true).optional(),
  spread: z.object({ median: stat, range: stat, sd: stat }),
  flags: z.array(flag),
});

const iccForms = <T extends z.ZodType>(value: T) =>
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
  organizer: z.string().nullable(),
  date: z.string().nullable(),
  lang: z.enum(LANGS),
  threshold: z.number(),
  aggregate: z.enum(AGGREGATES),
  trim: z.number().int(),
  decimals: z.number().int(),
  normalize: z.enum(NORMALIZE_METHODS),
  normalization: z.object({ panelMean: stat, panelSd: stat }).nullable(),
  tieBreak: z.array(z.string()),
  criteria: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      max: z.number(),
      weight: z.number(),
      step: z.number().optional(),
    }),
  ),
  fingerprint: z.string(),
  rubric: file,
  roster: file.nullable(),
  /** assignments.csv (judge groups), when the review has one. */
  assignments: file.optional(),
  judges: z.array(file.extend({ id: z.string() })),
  projects: z.array(project),
  summary: z.object({
    projects: z.number(),
    passed: z.number(),
    failed: z.number(),
    tracks: z.array(trackSummary).optional(),
    funding: z.object({ budget: z.number(), granted: z.number(), left: z.number() }).optional(),
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
      offset: z.number().optional(),
    }),
  ),
  agreement: z.object({
    icc: iccForms(stat),
    iccCI: iccForms(z.tuple([stat, stat]).nullable()),
    kendallW: stat,
    kendallChi2: stat,
    kendallP: stat,
    n: z.number(),
    k: z.number(),
    block: z.array(z.string()).optional(),
    note: z.string().optional(),
  }),
  warnings: z.array(z.string()),
  // How the numbers were reached, where a reader could otherwise be surprised (rescaled maxima).
  // Absent in files written before pcv added it.
  notes: z.array(z.string()).optional(),
});

export type ResultsJson = z.infer<typeof resultsSchema>;
export type ResultsJsonProject = ResultsJson['projects'][number];

/*
 * The model: the types every layer shares, at the bottom of the import graph. io produces Rows,
 * core turns them into Results, render and commands read Results. Only types live here; nothing
 * in this file runs.
 */
import type { Analytics } from './analytics.js';
import type { ProjectResult } from './compute.js';
import type { Issue } from './issues.js';
import type { Rubric } from './rubric.js';
import type { TrackResults } from './track-results.js';

export type { Analytics, Flag, FlagType, JudgeStat, ProjectAnalytics } from './analytics.js';
export type { JudgeScore, ProjectResult } from './compute.js';
export type { Issue, Severity } from './issues.js';
export type { Criterion, Lang, Rubric } from './rubric.js';
export type { ResultsJson, ResultsJsonProject } from './results-schema.js';

/** One record of a sheet with the 1-based line on which it starts. */
export interface Row {
  line: number;
  cells: string[];
}

/** An input file as results.json and the messages name it. */
export interface InputFile {
  /** Path relative to the review folder, with forward slashes. */
  file: string;
  /** Path as shown in messages. */
  shown: string;
  sha256: string;
}

/** A judge: the id and the sheet it came from. */
export type Judge = InputFile & { id: string };

/** Everything a report is made from: the tally of one review. */
export interface Results {
  rubric: Rubric;
  rubricFile: InputFile;
  rosterFile?: InputFile;
  /** assignments.csv, when the review has one: it decides which sheets are complete. */
  assignmentsFile?: InputFile;
  judges: Judge[];
  projects: ProjectResult[];
  warnings: Issue[];
  /** Judge profiles, agreement, disagreement and robustness flags (see core/analytics.ts). */
  analytics: Analytics;
  /** Tracks, quotas and funding, when the rubric has them (see core/track-results.ts). */
  tracks?: TrackResults;
}

/**
 * The results before the analytics are computed: all the announcement needs, so that it can be
 * drawn (in the PDF worker) while the analytics are still being worked out.
 */
export type ComputedResults = Omit<Results, 'analytics'>;

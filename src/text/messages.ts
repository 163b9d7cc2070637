import type { ProblemWords } from './problems.js';

/**
 * Every sentence pcv prints at the terminal, as one type that both catalogs (en.ts, zh.ts) must
 * fill: a message missing in one language is a compile error, and test/text.test.ts walks both.
 * Values are plain: numbers and ids come in, words go out; colour is the caller's business.
 */
export interface Messages {
  table: {
    rank: string;
    id: string;
    project: string;
    final: string;
    result: string;
    pass: string;
    fail: string;
    /** Above the threshold but outside its track's quota. */
    quota: string;
    recused: string;
    /** How the final was made, for the summary line. */
    method: {
      mean: string;
      median: string;
      trimmed: (trim: number) => string;
    };
    /** "12 projects: 10 passed, 2 failed at threshold 60; final = …". */
    summary: (
      projects: number,
      passed: string,
      failed: string,
      threshold: number,
      method: string,
    ) => string;
    passed: (n: number) => string;
    failed: (n: number) => string;
    /** Criteria maxima that do not add up to 100 (the note from core/rescale.ts). */
    rescaled: (note: string) => string;
    /** [project, judge] pairs whose final is one judge's total. */
    oneTotal: (items: [string, string][]) => string;
  };
  tracks: {
    projects: (n: number) => string;
    passed: (n: number) => string;
    quota: (n: number) => string;
    threshold: (n: number) => string;
    granted: (granted: string, budget: string | undefined) => string;
    /** "社会组织项目: 14 projects, 12 passed, …". */
    line: (label: string, parts: string[]) => string;
    funding: (granted: string, budget: string, left: string) => string;
  };
  analytics: {
    /** A statistic left undefined is "not meaningful here"; `why` says why, when one is. */
    agreement: (
      n: number,
      block: string | undefined,
      icc: string | undefined,
      ci: string | undefined,
      w: string | undefined,
      p: string,
      why: string | undefined,
    ) => string;
    agreementNote: (note: string) => string;
    leniency: (hi: string, hiBy: string, lo: string, loBy: string) => string;
    fragile: (items: string[]) => string;
    fragileItem: (id: string, pass: boolean, on: string[]) => string;
    /** What a decision hinges on: one judge's scores, or which totals are dropped. */
    judgeScores: (judge: string) => string;
    theTrim: string;
  };
  /** `pcv verify`: differences between a published results.json and its inputs today. */
  verify: {
    missingInput: (file: string) => string;
    changedInput: (file: string) => string;
    noLongerTally: (summary: string) => string;
    noLongerTallyDifference: string;
    fingerprint: (want: string, have: string) => string;
    notVerified: (differences: number) => string;
    verified: (projects: number, judges: number, fingerprint: string) => string;
    projectGone: (id: string) => string;
    judgeGone: (id: string, judge: string) => string;
    recusal: (id: string, judge: string, wasRecused: boolean) => string;
    /** A criterion by its label: "P02, b: Service plan 26.5 → 30". */
    criterion: (
      id: string,
      judge: string,
      label: string,
      was: number,
      now: number | undefined,
    ) => string;
    final: (id: string, was: number, now: number) => string;
    rank: (id: string, was: number, now: number) => string;
    passed: (id: string, was: boolean, now: boolean) => string;
    trackRank: (id: string, was: string, now: string) => string;
    granted: (id: string, was: string, now: string) => string;
    notPublished: (id: string) => string;
  };
  /** `pcv init`: the rubric's comments (after `# `) and what it prints. */
  init: {
    rubric: {
      header: string[];
      date: string;
      lang: string;
      threshold: string;
      aggregate: string;
      trim: string;
      decimals: string;
      tieBreak: string;
      criteria: string[];
      step: string;
      announcement: string;
      noticeDays: string;
      listAll: string;
      postingDate: string;
      noticeWorkdays: string;
    };
    created: (dir: string, files: string[]) => string;
    next: (dir: string) => string;
  };
  /** Problems and warnings in the sheets and other inputs, by wording key (text/problems.ts). */
  problems: ProblemWords;
  run: {
    /** Before a warning or a note, after FILE:LINE:COLUMN: (with its own separator). */
    severity: { warning: string; note: string };
    problems: (errors: number, files: number) => string;
    nothingWritten: (summary: string) => string;
    /** The progress bar's label for each phase of long work. */
    progress: { reading: string; writing: string };
    /** An error pcv did not expect (a bug or the system's), with the hint to run with --debug. */
    internalError: (detail: string) => string;
    wrote: (files: string[]) => string;
    /** An earlier run's reports this run removed (its manifest listed them). */
    removed: (files: string) => string;
    fileCount: (n: number) => string;
    unaccounted: (file: string) => string;
    validated: (sheets: number, projects: number, warnings: number) => string;
    failedValidation: (summary: string) => string;
    skippedChecks: string;
    /** After `pcv template`: `projects` is undefined when each sheet has its assigned projects. */
    templates: (
      sheets: number,
      projects: number | undefined,
      dir: string,
      files: string[],
    ) => string;
    sendTemplates: string;
  };
}

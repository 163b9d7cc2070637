/** pcv as a library: the same pipeline the CLI runs, returning data instead of printing. */
export { tally } from './tally.js';
export type { Overrides, Results, TallyOptions, TallyOutcome, InputFile } from './tally.js';
export { resultsJson, fingerprint } from './render/json.js';
export { formatIssue, type Issue, type Severity } from './core/issues.js';
export { parseRubric, type Rubric, type Criterion, type Aggregate } from './core/rubric.js';
export { aggregate, judgeTotal } from './core/arithmetic/aggregate.js';
export { roundHalfUp } from './core/decimal.js';
export { competitionRanks } from './core/rank.js';
export { decodeBytes } from './io/decode.js';
export { parseCsv } from './io/csv.js';
export { PcvError } from './errors.js';
export { run } from './cli.js';
export { renderReports, FORMATS, type Format, type ReportOptions } from './reports.js';
export { intraclass, kendallW, agreement, type Agreement } from './core/agreement.js';
export type { Analytics, Flag, JudgeStat } from './core/analytics.js';
export { flagSentence } from './render/panel-text.js';

import path from 'node:path';
import { PcvError } from '../errors.js';
import { worded } from '../text/problems.js';
import { display } from '../io/inputs.js';
import { writeReportSet, type WrittenSet } from '../io/write.js';
import { FORMATS, pdfOptions, startPdfWorkerFor, startReports, type Format } from '../reports.js';
import type { PdfWorker, PendingPdf } from '../render/pdf-thread.js';
import type { ComputedResults } from '../core/model.js';
import type { Rubric } from '../core/rubric.js';
import type { ResolvedInputs } from '../io/inputs.js';
import { resultsJsonText } from '../render/json.js';
import { summaryTable } from '../render/table.js';
import { tally, type TallyOutcome } from '../tally.js';
import { chooseLang, messages } from '../text/index.js';
import { progressReporter } from './progress.js';
import {
  DEFAULT_OUT,
  printIssues,
  problemSummary,
  reportDate,
  tallyOptions,
  type InputFlags,
  type Io,
} from './common.js';

export interface TallyFlags extends InputFlags {
  /** Default: `pcv-out` in the review folder, where `pcv verify <folder>` looks. */
  out?: string;
  format: string;
  json?: boolean;
  quiet?: boolean;
  font?: string;
}

export function parseFormats(list: string): Format[] {
  const parts = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const p of parts) {
    if (!(FORMATS as readonly string[]).includes(p)) {
      throw new PcvError(worded('format-unknown', { list, part: p, formats: [...FORMATS] }));
    }
  }
  if (parts.length === 0) throw new PcvError(worded('format-empty', { formats: [...FORMATS] }));
  return [...new Set(parts)] as Format[];
}

/** Validate, compute, print the summary, write the reports. */
export async function tallyCommand(inputs: string[], flags: TallyFlags, io: Io): Promise<number> {
  const formats = parseFormats(flags.format);
  // Started now, the PDF worker loads its code while the sheets are read; stopped on any way out
  // (after its reply it has stopped already).
  const pdfWorker = await startPdfWorkerFor(formats);
  try {
    return await tallyAndWrite(inputs, flags, formats, io, pdfWorker);
  } finally {
    pdfWorker?.cancel();
  }
}

async function tallyAndWrite(
  inputs: string[],
  flags: TallyFlags,
  formats: Format[],
  io: Io,
  pdfWorker: PdfWorker | undefined,
): Promise<number> {
  // The rubric, which may choose the language, is read inside tally(): until then, --lang's or
  // the system's language.
  const progress = await progressReporter(
    io.progress,
    !flags.quiet && !flags.json,
    chooseLang(flags.lang, undefined, io.env),
  );
  let outcome: TallyOutcome;
  // The announcement goes to the worker as soon as the results are known: it is drawn while this
  // thread computes the analytics and writes the other reports.
  let pdf: PendingPdf | undefined;
  const onComputed = (results: ComputedResults, resolved: ResolvedInputs) => {
    pdf = pdfWorker?.draw(results, pdfOptions(reportSettings(results.rubric, resolved, flags, io)));
  };
  try {
    outcome = await tally({
      ...tallyOptions(inputs, flags, io.cwd),
      onProgress: progress.update,
      onComputed,
    });
  } finally {
    progress.stop();
  }
  const lang = chooseLang(flags.lang, outcome.lang, io.env);
  const m = messages(lang);
  const errors = printIssues(outcome.issues, io, flags.quiet, lang);
  if (errors > 0) {
    io.err(m.run.nothingWritten(problemSummary(outcome.issues, lang)));
    return 1;
  }
  const results = outcome.results!;
  const outDir =
    flags.out !== undefined
      ? path.resolve(io.cwd, flags.out)
      : path.join(outcome.inputs.baseDir, DEFAULT_OUT);
  guardOutDir(outDir, outcome);

  const reporting = await progressReporter(io.progress, !flags.quiet && !flags.json, lang);
  const files = await startReports(results, formats, {
    onProgress: reporting.update,
    pdfWorker,
    ...(pdf !== undefined ? { pdf } : {}),
    ...reportSettings(results.rubric, outcome.inputs, flags, io),
  });
  reporting.stop();
  let written: WrittenSet;
  try {
    written = await writeReportSet(outDir, files);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // Not the file system's: the announcement failed in the worker while the others were written.
    if (typeof e.code !== 'string') throw err;
    const why =
      e.code === 'ENOSPC'
        ? 'full'
        : e.code === 'EACCES' || e.code === 'EPERM'
          ? 'denied'
          : e.code === 'ENOTDIR' || e.code === 'EEXIST'
            ? 'in-the-way'
            : e.code === 'ELOCKED'
              ? 'locked'
              : 'other';
    const detail = why === 'locked' ? e.message : (e.code ?? e.message);
    throw new PcvError(
      worded('write-failed', { dir: display(outDir, io.cwd) || '.', why, detail }),
    );
  }

  const say = flags.json ? io.err : io.out;
  if (flags.json) {
    const json = files.find((f) => f.name === 'results.json')?.data ?? resultsJsonText(results);
    io.out(String(json).trimEnd());
  }
  if (!flags.quiet) {
    say(summaryTable(results, io.chalk, lang));
    io.err(m.run.wrote(written.written.map((w) => display(w, io.cwd))));
    if (written.removed.length > 0) {
      io.err(m.run.removed(briefly(written.removed, outDir, io.cwd, m.run.fileCount)));
    }
  }
  for (const file of flags.quiet ? [] : written.unaccounted) {
    io.err(io.chalk.yellow(m.run.unaccounted(display(file, io.cwd))));
  }
  return 0;
}

/** The date stamped into the reports, and the PDFs' font: --font, or the rubric's beside it. */
function reportSettings(
  rubric: Rubric,
  inputs: ResolvedInputs,
  flags: TallyFlags,
  io: Io,
): { date: Date; fontPath?: string } {
  const font =
    flags.font ??
    (rubric.font !== undefined
      ? path.resolve(path.dirname(inputs.rubricPath), rubric.font)
      : undefined);
  return {
    date: reportDate(rubric, io.env),
    ...(font !== undefined ? { fontPath: path.resolve(io.cwd, font) } : {}),
  };
}

/** Files as a short list: those in a sub-folder counted, not named (`out/panel.pdf, out/cards/ (21 files)`). */
function briefly(
  files: readonly string[],
  outDir: string,
  cwd: string,
  count: (n: number) => string,
): string {
  const folders = new Map<string, number>();
  const shown: string[] = [];
  for (const file of files) {
    const folder = path.relative(outDir, path.dirname(file));
    if (folder === '') shown.push(display(file, cwd));
    else folders.set(folder, (folders.get(folder) ?? 0) + 1);
  }
  for (const [folder, n] of folders) {
    shown.push(`${display(path.join(outDir, folder), cwd)}${path.sep} (${count(n)})`);
  }
  return shown.join(', ');
}

/** Reports must never land on an input: refuse an --out that is an input or in the sheets' folder. */
function guardOutDir(outDir: string, { inputs }: TallyOutcome) {
  const files = [
    inputs.rubricPath,
    ...(inputs.rosterPath ? [inputs.rosterPath] : []),
    ...inputs.sheetPaths,
  ];
  if (files.includes(outDir)) throw new PcvError(worded('out-is-input', { dir: outDir }));
  for (const dir of new Set(inputs.sheetPaths.map((f) => path.dirname(f)))) {
    if (outDir === dir || outDir.startsWith(dir + path.sep)) {
      throw new PcvError(worded('out-is-sheets', { dir: outDir }));
    }
  }
}

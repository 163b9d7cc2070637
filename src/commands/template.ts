import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectsByJudge } from '../core/assignments.js';
import type { Roster } from '../core/roster.js';
import type { Lang } from '../core/rubric.js';
import { PcvError } from '../errors.js';
import { worded } from '../text/problems.js';
import { display, resolveReviewFiles } from '../io/inputs.js';
import { writeFileAtomic } from '../io/write.js';
import { templateCsv, templateXlsx } from '../render/template.js';
import { loadReview } from '../review.js';
import { chooseLang, messages } from '../text/index.js';
import { printIssues, problemSummary, reportDate, type Io } from './common.js';

export interface TemplateFlags {
  judges?: string;
  judgesFile?: string;
  format: string;
  out?: string;
  force?: boolean;
  lang?: string;
  rubric?: string;
  roster?: string;
  assignments?: string;
  quiet?: boolean;
}

/** Blank score sheets, one per judge, from the rubric and the roster. */
export async function templateCommand(
  dir: string | undefined,
  flags: TemplateFlags,
  io: Io,
): Promise<number> {
  const format = flags.format.toLowerCase();
  if (format !== 'xlsx' && format !== 'csv')
    throw new PcvError(worded('template-format', { value: flags.format }));
  const named = flags.judges !== undefined || flags.judgesFile !== undefined;
  const root = path.resolve(io.cwd, dir ?? '.');
  const files = resolveReviewFiles(root, {
    cwd: io.cwd,
    ...(flags.rubric !== undefined ? { rubric: flags.rubric } : {}),
    ...(flags.roster !== undefined ? { roster: flags.roster } : {}),
    ...(flags.assignments !== undefined ? { assignments: flags.assignments } : {}),
  });
  if (files.rosterPath === undefined) {
    throw new PcvError(
      worded('template-no-roster', { file: display(path.join(root, 'projects.csv'), io.cwd) }),
    );
  }
  const review = await loadReview(files, io.cwd, {});
  const say = chooseLang(flags.lang, review.lang, io.env);
  const m = messages(say).run;
  if (printIssues(review.issues, io, flags.quiet, say) > 0) {
    io.err(m.nothingWritten(problemSummary(review.issues, say)));
    return 1;
  }
  const rubric = review.rubric!;
  const roster = review.roster!;
  // Judge groups: each judge's sheet lists only the projects assigned to them.
  const assigned = projectsByJudge(rubric, review.rubricFile.shown, roster, review.assignments);
  if (printIssues(assigned.issues, io, flags.quiet, say) > 0) {
    io.err(m.nothingWritten(problemSummary(assigned.issues, say)));
    return 1;
  }
  const { byJudge } = assigned;
  const judges =
    named || byJudge === undefined ? await judgeList(flags, io.cwd) : [...byJudge.keys()];
  const rosterOf = (judge: string): Roster => {
    if (byJudge === undefined) return roster;
    const ids = byJudge.get(judge);
    if (ids === undefined) {
      throw new PcvError(
        worded('template-unassigned', {
          judge,
          file: review.assignmentsFile?.shown ?? review.rubricFile.shown,
        }),
      );
    }
    return { ...roster, projects: new Map(ids.map((id) => [id, roster.projects.get(id)!])) };
  };
  const rosters = judges.map(rosterOf);
  const when = reportDate(rubric, io.env);
  const lang: Lang = flags.lang === 'zh' || flags.lang === 'en' ? flags.lang : rubric.lang;

  const outDir = path.resolve(io.cwd, flags.out ?? path.join(root, 'templates'));
  const targets = judges.map((j) => path.join(outDir, `${j}.${format}`));
  const existing = targets.filter((t) => existsSync(t));
  if (existing.length > 0 && !flags.force) {
    throw new PcvError(
      worded('template-exists', { files: existing.map((t) => display(t, io.cwd)) }),
    );
  }
  for (const [i, judge] of judges.entries()) {
    const own = rosters[i]!;
    const bytes =
      format === 'csv'
        ? templateCsv(rubric, own, lang)
        : await templateXlsx(rubric, own, lang, judge, when);
    await writeFileAtomic(targets[i]!, bytes);
  }
  if (!flags.quiet) {
    io.err(
      m.templates(
        judges.length,
        byJudge ? undefined : roster.projects.size,
        display(outDir, io.cwd) || '.',
        judges.map((j) => `${j}.${format}`),
      ),
    );
    io.err(m.sendTemplates);
  }
  return 0;
}

/** Judges from --judges a,b or --judges-file (one per line); names become file names. */
async function judgeList(flags: TemplateFlags, cwd: string): Promise<string[]> {
  let names: string[] = [];
  if (flags.judges !== undefined) names.push(...flags.judges.split(','));
  if (flags.judgesFile !== undefined) {
    let text: string;
    try {
      text = await readFile(path.resolve(cwd, flags.judgesFile), 'utf8');
    } catch {
      throw new PcvError(worded('judges-file', { file: flags.judgesFile }));
    }
    names.push(...text.replace(/^\uFEFF/, '').split(/\r?\n/));
  }
  names = names.map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) throw new PcvError(worded('judges-missing', {}));
  for (const n of names) {
    const control = [...n].some((ch) => ch.charCodeAt(0) < 32);
    if (control || /[\\/:*?"<>|]/.test(n) || n.startsWith('.')) {
      throw new PcvError(worded('judge-name', { name: n }));
    }
  }
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new PcvError(worded('judge-twice', { name: dup }));
  return names;
}

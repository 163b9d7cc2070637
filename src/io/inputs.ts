import { closeSync, existsSync, openSync, readSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { PcvError } from '../errors.js';
import { worded, type Worded } from '../text/problems.js';
import {
  classifySheetFile,
  classifySubfolder,
  unknownFileMessage,
  type FileKind,
} from './sheet-files.js';
import { contentKind } from './sniff.js';

export const RUBRIC_NAMES = ['rubric.yaml', 'rubric.yml', 'rubric.json'];
export const ROSTER_NAME = 'projects.csv';
export const ASSIGNMENTS_NAME = 'assignments.csv';

export interface ResolvedInputs {
  /** Folder that file paths in results.json are relative to (the review folder). */
  baseDir: string;
  rubricPath: string;
  rosterPath?: string;
  /** Which judge scores which project (judge groups), when the review has one. */
  assignmentsPath?: string;
  sheetPaths: string[];
  /** Files and folders among the inputs that are not read as sheets, and why (see sheet-files). */
  setAside: SetAside[];
}

export interface SetAside {
  path: string;
  severity: 'error' | 'note';
  code: string;
  message: Worded;
}

export interface InputOptions {
  rubric?: string;
  roster?: string;
  assignments?: string;
  cwd: string;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function findRubric(dir: string): string | undefined {
  return RUBRIC_NAMES.map((n) => path.join(dir, n)).find((p) => existsSync(p));
}

/** The review's own files, which a folder of sheets may hold beside the sheets. */
const REVIEW_FILES = new Set([ROSTER_NAME, ASSIGNMENTS_NAME, ...RUBRIC_NAMES]);
const REVIEW_FILE_ROLE = (name: string) =>
  name === ROSTER_NAME ? 'roster' : name === ASSIGNMENTS_NAME ? 'assignments' : 'rubric';

/** Sorts what a sheets folder holds into sheets and set-aside files: nothing goes unmentioned. */
async function sheetsIn(dir: string, found: Found): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    if (REVIEW_FILES.has(entry.name)) {
      // The review's own roster or rubric is dropped from this list once they are resolved.
      found.add(p, {
        kind: 'skip',
        severity: 'note',
        code: 'sheet-review-file',
        message: worded('review-file', { role: REVIEW_FILE_ROLE(entry.name) }),
      });
      continue;
    }
    found.add(
      p,
      isFolder(entry, p) ? classifySubfolder(entry.name) : classifySheetFile(entry.name),
    );
  }
}

/**
 * What the start of a file holds. The part names of an .xlsx stand in the local headers near
 * its start, so 64 KB tell a workbook from text.
 */
function peek(p: string) {
  const buf = Buffer.alloc(64 * 1024);
  let fd: number | undefined;
  try {
    fd = openSync(p, 'r');
    return contentKind(buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)));
  } catch {
    return 'zip'; // unreadable here: the generic message stands, and reading it later says why
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isFolder(entry: Dirent, p: string): boolean {
  return entry.isDirectory() || (entry.isSymbolicLink() && isDir(p));
}

class Found {
  readonly sheets: string[] = [];
  readonly setAside: SetAside[] = [];

  add(p: string, kind: FileKind) {
    if (kind.kind === 'sheet') this.sheets.push(p);
    else if (kind.kind === 'skip') {
      this.setAside.push({
        path: p,
        severity: kind.severity,
        code: kind.code,
        message: kind.message,
      });
    } else {
      this.setAside.push({
        path: p,
        severity: 'error',
        code: 'sheet-format',
        message: kind.unknown ? unknownFileMessage(path.basename(p), peek(p)) : kind.message,
      });
    }
  }
}

/**
 * Turns command-line inputs into the rubric, roster and sheets to read, per the contract:
 * a review folder, a folder of sheets, files, or glob patterns (expanded here, as Windows
 * shells do not).
 */
export async function resolveInputs(
  args: readonly string[],
  opts: InputOptions,
): Promise<ResolvedInputs> {
  const cwd = opts.cwd;
  const list = args.length === 0 ? ['.'] : args;
  let reviewDir: string | undefined;
  const found = new Found();

  for (const arg of list) {
    const abs = path.resolve(cwd, arg);
    if (isDir(abs)) {
      if (list.length === 1 && findRubric(abs) !== undefined && opts.rubric === undefined) {
        reviewDir = abs;
        const scores = path.join(abs, 'scores');
        if (!isDir(scores)) {
          throw new PcvError(worded('no-scores-folder', { folder: display(scores, cwd) }));
        }
        await sheetsIn(scores, found);
      } else {
        await sheetsIn(abs, found);
      }
    } else if (existsSync(abs)) {
      // A file named on purpose is read even when hidden; its format must still be one pcv reads.
      found.add(abs, classifySheetFile(path.basename(abs), false));
    } else {
      // The glob library loads only for an input that names no file.
      const { glob, isDynamicPattern } = await import('tinyglobby');
      if (!isDynamicPattern(arg)) throw new PcvError(worded('no-such-input', { input: arg }));
      const matches = await glob(arg.replaceAll('\\', '/'), {
        cwd,
        absolute: true,
        onlyFiles: true,
      });
      if (matches.length === 0) throw new PcvError(worded('no-pattern-match', { pattern: arg }));
      for (const m of matches) found.add(path.resolve(m), classifySheetFile(path.basename(m)));
    }
  }

  const files = resolveReviewFiles(reviewDir ?? cwd, opts);
  const { rubricPath, rosterPath, assignmentsPath } = files;
  const unique = [...new Set(found.sheets)]
    .filter((p) => p !== rosterPath && p !== rubricPath && p !== assignmentsPath)
    .sort();
  const setAside = [
    ...new Map(
      found.setAside
        .filter((a) => a.path !== rosterPath && a.path !== rubricPath && a.path !== assignmentsPath)
        .map((a) => [a.path, a]),
    ).values(),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // With no sheet but a refused file, the refusal is the answer (exit 1), not "no sheets".
  if (unique.length === 0 && !setAside.some((a) => a.severity === 'error')) {
    throw new PcvError(
      worded(
        'no-sheets',
        reviewDir ? { folder: display(path.join(reviewDir, 'scores'), cwd) } : {},
      ),
    );
  }
  return { ...files, sheetPaths: unique, setAside };
}

export interface ReviewFiles {
  baseDir: string;
  rubricPath: string;
  rosterPath?: string;
  assignmentsPath?: string;
}

/** The rubric and roster of a review folder, unless --rubric / --roster name others. */
export function resolveReviewFiles(baseDir: string, opts: InputOptions): ReviewFiles {
  const { cwd } = opts;
  const rubricPath =
    opts.rubric !== undefined ? path.resolve(cwd, opts.rubric) : findRubric(baseDir);
  if (rubricPath === undefined) {
    throw new PcvError(
      worded('no-rubric', { names: RUBRIC_NAMES.join(', '), folder: display(baseDir, cwd) || '.' }),
    );
  }
  if (!existsSync(rubricPath))
    throw new PcvError(worded('no-rubric-file', { file: display(rubricPath, cwd) }));

  let rosterPath: string | undefined;
  if (opts.roster !== undefined) {
    rosterPath = path.resolve(cwd, opts.roster);
    if (!existsSync(rosterPath))
      throw new PcvError(worded('no-roster-file', { file: display(rosterPath, cwd) }));
  } else {
    const candidate = path.join(baseDir, ROSTER_NAME);
    if (existsSync(candidate)) rosterPath = candidate;
  }
  const assignmentsPath = optionalFile(baseDir, ASSIGNMENTS_NAME, opts.assignments, cwd);
  return {
    baseDir,
    rubricPath,
    ...(rosterPath !== undefined ? { rosterPath } : {}),
    ...(assignmentsPath !== undefined ? { assignmentsPath } : {}),
  };
}

/** A file named by an option (which must exist), else `name` in the review folder if it is there. */
function optionalFile(
  baseDir: string,
  name: string,
  option: string | undefined,
  cwd: string,
): string | undefined {
  if (option !== undefined) {
    const p = path.resolve(cwd, option);
    if (!existsSync(p)) throw new PcvError(worded('input-missing', { file: display(p, cwd) }));
    return p;
  }
  const candidate = path.join(baseDir, name);
  return existsSync(candidate) ? candidate : undefined;
}

/** A path as the user should see it: relative to the working directory when inside it. */
export function display(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

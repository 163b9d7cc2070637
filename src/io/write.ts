import { randomBytes } from 'node:crypto';
import {
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { StreamedText } from '../core/streamed-text.js';

const tmpName = (dir: string, base: string) =>
  path.join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Bytes gathered before each write: few system calls, little held. */
const BATCH_BYTES = 1 << 16;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (4 for a pair of two). */
const MAX_UTF8 = 3;

/**
 * Writes a streamed text to an open file in batches of 64 KB, each piece encoded into one
 * reused buffer as it comes. Joining the pieces into a string first made a rope that had to be
 * flattened to be encoded: for a large results.json (two-byte, for its Chinese names) that took
 * 10-30 times as long as encoding each flat piece (BENCHMARKS.md, "1M cells: stop 12"). A file
 * handle's writeFile writes on from where the last write ended, and writes all of it (write
 * alone may write part).
 */
export async function writeStreamed(
  handle: { writeFile(data: Uint8Array): Promise<void> },
  text: StreamedText,
): Promise<void> {
  const buffer = Buffer.allocUnsafe(BATCH_BYTES);
  let used = 0;
  // The buffer written out first where the piece might not fit; a piece larger than the buffer
  // written on its own.
  const flushFor = async (piece: string) => {
    if (used > 0) await handle.writeFile(buffer.subarray(0, used));
    used = 0;
    if (MAX_UTF8 * piece.length > buffer.length) await handle.writeFile(Buffer.from(piece, 'utf8'));
    else used = buffer.write(piece, 0, 'utf8');
  };
  // A piece ending in the first half of a surrogate pair: held for the next piece, so the pair
  // is encoded as the one character it is, as it would be in the whole text.
  let held = '';
  for (const next of text) {
    let piece = held === '' ? next : held + next;
    held = '';
    const last = piece.charCodeAt(piece.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      held = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    if (used + MAX_UTF8 * piece.length <= buffer.length) used += buffer.write(piece, used, 'utf8');
    else await flushFor(piece);
  }
  if (held !== '') await flushFor(held);
  if (used > 0) await handle.writeFile(buffer.subarray(0, used));
}

/**
 * A report's content: whole, made piece by piece as it is written (StreamedText), or still being
 * made elsewhere (the announcement in the PDF worker): a promise, awaited when its turn to be
 * written comes, so that the reports before it are written meanwhile.
 */
export type ReportData = string | Uint8Array | StreamedText | Promise<Uint8Array>;

async function writeDurably(file: string, pending: ReportData): Promise<void> {
  // Awaited before the file is made: a report that fails to be made leaves nothing behind.
  const data = await pending;
  const handle = await open(file, 'wx');
  try {
    if (data instanceof StreamedText) await writeStreamed(handle, data);
    else await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file whole or not at all: into a temporary file in the same folder, flushed to disk,
 * then renamed over the target (atomic on one file system). A crash or kill leaves the previous
 * file intact; a failure removes the temporary file.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const tmp = tmpName(dir, path.basename(target));
  try {
    await writeDurably(tmp, data);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export interface ReportFile {
  /** Path inside the output folder: `results.json`, `cards/P01.pdf`. */
  name: string;
  data: ReportData;
}

export interface WrittenSet {
  /** The reports written, as paths. */
  written: string[];
  /** Reports an earlier run wrote (named in its manifest) that this run did not, now removed. */
  removed: string[];
  /**
   * Reports of the usual names that this run did not write and that no manifest accounts for
   * (an output folder from before pcv kept one): left alone, for the user to judge.
   */
  unaccounted: string[];
}

/**
 * Writes a set of reports so that a reader never sees a half-written one, and so that the folder
 * then holds this run's reports only: every file is written to a temporary name first; only when
 * all of them are on disk are they renamed into place, one rename each. Reports an earlier run
 * wrote and this one did not (a panel.pdf, the cards of `--format cards,panel`, the card of a
 * project that is gone) are then removed — only those the manifest of pcv's own files names,
 * never a file pcv did not write.
 */
export async function writeReportSet(
  outDir: string,
  files: readonly ReportFile[],
  /** Writes one file durably; replaceable so tests can simulate a full disk. */
  write: (file: string, data: ReportData) => Promise<void> = writeDurably,
): Promise<WrittenSet> {
  await mkdir(outDir, { recursive: true });
  await removeStaleTemporaries(outDir);
  const top = files.filter((f) => !f.name.includes('/'));
  const folders = new Map<string, ReportFile[]>();
  for (const f of files) {
    const slash = f.name.indexOf('/');
    if (slash < 0) continue;
    const folder = f.name.slice(0, slash);
    folders.set(folder, [...(folders.get(folder) ?? []), f]);
  }

  const staged: { tmp: string; target: string }[] = [];
  const cleanup = async () => {
    for (const s of staged) await rm(s.tmp, { recursive: true, force: true });
  };
  try {
    for (const f of top) {
      const target = path.join(outDir, f.name);
      const tmp = tmpName(outDir, f.name);
      staged.push({ tmp, target });
      await write(tmp, f.data);
    }
    for (const [folder, list] of folders) {
      const tmp = tmpName(outDir, folder);
      staged.push({ tmp, target: path.join(outDir, folder) });
      await mkdir(tmp);
      for (const f of list)
        await writeDurably(path.join(tmp, f.name.slice(folder.length + 1)), f.data);
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
  // The renames are the only moment readers could see a mix of two runs' reports: two runs
  // sharing an output folder take turns here, so the folder always holds one run's whole set.
  const release = await lockFolder(outDir);
  try {
    const names = files.map((f) => f.name);
    const result = await commit(outDir, staged, folders, names);
    return { written: staged.map((s) => s.target), ...result };
  } finally {
    await release();
  }
}

/**
 * Renames the staged reports into place and removes the earlier run's reports that this run did
 * not write. The manifest on disk always names at least every report pcv has put in the folder:
 * before the renames it names both runs' reports, after the removals this run's only. A kill at
 * any point leaves a manifest from which the next run can finish the clean-up.
 */
async function commit(
  outDir: string,
  staged: readonly { tmp: string; target: string }[],
  folders: ReadonlyMap<string, unknown>,
  names: readonly string[],
): Promise<Omit<WrittenSet, 'written'>> {
  const before = await readManifest(outDir);
  const now = new Set(names);
  const stale = (before ?? []).filter((name) => !now.has(name));
  const both = [...new Set([...(before ?? []), ...names])];
  if (before === undefined || both.length > before.length) await writeManifest(outDir, both);
  await renameAll(outDir, staged, folders, before !== undefined);
  const removed: string[] = [];
  for (const name of stale) {
    const file = path.join(outDir, ...name.split('/'));
    if (await removeFile(file)) removed.push(file);
  }
  // A sub-folder whose reports were all removed goes too, unless something else is in it.
  for (const folder of new Set(stale.filter((n) => n.includes('/')).map(topName)))
    await rmdir(path.join(outDir, folder)).catch(() => undefined);
  if (both.length > names.length) await writeManifest(outDir, names);
  const unaccounted =
    before === undefined ? await unaccountedReports(outDir, new Set(names.map(topName))) : [];
  return { removed, unaccounted };
}

async function renameAll(
  outDir: string,
  staged: readonly { tmp: string; target: string }[],
  folders: ReadonlyMap<string, unknown>,
  /**
   * With a manifest, a sub-folder's reports are renamed in one by one: a file the user put there
   * stays, and the earlier run's cards go by the manifest. Without one (a folder from pcv 0.1),
   * the sub-folder is replaced whole, as it always was, so its old cards do not linger.
   */
  fileByFile: boolean,
): Promise<void> {
  for (const { tmp, target } of staged) {
    if (!folders.has(path.basename(target))) {
      await rename(tmp, target);
    } else if (fileByFile) {
      await mkdir(target, { recursive: true });
      for (const name of await readdir(tmp)) {
        await rename(path.join(tmp, name), path.join(target, name));
      }
      await rmdir(tmp);
    } else {
      // A folder cannot be renamed over a non-empty one: move the old one aside first.
      const old = tmpName(outDir, `${path.basename(target)}-old`);
      await rename(target, old).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      await rename(tmp, target);
      await rm(old, { recursive: true, force: true });
    }
  }
}

/** The record of what pcv wrote into an output folder; a dot file, so listings skip it. */
export const MANIFEST = '.pcv-manifest.json';

interface Manifest {
  /** Says what the file is to someone who finds it. */
  about: string;
  files: string[];
}

/** The report names the folder's manifest lists, or undefined when there is none (or it is not pcv's). */
async function readManifest(outDir: string): Promise<string[] | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const json = JSON.parse(text) as Partial<Manifest>;
    if (!Array.isArray(json.files)) return undefined;
    // Only plain names inside the folder: a manifest edited by hand must not reach outside it.
    return json.files.filter(
      (f): f is string =>
        typeof f === 'string' &&
        f !== '' &&
        f.split('/').every((part) => part !== '' && part !== '.' && part !== '..') &&
        !f.includes('\\') &&
        !path.isAbsolute(f),
    );
  } catch {
    return undefined;
  }
}

async function writeManifest(outDir: string, names: readonly string[]): Promise<void> {
  const manifest: Manifest = {
    about:
      'Reports pcv wrote into this folder. The next pcv run removes those it does not write again; pcv never removes a file not listed here.',
    files: [...names].sort(),
  };
  const tmp = tmpName(outDir, MANIFEST);
  try {
    await writeDurably(tmp, JSON.stringify(manifest, null, 2) + '\n');
    await rename(tmp, path.join(outDir, MANIFEST));
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Removes one file; false when it was already gone. */
async function removeFile(file: string): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

const topName = (name: string) => name.split('/')[0]!;

/** Names pcv gives its reports: what an output folder from before the manifest may hold. */
const REPORT_NAMES = [
  'results.json',
  'results.xlsx',
  'announcement.pdf',
  'announcement.html',
  'panel.pdf',
  'cards',
];

async function unaccountedReports(outDir: string, written: ReadonlySet<string>): Promise<string[]> {
  const present = new Set(await readdir(outDir));
  return REPORT_NAMES.filter((n) => present.has(n) && !written.has(n)).map((n) =>
    path.join(outDir, n),
  );
}

const LOCK = '.pcv-lock';

/**
 * A lock folder (mkdir is atomic) holding the owner's pid. A lock whose owner has died is taken
 * over; a live one is waited for — pcv never prompts, and the wait is short because only the
 * renames are done under it.
 */
async function lockFolder(outDir: string, timeoutMs = 120_000): Promise<() => Promise<void>> {
  const lock = path.join(outDir, LOCK);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, 'pid'), String(process.pid));
      return () => rm(lock, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => ''));
    // No pid yet: the owner is between mkdir and writing it — or died there, long ago.
    const orphan =
      !(owner > 0) && Date.now() - (await stat(lock).catch(() => ({ mtimeMs: 0 }))).mtimeMs > 5000;
    if ((owner > 0 && !isRunning(owner)) || orphan) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw Object.assign(new Error(`${lock} is held by process ${owner || '?'}`), {
        code: 'ELOCKED',
      });
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Temporary files of a run that was killed (kill -9, power cut) stay behind; the next run removes
 * those whose process is gone. Files of a run still going (another pcv writing to the same folder)
 * are left alone.
 */
async function removeStaleTemporaries(outDir: string): Promise<void> {
  for (const name of await readdir(outDir)) {
    const m = TEMPORARY.exec(name);
    if (m === null) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && isRunning(pid)) continue;
    await rm(path.join(outDir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

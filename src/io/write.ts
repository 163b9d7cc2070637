import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const tmpName = (dir: string, base: string) =>
  path.join(dir, `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

async function writeDurably(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(data);
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
  data: string | Uint8Array;
}

/**
 * Writes a set of reports so that a reader never sees a half-written one: every file is written
 * to a temporary name first; only when all of them are on disk are they renamed into place, one
 * rename each. Files under a sub-folder (cards/) replace that whole folder, so cards of projects
 * that are gone do not linger. Returns the paths written.
 */
export async function writeReportSet(
  outDir: string,
  files: readonly ReportFile[],
  /** Writes one file durably; replaceable so tests can simulate a full disk. */
  write: (file: string, data: string | Uint8Array) => Promise<void> = writeDurably,
): Promise<string[]> {
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
    await renameAll(staged, folders);
  } finally {
    await release();
  }
  return staged.map((s) => s.target);
}

async function renameAll(
  staged: readonly { tmp: string; target: string }[],
  folders: ReadonlyMap<string, unknown>,
): Promise<void> {
  const outDir = path.dirname(staged[0]?.target ?? '.');
  for (const { tmp, target } of staged) {
    if (folders.has(path.basename(target))) {
      // A folder cannot be renamed over a non-empty one: move the old one aside first.
      const old = tmpName(outDir, `${path.basename(target)}-old`);
      await rename(target, old).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      await rename(tmp, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(tmp, target);
    }
  }
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

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../core/rubric.js';
import { PcvError } from '../errors.js';
import { worded } from '../text/problems.js';
import { display } from '../io/inputs.js';
import { writeFileAtomic } from '../io/write.js';
import { chooseLang, messages } from '../text/index.js';
import type { Io } from './common.js';
import {
  initReadme,
  initRoster,
  initRubric,
  initRubricSchema,
  RUBRIC_SCHEMA,
} from './init-files.js';

export interface InitFlags {
  force?: boolean;
  lang?: string;
  quiet?: boolean;
}

/** Creates a ready review folder; never overwrites a file unless --force. */
export async function initCommand(
  dir: string | undefined,
  flags: InitFlags,
  io: Io,
): Promise<number> {
  const today = io.now().toISOString().slice(0, 10);
  // The example files and the words printed: --lang, else the system's language.
  const lang: Lang = chooseLang(flags.lang, undefined, io.env);
  const m = messages(lang).init;
  const root = path.resolve(io.cwd, dir ?? '.');
  const files: [string, string][] = [
    ['rubric.yaml', initRubric(lang, today)],
    [RUBRIC_SCHEMA, initRubricSchema()],
    ['projects.csv', initRoster(lang)],
    ['README.md', initReadme(lang)],
  ];
  const existing = files.map(([name]) => path.join(root, name)).filter((p) => existsSync(p));
  if (existing.length > 0 && !flags.force) {
    throw new PcvError(worded('init-exists', { files: existing.map((p) => display(p, io.cwd)) }));
  }
  await mkdir(path.join(root, 'scores'), { recursive: true });
  for (const [name, text] of files) await writeFileAtomic(path.join(root, name), text);
  if (!flags.quiet) {
    const shown = display(root, io.cwd) || '.';
    io.err(
      m.created(shown, ['rubric.yaml', RUBRIC_SCHEMA, 'projects.csv', 'scores/', 'README.md']),
    );
    io.err(m.next(shown));
  }
  return 0;
}

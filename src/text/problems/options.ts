/**
 * Failures that stop a command before any result (PcvError lines from src/commands/ and the PDF renderers): a bad
 * option, an output folder pcv must not or cannot write, files in the way, published results
 * that cannot be read.
 */
export interface OptionProblems {
  'option-threshold': { value: string };
  'option-aggregate': { value: string; choices: string[] };
  'option-trim': { value: string };
  'option-decimals': { value: string };
  'option-normalize': { value: string };
  'option-lang': { value: string };
  'format-unknown': { list: string; part: string; formats: string[] };
  'format-empty': { formats: string[] };
  'template-format': { value: string };
  /** `detail` is the error code, or the lock's message for `locked`. */
  'write-failed': {
    dir: string;
    why: 'full' | 'denied' | 'in-the-way' | 'locked' | 'other';
    detail: string;
  };
  'out-is-input': { dir: string };
  'out-is-sheets': { dir: string };
  'init-exists': { files: string[] };
  'template-no-roster': { file: string };
  'template-unassigned': { judge: string; file: string };
  'template-exists': { files: string[] };
  'judges-file': { file: string };
  'judges-missing': Record<string, never>;
  'judge-name': { name: string };
  'judge-twice': { name: string };
  'published-missing': { file: string };
  'published-json': { file: string };
  /** `key` and `message`: the first schema problem, as zod gives it (English), when it has a key. */
  'published-schema': { file: string; key?: string; message?: string };
  /** `code`: the system's error code (ENOENT, EACCES), when it gave one. */
  'font-unreadable': { file: string; code?: string };
  /** The font file changed (or shrank) between reading its tables and reading a glyph. */
  'font-changed': { file: string };
  /** `detail`: the font library's own words (English). */
  'font-unusable': { file: string; detail: string };
}

import { LANGS, type Lang } from './lang-type.js';

/**
 * The language pcv speaks at the terminal. As the contract says: `--lang`, else a rubric that
 * says `lang: zh`, else a `LC_ALL`/`LANG` beginning with `zh`, else English. A rubric's `lang`
 * defaults to `en`, so an English rubric cannot be told from one that says nothing; only its `zh`
 * counts, and a clerk whose computer speaks Chinese gets Chinese either way.
 */
export function chooseLang(
  flag: string | undefined,
  rubricLang: Lang | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Lang {
  if (flag !== undefined && (LANGS as readonly string[]).includes(flag)) return flag as Lang;
  if (rubricLang === 'zh') return 'zh';
  return envLang(env);
}

/** The system's language: LC_ALL overrides LANG, as POSIX locales do; `zh_CN.UTF-8` is zh. */
export function envLang(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env.LC_ALL || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** `--lang zh` or `--lang=zh` among raw arguments, before commander has parsed them. */
export function langArg(argv: readonly string[]): string | undefined {
  for (const [i, a] of argv.entries()) {
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

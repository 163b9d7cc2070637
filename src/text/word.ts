import type { Lang } from './lang-type.js';
import { en } from './en.js';
import { isWorded, type Worded } from './problems.js';
import { zh } from './zh.js';

/** A problem in one language; a value that is a problem itself is worded first. */
export function wordProblem(w: Worded, lang: Lang): string {
  const words = (lang === 'zh' ? zh : en).problems;
  const said: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(w.params)) {
    said[name] = isWorded(value) ? wordProblem(value, lang) : value;
  }
  return (words[w.key] as (p: unknown) => string)(said);
}

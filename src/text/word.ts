import type { Lang } from './lang-type.js';
import { en } from './en.js';
import type { Worded } from './problems.js';
import { zh } from './zh.js';

/** A problem in one language. */
export function wordProblem(w: Worded, lang: Lang): string {
  const words = (lang === 'zh' ? zh : en).problems;
  return (words[w.key] as (p: Worded['params']) => string)(w.params);
}

import type { Lang } from './lang-type.js';
import { en } from './en.js';
import type { Messages } from './messages.js';
import { zh } from './zh.js';

export type { Messages } from './messages.js';
export { chooseLang, envLang } from './lang.js';

const CATALOGS: Record<Lang, Messages> = { en, zh };

/** The catalog of one language. */
export function messages(lang: Lang): Messages {
  return CATALOGS[lang];
}

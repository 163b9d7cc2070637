/**
 * The languages pcv speaks. At the bottom of the text layer so that text needs nothing from core:
 * core/rubric.ts validates a rubric's `lang` against LANGS and re-exports both.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

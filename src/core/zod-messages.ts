import { en } from 'zod/locales';
import { config } from 'zod/mini';

/*
 * pcv's schemas are written with zod/mini (a build a third the size of zod's chained methods, for
 * start-up: BENCHMARKS.md, "Validate: stop 14"). zod sets English messages when it makes its first
 * schema; zod/mini sets none, and a few messages pcv shows are zod's own (an invalid key under a
 * rubric's `groups:`, what a published results.json is not). Imported by each schema module, so
 * they read as before whichever of the two loads first; a locale a program set stays.
 */
if (config().localeError === undefined) config(en());

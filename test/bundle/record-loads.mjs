// Preloaded with `node --import` by test/bundle.test.ts: appends to $PCV_LOADS_LOG the path of
// every file Node loads as code or data through its module loaders, ES modules (a resolve hook)
// and CommonJS require() (which createRequire, and so the bundle's require of built-ins, uses).
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const log = process.env.PCV_LOADS_LOG;
if (log === undefined) throw new Error('record-loads.mjs: set PCV_LOADS_LOG');

// ES module hooks run in a thread of their own; the log file is where both sides meet.
const hooks = `
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, fileURLToPath(resolved.url) + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  if (file.startsWith('/') || /^[A-Za-z]:\\/.test(file)) appendFileSync(log, file + '\n');
  return file;
};

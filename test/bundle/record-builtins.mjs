// Preloaded with `node --import` by test/bundle.test.ts: writes to $PCV_BUILTINS_LOG, as the
// process exits, the built-in modules Node loaded (process.moduleLoadList), one a line.
import { writeFileSync } from 'node:fs';

const log = process.env.PCV_BUILTINS_LOG;
if (log === undefined) throw new Error('record-builtins.mjs: set PCV_BUILTINS_LOG');
process.on('exit', () => writeFileSync(log, process.moduleLoadList.join('\n')));

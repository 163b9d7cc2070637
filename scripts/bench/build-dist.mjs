// A build's compiled modules, for the bench's in-process scripts: BUILD_DIR's dist/ (an older
// build copied aside to compare against) or, without one, this checkout's (`npm run build` first).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const checkout = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The build's root folder, and import() of a module under its dist/ ('tally.js', …). */
export function buildDist(build) {
  const root = path.resolve(build ?? checkout);
  return { root, dist: (p) => import(path.join(root, 'dist', p)) };
}

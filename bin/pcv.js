#!/usr/bin/env node
// --version alone skips loading the CLI, so batch scripts that probe it pay only Node's start-up.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  console.log(
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
  );
} else {
  // The bundled CLI (scripts/build-bundle.mjs): a few files to read instead of hundreds of modules.
  const { run } = await import('../dist/bundle/cli.js');
  process.exitCode = await run(args);
}

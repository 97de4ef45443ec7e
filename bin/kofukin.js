#!/usr/bin/env node
// The kofukin command. Runs the compiled JavaScript in dist/ (an installed package, or a checkout
// after `npm run build`), or in a checkout whose dist/ is missing or older than src/, the
// TypeScript sources through tsx (a devDependency); see entry.js.
import { fileURLToPath } from 'node:url';
import { chooseEntry } from './entry.js';

let main;
if (chooseEntry(fileURLToPath(new URL('..', import.meta.url))) === 'dist') {
  ({ main } = await import('../dist/cli.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli.ts'));
}
// A reader that stops early (`kofukin summary … --json | head`) is not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
process.exitCode = await main(process.argv.slice(2));

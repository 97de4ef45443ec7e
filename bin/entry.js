// Which code the kofukin command runs. An installed package has only dist/ (compiled JavaScript).
// A development checkout has src/ as well: dist/ (made by `npm run build`) is used while it is
// newer than every source file, since compiled code starts in a fraction of the time tsx needs to
// compile the sources at every start; after an edit (or with no build) the sources run through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time (ms) of the files under `dir` (0 when there is none). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/**
 * 'dist' when `root`/dist/cli.js exists and (in a checkout with src/) was written after the last
 * change to src/ and the build configuration; otherwise 'src'.
 */
export function chooseEntry(root) {
  const compiled = join(root, 'dist', 'cli.js');
  if (!existsSync(compiled)) return 'src';
  const sources = join(root, 'src');
  if (!existsSync(sources)) return 'dist';
  let newest = newestMtime(sources);
  for (const config of ['tsconfig.json', 'tsconfig.build.json']) {
    const file = join(root, config);
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return statSync(compiled).mtimeMs >= newest ? 'dist' : 'src';
}

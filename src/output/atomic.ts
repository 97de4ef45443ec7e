/**
 * Atomic file writes: readers see the old file or the whole new one, never a partial file.
 */
import { withOutputSet } from './set.ts';

/**
 * Writes `data` to a temporary file in the same directory as `path` (so the rename stays on one
 * file system), flushes it to disk, then renames it over `path`: a one-file OutputSet
 * (src/output/set.ts). On failure the temporary file is removed and the error is rethrown
 * (CannotWriteError for a folder that cannot be written); `path` is untouched. The folder must
 * exist. A command writing more than one file stages them all in one OutputSet instead.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await withOutputSet(async (out) => {
    await out.write(path, data, { createFolders: false });
  });
}

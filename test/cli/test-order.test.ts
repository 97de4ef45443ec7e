/** The test run's order (test/setup/sequencer.ts) names files that exist: a renamed file would silently drop out of it. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LONG_RUNNING } from '../setup/sequencer.ts';
import { repoRoot } from '../helpers/seeds.ts';

it('every file the sequencer starts first exists', () => {
  for (const file of LONG_RUNNING) expect(existsSync(join(repoRoot, file)), file).toBe(true);
});

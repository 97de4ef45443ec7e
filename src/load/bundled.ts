/**
 * The national figures bundled in data/national/ (the published national aggregates of a fiscal
 * year), the fallback for a municipality file whose named national file is missing.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** data/national/fy<year>-summary.json when it is bundled, else undefined. */
export function bundledNationalPath(fiscalYear: number): string | undefined {
  const file = fileURLToPath(new URL(`../../data/national/fy${fiscalYear}-summary.json`, import.meta.url));
  return existsSync(file) ? file : undefined;
}

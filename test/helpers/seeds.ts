/**
 * Access to the seed documents (../shared/seeds beside the repository) so tests can check
 * transcribed data against the seeds' own text and totals. The seeds are required: a test that
 * reads a missing seed fails (it never skips), so a run without them cannot pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

export const SEED_NATIONAL = `${seedsDir}000_99907b727329152f.txt`;
export const SEED_KYOTO = `${seedsDir}003_794ee9f23104a41f.txt`;

export function readSeed(path: string): string {
  if (!existsSync(path))
    throw new Error(`seed document ${path} is missing: the tests check data against the seeds in ../shared/seeds beside the repository (CI has them); put them there`);
  return readFileSync(path, 'utf8');
}

export const samplePath = (name: string) => `${repoRoot}data/samples/kyoto-2024/${name}`;
export const dataPath = (rel: string) => `${repoRoot}data/${rel}`;

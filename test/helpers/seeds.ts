/**
 * Access to the seed documents (../shared/seeds beside the repository) so tests can check
 * transcribed data against the seeds' own text and totals.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

export const SEED_NATIONAL = `${seedsDir}000_99907b727329152f.txt`;
export const SEED_KYOTO = `${seedsDir}003_794ee9f23104a41f.txt`;

export function seedsAvailable(): boolean {
  return existsSync(SEED_NATIONAL) && existsSync(SEED_KYOTO);
}

export function readSeed(path: string): string {
  return readFileSync(path, 'utf8');
}

export const samplePath = (name: string) => `${repoRoot}data/samples/kyoto-2024/${name}`;
export const dataPath = (rel: string) => `${repoRoot}data/${rel}`;

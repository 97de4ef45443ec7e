/**
 * Sample reports printed once per test run and read back by several test files: the first file
 * that asks builds it (in-process, on the shared browser) into the run's fixture directory
 * (test/setup/global.ts); files in other workers wait for it. The files are read-only by
 * convention: a test that changes an output builds its own.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { runMain } from './cli.ts';
import { repoRoot } from './seeds.ts';

export type Sample = 'kyoto-2024' | 'fictional-town';

export interface SampleBuild {
  dir: string;
  pdf: string;
  html: string;
}

const memo = new Map<string, Promise<string>>();

/** Runs `produce` into a fresh directory once per test run, across workers; resolves to the directory. */
function oncePerRun(key: string, produce: (dir: string) => Promise<void>): Promise<string> {
  let p = memo.get(key);
  if (!p) {
    p = onceAcrossWorkers(key, produce);
    memo.set(key, p);
  }
  return p;
}

async function onceAcrossWorkers(key: string, produce: (dir: string) => Promise<void>): Promise<string> {
  const root = inject('fixtureDir');
  const dir = join(root, key);
  const done = `${dir}.done`;
  const failed = `${dir}.failed`;
  let owner = true;
  try {
    mkdirSync(`${dir}.lock`);
  } catch {
    owner = false;
  }
  if (owner) {
    mkdirSync(dir);
    try {
      await produce(dir);
    } catch (err) {
      writeFileSync(failed, String((err as Error)?.stack ?? err));
      throw err;
    }
    writeFileSync(done, '');
    return dir;
  }
  // another worker builds it; the waiting test's own time limit bounds this loop
  for (;;) {
    if (existsSync(done)) return dir;
    if (existsSync(failed)) throw new Error(`building the fixture ${key} failed in another test file:\n${readFileSync(failed, 'utf8')}`);
    await sleep(100);
  }
}

/**
 * `kofukin build data/samples/<sample>/municipality.json --strict` with SOURCE_DATE_EPOCH unset,
 * printed once per run. Throws unless the build exits 0 with nothing on stderr.
 */
export async function sampleBuild(sample: Sample): Promise<SampleBuild> {
  const dir = await oncePerRun(`build-${sample}`, async (out) => {
    const r = await runMain(['build', `${repoRoot}data/samples/${sample}/municipality.json`, '--out', out, '--strict'], { env: { SOURCE_DATE_EPOCH: '' } });
    if (r.code !== 0 || r.stderr !== '') throw new Error(`kofukin build ${sample} exited ${r.code}: ${r.stderr}`);
  });
  const file = (ext: string) => join(dir, readdirSync(dir).find((f) => f.endsWith(ext))!);
  return { dir, pdf: file('.pdf'), html: file('.html') };
}

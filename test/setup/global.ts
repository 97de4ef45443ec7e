/**
 * Global setup of the test run (once, in vitest's main process): one Chromium for every print
 * test, launched by the product's own launcher (same flags) with a WebSocket so the test workers
 * can connect to it, and a temp directory where sample reports are printed once per run
 * (test/helpers/fixtures.ts). Tests that kill or crash a browser launch their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchBrowser, type LaunchedBrowser } from '../../src/print/launch.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DevTools address of the shared browser; '' when none could be launched. */
    browserWSEndpoint: string;
    /** Directory of the reports printed once per run. */
    fixtureDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fixtureDir = mkdtempSync(join(tmpdir(), 'kofukin-test-fixtures-'));
  let browser: LaunchedBrowser | undefined;
  try {
    // every test file's prints open pages on this browser; with its renderer processes capped,
    // a new page mostly joins a running renderer instead of starting one (about 0.35 s and as much
    // CPU again each on the 2-core machine). Tests that kill or crash a browser launch their own.
    browser = await launchBrowser({ pipe: false, browserWSEndpoint: '', args: ['--renderer-process-limit=4'] });
  } catch (err) {
    // print tests then try to launch their own browser and fail with the launcher's message
    process.stderr.write(`test setup: no shared browser: ${(err as Error).message}\n`);
  }
  project.provide('browserWSEndpoint', browser?.browser.wsEndpoint() ?? '');
  project.provide('fixtureDir', fixtureDir);
  return async () => {
    await browser?.close();
    rmSync(fixtureDir, { recursive: true, force: true });
  };
}

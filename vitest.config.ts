import { defineConfig } from 'vitest/config';
import { HOOK_MS, TEST_MS } from './test/helpers/time-limits.ts';
import LongRunningFirst from './test/setup/sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // one browser for the whole run, and the directory of reports printed once per run
    globalSetup: ['test/setup/global.ts'],
    // …and in English (test/setup/language.ts)
    setupFiles: ['test/setup/worker.ts', 'test/setup/language.ts'],
    // two test files at a time on the 2-core machine: while one waits for Chromium, LibreOffice
    // or poppler, the other computes (vitest's default there is one)
    maxWorkers: 3,
    // test files share their worker's module cache instead of importing exceljs, pdf-lib, vega and
    // puppeteer again for each file: measured on the idle 2-core machine, 197 s → 137 s for the
    // whole suite (CPU 293 s → 179 s). Tests must therefore leave module state and process.env as
    // they found them (stubs restored in finally, env passed through CommandIO).
    isolate: false,
    // the longest-running files start first, so the run does not end with one of them alone
    sequence: { sequencer: LongRunningFirst },
    testTimeout: TEST_MS,
    hookTimeout: HOOK_MS,
    env: { TZ: 'Asia/Tokyo' },
  },
});

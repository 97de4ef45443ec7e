/**
 * Time limits of the test run. They only catch a hang: each is many times the longest measured
 * duration of what it limits, taken on the 2-core machine while it was busy with other work (see
 * the table in vitest.config.ts), so no test passes or fails by how idle the machine is. Speed
 * itself is measured by `npm run bench`, never by a test.
 */

/** Any test: the slowest ordinary test took about 13 s on a busy machine (axe-core on the report). */
export const TEST_MS = 120_000;
/** beforeAll/afterAll: the slowest hook (two builds, three agenda packets) took about 50 s busy. */
export const HOOK_MS = 300_000;
/** The few tests that print several reports themselves (batch with a killed browser: 63 s busy). */
export const SLOW_TEST_MS = 300_000;

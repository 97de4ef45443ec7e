/**
 * Time limits of the test run. They only catch a hang: each is several times the longest duration
 * measured for what it limits in a full run on the 2-core machine while it was busy (load average
 * 10–13 from other work plus two CPU burners), so no test passes or fails by how idle the machine
 * is. Speed itself is measured by `npm run bench`, never by a test.
 */

/** Any test: ordinary tests took at most about 25 s in that run (grants over 1,741 municipalities). */
export const TEST_MS = 120_000;
/** beforeAll/afterAll, e.g. printing the samples and three agenda packets. */
export const HOOK_MS = 300_000;
/**
 * Tests that run LibreOffice (67 s in that run), start whole processes (47 s) or print several
 * reports with a browser of their own (45 s).
 */
export const SLOW_TEST_MS = 300_000;

/**
 * Runs in every test file before its tests: commands and browser sessions that do not say
 * otherwise connect to the run's shared browser (KOFUKIN_BROWSER_WS_ENDPOINT, see global.ts),
 * in-process and in the few child processes alike. The name is written out rather than imported
 * from src/print/launch.ts so that files without a browser do not load puppeteer;
 * test/cli/smoke.test.ts checks it is the product's.
 */
import { inject } from 'vitest';

const endpoint = inject('browserWSEndpoint');
if (endpoint) process.env['KOFUKIN_BROWSER_WS_ENDPOINT'] = endpoint;

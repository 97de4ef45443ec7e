/**
 * Runs in every test file before its tests: library functions called directly (not through
 * runMain/runCli, which set the language of each command) answer in English, whatever the
 * machine's locale and whatever an earlier test file of the same worker left (isolate: false
 * shares module state). Tests of the Japanese wording ask for it (KOFUKIN_LANG: 'ja', or
 * withLanguage('ja', …)).
 */
import { setLanguage } from '../../src/errors/language.ts';

setLanguage('en');

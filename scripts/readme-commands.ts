/**
 * Rewrites the README's command reference (between `<!-- commands:begin -->` and
 * `<!-- commands:end -->`) from the command declarations (src/cli/specs/):
 *   npx tsx scripts/readme-commands.ts
 * test/cli/specs-readme.test.ts fails when the README and the declarations differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readmeReference } from '../src/cli/spec.ts';
import { COMMAND_SPECS } from '../src/cli/specs/index.ts';
import { withLanguage } from '../src/errors/language.ts';

export const BEGIN = '<!-- commands:begin -->';
export const END = '<!-- commands:end -->';

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const start = readme.indexOf(BEGIN);
const end = readme.indexOf(END);
if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} block`);
const reference = await withLanguage('en', async () => readmeReference(COMMAND_SPECS));
writeFileSync(file, readme.slice(0, start + BEGIN.length) + '\n' + reference + readme.slice(end));
console.log('README.md: command reference updated');

/**
 * The README's command documentation cannot drift from the command declarations
 * (src/cli/specs/), which are also the parser and `--help`: the reference block is the one the
 * declarations generate, every `kofukin <command> …` line names only options of that command, and
 * every `--option` the README mentions exists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS, readmeReference } from '../../src/cli/spec.ts';
import { COMMAND_SPECS } from '../../src/cli/specs/index.ts';
import { repoRoot } from '../helpers/seeds.ts';
import { runMain } from '../helpers/cli.ts';

const readme = readFileSync(`${repoRoot}README.md`, 'utf8');
const BEGIN = '<!-- commands:begin -->';
const END = '<!-- commands:end -->';
const byName = new Map(COMMAND_SPECS.map((s) => [s.name, s]));
const globals = new Set([...Object.keys(GLOBAL_OPTIONS), 'version']);

/** Flags of other programs the README mentions (qpdf, Chromium, LibreOffice, npm run bench). */
const OTHER_PROGRAMS = new Set(['check', 'remote-debugging-port', 'headless', 'convert-to', 'naive', 'runs', 'renderer-process-limit']);

describe('README and the command declarations', () => {
  it('the command reference is the one the declarations generate (npx tsx scripts/readme-commands.ts)', () => {
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + BEGIN.length + 1, end)).toBe(readmeReference(COMMAND_SPECS));
  });

  it('documents every command and every option of every command', () => {
    const reference = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END));
    for (const spec of COMMAND_SPECS) {
      expect(reference).toContain(`#### \`kofukin ${spec.name}\``);
      const section = reference.slice(reference.indexOf(`#### \`kofukin ${spec.name}\``)).split('\n#### ')[0]!;
      for (const name of Object.keys(spec.options)) expect(section, `${spec.name} --${name}`).toMatch(new RegExp(`\`--${name}[ \`]`));
    }
  });

  it('every `kofukin <command>` line names only options that command has', () => {
    const wrong: string[] = [];
    let current: string | undefined;
    for (const line of readme.split('\n')) {
      const m = [...line.matchAll(/kofukin (\w+)/g)].filter((x) => byName.has(x[1]!));
      if (m.length > 0) current = m[m.length - 1]![1];
      else if (!/^\s{4,}\[/.test(line)) current = undefined; // a continuation line of a synopsis starts with spaces and [
      if (!current) continue;
      // options after the last command name on the line (or the whole continuation line)
      const tail = m.length > 0 ? line.slice(m[m.length - 1]!.index!) : line;
      for (const [, opt] of tail.matchAll(/--([a-z][a-z0-9-]*)/g)) {
        if (!(opt! in byName.get(current)!.options) && !globals.has(opt!)) wrong.push(`${current} --${opt}: ${line.trim()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('mentions no option that no command has', () => {
    const all = new Set([...COMMAND_SPECS.flatMap((s) => Object.keys(s.options)), ...globals, ...OTHER_PROGRAMS]);
    const unknown = [...readme.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((m) => m[1]!).filter((o) => !all.has(o));
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('--help lists every command, and <command> --help every option, without loading the command', async () => {
    const main = await runMain(['--help']);
    expect(main.code).toBe(0);
    for (const s of COMMAND_SPECS) expect(main.stdout).toMatch(new RegExp(`\\n  ${s.name} +${s.summary.en.slice(0, 10).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    for (const s of COMMAND_SPECS) {
      const r = await runMain([s.name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(`usage: kofukin ${s.name}`)).toBe(true);
      for (const [name, o] of Object.entries(s.options)) expect(r.stdout, `${s.name} --${name}`).toContain(`--${name}${o.type === 'string' ? ` ${o.value}` : ''}  `);
    }
  });
});

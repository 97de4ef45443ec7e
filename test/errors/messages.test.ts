/**
 * The messages module: every message exists in both languages, the Japanese wording is Japanese
 * (not the English one copied), and no user error in src/ carries wording of its own instead of
 * a message from src/errors/messages.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bilingualBlocks, type BilingualMessage } from '../../src/errors/language.ts';
import '../../src/errors/messages.ts';

const SAMPLES: unknown[] = ['京都市', 3, ['a', 'b']];

/** Calls both wordings with the first sample arguments both accept. */
function sampleWordings(message: BilingualMessage<unknown[]>): { ja: string; en: string } {
  const arity = Math.max(message.ja.length, message.en.length);
  const total = SAMPLES.length ** arity;
  for (let n = 0; n < total; n++) {
    const args = Array.from({ length: arity }, (_, i) => SAMPLES[Math.floor(n / SAMPLES.length ** i) % SAMPLES.length]);
    try {
      return { ja: message.ja(...args), en: message.en(...args) };
    } catch {
      // another combination of sample arguments
    }
  }
  throw new Error('no sample arguments fit');
}

const JAPANESE = /[\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]/;

describe('bilingual messages', () => {
  const messages = bilingualBlocks().flatMap((block) => Object.entries(block));

  it('are registered (the messages module and its areas)', () => {
    expect(messages.length).toBeGreaterThan(250);
  });

  it('each has a Japanese and an English wording, and the Japanese one is not the English one', () => {
    const bad: string[] = [];
    for (const [key, message] of messages) {
      const { ja, en } = sampleWordings(message);
      if (!ja.trim() || !en.trim()) bad.push(`${key}: empty wording`);
      else if (ja === en) bad.push(`${key}: the Japanese wording is the English one: ${en}`);
      else if (!JAPANESE.test(ja)) bad.push(`${key}: the Japanese wording has no Japanese: ${ja}`);
      if (/undefined|\[object Object\]/.test(ja + en)) bad.push(`${key}: ${ja} / ${en}`);
    }
    expect(bad).toEqual([]);
  });
});

/**
 * User errors (UserError and its subclasses: bad input, usage, environment, cannot write) take
 * their wording from the messages module. Plain Error / RangeError / TypeError mean a bug
 * (exit 70, "internal error", for the maintainer) and may carry English text of their own.
 */
describe('no user-facing wording outside the messages module', () => {
  const USER_ERRORS = /new (UserError|InputError|UsageError|EnvironmentError|CannotWriteError|CsvSyntaxError)\(/g;
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  const sources = files('src').filter((f) => !f.startsWith(join('src', 'errors')));

  /** The literal text of a string or template literal starting at `i` ('' if it is not one), without its ${…} parts. */
  function literalText(src: string, i: number): string {
    const quote = src[i];
    if (quote === "'" || quote === '"') return src.slice(i + 1, src.indexOf(quote, i + 1));
    if (quote !== '`') return '';
    let text = '';
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '\\') {
        text += src.slice(j, j + 2);
        j++;
      } else if (src[j] === '`') return text;
      else if (src.startsWith('${', j)) {
        let depth = 1;
        j += 2;
        while (depth > 0 && j < src.length) {
          if (src[j] === '{') depth++;
          else if (src[j] === '}') depth--;
          j++;
        }
        j--;
      } else text += src[j];
    }
    return text;
  }

  /** Words in a literal, once the usage line a command appends is taken out. */
  const words = (text: string) => text.replace(/\\n\\nusage: $/, '').match(/[A-Za-z\u3040-\u30ff\u4e00-\u9fff]{2,}/g) ?? [];

  it('user errors are thrown with a message, not with wording of their own', () => {
    const bad: string[] = [];
    for (const file of sources) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(USER_ERRORS)) {
        let i = m.index + m[0].length;
        // CsvSyntaxError(line, column, rule): the rule is the third argument
        if (m[1] === 'CsvSyntaxError') for (let commas = 0; commas < 2; i++) if (src[i] === ',') commas++;
        while (/\s/.test(src[i]!)) i++;
        const found = words(literalText(src, i));
        if (found.length > 0) bad.push(`${file}: new ${m[1]}(… ${found.join(' ')} …)`);
      }
      for (const m of src.matchAll(/\brule: *(['"`])/g)) {
        const found = words(literalText(src, m.index + m[0].length - 1));
        if (found.length > 0) bad.push(`${file}: rule: ${found.join(' ')}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('would notice one (the check itself)', () => {
    expect(words(literalText('`--year must be ${x}\\n\\nusage: ${USAGE}`', 0))).toEqual(['year', 'must', 'be']);
    expect(words(literalText('`${commandMessages.tooManyArguments()}\\n\\nusage: ${USAGE}`', 0))).toEqual([]);
    expect(words(literalText("'not a directory'", 0))).toEqual(['not', 'directory']);
  });
});

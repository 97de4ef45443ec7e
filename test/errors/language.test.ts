import { describe, expect, it } from 'vitest';
import { bilingual, currentLanguage, languageFromEnv, withLanguage } from '../../src/errors/language.ts';
import { runMain } from '../helpers/cli.ts';

describe('message language', () => {
  it('is Japanese unless the environment asks for English', () => {
    expect(languageFromEnv({})).toBe('ja');
    expect(languageFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(languageFromEnv({ LANG: 'C' })).toBe('en');
    expect(languageFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LANG: 'POSIX' })).toBe('en');
    expect(languageFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'ja_JP.UTF-8' })).toBe('ja');
    expect(languageFromEnv({ LANG: 'C', KOFUKIN_LANG: 'ja' })).toBe('ja');
    expect(languageFromEnv({ LANG: 'ja_JP.UTF-8', KOFUKIN_LANG: 'en' })).toBe('en');
  });

  it('picks the wording of the language in force and restores the previous one', async () => {
    const m = bilingual({ done: { ja: (n: number) => `${n}件完了`, en: (n: number) => `${n} done` } });
    const before = currentLanguage();
    expect(await withLanguage('ja', async () => m.done(3))).toBe('3件完了');
    expect(await withLanguage('en', async () => m.done(3))).toBe('3 done');
    expect(currentLanguage()).toBe(before);
  });

  it('rejects an unknown --lang as a usage error', async () => {
    const r = await runMain(['--lang', 'fr', '--help']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--lang');
  });
});

/**
 * The language of the messages our users read (errors, warnings, progress, help): Japanese by
 * default, English with `--lang en`, KOFUKIN_LANG=en, or a C/POSIX/English locale (LANG=C).
 *
 * Messages are defined in both languages in one place (src/errors/messages.ts) with `bilingual`;
 * calling a message picks the language in force when it is called. `main()` sets the language
 * for the run of one command and restores the previous one afterwards.
 */
export type Lang = 'ja' | 'en';

export const LANGUAGES: readonly Lang[] = ['ja', 'en'];

let current: Lang = 'ja';

export function currentLanguage(): Lang {
  return current;
}

/** Sets the language and returns the previous one (to restore it). */
export function setLanguage(lang: Lang): Lang {
  const previous = current;
  current = lang;
  return previous;
}

/** Runs `fn` with `lang` in force, restoring the previous language afterwards. */
export async function withLanguage<T>(lang: Lang, fn: () => Promise<T>): Promise<T> {
  const previous = setLanguage(lang);
  try {
    return await fn();
  } finally {
    setLanguage(previous);
  }
}

export function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language asked for by the environment: KOFUKIN_LANG (ja/en) first, then the POSIX locale
 * (LC_ALL, LC_MESSAGES, LANG, first one set): "C", "POSIX" and English locales give English,
 * anything else (ja_JP.UTF-8, unset) Japanese.
 */
export function languageFromEnv(env: NodeJS.ProcessEnv): Lang {
  const explicit = env.KOFUKIN_LANG?.trim().toLowerCase();
  if (explicit && isLang(explicit)) return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (/^(C|POSIX)([.@]|$)/.test(locale) || /^en([_.@-]|$)/i.test(locale)) return 'en';
  return 'ja';
}

/** One message in both languages; both take the same arguments. */
export interface BilingualMessage<A extends unknown[]> {
  ja: (...args: A) => string;
  en: (...args: A) => string;
}

type Picked<T> = { [K in keyof T]: T[K] extends BilingualMessage<infer A> ? (...args: A) => string : never };

const registry: Array<Record<string, BilingualMessage<any>>> = [];

/** Every block given to `bilingual` so far (for the test that checks both wordings of every message). */
export function bilingualBlocks(): ReadonlyArray<Readonly<Record<string, BilingualMessage<any>>>> {
  return registry;
}

/**
 * Turns a block of bilingual messages into functions that answer in the current language:
 * `const m = bilingual({ done: { ja: (n: number) => `${n}件`, en: (n: number) => `${n} done` } })`,
 * then `m.done(3)`.
 */
export function bilingual<T extends Record<string, BilingualMessage<any>>>(block: T): Picked<T> {
  registry.push(block);
  const out: Record<string, (...args: unknown[]) => string> = {};
  for (const [key, message] of Object.entries(block)) {
    out[key] = (...args: unknown[]) => message[current](...args);
  }
  return out as Picked<T>;
}

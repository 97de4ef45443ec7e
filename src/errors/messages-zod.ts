/**
 * zod's own wording of a schema problem ("expected number, received string") in the language in
 * force: zod's Japanese or English locale, chosen when the problem is found. Our own schema
 * messages (src/errors/messages-readers.ts: schemaMessages) take precedence over these.
 */
import { z } from 'zod';
import { currentLanguage } from './language.ts';

const locales = { ja: z.locales.ja(), en: z.locales.en() };

z.config({
  localeError: (issue) => locales[currentLanguage()].localeError(issue),
});

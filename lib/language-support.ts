/**
 * What Kontext can do for a language. One place decides it, from the language code alone, so that the
 * pipeline (which quotes to keep), the popup (what to tell the reader) and the CLI's JSON agree.
 */
import { NER_LANGUAGES, primaryLanguage } from './entities/index.ts';
import type { LanguageSupport } from './types.ts';

/** Languages with every feature: an entity model and speech-verb lists (German first, then English). */
export const FULLY_SUPPORTED_LANGUAGES: readonly string[] = NER_LANGUAGES;

/** Support for an ISO 639-1 code or language tag ('it', 'de-AT'); 'und' (unknown) gets the reduced set. */
export function languageSupport(lang: string): LanguageSupport {
  const full = FULLY_SUPPORTED_LANGUAGES.includes(primaryLanguage(lang));
  return full
    ? { names: 'full', speakers: 'full', quotes: 'full', summary: 'full' }
    : { names: 'none', speakers: 'none', quotes: 'partial', summary: 'partial' };
}

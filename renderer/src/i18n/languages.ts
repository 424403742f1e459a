import { LANGUAGE_CODES, type LanguageCode } from '../../../shared/domain/language';

/** The languages the interface is written in; English is the fallback for anything not yet translated. */
export const LANGUAGES = LANGUAGE_CODES;
export type Language = LanguageCode;

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The Intl locale each language writes dates, numbers and percentages with. Spanish uses CLDR's generic `es`
 * ("13,48 %", "1 de marzo de 2027"), the forms CBP's Spanish-speaking Members read in its Spanish documents.
 */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-US', es: 'es' };

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

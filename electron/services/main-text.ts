import { messages as spanish } from '../../renderer/src/i18n/locales/es/messages';
import type { LanguageCode } from '../../shared/domain/language';
import { type MessageRef, textIn } from '../../shared/messages';

/** What the main process writes itself (a native dialog) in a language, from the same catalogs as the interface. */
export const mainText = (language: LanguageCode, ref: MessageRef): string =>
  textIn(language === 'es' ? spanish : {}, language, ref);

/** The language of the operating system's first English or Spanish choice ("es-MX" → es); English otherwise. */
export const systemLanguage = (systemLanguages: readonly string[]): LanguageCode =>
  /^es\b/i.test(systemLanguages.find((l) => /^(en|es)\b/i.test(l)) ?? '') ? 'es' : 'en';

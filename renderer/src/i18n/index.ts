import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { INTL_LOCALE, isLanguage, LANGUAGES, type Language } from './languages';
import { en } from './locales/en';
import { es } from './locales/es';

/**
 * The interface's one i18next instance. Catalogs are bundled (no network, no loading state), so it is ready
 * before the first render; plurals come from Intl.PluralRules and dates and numbers from Intl.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, es: { translation: es } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  initAsync: false,
  returnNull: false,
  // React escapes what it renders; escaping here too would show &amp; to the person.
  interpolation: { escapeValue: false },
});

/** The language the interface is in now. */
export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'en');

/** The Intl locale of the interface's language now, for formatting outside React. */
export const currentLocale = (): string => INTL_LOCALE[currentLanguage()];

/** Switches the interface without a restart and tells assistive technology the page's language. */
export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = INTL_LOCALE[language];
}

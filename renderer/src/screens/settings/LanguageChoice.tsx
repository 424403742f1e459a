import { useTranslation } from 'react-i18next';
import { INTL_LOCALE, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { usePreferences } from '../../state/preferences';

/** The interface's language for the person using it: applies at once, remembered for them on this computer. */
export function LanguageChoice() {
  const { t } = useTranslation();
  const [{ language }, setPreferences] = usePreferences();
  return (
    <fieldset className="usa-fieldset language-choice" aria-describedby="language-hint">
      <legend className="usa-legend">{t('settings.language.legend')}</legend>
      <span className="usa-hint" id="language-hint">
        {t('settings.language.hint')}
      </span>
      <div className="language-choice__options">
        {LANGUAGES.map((option) => (
          <div className="usa-radio" key={option}>
            <input
              className="usa-radio__input"
              type="radio"
              id={`language-${option}`}
              name="language"
              value={option}
              checked={language === option}
              onChange={() => setPreferences({ language: option })}
            />
            {/* Each name in its own language, marked so a screen reader pronounces it right. */}
            <label className="usa-radio__label" htmlFor={`language-${option}`} lang={INTL_LOCALE[option]}>
              {LANGUAGE_NAMES[option]}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

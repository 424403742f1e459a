import { useTranslation } from 'react-i18next';
import { INTL_LOCALE, isLanguage } from '../i18n/languages';

/** Native <progress> with its numbers in text too, so the count is read aloud and visible without colour. */
export function ProgressMeter({ answered, total, label }: { answered: number; total: number; label: string }) {
  const { t, i18n } = useTranslation();
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100);
  const locale = INTL_LOCALE[isLanguage(i18n.language) ? i18n.language : 'en'];
  const percentText = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    percent / 100,
  );
  return (
    <div className="progress-meter">
      <progress className="progress-meter__bar" max={total} value={answered} aria-label={label} />
      <span className="progress-meter__text">
        {t('worksheet.progress.answered', { answered, total, percent: percentText })}
      </span>
    </div>
  );
}

import { useTranslation } from 'react-i18next';

/**
 * A value that is not there: a dash to the eye and words to a screen reader, which may skip a lone dash as
 * punctuation and leave the field sounding blank. `label` names what is missing where "none" would not say it.
 */
export function NoValue({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="usa-sr-only">{label ?? t('app.noValue')}</span>
    </>
  );
}

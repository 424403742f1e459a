import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_LOCALE, isLanguage } from '../i18n/languages';

/** The count shows once the text passes this share of the limit: early enough to plan, quiet before. */
const SHOW_COUNT_FROM = 0.8;

type AutosavedText = {
  value: string;
  saved: boolean;
  tooLong: boolean;
  onChange: (v: string) => void;
  onBlur: () => void;
};

/**
 * A note field that grows with its text, shows how many characters are left as the limit nears, and says at
 * the field when the text is over it (it is then kept on screen, not cut and not saved, until shortened).
 */
export function LimitedTextarea({
  id,
  label,
  labelClassName = 'usa-label',
  text,
  maxLength,
  disabled,
  className = '',
  rows = 2,
}: {
  id: string;
  label: ReactNode;
  labelClassName?: string;
  text: AutosavedText;
  maxLength: number;
  disabled?: boolean;
  className?: string;
  rows?: number;
}) {
  const { t, i18n } = useTranslation();
  const numberFormat = new Intl.NumberFormat(INTL_LOCALE[isLanguage(i18n.language) ? i18n.language : 'en']);
  const length = text.value.length;
  const showCount = length >= maxLength * SHOW_COUNT_FROM;
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const describedBy = [text.tooLong ? errorId : null, showCount ? countId : null].filter(Boolean).join(' ');
  return (
    <div className={`limited-text${text.tooLong ? ' usa-form-group--error' : ''}`}>
      <label className={labelClassName} htmlFor={id}>
        {label}
      </label>
      {text.tooLong && (
        <span className="usa-error-message" id={errorId} role="alert">
          {t('worksheet.limitedText.tooLong', {
            length: numberFormat.format(length),
            limit: numberFormat.format(maxLength),
            over: numberFormat.format(length - maxLength),
          })}
        </span>
      )}
      <textarea
        className={`usa-textarea limited-text__field ${className}`}
        id={id}
        rows={rows}
        value={text.value}
        disabled={disabled}
        data-saved={text.saved && !text.tooLong}
        aria-invalid={text.tooLong || undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => text.onChange(e.target.value)}
        onBlur={text.onBlur}
      />
      {showCount && (
        <span
          id={countId}
          className={`usa-hint limited-text__count${text.tooLong ? ' limited-text__count--over' : ''}`}
        >
          {text.tooLong
            ? t('worksheet.limitedText.over', { over: numberFormat.format(length - maxLength) })
            : t('worksheet.limitedText.left', { left: numberFormat.format(maxLength - length) })}
        </span>
      )}
    </div>
  );
}

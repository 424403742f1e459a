import type { ReactNode } from 'react';

const numberFormat = new Intl.NumberFormat('en-US');
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
          Not saved: this text is {numberFormat.format(length)} characters and the limit is{' '}
          {numberFormat.format(maxLength)}. Shorten it by {numberFormat.format(length - maxLength)} characters to save
          it; nothing has been cut.
        </span>
      )}
      <textarea
        className={`usa-textarea limited-text__field${text.tooLong ? ' usa-input--error' : ''} ${className}`}
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
            ? `${numberFormat.format(length - maxLength)} characters over the limit`
            : `${numberFormat.format(maxLength - length)} characters left`}
        </span>
      )}
    </div>
  );
}

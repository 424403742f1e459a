import type { ReactNode } from 'react';

/** What a control needs so a screen reader reads its hint and its error with it, and knows it is invalid. */
export type FieldControl = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };

export const hintIdOf = (id: string): string => `${id}-hint`;
export const errorIdOf = (id: string): string => `${id}-error`;

/** The attributes tying the control `id` to its hint (when it has one) and its error (when there is one). */
export function fieldControl(id: string, { hint = false, error }: { hint?: boolean; error?: string | null }) {
  const describedBy = [hint ? hintIdOf(id) : null, error ? errorIdOf(id) : null].filter(Boolean).join(' ');
  const control: FieldControl = { id };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  return control;
}

/** One field's USWDS error message, with the id its control points at; announced as it appears. */
export function FieldError({
  id,
  announce = true,
  children,
}: {
  id: string;
  /** False where something else already announces it (an error summary taking the focus, a polite count). */
  announce?: boolean;
  children: ReactNode;
}) {
  return (
    <span className="usa-error-message" id={errorIdOf(id)} role={announce ? 'alert' : undefined}>
      {children}
    </span>
  );
}

/**
 * One USWDS form group: label, hint, error, then the control, in the order USWDS gives. The control receives its
 * id, aria-describedby and aria-invalid from here, so a field's error is always read with the field.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  announce = true,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** As FieldError's: false where something else announces the error; it is still read with the field. */
  announce?: boolean;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const classes = ['usa-form-group', error ? 'usa-form-group--error' : null, className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      {/* USWDS's error state bolds the label too, so the field in error stands out without colour. */}
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="usa-hint" id={hintIdOf(id)}>
          {hint}
        </span>
      )}
      {error && (
        <FieldError id={id} announce={announce}>
          {error}
        </FieldError>
      )}
      {children(fieldControl(id, { hint: Boolean(hint), error }))}
    </div>
  );
}

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
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="usa-error-message" id={errorIdOf(id)} role="alert">
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
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const classes = ['usa-form-group', error ? 'usa-form-group--error' : null, className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      <label className="usa-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <span className="usa-hint" id={hintIdOf(id)}>
          {hint}
        </span>
      )}
      {error && <FieldError id={id}>{error}</FieldError>}
      {children(fieldControl(id, { hint: Boolean(hint), error }))}
    </div>
  );
}

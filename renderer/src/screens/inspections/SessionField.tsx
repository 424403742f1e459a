import { FormField } from '../../components/FormField';

export type SessionFieldChoice = { readonly value: string; readonly label: string };

/** The kind of control a session-log field is. */
export type SessionFieldControl =
  | { type: 'text'; maxLength?: number }
  | { type: 'date' | 'time' | 'datetime-local' }
  | { type: 'textarea'; maxLength: number }
  | { type: 'select'; choices: readonly SessionFieldChoice[]; placeholder?: string };

/**
 * One field of the session log: its label, hint, the reason a value is refused and the control, tied
 * together for screen readers (aria-describedby, aria-invalid). The value is the form's; the field only shows it.
 */
export function SessionField({
  id,
  label,
  hint,
  error,
  wide = false,
  control,
  value,
  onChange,
  onBlur,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  wide?: boolean;
  control: SessionFieldControl;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const common = {
    value,
    onBlur,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    // Errors come and go as the SCSS types; the form's polite "not saved until fixed" count announces them instead.
    <FormField
      id={id}
      label={label}
      hint={hint}
      error={error}
      announce={false}
      className={wide ? 'session-form__wide' : undefined}
    >
      {(field) =>
        control.type === 'select' ? (
          <select className="usa-select" {...common} {...field}>
            {control.placeholder !== undefined && <option value="">{control.placeholder}</option>}
            {control.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        ) : control.type === 'textarea' ? (
          <textarea className="usa-textarea" rows={2} maxLength={control.maxLength} {...common} {...field} />
        ) : (
          <input
            className="usa-input"
            type={control.type}
            {...(control.type === 'text' && control.maxLength ? { maxLength: control.maxLength } : {})}
            {...common}
            {...field}
          />
        )
      }
    </FormField>
  );
}

import { useCallback, useRef } from 'react';
import type { FieldErrors, FieldValues } from 'react-hook-form';

/** The dotted names of the fields an error tree marks ("deficiencyReasons.9.code"), as register() names inputs. */
function markedNames(errors: object, prefix = ''): string[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (value === null || typeof value !== 'object') return [];
    const name = prefix + key;
    // A field's own error has a type; anything else is a group (an object or a list) holding fields' errors.
    return typeof (value as { type?: unknown }).type === 'string' ? [name] : markedNames(value, `${name}.`);
  });
}

/**
 * After a refused submit, focus the first marked field in the order the person reads the form. react-hook-form's
 * own focus follows the order fields were registered, which a row added to a list later puts after the fields
 * below it. Use with `shouldFocusError: false`, `ref` on the form and `onInvalid` as handleSubmit's second argument.
 */
export function useFocusFirstInvalid<T extends FieldValues>() {
  const ref = useRef<HTMLFormElement>(null);
  const onInvalid = useCallback((errors: FieldErrors<T>) => {
    const marked = new Set(markedNames(errors));
    const fields = ref.current?.querySelectorAll<HTMLElement>('[name]') ?? [];
    Array.from(fields)
      .find((field) => marked.has(field.getAttribute('name') ?? ''))
      ?.focus();
  }, []);
  return { ref, onInvalid };
}

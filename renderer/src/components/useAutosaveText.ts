import { useEffect, useRef, useState } from 'react';

/**
 * A text field that saves itself after a pause in typing, on blur, and when it unmounts, so text
 * typed just before leaving a screen is never lost.
 */
export function useAutosaveText(saved: string, persist: (value: string) => void, delayMs = 700) {
  const [value, setValue] = useState(saved);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsaved = useRef<string | null>(null);
  const persistRef = useRef(persist);
  persistRef.current = persist;

  const flush = () => {
    clearTimeout(timer.current);
    if (unsaved.current !== null) {
      const next = unsaved.current;
      unsaved.current = null;
      persistRef.current(next);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: flush once, on unmount
  useEffect(() => flush, []);

  // A value changed elsewhere (undo, another field's save) replaces the text unless the SCSS is typing.
  useEffect(() => {
    if (unsaved.current === null) setValue(saved);
  }, [saved]);

  return {
    value,
    saved: value === saved,
    onChange: (next: string) => {
      setValue(next);
      unsaved.current = next;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    onBlur: flush,
  };
}

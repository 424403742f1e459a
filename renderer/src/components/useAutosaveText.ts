import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

/** Text too long to save, kept by field until it is shortened: leaving the screen must not lose it. */
const overLimitDrafts = new Map<string, string>();
const draftWatchers = new Set<() => void>();
function keepOverLimit(draftKey: string, text: string | null): void {
  const had = overLimitDrafts.has(draftKey);
  if (text === null) overLimitDrafts.delete(draftKey);
  else overLimitDrafts.set(draftKey, text);
  if (had !== (text !== null)) for (const watcher of draftWatchers) watcher();
}

/** Some field holds text too long to save: it lives only on screen, so leaving the page would lose it. */
export const hasTextTooLongToSave = (): boolean => overLimitDrafts.size > 0;

/** How many fields whose draftKey starts with `prefix` hold text too long to save; re-renders as that changes. */
export function useTextTooLongToSave(prefix: string): number {
  return useSyncExternalStore(
    (watch) => {
      draftWatchers.add(watch);
      return () => draftWatchers.delete(watch);
    },
    () => [...overLimitDrafts.keys()].filter((key) => key.startsWith(prefix)).length,
  );
}

/**
 * A text field that saves itself after a pause in typing, on blur, when it unmounts and when the page is left
 * (a reload, the window closing), so text typed just before leaving a screen is never lost. With a maxLength, text
 * over it is never cut and never sent: it stays on screen (and in memory by draftKey across a remount) until the
 * SCSS shortens it.
 */
export function useAutosaveText(
  saved: string,
  persist: (value: string) => void,
  options: { delayMs?: number; maxLength?: number; draftKey?: string } = {},
) {
  const { delayMs = 700, maxLength, draftKey } = options;
  const draft = draftKey ? overLimitDrafts.get(draftKey) : undefined;
  const [value, setValue] = useState(draft ?? saved);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsaved = useRef<string | null>(null);
  const persistRef = useRef(persist);
  persistRef.current = persist;
  const tooLong = maxLength !== undefined && value.length > maxLength;

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
  // Leaving the page unmounts nothing: the pause may not have ended, so send the text now, while the page is here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: flush reads only refs; added once
  useEffect(() => {
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
    };
  }, []);

  // A value changed elsewhere (undo, another field's save) replaces the text unless the SCSS is typing.
  useEffect(() => {
    if (unsaved.current === null && !(draftKey && overLimitDrafts.has(draftKey))) setValue(saved);
  }, [saved, draftKey]);

  return {
    value,
    saved: value === saved,
    /** Over maxLength: not saved until shortened. */
    tooLong,
    onChange: (next: string) => {
      setValue(next);
      clearTimeout(timer.current);
      if (maxLength !== undefined && next.length > maxLength) {
        unsaved.current = null;
        if (draftKey) keepOverLimit(draftKey, next);
        return;
      }
      if (draftKey) keepOverLimit(draftKey, null);
      unsaved.current = next;
      timer.current = setTimeout(flush, delayMs);
    },
    onBlur: flush,
  };
}

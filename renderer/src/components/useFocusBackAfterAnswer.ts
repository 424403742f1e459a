import { useEffect, useRef, useState } from 'react';

/**
 * A form's button is held (disabled) while its answer is awaited, which takes the focus off it: once the answer
 * is in and the button is released, focus goes back to it, beside the outcome said below it. Call `answered()`
 * when the outcome is set; a refusal that marks a field focuses that field instead and does not call it.
 */
export function useFocusBackAfterAnswer(busy: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  const [answered, setAnswered] = useState(false);
  useEffect(() => {
    if (busy || !answered) return;
    ref.current?.focus();
    setAnswered(false);
  }, [busy, answered]);
  return { ref, answered: () => setAnswered(true) };
}

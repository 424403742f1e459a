/**
 * Each option's tabIndex in a radio group that may have nothing chosen: one Tab stop, on the chosen option or on the
 * first while none is. The arrow keys still move between the options and choose, as radios do, and a disabled
 * fieldset still takes every option out of the Tab order.
 *
 * Why: on each re-render React 19 clears an input's name and sets it again, and when that happens to the focused
 * radio of a group with nothing chosen, Chromium then stops on the next radio too (two Tab stops for one question).
 */
export function rovingRadio<T>(options: readonly T[], value: T | null | undefined): (option: T) => 0 | -1 {
  const stop = value != null && options.includes(value) ? value : options[0];
  return (option) => (option === stop ? 0 : -1);
}

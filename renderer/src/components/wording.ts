import type { TFunction } from 'i18next';
import { errorMessage } from '../api';

/**
 * Text that stays on screen after the moment that raised it (an outcome, a refusal), written each time it is drawn
 * with that render's `t`: a language switched meanwhile rewrites it instead of leaving it in the one it was raised in.
 */
export type Wording = (t: TFunction) => string;

/** An error's message, read again in the interface's language whenever it is drawn. */
export const errorWording =
  (error: unknown): Wording =>
  () =>
    errorMessage(error);

/** A success or an error said in an alert until the next one (an object: React's useState would call a bare function). */
export type ShownOutcome = { type: 'success' | 'error'; text: Wording };

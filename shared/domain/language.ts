import { z } from 'zod';

/** The languages the app is written in: a validation records the one its worksheet was shown in. */
export const LANGUAGE_CODES = ['en', 'es'] as const;
export const LanguageSchema = z.enum(LANGUAGE_CODES);
export type LanguageCode = z.infer<typeof LanguageSchema>;

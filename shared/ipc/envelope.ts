import { z } from 'zod';

/** Error codes a renderer can act on; messages are written for the SCSS, not for developers. */
export const ErrorCodeSchema = z.enum([
  'BAD_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'UNAVAILABLE',
  'INTERNAL',
  /** The audit log was changed outside the app: what it affects is read-only until the field office has looked. */
  'AUDIT_CHAIN_BROKEN',
  // The local store failed in a way the SCSS can act on (electron/services/store-errors.ts says how).
  'STORE_DISK_FULL',
  'STORE_READ_ONLY',
  'STORE_LOCKED',
  'STORE_CORRUPT',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** One refused field of a request: where (a dotted path such as `signedByName`) and why, in plain words. */
export type FieldIssue = { path: string; message: string };
export type AppErrorShape = { code: ErrorCode; message: string; issues?: FieldIssue[] };
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Envelope<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** Thrown by services; the dispatcher turns it into an error envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

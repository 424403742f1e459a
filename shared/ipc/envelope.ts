import { z } from 'zod';
import type { Message, MessageKey, MessageParams } from '../messages';

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

/**
 * What a person is told: `message` in English (for logs, HQ and older readers) and, when the text is in the
 * catalogs (shared/messages), its `key` and `params`, which the interface writes in its own language.
 */
type Told = { message: string; key?: MessageKey; params?: MessageParams };

/** One refused field of a request: where (a dotted path such as `signedByName`) and why, in plain words. */
export type FieldIssue = Told & { path: string };
export type AppErrorShape = Told & { code: ErrorCode; issues?: FieldIssue[] };
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** The English text alone, or a catalog message with its English (shared/messages `message()`). */
const told = (text: string | Message): Told => {
  if (typeof text === 'string') return { message: text };
  const { message, key, params } = text;
  return params ? { message, key, params } : { message, key };
};

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, text: string | Message, issues?: FieldIssue[]): Envelope<never> => ({
  ok: false,
  error: issues ? { code, ...told(text), issues } : { code, ...told(text) },
});

/** Thrown by services; the dispatcher turns it into an error envelope. The code stays the same in every language. */
export class AppError extends Error {
  readonly key: MessageKey | undefined;
  readonly params: MessageParams | undefined;
  constructor(
    readonly code: ErrorCode,
    text: string | Message,
    /** The fields a form should mark, when the service knows which field its refusal concerns. */
    readonly issues?: FieldIssue[],
  ) {
    const { message, key, params } = told(text);
    super(message);
    this.name = 'AppError';
    this.key = key;
    this.params = params;
  }

  /** A refusal about one field: the message names it for logs, the issue lets the form mark it. */
  static forField(code: ErrorCode, text: string | Message, path: string, why: Message): AppError {
    return new AppError(code, text, [{ path, ...told(why) }]);
  }

  /** The text as the envelope carries it. */
  get told(): Message | string {
    return this.key
      ? { message: this.message, key: this.key, ...(this.params ? { params: this.params } : {}) }
      : this.message;
  }
}

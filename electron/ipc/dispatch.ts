import type { z } from 'zod';
import { describeUnstorableText, findUnstorableText } from '../../shared/domain/text';
import { CHANNELS, type Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { AppError, type Envelope, fail, ok } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { fieldIssue } from '../../shared/messages/field-issues';
import { storeFailureOnRequest } from '../services/store-errors';
import type { Handlers } from './handlers';

export type Dispatch = (channel: string, payload: unknown) => Promise<Envelope<unknown>>;

const isChannel = (name: string): name is Channel => (CHANNELS as readonly string[]).includes(name);

/** Says what is wrong with a request in words a user can act on: "scheduledDate: Use a date …". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export type DispatchLogger = (message: string, error: unknown) => void;

/**
 * Parses the payload with the channel's schema before any service runs, so a malformed request
 * writes nothing; every outcome, including bugs, comes back as an envelope.
 */
export function createDispatcher(
  handlers: Handlers,
  logError: DispatchLogger = console.error,
  /** Told after every request that succeeded (background sync watches for queued changes). */
  onHandled?: (channel: Channel) => void,
): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `There is no channel named "${channel}".`);
    // Acknowledged must mean stored as typed: SQLite would keep a lone surrogate as U+FFFD, HQ refuses NUL.
    const unstorable = findUnstorableText(payload);
    if (unstorable) {
      const issues = [fieldIssue(unstorable.path, { code: 'custom', message: `This text ${unstorable.problem}.` })];
      const details = describeUnstorableText(unstorable);
      return fail('BAD_REQUEST', message('errors.invalidRequest', { channel, details }), issues);
    }
    const parsed = contract[channel].request.safeParse(payload);
    if (!parsed.success) {
      // The issues let a form mark each refused field; the message stays for logs and older callers.
      const issues = parsed.error.issues.map((i) => fieldIssue(i.path.map(String).join('.'), i));
      const details = describeZodError(parsed.error);
      return fail('BAD_REQUEST', message('errors.invalidRequest', { channel, details }), issues);
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      const value = await handler(parsed.data);
      onHandled?.(channel);
      return ok(value);
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.told, error.issues);
      logError(`Handler for ${channel} failed`, error);
      const storeFailure = storeFailureOnRequest(error);
      if (storeFailure) return fail(storeFailure.code, storeFailure.told);
      return fail('INTERNAL', message('errors.internal'));
    }
  };
}

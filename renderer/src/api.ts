import type { Channel } from '../../shared/ipc/channels';
import { contract, type RequestOf, type ResponseOf } from '../../shared/ipc/contract';
import type { AppErrorShape, Envelope, FieldIssue } from '../../shared/ipc/envelope';
import type { WindowApi } from '../../shared/ipc/window-api';
import { translateMessage } from './i18n/messages';

declare global {
  interface Window {
    api: WindowApi;
  }
}

/** A refusal from the main process, its message and issues in the interface's language (English as sent otherwise). */
export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  /** The request fields the main process refused, when it named them. */
  readonly issues: readonly FieldIssue[];
  /** The message as sent, in English: the same text in every language. */
  readonly english: string;
  constructor(error: AppErrorShape) {
    super(error.message);
    // Written each time it is read, so a refusal still on screen follows a switch of the interface's language.
    Object.defineProperty(this, 'message', { get: () => translateMessage(error), configurable: true });
    this.code = error.code;
    this.english = error.message;
    this.issues = (error.issues ?? []).map((issue) => ({ ...issue, message: translateMessage(issue) }));
  }
}

/** Calls one contract channel and unwraps its envelope; a failure becomes an ApiError with the user-facing message. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const [domain, action] = channel.split(':') as [string, string];
  const fn = (
    window.api as unknown as Record<string, Record<string, (r: unknown) => Promise<Envelope<ResponseOf<C>>>>>
  )[domain]?.[action];
  if (!fn) throw new ApiError({ code: 'UNKNOWN_CHANNEL', message: `This window cannot reach ${channel}.` });
  const envelope = await fn(request);
  if (!envelope.ok) throw new ApiError(envelope.error);
  if (CHECK_RESPONSES) checkResponse(channel, envelope.value);
  return envelope.value;
}

/**
 * The harness carries answers as JSON and Electron as structured clones: outside a release build every answer is
 * held against the contract's response schema, so the two cannot drift apart unseen.
 */
const CHECK_RESPONSES = import.meta.env.VITE_CHECK_RESPONSES !== 'off';

function checkResponse(channel: Channel, value: unknown): void {
  const parsed = contract[channel].response.safeParse(value);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  console.error(`The answer to ${channel} does not match the contract`, parsed.error.issues);
  throw new ApiError({
    code: 'INTERNAL',
    message: `This window got an answer to ${channel} it does not understand (${where}${issue?.message ?? 'malformed'}). Report it.`,
  });
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
/** The refusal as the main process wrote it, in English, whatever the interface's language. */
export const englishMessage = (error: unknown): string =>
  error instanceof ApiError ? error.english : errorMessage(error);

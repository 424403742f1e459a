import type { z } from 'zod';
import { englishText, type MessageRef, message } from '../../shared/messages';
import { ApiErrorSchema, type Change, type PushAuditChainSchema, PushResponseSchema } from '../../shared/sync/protocol';

export type PushResponse = z.infer<typeof PushResponseSchema>;
export type PushAuditChain = z.infer<typeof PushAuditChainSchema>;

/** How changes reach HQ. The HTTP one is for the app; tests wrap an in-process one around the real HQ app. */
export interface SyncTransport {
  /** Sends a batch; `auditChain` lets HQ check the laptop's audit chain still holds the heads it recorded. */
  push(changes: Change[], auditChain?: PushAuditChain): Promise<PushResponse>;
  /**
   * Whether HQ answers its health check (and reaches its database). Tells a change HQ keeps failing on from an
   * HQ that fails on everything; without it a change is never set aside for HQ's failures.
   */
  isHealthy?(): Promise<boolean>;
}

/** HQ could not be reached, or the connection broke (refused, reset, timed out): retry later. */
export class NetworkError extends Error {
  readonly code = 'SYNC_NETWORK';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

/** HQ answered with a 5xx or with something that is not the protocol: retry later. */
export class ServerError extends Error {
  readonly code = 'SYNC_SERVER';
  /** HQ's words by catalog key, when HQ sent them so. */
  told?: MessageRef;
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** HQ refused the device token (HTTP 401): the device must be enrolled again. */
export class AuthError extends Error {
  readonly code = 'SYNC_AUTH';
  told?: MessageRef;
  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

/** HQ refused the request itself (another 4xx): retrying it unchanged would fail the same way. */
export class ClientError extends Error {
  readonly code = 'SYNC_CLIENT';
  told?: MessageRef;
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

export type SyncTransportError = NetworkError | ServerError | AuthError | ClientError;

/** Should the same request be sent again after a backoff? */
export const isRetryable = (error: unknown): error is NetworkError | ServerError =>
  error instanceof NetworkError || error instanceof ServerError;

export type HttpTransportOptions = {
  /** HQ's origin, e.g. https://hq.example.gov (the /v1 prefix is added here). */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs: number;
};

/** Answers HQ with status and body as the typed errors above, or returns the validated receipts. */
export function pushResponseFrom(status: number, bodyText: string): PushResponse {
  const body = parseJson(bodyText);
  // 409 is HQ saying the one change it was sent clashes; its receipts still say which and why.
  if ((status >= 200 && status < 300) || status === 409) {
    const parsed = PushResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    if (status !== 409) throw new ServerError(message('sync.noReceipts', { status }).message, status);
  }
  throw errorForStatus(status, body);
}

/**
 * Sends a JSON body to HQ with this device's token and reads the whole answer. The timeout covers reading the
 * body too: a connection that stalls mid-answer counts as lost (NetworkError, retried).
 */
export async function sendHqJson(
  options: HttpTransportOptions,
  method: 'POST' | 'PUT',
  url: URL,
  body: unknown,
): Promise<{ status: number; text: string }> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  try {
    const response = await fetchImpl(url, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    throw new NetworkError(networkMessage(error, options.timeoutMs), { cause: error });
  }
}

export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const url = new URL('v1/push', base);
  const healthUrl = new URL('healthz', base);
  return {
    async push(changes, auditChain) {
      const { status, text } = await sendHqJson(
        options,
        'POST',
        url,
        auditChain ? { changes, auditChain } : { changes },
      );
      return pushResponseFrom(status, text);
    },
    async isHealthy() {
      try {
        const response = await fetchImpl(healthUrl, { signal: AbortSignal.timeout(options.timeoutMs) });
        await response.arrayBuffer();
        return response.ok;
      } catch {
        return false;
      }
    },
  };
}

/**
 * GETs an HQ JSON resource (path relative to /v1/) and parses it with schema. Errors are the typed ones
 * above: NetworkError and ServerError are retried later, AuthError asks for enrolment, ClientError refuses.
 */
export async function getHqJson<T>(options: HttpTransportOptions, path: string, schema: z.ZodType<T>): Promise<T> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const url = new URL(`v1/${path}`, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  let status: number;
  let text: string;
  try {
    const response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${options.token}` },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw new NetworkError(networkMessage(error, options.timeoutMs), { cause: error });
  }
  const body = parseJson(text);
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new ServerError(message('sync.notUnderstood', { path }).message, status);
  }
  throw errorForStatus(status, body);
}

/** HQ's refusal as the typed error that says what the client does next. */
export function errorForStatus(status: number, body: unknown): SyncTransportError {
  const said = ApiErrorSchema.safeParse(body).data;
  const text = said?.error.message ?? message('sync.answeredStatus', { status }).message;
  const error =
    status === 401
      ? new AuthError(text)
      : status >= 500
        ? new ServerError(text, status)
        : new ClientError(text, status);
  if (said?.told) error.told = said.told;
  return error;
}

/**
 * HQ's words as a value of a message: by key when HQ sent the key and this catalog writes the same English
 * (an HQ newer than this laptop may not), else the English as HQ wrote it.
 */
export function hqWordsOf(said: { text: string; told?: MessageRef | undefined }): string | MessageRef[] {
  return said.told && englishText(said.told) === said.text ? [said.told] : said.text;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function networkMessage(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return message('sync.noAnswerWithin', { seconds: timeoutMs / 1000 }).message;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const detail = (cause as NodeJS.ErrnoException | undefined)?.code ?? cause?.message ?? (error as Error)?.message;
  return detail ? message('sync.unreachable', { detail }).message : message('sync.unreachableNoDetail').message;
}

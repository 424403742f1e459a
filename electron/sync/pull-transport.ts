import { message } from '../../shared/messages';
import { type PullResponse, PullResponseSchema } from '../../shared/sync/pull-protocol';
import { errorForStatus, getHqJson, type HttpTransportOptions, parseJson, ServerError } from './transport';

/** How pages come down from HQ. The HTTP one is for the app; tests hand the same request to the real HQ app. */
export interface PullTransport {
  /** The page after `cursor` (null: from the start), at most `limit` rows. */
  pull(cursor: string | null, limit: number): Promise<PullResponse>;
}

/** The request path under /v1/ for one page. */
export function pullPath(cursor: string | null, limit: number): string {
  const query = new URLSearchParams(cursor === null ? { limit: String(limit) } : { cursor, limit: String(limit) });
  return `pull?${query}`;
}

/** HQ's answer to a pull as a validated page, or as the typed error that says what the client does next. */
export function pullResponseFrom(status: number, bodyText: string): PullResponse {
  const body = parseJson(bodyText);
  if (status >= 200 && status < 300) {
    const parsed = PullResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new ServerError(message('sync.pullNotUnderstood').message, status);
  }
  throw errorForStatus(status, body);
}

/** GET /v1/pull with a timeout; network failures, 5xx, 401 and other 4xx become the errors in transport.ts. */
export function createHttpPullTransport(options: HttpTransportOptions): PullTransport {
  return { pull: (cursor, limit) => getHqJson(options, pullPath(cursor, limit), PullResponseSchema) };
}

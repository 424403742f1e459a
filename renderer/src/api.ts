import type { Channel } from '../../shared/ipc/channels';
import type { RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { AppErrorShape, Envelope } from '../../shared/ipc/envelope';
import type { WindowApi } from '../../shared/ipc/window-api';

declare global {
  interface Window {
    api: WindowApi;
  }
}

export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  constructor(error: AppErrorShape) {
    super(error.message);
    this.code = error.code;
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
  return envelope.value;
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

import type { Channel, EventName } from './channels';
import type { EventPayloadOf, RequestOf, ResponseOf } from './contract';
import type { Envelope } from './envelope';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;

/** window.api: one function per channel, grouped by domain: api.responses.save(request). */
export type WindowApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${infer A}` ? A : never]: (
      request: RequestOf<C>,
    ) => Promise<Envelope<ResponseOf<C>>>;
  };
} & {
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};

/** Builds window.api from any transport; the preload and the web harness shim both use it. */
export function buildWindowApi(
  channels: readonly Channel[],
  invoke: (channel: Channel, request: unknown) => Promise<unknown>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void,
): WindowApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of channels) {
    const [domain, action] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][action] = (request: unknown) => invoke(channel, request ?? {});
  }
  return { ...api, on: subscribe } as unknown as WindowApi;
}

import { CHANNELS, EVENTS, type EventName } from '../../shared/ipc/channels';
import type { Envelope } from '../../shared/ipc/envelope';
import { buildWindowApi, type WindowApi } from '../../shared/ipc/window-api';

// The web harness's stand-in for the preload: same window.api, carried over HTTP instead of IPC.
async function invoke(channel: string, request: unknown): Promise<Envelope<unknown>> {
  try {
    const response = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: 'CTPAT Validator\u2019s local service did not answer. Your change was not saved; try again.',
      },
    };
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let source: EventSource | undefined;

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!EVENTS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
  if (!source) {
    source = new EventSource('/api/events');
    for (const name of EVENTS) {
      source.addEventListener(name, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  }
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

(window as unknown as { api: WindowApi }).api = buildWindowApi(CHANNELS, invoke, subscribe);

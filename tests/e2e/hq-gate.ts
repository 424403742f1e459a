import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type HqGate = {
  /** Where a laptop enrols to reach HQ through the gate. */
  url: string;
  /** From now on the gated paths are answered 503, as an overloaded load balancer would. */
  shut(): void;
  /** From now on every request goes through to HQ. */
  open(): void;
  /** Holds the next request `held` picks before it reaches HQ; resolves once one is held, with its release. */
  holdNext(held: (path: string) => boolean): Promise<() => void>;
  close(): Promise<void>;
};

/**
 * A stand-in for HQ's load balancer in front of a spec's HQ: while shut it answers 503 to the paths `gated` picks
 * and passes everything else through. A spec holds back what a laptop sends by itself (the sync a few seconds after
 * a write) without depending on how long its own steps take.
 */
export async function startHqGate(
  hqUrl: string,
  gated: (path: string) => boolean,
  options: { shut?: boolean } = {},
): Promise<HqGate> {
  let shut = options.shut ?? false;
  let hold: { picks: (path: string) => boolean; onHeld: (release: () => void) => void } | null = null;
  const proxy = http.createServer(async (request, response) => {
    if (hold?.picks(request.url ?? '/')) {
      const { onHeld } = hold;
      hold = null;
      await new Promise<void>((release) => onHeld(release));
    }
    if (shut && gated(request.url ?? '/')) {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'HQ is busy' } }));
      return;
    }
    const upstream = http.request(
      `${hqUrl}${request.url ?? '/'}`,
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    shut: () => {
      shut = true;
    },
    open: () => {
      shut = false;
    },
    holdNext: (picks) =>
      new Promise((onHeld) => {
        hold = { picks, onHeld };
      }),
    close: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RETRY_CAP_MS } from '../../electron/sync/retry';
import type { SyncEngine } from '../../electron/sync/sync-engine';
import { createHttpTransport } from '../../electron/sync/transport';
import {
  BACKENDS,
  type Client,
  doFieldWorkOnCriteria,
  enrolClient,
  expectHqAnswersEqualLaptops,
  expectHqHoldsExactly,
  hqContents,
  outboxChangeIds,
  removeTempDirs,
  type ServingHq,
  sharedHqDbPerBlock,
  startServingHq,
} from './sync-harness';

/** One direction of a link: how fast bytes go through it and how long each takes to cross. */
type Direction = { bytesPerSecond: number; latencyMs: number };
type Link = { up: Direction; down: Direction };

// A poor field connection: the upload is fair, the download crawls. A 40-change push (~21 KB) reaches HQ in
// about 1.5 s, but its 40 receipts (~4 KB) need about 2 s more to come back, so a 2.5 s client timeout fires
// after HQ has committed. A 10-change push needs about 1.2 s in all and gets its answer in time.
const SLOW: Link = { up: { bytesPerSecond: 16_000, latencyMs: 100 }, down: { bytesPerSecond: 2_000, latencyMs: 100 } };
const TIMEOUT_MS = 2_500;
const TIMED_OUT = `HQ did not answer within ${TIMEOUT_MS / 1000} s.`;

/**
 * A TCP proxy on 127.0.0.1 in front of HQ that paces every connection's bytes to the link's rate and delays
 * them by its latency, each direction on its own. `link` is read for every chunk, so the link can change.
 */
async function startSlowLink(target: string, initial: Link) {
  const upstream = new URL(target);
  const state = { link: initial };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const hq = net.connect(Number(upstream.port), upstream.hostname);
    for (const socket of [client, hq]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => sockets.delete(socket));
    }
    pace(client, hq, () => state.link.up);
    pace(hq, client, () => state.link.down);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set(link: Link) {
      state.link = link;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const SLICE_BYTES = 512;

/** Forwards from → to in order, each slice leaving when the link has sent the ones before it, plus latency. */
function pace(from: net.Socket, to: net.Socket, direction: () => Direction) {
  const queue: { at: number; bytes: Buffer }[] = [];
  let linkFreeAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let sourceDone = false;
  const finishIfDrained = () => {
    if (sourceDone && queue.length === 0 && !to.destroyed) to.end();
  };
  const deliver = () => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && (queue[0]?.at ?? 0) <= now) {
      const slice = queue.shift();
      if (slice && !to.destroyed) to.write(slice.bytes);
    }
    if (queue.length > 0) timer = setTimeout(deliver, (queue[0]?.at ?? now) - now);
    finishIfDrained();
  };
  from.on('data', (chunk: Buffer) => {
    for (let offset = 0; offset < chunk.length; offset += SLICE_BYTES) {
      const bytes = chunk.subarray(offset, offset + SLICE_BYTES);
      const { bytesPerSecond, latencyMs } = direction();
      linkFreeAt = Math.max(performance.now(), linkFreeAt) + (bytes.length / bytesPerSecond) * 1000;
      // Never before an earlier slice, even when the latency just changed: TCP delivers in order.
      queue.push({ at: Math.max(linkFreeAt + latencyMs, queue.at(-1)?.at ?? 0), bytes });
    }
    if (!timer) deliver();
  });
  // The other end hanging up: what was already on the wire still arrives, then the connection closes.
  from.on('close', () => {
    sourceDone = true;
    finishIfDrained();
  });
}

describe.each(BACKENDS)('sync over a slow link, on %s', (backend) => {
  // One database for the block, emptied before each test; each test serves it with an HQ of its own.
  const shared = sharedHqDbPerBlock(backend);
  let hq: ServingHq | undefined;
  let link: Awaited<ReturnType<typeof startSlowLink>> | undefined;
  const clients: Client[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    const [closingLink, closingHq] = [link, hq];
    link = hq = undefined;
    try {
      await closingLink?.close();
    } finally {
      await closingHq?.close();
    }
    removeTempDirs();
  });

  /** HQ behind the slow link, and two laptops with 40 changes each whose engines push over it. */
  async function twoLaptopsOnASlowLink() {
    const serving = await startServingHq(backend, { db: shared.db });
    hq = serving;
    const proxy = await startSlowLink(serving.baseUrl, SLOW);
    link = proxy;
    const laptops = [await enrolClient(serving, 'alice'), await enrolClient(serving, 'bob')];
    clients.push(...laptops);
    for (const laptop of laptops) doFieldWorkOnCriteria(laptop, 39);
    const engineFor = (laptop: Client, batchSize: number) =>
      laptop.engine(createHttpTransport({ baseUrl: proxy.url, token: laptop.token, timeoutMs: TIMEOUT_MS }), {
        batchSize,
      });
    return { hq: serving, link: proxy, laptops, engineFor };
  }

  /**
   * HQ commits a request it received whole even after the laptop gave up on it: waits, push commit by push
   * commit (however long a busy machine takes), until HQ's ledger has every one of `changeIds`, then expects
   * it to hold exactly those.
   */
  const expectHqToHold = async (serving: ServingHq, changeIds: string[]) => {
    const wanted = [...changeIds].sort();
    for (;;) {
      const commits = serving.committedPushes();
      const held = (await hqContents(serving)).changeIds;
      if (wanted.every((id) => held.includes(id))) return expect(held).toEqual(wanted);
      await serving.pushesCommitted(commits + 1);
    }
  };

  const queuedOn = (laptops: Client[]) => laptops.flatMap((laptop) => outboxChangeIds(laptop));

  async function scheduledRetry(client: Client, engine: SyncEngine) {
    expect(client.clock.pendingTimers(), `${client.name} has a retry scheduled`).toBe(1);
    client.clock.advance(RETRY_CAP_MS);
    return engine.syncNow();
  }

  it('a push that times out after HQ committed is retried until an answer gets through; each change is held once', async () => {
    const { hq, link, laptops, engineFor } = await twoLaptopsOnASlowLink();
    const queued = queuedOn(laptops);
    expect(queued).toHaveLength(80);
    const engines = laptops.map((laptop) => engineFor(laptop, 40));

    const first = await Promise.all(engines.map((engine) => engine.syncNow()));
    for (const result of first) expect(result).toMatchObject({ ok: false, error: TIMED_OUT });
    // The laptops heard nothing back, yet HQ holds both batches: the answers were still on the way.
    await expectHqToHold(hq, queued);
    expect(queuedOn(laptops)).toEqual(queued);

    // The same link, the same batch: HQ answers duplicates, and they are too slow again. Nothing is written twice.
    const second = await Promise.all(laptops.map((laptop, i) => scheduledRetry(laptop, engines[i] as SyncEngine)));
    for (const result of second) expect(result).toMatchObject({ ok: false, error: TIMED_OUT });
    expect((await hqContents(hq)).changeIds).toEqual([...queued].sort());

    link.set({ ...SLOW, down: { bytesPerSecond: 64_000, latencyMs: 100 } });
    const third = await Promise.all(laptops.map((laptop, i) => scheduledRetry(laptop, engines[i] as SyncEngine)));
    for (const result of third) {
      expect(result).toMatchObject({ ok: true, summary: { applied: 0, duplicates: 40, refused: 0, remaining: 0 } });
    }
    await expectHqHoldsExactly(hq, laptops, queued);
    await expectHqAnswersEqualLaptops(hq, laptops);
  });

  it('smaller batches get through the same slow link, answering the timed-out batch as duplicates', async () => {
    const { hq, laptops, engineFor } = await twoLaptopsOnASlowLink();
    const [alice] = laptops as [Client, Client];
    const firstBatch = queuedOn(laptops);
    for (const result of await Promise.all(laptops.map((laptop) => engineFor(laptop, 40).syncNow()))) {
      expect(result).toMatchObject({ ok: false, error: TIMED_OUT });
    }
    await expectHqToHold(hq, firstBatch);
    // Alice goes on working while the link is bad: a second validation, 5 more changes.
    doFieldWorkOnCriteria(alice, 4);
    const queued = queuedOn(laptops);
    expect(queued).toHaveLength(85);

    const small = await Promise.all(laptops.map((laptop) => engineFor(laptop, 10).syncNow({ ignoreBackoff: true })));
    expect(small).toEqual([
      expect.objectContaining({
        ok: true,
        summary: { pushed: 45, applied: 5, duplicates: 40, refused: 0, remaining: 0 },
      }),
      expect.objectContaining({
        ok: true,
        summary: { pushed: 40, applied: 0, duplicates: 40, refused: 0, remaining: 0 },
      }),
    ]);
    await expectHqHoldsExactly(hq, laptops, queued);
    await expectHqAnswersEqualLaptops(hq, laptops);
  });
});

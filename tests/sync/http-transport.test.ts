import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../../db/outbox';
import { pushOutbox } from '../../electron/sync/push-outbox';
import {
  AuthError,
  ClientError,
  createHttpTransport,
  NetworkError,
  ServerError,
  type SyncTransport,
} from '../../electron/sync/transport';
import type { Change } from '../../shared/sync/protocol';
import { type Client, doFieldWork, enrolClient, hqContents, removeTempDirs, sharedHqPerTest } from './sync-harness';

const hq = sharedHqPerTest('pglite', { listen: true });
let alice: Client;
let baseUrl: string;
const laptops: Client[] = [];
const rawServers: http.Server[] = [];

beforeEach(async () => {
  baseUrl = hq.baseUrl;
  alice = await enrolClient(hq, 'alice');
  laptops.push(alice);
});

afterEach(async () => {
  for (const server of rawServers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  for (const laptop of laptops.splice(0)) laptop.close();
  removeTempDirs();
});

/** A bare HTTP server answering every request with `handler` (or never, when it does nothing). */
async function rawServer(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  rawServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const firstChanges = (client: Client): Change[] =>
  listOutbox(client.services.ctx.db).map((r) => ({
    changeId: r.changeId,
    entity: r.entity as Change['entity'],
    entityId: r.entityId,
    operation: r.operation as Change['operation'],
    payload: r.payload as Record<string, unknown>,
    createdAt: r.createdAt,
  }));

async function rejection(transport: SyncTransport, changes: Change[]): Promise<Error> {
  const error = await transport.push(changes).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the push to fail');
  return error;
}

describe('the HTTP transport against HQ over a real socket', () => {
  it('pushes the outbox and gets HQ’s receipts', async () => {
    doFieldWork(alice, { '1.1': 'COMPLIANT', '4.1': 'DEFICIENT' });
    const transport = createHttpTransport({ baseUrl, token: alice.token, timeoutMs: 10_000 });
    const summary = await pushOutbox(alice.services.ctx.db, transport, { batchSize: 500, now: alice.clock.now });
    expect(summary).toEqual({ pushed: 3, applied: 3, duplicates: 0, refused: 0, remaining: 0 });
    expect((await hqContents(hq)).changeIds).toHaveLength(3);
  });

  it('a change id reused for different content comes back as a conflict receipt from HQ’s 409', async () => {
    doFieldWork(alice, { '1.1': 'COMPLIANT' });
    const transport = createHttpTransport({ baseUrl, token: alice.token, timeoutMs: 10_000 });
    const changes = firstChanges(alice);
    await transport.push(changes);
    const [validationCreate] = changes;
    if (!validationCreate) throw new Error('no change');
    const clash = { ...validationCreate, createdAt: '2026-03-03T00:00:00.000Z' };
    const answer = await transport.push([clash]);
    expect(answer.receipts).toEqual([
      expect.objectContaining({ changeId: clash.changeId, outcome: 'conflict', reason: expect.any(String) }),
    ]);
  });

  it('a revoked or unknown token is an AuthError', async () => {
    doFieldWork(alice, { '1.1': 'COMPLIANT' });
    const transport = createHttpTransport({ baseUrl, token: 'x'.repeat(43), timeoutMs: 10_000 });
    const error = await rejection(transport, firstChanges(alice));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('Enrol this device again: its token is missing, unknown or revoked');
  });

  it('a request HQ rejects as malformed is a ClientError carrying HQ’s message', async () => {
    const transport = createHttpTransport({ baseUrl, token: alice.token, timeoutMs: 10_000 });
    const error = await rejection(transport, []);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({ status: 400, message: expect.stringMatching(/^changes: /) });
  });

  it('a refused connection is a NetworkError', async () => {
    const deadUrl = await rawServer(() => {});
    const server = rawServers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const error = await rejection(createHttpTransport({ baseUrl: deadUrl, token: 't', timeoutMs: 5_000 }), []);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe('Could not reach HQ (ECONNREFUSED).');
  });

  it('an HQ that never answers is a NetworkError after the timeout', async () => {
    const silentUrl = await rawServer(() => {});
    const error = await rejection(createHttpTransport({ baseUrl: silentUrl, token: 't', timeoutMs: 200 }), []);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe('HQ did not answer within 0.2 s.');
  });

  it('a 503 from a proxy, or a 200 that is not receipts, is a ServerError to retry', async () => {
    const proxyUrl = await rawServer((_req, res) => res.writeHead(503).end('<html>Service Unavailable</html>'));
    const down = await rejection(createHttpTransport({ baseUrl: proxyUrl, token: 't', timeoutMs: 5_000 }), []);
    expect(down).toBeInstanceOf(ServerError);
    expect(down).toMatchObject({ status: 503, message: 'HQ answered HTTP 503.' });

    const portalUrl = await rawServer((_req, res) => res.writeHead(200).end('<html>Hotel Wi-Fi login</html>'));
    const portal = await rejection(createHttpTransport({ baseUrl: portalUrl, token: 't', timeoutMs: 5_000 }), []);
    expect(portal).toBeInstanceOf(ServerError);
    expect(portal.message).toBe('HQ answered 200 without a valid list of receipts.');
  });
});

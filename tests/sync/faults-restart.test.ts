import { afterEach, describe, expect, it } from 'vitest';
import { RETRY_CAP_MS } from '../../electron/sync/retry';
import type { SyncEngine } from '../../electron/sync/sync-engine';
import { createHttpTransport } from '../../electron/sync/transport';
import {
  BACKENDS,
  type Client,
  type CrashPoint,
  doFieldWorkOnCriteria,
  enrolClient,
  expectHqAnswersEqualLaptops,
  expectHqHoldsExactly,
  hqContents,
  outboxChangeIds,
  removeTempDirs,
  type ServingHq,
  startServingHq,
} from './sync-harness';

const BATCH = 10;
// A request cut by the dying HQ, or one sent while nothing listens on its port.
const CUT_OFF = /^Could not reach HQ \((UND_ERR_SOCKET|ECONNRESET|ECONNREFUSED|EPIPE)\)\.$/;

describe.each(BACKENDS)('HQ killed in the middle of a push and started again, on %s', (backend) => {
  let hq: ServingHq | undefined;
  const clients: Client[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await hq?.close();
    hq = undefined;
    removeTempDirs();
  });

  /** A listening HQ that will freeze at `crashAt`, and two laptops with 35 changes each, synced over HTTP. */
  async function twoLaptopsSyncingTo(crashAt: CrashPoint) {
    const serving = await startServingHq(backend, { crashAt });
    hq = serving;
    const alice = await enrolClient(serving, 'alice');
    const bob = await enrolClient(serving, 'bob');
    clients.push(alice, bob);
    doFieldWorkOnCriteria(alice, 34);
    doFieldWorkOnCriteria(bob, 34);
    const queued = { alice: outboxChangeIds(alice), bob: outboxChangeIds(bob) };
    expect(queued.alice).toHaveLength(35);
    const engines = [alice, bob].map((client) =>
      client.engine(createHttpTransport({ baseUrl: serving.baseUrl, token: client.token, timeoutMs: 15_000 }), {
        batchSize: BATCH,
      }),
    );
    return { hq: serving, laptops: [alice, bob], engines, queued };
  }

  /** Waits for HQ to freeze at its crash point; fails at once if the syncs end without it getting there. */
  const crashPointOf = (serving: ServingHq, syncs: Promise<unknown>[]) =>
    Promise.race([
      serving.crashPointReached,
      Promise.all(syncs).then(() => {
        throw new Error('The syncs ended without HQ reaching its crash point');
      }),
    ]);

  /** Fires a laptop's scheduled retry (whatever its backoff) and waits for that sync. */
  async function scheduledRetry(client: Client, engine: SyncEngine) {
    expect(client.clock.pendingTimers(), `${client.name} has a retry scheduled`).toBe(1);
    client.clock.advance(RETRY_CAP_MS);
    return engine.syncNow();
  }

  it('rolls back the batch it was applying; after the restart the retries deliver every change once', async () => {
    const { hq, laptops, engines, queued } = await twoLaptopsSyncingTo({ push: 3, at: 'mid-batch' });

    const syncs = engines.map((engine) => engine.syncNow());
    const { ledgerSeen } = await crashPointOf(hq, syncs);
    await hq.kill();
    for (const result of await Promise.all(syncs)) {
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(CUT_OFF), needsEnrolment: false });
    }

    // While HQ is down the retries find nothing listening, keep every row and back off again.
    for (const [i, laptop] of laptops.entries()) {
      const engine = engines[i] as SyncEngine;
      expect(await scheduledRetry(laptop, engine)).toMatchObject({
        ok: false,
        error: 'Could not reach HQ (ECONNREFUSED).',
      });
      expect(engine.status()).toMatchObject({ state: 'error', pending: expect.any(Number), refused: 0 });
    }

    await hq.restart();
    const survived = (await hqContents(hq)).changeIds;
    // The batch HQ was applying had its ledger rows written inside its transaction; none survived the crash.
    const lost = ledgerSeen.filter((id) => !survived.includes(id));
    expect(lost).toHaveLength(BATCH);
    expect([queued.alice, queued.bob].some((mine) => lost.every((id) => mine.includes(id)))).toBe(true);
    // Batches committed before the crash did survive it: HQ restarted with part of the data, not none.
    expect(survived.length).toBeGreaterThanOrEqual(2 * BATCH);
    expect(survived.length % BATCH).toBe(0);
    expect(survived.length).toBeLessThan(queued.alice.length + queued.bob.length);

    for (const [i, laptop] of laptops.entries()) {
      expect(await scheduledRetry(laptop, engines[i] as SyncEngine)).toMatchObject({
        ok: true,
        summary: { refused: 0, remaining: 0 },
      });
    }
    await expectHqHoldsExactly(hq, laptops, [...queued.alice, ...queued.bob]);
    await expectHqAnswersEqualLaptops(hq, laptops);
  });

  it('keeps a batch it committed but never answered; the retries get it back as duplicates, not twice', async () => {
    const { hq, laptops, engines, queued } = await twoLaptopsSyncingTo({ push: 3, at: 'after-commit' });

    const syncs = engines.map((engine) => engine.syncNow());
    const { ledgerSeen } = await crashPointOf(hq, syncs);
    await hq.kill();
    for (const result of await Promise.all(syncs)) {
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(CUT_OFF) });
    }
    // Every row stays queued until HQ's answer for it arrives: the unanswered batch is still in an outbox.
    const stillQueued = laptops.flatMap((laptop) => outboxChangeIds(laptop));
    const committedUnanswered = ledgerSeen.filter((id) => stillQueued.includes(id));
    expect(committedUnanswered.length).toBeGreaterThanOrEqual(BATCH);

    await hq.restart();
    expect((await hqContents(hq)).changeIds).toEqual(expect.arrayContaining(ledgerSeen));
    for (const [i, laptop] of laptops.entries()) {
      expect(await scheduledRetry(laptop, engines[i] as SyncEngine)).toMatchObject({
        ok: true,
        summary: { refused: 0, remaining: 0 },
      });
    }
    const receipts = await expectHqHoldsExactly(hq, laptops, [...queued.alice, ...queued.bob]);
    for (const id of committedUnanswered) expect(receipts[id], id).toBe('duplicate');
    await expectHqAnswersEqualLaptops(hq, laptops);
  });
});

import { describe, expect, it } from 'vitest';
import { saveResponse } from '../../electron/services/response-service';
import type { SyncResult } from '../../electron/sync/sync-engine';
import {
  BACKENDS,
  type Client,
  countOutbox,
  doFieldWork,
  expectHqHoldsExactly,
  faulty,
  hqContents,
  outboxChangeIds,
  twoLaptopsAndHq,
} from './sync-harness';

type OutboxAttempt = { attempts: number; last_error: string | null; next_attempt_at: string | null };
const attemptsOf = (client: Client): OutboxAttempt[] =>
  client.services.ctx.db
    .prepare('SELECT attempts, last_error, next_attempt_at FROM sync_outbox ORDER BY seq')
    .all() as OutboxAttempt[];

/** Fires the engine's scheduled retry by moving the clock to it, and waits for that sync. */
async function runScheduledRetry(client: Client, engine: ReturnType<Client['engine']>, afterMs: number) {
  expect(client.clock.pendingTimers()).toBe(1);
  client.clock.advance(afterMs - 1);
  expect(client.clock.pendingTimers(), 'the retry waits out its backoff').toBe(1);
  client.clock.advance(1);
  expect(client.clock.pendingTimers()).toBe(0);
  expect(engine.status().state).toBe('syncing');
  return engine.syncNow();
}

describe.each(BACKENDS)('sync survives a broken network and a failing HQ, on %s', (backend) => {
  const world = twoLaptopsAndHq(backend);

  it('a connection dropped before HQ sees it keeps every row, backs off, then delivers everything once', async () => {
    doFieldWork(world.alice, { '1.1': 'COMPLIANT', '4.1': 'DEFICIENT' });
    doFieldWork(world.bob, { '2.1': 'COMPLIANT' });
    const queued = [...outboxChangeIds(world.alice), ...outboxChangeIds(world.bob)];
    const dropping = faulty(world.alice.transport, 'drop-before-hq');
    const engine = world.alice.engine(dropping);

    const failed = await engine.syncNow();
    expect(failed).toEqual({
      ok: false,
      error: 'Could not reach HQ (ECONNREFUSED).',
      // Attempt 1, random 0.5: half of the 1 s ceiling.
      retryAt: '2026-03-02T14:00:00.500Z',
      needsEnrolment: false,
    });
    expect((await hqContents(world.hq)).changeIds).toEqual([]);
    expect(attemptsOf(world.alice)).toEqual(
      Array(3).fill({
        attempts: 1,
        last_error: 'Could not reach HQ (ECONNREFUSED).',
        next_attempt_at: '2026-03-02T14:00:00.500Z',
      }),
    );
    expect(engine.status()).toMatchObject({ state: 'error', pending: 3, refused: 0, lastSuccessAt: null });

    const retried = await runScheduledRetry(world.alice, engine, 500);
    expect(retried).toMatchObject({ ok: true, summary: { applied: 3, duplicates: 0, remaining: 0 } });
    await world.bob.engine().syncNow();
    await expectHqHoldsExactly(world.hq, [world.alice, world.bob], queued);
    expect(engine.status()).toMatchObject({
      state: 'idle',
      lastError: null,
      lastSuccessAt: '2026-03-02T14:00:00.500Z',
      pending: 0,
    });
  });

  it('an answer lost after HQ committed is retried and comes back as duplicates, never as double rows', async () => {
    const validation = doFieldWork(world.alice, { '1.1': 'COMPLIANT', '4.1': 'DEFICIENT', '4.2': 'COMPLIANT' });
    doFieldWork(world.bob, { '2.1': 'COMPLIANT' });
    const queued = [...outboxChangeIds(world.alice), ...outboxChangeIds(world.bob)];
    const engine = world.alice.engine(faulty(world.alice.transport, 'lose-response'));

    expect(await engine.syncNow()).toMatchObject({ ok: false, error: 'Could not reach HQ (ECONNRESET).' });
    // HQ has it all, but the laptop cannot know: it keeps every row and says so.
    expect((await hqContents(world.hq)).changeIds).toHaveLength(4);
    expect(countOutbox(world.alice)).toEqual({ pending: 4, refused: 0 });
    expect(engine.status().state).toBe('error');

    const retried = await runScheduledRetry(world.alice, engine, 500);
    expect(retried).toMatchObject({ ok: true, summary: { pushed: 4, applied: 0, duplicates: 4, remaining: 0 } });
    await world.bob.engine().syncNow();
    const receipts = await expectHqHoldsExactly(world.hq, [world.alice, world.bob], queued);
    expect(Object.values(receipts).filter((o) => o === 'duplicate')).toHaveLength(4);
    const held = await hqContents(world.hq);
    expect(held.validations.filter((v) => v.id === validation.id)).toHaveLength(1);
  });

  it('HQ answering 500 twice backs off exponentially, then delivers everything once', async () => {
    doFieldWork(world.alice, { '1.1': 'COMPLIANT' });
    const queued = outboxChangeIds(world.alice);
    const failing = faulty(world.alice.transport, 'server-error', 2);
    const engine = world.alice.engine(failing);

    expect(await engine.syncNow()).toMatchObject({
      ok: false,
      error: 'HQ could not handle this request; try again later',
      retryAt: '2026-03-02T14:00:00.500Z',
    });
    // Second failure: attempt 2, random 0.5 of a 2 s ceiling, counted from the retry's own time.
    expect(await runScheduledRetry(world.alice, engine, 500)).toMatchObject({
      ok: false,
      retryAt: '2026-03-02T14:00:01.500Z',
    });
    expect(attemptsOf(world.alice).map((r) => r.attempts)).toEqual([2, 2]);
    expect(await runScheduledRetry(world.alice, engine, 1000)).toMatchObject({ ok: true, summary: { applied: 2 } });
    expect(failing.calls).toBe(3);
    await expectHqHoldsExactly(world.hq, [world.alice], queued);
  });

  it('the same request delivered twice at once is applied once', async () => {
    doFieldWork(world.alice, { '1.1': 'COMPLIANT', '4.1': 'DEFICIENT' });
    doFieldWork(world.bob, { '1.1': 'COMPLIANT' });
    const queued = [...outboxChangeIds(world.alice), ...outboxChangeIds(world.bob)];

    const result = await world.alice.engine(faulty(world.alice.transport, 'duplicate-request')).syncNow();
    await world.bob.engine(faulty(world.bob.transport, 'duplicate-request')).syncNow();

    expect(result).toMatchObject({ ok: true, summary: { pushed: 3, refused: 0, remaining: 0 } });
    if (result.ok) expect(result.summary.applied + result.summary.duplicates).toBe(3);
    await expectHqHoldsExactly(world.hq, [world.alice, world.bob], queued);
  });

  it('a change made during a backoff waits behind the failed ones, so HQ never sees them out of order', async () => {
    const validation = doFieldWork(world.alice, { '1.1': 'COMPLIANT' });
    const dropping = faulty(world.alice.transport, 'drop-before-hq');
    const engine = world.alice.engine(dropping);
    await engine.syncNow();
    saveResponse(world.alice.services.ctx, { validationId: validation.id, criterionId: '4.1', result: 'COMPLIANT' });

    // Before the backoff ends nothing is sent, not even the new answer that has never failed.
    const early = await engine.syncNow();
    expect(early).toMatchObject({ ok: true, summary: { pushed: 0, remaining: 3 } });
    expect(dropping.calls).toBe(1);

    // "Sync now" from the user does not wait: it sends all three, in order.
    const manual = await engine.syncNow({ ignoreBackoff: true });
    expect(manual).toMatchObject({ ok: true, summary: { pushed: 3, applied: 3, remaining: 0 } });
    engine.stop();
  });

  it('never runs two syncs at once: a second call while one runs gets the same promise', async () => {
    doFieldWork(world.alice, { '1.1': 'COMPLIANT' });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const slow = {
      async push(changes: Parameters<Client['transport']['push']>[0]) {
        calls += 1;
        await gate;
        return world.alice.transport.push(changes);
      },
    };
    const engine = world.alice.engine(slow);
    const seen: string[] = [];
    engine.onStatus((s) => seen.push(s.state));

    const first = engine.syncNow();
    const second = engine.syncNow();
    expect(second).toBe(first);
    expect(engine.status().state).toBe('syncing');
    release();
    const [a, b]: SyncResult[] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
    expect(seen).toEqual(['syncing', 'idle']);
    // The next call starts a fresh sync.
    const third = engine.syncNow();
    expect(third).not.toBe(first);
    await third;
  });
});

import { describe, expect, it } from 'vitest';
import { listRefusedChanges } from '../../electron/services/refused-changes';
import { HQ_FAILURES_BEFORE_ISOLATING } from '../../electron/sync/push-outbox';
import { pushResponseFrom, type SyncTransport } from '../../electron/sync/transport';
import { i18n } from '../../renderer/src/i18n';
import { translateMessage } from '../../renderer/src/i18n/messages';
import {
  BACKENDS,
  type Client,
  countOutbox,
  doFieldWork,
  hqContents,
  outboxChangeIds,
  twoLaptopsAndHq,
} from './sync-harness';

const HQ_500 = JSON.stringify({
  error: { code: 'INTERNAL', message: 'HQ could not handle this request; try again later' },
});

/** HQ as it fails on one change it cannot store: any request carrying that change gets a 500. */
function failingOn(inner: SyncTransport, changeId: string, healthy: boolean): SyncTransport & { requests: number } {
  const wrapper = {
    requests: 0,
    async push(changes: Parameters<SyncTransport['push']>[0]) {
      wrapper.requests += 1;
      if (changes.some((c) => c.changeId === changeId)) return pushResponseFrom(500, HQ_500);
      return inner.push(changes);
    },
    isHealthy: async () => healthy && ((await inner.isHealthy?.()) ?? false),
  };
  return wrapper;
}

/** Runs push after the backoff it asked for, as the scheduler would; returns the error it ended with, if any. */
async function pushAfterBackoff(client: Client, transport: SyncTransport): Promise<string | null> {
  client.clock.advance(10 * 60_000);
  try {
    await client.push(transport);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const refusedReasons = (client: Client) =>
  (
    client.services.ctx.db
      .prepare('SELECT change_id, parked_reason FROM sync_outbox WHERE parked_at IS NOT NULL')
      .all() as { change_id: string; parked_reason: string }[]
  ).map((r) => [r.change_id, r.parked_reason]);

describe.each(BACKENDS)('one change HQ keeps failing on does not hold back the rest, on %s', (backend) => {
  const world = twoLaptopsAndHq(backend);

  it('isolates the change HQ fails on, sets it aside with its reason, and delivers every other change', async () => {
    doFieldWork(world.alice, { '1.1': 'COMPLIANT', '2.1': 'COMPLIANT', '3.1': 'COMPLIANT', '4.1': 'COMPLIANT' });
    const queued = outboxChangeIds(world.alice);
    const bad = queued[2] ?? '';
    const hq = failingOn(world.alice.transport, bad, true);

    // The first failures look like any HQ hiccup: the batch waits and goes again whole.
    for (let attempt = 1; attempt <= HQ_FAILURES_BEFORE_ISOLATING; attempt += 1) {
      expect(await pushAfterBackoff(world.alice, hq)).toBe('HQ could not handle this request; try again later');
      expect((await hqContents(world.hq)).changeIds).toEqual([]);
    }
    expect(await pushAfterBackoff(world.alice, hq)).toBeNull();

    expect((await hqContents(world.hq)).changeIds.sort()).toEqual(queued.filter((id) => id !== bad).sort());
    expect(refusedReasons(world.alice)).toEqual([
      [
        bad,
        expect.stringMatching(
          /^HQ failed on this change 3 times while it took others .*send it again once HQ is fixed\.$/,
        ),
      ],
    ]);
    expect(countOutbox(world.alice)).toEqual({ pending: 0, refused: 1 });
    // Settings → Changes HQ refused says it in Spanish too, HQ's own words inside as HQ wrote them.
    const [listed] = listRefusedChanges(world.alice.services.ctx);
    await i18n.changeLanguage('es');
    try {
      expect(translateMessage({ message: listed?.reason ?? '', ...listed?.reasonMessage })).toBe(
        'La sede central falló 3 veces con este cambio mientras aceptaba otros (sede central: HQ could not handle this request; try again later). Se apartó para que los demás puedan enviarse; envíelo de nuevo cuando la sede central lo haya corregido.',
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('sets nothing aside while HQ fails on everything (its health check fails too)', async () => {
    doFieldWork(world.alice, { '1.1': 'COMPLIANT', '2.1': 'COMPLIANT' });
    const queued = outboxChangeIds(world.alice);
    const hq = failingOn(world.alice.transport, queued[0] ?? '', false);
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect(await pushAfterBackoff(world.alice, hq)).toBe('HQ could not handle this request; try again later');
    }
    expect(countOutbox(world.alice)).toEqual({ pending: queued.length, refused: 0 });
    expect((await hqContents(world.hq)).changeIds).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../db/outbox';
import { saveResponse } from '../../electron/services/response-service';
import { clearNeedsEnrolment, validationSyncState } from '../../electron/sync/sync-engine';
import { pushResponseFrom } from '../../electron/sync/transport';
import { revokeDevice } from '../../hq/identity';
import {
  BACKENDS,
  type Client,
  countOutbox,
  doFieldWork,
  enrolClient,
  faulty,
  hqContents,
  outboxChangeIds,
  receiptOutcomes,
  removeTempDirs,
  sharedHqPerTest,
} from './sync-harness';

describe.each(BACKENDS)('what HQ refuses, on %s', (backend) => {
  const hq = sharedHqPerTest(backend);
  const clients: Client[] = [];

  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
    removeTempDirs();
  });

  async function laptop(name: string, copyOf?: Client): Promise<Client> {
    const client = await enrolClient(hq, name, copyOf);
    clients.push(client);
    return client;
  }

  const refusedRows = (client: Client) =>
    client.services.ctx.db
      .prepare('SELECT entity, entity_id, parked_reason, attempts FROM sync_outbox WHERE parked_at IS NOT NULL')
      .all();

  describe('changes HQ refuses are refused with a reason, never retried, never deleted', () => {
    it('an answer edited on two laptops: the second to sync is refused as stale and its validation needs attention', async () => {
      const first = await laptop('alice');
      const validation = doFieldWork(first, { '4.1': 'DEFICIENT' });
      await first.engine().syncNow();
      // Alice's second laptop starts from the same store; both then change 4.1 from version 1.
      const second = await laptop('alice', first);
      saveResponse(first.services.ctx, { validationId: validation.id, criterionId: '4.1', result: 'COMPLIANT' });
      saveResponse(second.services.ctx, {
        validationId: validation.id,
        criterionId: '4.1',
        result: 'NOT_APPLICABLE',
        naJustification: 'No seals are used at this site',
      });
      const staleChange = outboxChangeIds(second);

      expect(await first.engine().syncNow()).toMatchObject({ ok: true, summary: { applied: 1 } });
      const engine = second.engine();
      expect(await engine.syncNow()).toMatchObject({ ok: true, summary: { pushed: 1, applied: 0, refused: 1 } });

      const reason = 'HQ has a newer version of 4.1 (version 2); reload it before editing.';
      expect(refusedRows(second)).toEqual([
        { entity: 'criterion_response', entity_id: `${validation.id}/4.1`, parked_reason: reason, attempts: 0 },
      ]);
      expect(validationSyncState(second.services.ctx.db, validation.id)).toMatchObject({
        state: 'needs-attention',
        reason,
        // The same words by catalog key, from the receipt's outcome code, for the interface's language.
        reasonMessage: {
          key: 'hqRefusal.staleVersion',
          params: { label: [{ key: 'hqRefusal.label.answerTo', params: { id: '4.1' } }], version: 2 },
        },
        refused: 1,
      });
      expect(receiptOutcomes(second)[staleChange[0] ?? '']).toBe('stale');
      expect(engine.status()).toMatchObject({ state: 'idle', pending: 0, refused: 1 });
      // HQ kept the first laptop's answer; the refused one is still on the second laptop, untouched.
      const held = await hqContents(hq);
      expect(held.records).toEqual([
        { entity: 'criterion_response', entity_id: `${validation.id}/4.1`, version: 2, result: 'COMPLIANT' },
      ]);
      expect(
        second.services.ctx.db.prepare('SELECT result FROM criterion_responses WHERE criterion_id = ?').get('4.1'),
      ).toEqual({ result: 'NOT_APPLICABLE' });

      // Not retried automatically: the next sync sends nothing, and schedules nothing.
      const watching = faulty(second.transport, 'drop-before-hq', 0);
      expect(await second.engine(watching).syncNow()).toMatchObject({ ok: true, summary: { pushed: 0, refused: 0 } });
      expect(watching.calls).toBe(0);
      expect(second.clock.pendingTimers()).toBe(0);
      expect(validationSyncState(first.services.ctx.db, validation.id)).toMatchObject({ state: 'synced' });
    });

    it('a row the protocol cannot express is refused with a readable reason and the rest still goes', async () => {
      const alice = await laptop('alice');
      const validation = doFieldWork(alice, { '1.1': 'COMPLIANT' });
      alice.services.ctx.db.transaction(() =>
        enqueueOutbox(alice.services.ctx.db, {
          entity: 'member',
          entityId: 'm-1',
          operation: 'upsert',
          payload: { validationId: validation.id },
          createdAt: '2026-03-02T10:00:00.000Z',
        }),
      )();
      saveResponse(alice.services.ctx, { validationId: validation.id, criterionId: '4.1', result: 'COMPLIANT' });

      const result = await alice.push();

      expect(result).toEqual({ pushed: 3, applied: 3, duplicates: 0, refused: 1, remaining: 0 });
      expect(refusedRows(alice)).toEqual([
        {
          entity: 'member',
          entity_id: 'm-1',
          parked_reason: 'This change cannot be sent to HQ: HQ does not take "member" records.',
          attempts: 0,
        },
      ]);
      expect(validationSyncState(alice.services.ctx.db, validation.id)).toMatchObject({ state: 'needs-attention' });
      expect((await hqContents(hq)).changeIds).toHaveLength(3);
    });
    it('a request HQ refuses as a whole is resent change by change, and only the offending change is refused', async () => {
      const alice = await laptop('alice');
      const validation = doFieldWork(alice, { '1.1': 'COMPLIANT', '4.1': 'DEFICIENT' });
      const [, oversized] = outboxChangeIds(alice);
      const sent: number[] = [];
      // A gateway in front of HQ that refuses any request carrying one particular (too large) change.
      const gateway = {
        push(changes: Parameters<Client['transport']['push']>[0]) {
          sent.push(changes.length);
          if (changes.some((c) => c.changeId === oversized)) {
            return Promise.resolve().then(() =>
              pushResponseFrom(
                413,
                JSON.stringify({ error: { code: 'TOO_LARGE', message: 'Request body is too large' } }),
              ),
            );
          }
          return alice.transport.push(changes);
        },
      };

      expect(await alice.push(gateway)).toEqual({ pushed: 3, applied: 2, duplicates: 0, refused: 1, remaining: 0 });

      expect(sent).toEqual([3, 1, 1, 1]);
      expect(refusedRows(alice)).toEqual([
        {
          entity: 'criterion_response',
          entity_id: `${validation.id}/1.1`,
          parked_reason: 'HQ refused this change: Request body is too large',
          attempts: 0,
        },
      ]);
      expect((await hqContents(hq)).changeIds).toHaveLength(2);
    });
  });

  describe('a revoked device', () => {
    it('stops syncing and asks to be enrolled again, keeping every change', async () => {
      const alice = await laptop('alice');
      doFieldWork(alice, { '1.1': 'COMPLIANT', '4.1': 'DEFICIENT' });
      expect(await revokeDevice(hq.db, alice.deviceId)).toBe(true);
      const counting = faulty(alice.transport, 'drop-before-hq', 0);
      const engine = alice.engine(counting);

      const result = await engine.syncNow();

      expect(result).toEqual({
        ok: false,
        error: 'Enrol this device again: its token is missing, unknown or revoked',
        retryAt: null,
        needsEnrolment: true,
      });
      expect(engine.status()).toMatchObject({ state: 'needs-enrolment', pending: 3, refused: 0 });
      expect(countOutbox(alice)).toEqual({ pending: 3, refused: 0 });
      expect(alice.clock.pendingTimers()).toBe(0);
      expect((await hqContents(hq)).changeIds).toEqual([]);
      // Further syncs do not knock on HQ's door with the revoked token.
      expect(await engine.syncNow()).toMatchObject({ ok: false, needsEnrolment: true });
      expect(counting.calls).toBe(1);

      // Enrolled again (a new token), the same outbox goes through.
      const again = await laptop('alice');
      clearNeedsEnrolment(alice.services.ctx.db);
      expect(await alice.engine(again.transport).syncNow()).toMatchObject({ ok: true, summary: { applied: 3 } });
    });
  });
});

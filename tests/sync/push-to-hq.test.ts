import { describe, expect, it } from 'vitest';
import { saveResponse } from '../../electron/services/response-service';
import { pushOutbox } from '../../electron/sync/push-outbox';
import { validationSyncState } from '../../electron/sync/sync-engine';
import {
  BACKENDS,
  type Client,
  doFieldWork,
  expectHqHoldsExactly,
  hqContents,
  outboxChangeIds,
  twoLaptopsAndHq,
} from './sync-harness';

describe.each(BACKENDS)('pushing two laptops to one HQ on %s', (backend) => {
  const world = twoLaptopsAndHq(backend);

  it('delivers both laptops’ validations and answers once, empties the outboxes and keeps the receipts', async () => {
    const mine = doFieldWork(world.alice, { '1.1': 'COMPLIANT', '4.1': 'DEFICIENT', '4.2': 'COMPLIANT' });
    const theirs = doFieldWork(world.bob, { '1.1': 'NOT_APPLICABLE', '2.1': 'COMPLIANT' });
    saveSecondAnswer(world.alice, mine.id);
    const queued = [...outboxChangeIds(world.alice), ...outboxChangeIds(world.bob)];
    expect(queued).toHaveLength(1 + 4 + 1 + 2);
    expect(validationSyncState(world.alice.services.ctx.db, mine.id)).toMatchObject({
      state: 'not-synced',
      pending: 5,
    });

    const a = await world.alice.push();
    const b = await world.bob.push();

    expect(a).toEqual({ pushed: 5, applied: 5, duplicates: 0, refused: 0, remaining: 0 });
    expect(b).toEqual({ pushed: 3, applied: 3, duplicates: 0, refused: 0, remaining: 0 });
    const receipts = await expectHqHoldsExactly(world.hq, [world.alice, world.bob], queued);
    expect(Object.values(receipts).every((o) => o === 'applied')).toBe(true);
    const held = await hqContents(world.hq);
    expect(held.validations.map((v) => v.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(validationSyncState(world.alice.services.ctx.db, mine.id)).toMatchObject({
      state: 'synced',
      syncedAt: expect.any(String),
    });
    expect(validationSyncState(world.bob.services.ctx.db, theirs.id)).toMatchObject({ state: 'synced' });
    // Alice's laptop never heard of Bob's validation.
    expect(validationSyncState(world.alice.services.ctx.db, theirs.id)).toMatchObject({
      state: 'not-synced',
      pending: 0,
    });
  });

  it('sends in batches of the size asked, in the order the changes were made', async () => {
    doFieldWork(world.alice, { '1.1': 'COMPLIANT', '1.2': 'COMPLIANT', '1.3': 'COMPLIANT', '1.4': 'COMPLIANT' });
    const queued = outboxChangeIds(world.alice);
    const sent: string[][] = [];
    const recording = {
      push: (changes: Parameters<Client['transport']['push']>[0]) => {
        sent.push(changes.map((c) => c.changeId));
        return world.alice.transport.push(changes);
      },
    };
    const summary = await pushOutbox(world.alice.services.ctx.db, recording, {
      batchSize: 2,
      now: world.alice.clock.now,
    });
    expect(sent).toEqual([queued.slice(0, 2), queued.slice(2, 4), queued.slice(4)]);
    expect(summary).toMatchObject({ pushed: 5, applied: 5, remaining: 0 });
  });
});

/** A changed answer: version 2 of 4.1, made on version 1. */
function saveSecondAnswer(client: Client, validationId: string) {
  saveResponse(client.services.ctx, { validationId, criterionId: '4.1', result: 'COMPLIANT' });
}

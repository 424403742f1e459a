import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { enqueueOutbox, listOutbox } from '../../db/outbox';
import { pushOutbox } from '../../electron/sync/push-outbox';
import { validationSyncState } from '../../electron/sync/sync-engine';
import {
  AT,
  capturePreparedSql,
  cleanupTempDbs,
  columns,
  countRows,
  createMigratedDb,
  indexNames,
  insertEditionRow,
  insertMemberRow,
  insertResponseRow,
  insertValidationRow,
  queryPlan,
  tableNames,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

/** A version-5 store with two changes still waiting for HQ, one already retried, upgraded to version 6. */
function storeUpgradedTo6(): Db {
  const db = createMigratedDb(5);
  insertMemberRow(db, UUIDS.member1, 'IMP-1');
  insertEditionRow(db);
  insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'IN_PROGRESS' });
  insertResponseRow(db, UUIDS.validation1, '1.1', 'COMPLIANT');
  enqueueOutbox(db, {
    entity: 'validation',
    entityId: UUIDS.validation1,
    operation: 'create',
    payload: { id: UUIDS.validation1 },
    createdAt: AT,
  });
  enqueueOutbox(db, {
    entity: 'criterion_response',
    entityId: `${UUIDS.validation1}/1.1`,
    operation: 'upsert',
    payload: { validationId: UUIDS.validation1, criterionId: '1.1', result: 'COMPLIANT', version: 1, baseVersion: 0 },
    createdAt: AT,
  });
  db.prepare(`UPDATE sync_outbox SET attempts = 3, last_error = 'Could not reach HQ' WHERE seq = 1`).run();
  expect(migrate(db, MIGRATIONS, 6)).toBe(6);
  return db;
}

const receiptsOf = (changes: { changeId: string }[], outcome: 'applied' | 'duplicate') => ({
  receipts: changes.map((c) => ({ changeId: c.changeId, outcome, receivedAt: AT })),
});

describe('migration 006: sync receipts, parking and state', () => {
  it('keeps the queued changes, due and unparked, and adds sync_receipts and sync_state', () => {
    const db = storeUpgradedTo6();
    expect(schemaVersion(db)).toBe(6);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['sync_outbox', 'sync_receipts', 'sync_state']));
    expect(columns(db, 'sync_outbox').map((c) => c.name)).toEqual([
      'seq',
      'change_id',
      'entity',
      'entity_id',
      'operation',
      'payload_json',
      'created_at',
      'attempts',
      'last_error',
      'parked_at',
      'parked_reason',
      'next_attempt_at',
    ]);
    expect(
      db.prepare('SELECT seq, attempts, last_error, parked_at, parked_reason, next_attempt_at FROM sync_outbox').all(),
    ).toEqual([
      {
        seq: 1,
        attempts: 3,
        last_error: 'Could not reach HQ',
        parked_at: null,
        parked_reason: null,
        next_attempt_at: null,
      },
      { seq: 2, attempts: 0, last_error: null, parked_at: null, parked_reason: null, next_attempt_at: null },
    ]);
    expect(columns(db, 'sync_receipts').map((c) => c.name)).toEqual([
      'change_id',
      'entity',
      'entity_id',
      'validation_id',
      'outcome',
      'received_at',
      'receipt_json',
    ]);
    expect(columns(db, 'sync_state').map((c) => c.name)).toEqual(['key', 'value']);
    expect(countRows(db, 'sync_receipts')).toBe(0);
    expect(countRows(db, 'sync_state')).toBe(0);
    // Today's code reads the store once every later migration has run too.
    migrate(db);
    expect(validationSyncState(db, UUIDS.validation1)).toMatchObject({ state: 'not-synced', pending: 2 });
  });

  it('sends the changes queued before the upgrade, and deletes each only with its receipt', async () => {
    const db = storeUpgradedTo6();
    const queued = listOutbox(db);
    // HQ answers for the first change only: the second stays queued with no receipt.
    const summary = await pushOutbox(
      db,
      { push: async (changes) => receiptsOf(changes.slice(0, 1), 'applied') },
      { batchSize: 10, now: () => new Date(AT), random: () => 0 },
    ).catch((error: Error) => error.message);
    expect(summary).toBe('HQ did not answer for 1 change; it will be sent again.');
    expect(db.prepare('SELECT change_id, validation_id, outcome FROM sync_receipts').all()).toEqual([
      { change_id: queued[0]?.changeId, validation_id: UUIDS.validation1, outcome: 'applied' },
    ]);
    expect(listOutbox(db).map((r) => r.changeId)).toEqual([queued[1]?.changeId]);

    await pushOutbox(
      db,
      { push: async (changes) => receiptsOf(changes, 'duplicate') },
      { batchSize: 10, now: () => new Date(AT), ignoreBackoff: true },
    );
    expect(countRows(db, 'sync_outbox')).toBe(0);
    expect(countRows(db, 'sync_receipts')).toBe(2);
    migrate(db);
    expect(validationSyncState(db, UUIDS.validation1)).toMatchObject({ state: 'synced', safeToArchiveAt: null });
  });

  it('refuses a receipt outcome the protocol does not have, and is STRICT', () => {
    const db = storeUpgradedTo6();
    const insert = db.prepare(
      `INSERT INTO sync_receipts (change_id, entity, entity_id, outcome, received_at, receipt_json)
       VALUES ('c-1', 'validation', 'v', ?, ?, '{}')`,
    );
    expect(() => insert.run('maybe', AT)).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.prepare(`INSERT INTO sync_state (key, value) VALUES ('needs_enrolment', ?)`).run(Buffer.from('1')),
    ).toThrow(/cannot store BLOB value in TEXT column sync_state.value/);
  });

  it('finds a validation’s receipts through its index, not by reading every receipt', () => {
    const db = storeUpgradedTo6();
    expect(indexNames(db, 'sync_receipts')).toContain('sync_receipts_validation');
    migrate(db);
    const receiptSql = capturePreparedSql(db, () => validationSyncState(db, UUIDS.validation2)).find((s) =>
      s.includes('FROM sync_receipts'),
    );
    expect(receiptSql).toBeDefined();
    expect(queryPlan(db, receiptSql ?? '', [UUIDS.validation2]).join('\n')).toContain('sync_receipts_validation');
  });
});

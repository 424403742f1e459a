import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, listAuditForEntity, verifyAuditChain } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { enqueueOutbox, listOutbox } from '../../db/outbox';
import {
  AT,
  capturePreparedSql,
  cleanupTempDbs,
  columns,
  countRows,
  createMigratedDb,
  insertEditionRow,
  insertMemberRow,
  insertResponseRow,
  insertValidationRow,
  queryPlan,
  tableNames,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

/** A version-2 store with a validation in progress, upgraded to version 3. */
function storeUpgradedTo3(): Db {
  const db = createMigratedDb(2);
  insertMemberRow(db, UUIDS.member1, 'IMP-1');
  insertEditionRow(db);
  insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'IN_PROGRESS' });
  insertResponseRow(db, UUIDS.validation1, '1.1', 'COMPLIANT');
  expect(migrate(db, MIGRATIONS, 3)).toBe(3);
  return db;
}

describe('migration 003: audit log and sync outbox', () => {
  it('keeps the validation and its answers and adds audit_log and sync_outbox', () => {
    const db = storeUpgradedTo3();
    expect(schemaVersion(db)).toBe(3);
    expect(tableNames(db)).toEqual([
      'audit_log',
      'catalog_editions',
      'criterion_responses',
      'members',
      'sync_outbox',
      'validations',
    ]);
    expect(countRows(db, 'validations')).toBe(1);
    expect(countRows(db, 'criterion_responses')).toBe(1);
    expect(countRows(db, 'audit_log')).toBe(0);
    expect(countRows(db, 'sync_outbox')).toBe(0);
    expect(columns(db, 'audit_log').map((c) => c.name)).toEqual([
      'seq',
      'at',
      'actor',
      'action',
      'entity',
      'entity_id',
      'before_json',
      'after_json',
      'prev_hash',
      'hash',
    ]);
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
    ]);
    // seq is the rowid itself, so appending and reading the chain head need no extra index.
    for (const table of ['audit_log', 'sync_outbox']) {
      const seq = columns(db, table).find((c) => c.name === 'seq');
      expect(seq, table).toMatchObject({ type: 'INTEGER', pk: 1 });
    }
  });

  it('records audit and outbox rows in order with the helpers the services use', () => {
    const db = storeUpgradedTo3();
    appendAudit(db, {
      at: AT,
      actor: 'test.scss',
      action: 'member.create',
      entity: 'member',
      entityId: UUIDS.member1,
      before: null,
      after: { legalName: 'X' },
    });
    const changeId = enqueueOutbox(db, {
      entity: 'validation',
      entityId: UUIDS.validation1,
      operation: 'create',
      payload: { id: UUIDS.validation1 },
      createdAt: AT,
    });
    expect(listAuditForEntity(db, 'member', UUIDS.member1)).toEqual([
      expect.objectContaining({ seq: 1, action: 'member.create', before: null, after: { legalName: 'X' } }),
    ]);
    expect(listOutbox(db)).toEqual([
      expect.objectContaining({ seq: 1, changeId, operation: 'create', payload: { id: UUIDS.validation1 } }),
    ]);
    expect(db.prepare('SELECT attempts, last_error FROM sync_outbox').get()).toEqual({ attempts: 0, last_error: null });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 1 });
  });

  it('refuses an audit row without its chain hashes', () => {
    const db = storeUpgradedTo3();
    expect(() =>
      db
        .prepare(
          `INSERT INTO audit_log (at, actor, action, entity, entity_id, prev_hash, hash) VALUES (?, 'a', 'x', 'member', '1', NULL, 'h')`,
        )
        .run(AT),
    ).toThrow(/NOT NULL constraint failed: audit_log.prev_hash/);
  });

  it('is STRICT: a retry count that is not a number is refused', () => {
    const db = storeUpgradedTo3();
    expect(() =>
      db
        .prepare(
          `INSERT INTO sync_outbox (change_id, entity, entity_id, operation, payload_json, created_at, attempts)
           VALUES ('c-1', 'validation', ?, 'create', '{}', ?, 'several')`,
        )
        .run(UUIDS.validation1, AT),
    ).toThrow(/cannot store TEXT value in INTEGER column sync_outbox.attempts/);
  });

  it('reads the chain head and the outbox queue straight off the rowid, without a sort', () => {
    const db = storeUpgradedTo3();
    const head = queryPlan(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').join('\n');
    expect(head).toMatch(/SCAN audit_log/);
    expect(head).not.toContain('TEMP B-TREE');
    const queueSql = capturePreparedSql(db, () => listOutbox(db, 50)).find((s) => s.includes('FROM sync_outbox'));
    expect(queueSql).toBeDefined();
    expect(queryPlan(db, queueSql ?? '', [50]).join('\n')).not.toContain('TEMP B-TREE');
  });
});

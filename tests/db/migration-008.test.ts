import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { enqueueOutbox } from '../../db/outbox';
import { listAssignments } from '../../electron/services/assignment-service';
import { hasUnpushedChanges } from '../../electron/sync/pull';
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

/** A version-7 store holding a validation whose answer still waits for HQ, upgraded to version 8. */
function storeUpgradedTo8(): Db {
  const db = createMigratedDb(7);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertEditionRow(db);
  insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'IN_PROGRESS' });
  insertResponseRow(db, UUIDS.validation1, '1.1', 'COMPLIANT');
  enqueueOutbox(db, {
    entity: 'criterion_response',
    entityId: `${UUIDS.validation1}/1.1`,
    operation: 'upsert',
    payload: { validationId: UUIDS.validation1, criterionId: '1.1', result: 'COMPLIANT', version: 1, baseVersion: 0 },
    createdAt: AT,
  });
  expect(migrate(db, MIGRATIONS, 8)).toBe(8);
  return db;
}

const insertAssignment = (db: Db, id: string, memberId: string, mode = 'VIRTUAL', targetDate = '2026-04-01') =>
  db
    .prepare(
      `INSERT INTO assignments (id, member_id, entity_type, mode, target_date, assigned_user_id, field_office,
                                assigned_at, pulled_at)
       VALUES (?, ?, 'IMP', ?, ?, 'u-1', 'Houston', ?, ?)`,
    )
    .run(id, memberId, mode, targetDate, AT, AT);

describe('migration 008: what a pull brings', () => {
  it('adds assignments, hq_validations and the held copies, and keeps everything already there', () => {
    const db = storeUpgradedTo8();
    expect(schemaVersion(db)).toBe(8);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['assignments', 'hq_validations', 'hq_validations_held']));
    expect(columns(db, 'assignments').map((c) => c.name)).toEqual([
      'id',
      'member_id',
      'entity_type',
      'mode',
      'target_date',
      'assigned_user_id',
      'field_office',
      'assigned_at',
      'pulled_at',
      'started_validation_id',
      'started_at',
    ]);
    const pulledColumns = ['id', 'hq_version', 'status', 'field_office', 'payload_json', 'records_json', 'pulled_at'];
    expect(columns(db, 'hq_validations').map((c) => c.name)).toEqual(pulledColumns);
    expect(columns(db, 'hq_validations_held').map((c) => c.name)).toEqual(pulledColumns);
    expect(db.prepare('SELECT legal_name FROM members').all()).toEqual([{ legal_name: 'Gulf Coast Imports' }]);
    expect(countRows(db, 'criterion_responses')).toBe(1);
    expect(countRows(db, 'sync_outbox')).toBe(1);
  });

  it('lets a change queued before the upgrade hold back a pulled copy of its validation', () => {
    const db = storeUpgradedTo8();
    expect(hasUnpushedChanges(db, UUIDS.validation1)).toBe(true);
    expect(hasUnpushedChanges(db, UUIDS.validation2)).toBe(false);
    db.prepare(`UPDATE sync_outbox SET parked_at = ?, parked_reason = 'HQ refused it'`).run(AT);
    expect(hasUnpushedChanges(db, UUIDS.validation1)).toBe(true);
  });

  it('refuses an unknown mode or status, an assignment naming a missing Member, and wrong types', () => {
    const db = storeUpgradedTo8();
    expect(() => insertAssignment(db, 'a-1', UUIDS.member1, 'BY_PIGEON')).toThrow(/CHECK constraint failed/);
    expect(() => insertAssignment(db, 'a-2', UUIDS.missing)).toThrow(/FOREIGN KEY constraint failed/);
    const pulled = db.prepare(
      `INSERT INTO hq_validations (id, hq_version, status, field_office, payload_json, records_json, pulled_at)
       VALUES (?, ?, ?, 'Houston', '{}', '[]', ?)`,
    );
    expect(() => pulled.run(UUIDS.validation2, 1, 'DRAFT', AT)).toThrow(/CHECK constraint failed/);
    expect(() => pulled.run(UUIDS.validation2, 'two', 'SUBMITTED', AT)).toThrow(/cannot store TEXT value in INTEGER/);
    expect(countRows(db, 'assignments') + countRows(db, 'hq_validations')).toBe(0);
  });

  it('lists the open assignments through their index, leaving out started ones', () => {
    const db = storeUpgradedTo8();
    // Today's query reads columns later migrations added (018: withdrawal).
    migrate(db);
    insertAssignment(db, 'a-later', UUIDS.member1, 'VIRTUAL', '2026-05-01');
    insertAssignment(db, 'a-sooner', UUIDS.member1, 'IN_PERSON', '2026-04-01');
    insertAssignment(db, 'a-started', UUIDS.member1, 'IN_PERSON', '2026-03-01');
    db.prepare(`UPDATE assignments SET started_validation_id = ?, started_at = ? WHERE id = 'a-started'`).run(
      UUIDS.validation1,
      AT,
    );
    const ctx = { db, dataDir: '', actor: 'test.scss', now: () => new Date(AT) };
    let listed: string[] = [];
    const sql = capturePreparedSql(db, () => {
      listed = listAssignments(ctx).map((a) => `${a.id} ${a.mode} ${a.member.legalName}`);
    }).find((s) => s.includes('FROM assignments'));
    expect(listed).toEqual(['a-sooner IN_PERSON Gulf Coast Imports', 'a-later VIRTUAL Gulf Coast Imports']);
    // Before enrolment and for an enrolled person (whose assignments only are listed) alike.
    for (const userId of [null, 'u-1']) {
      expect(queryPlan(db, sql ?? '', { userId }).join('\n')).toContain('assignments_open');
    }
  });
});

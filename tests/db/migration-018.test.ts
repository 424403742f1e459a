import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { assignmentWithdrawalOf, withdrawnAssignmentsByValidation } from '../../db/queries/assignments';
import { listAssignments } from '../../electron/services/assignment-service';
import {
  AT,
  cleanupTempDbs,
  columns,
  createMigratedDb,
  insertEditionRow,
  insertMemberRow,
  insertValidationRow,
  queryPlan,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

const insertAssignment = (db: Db, id: string, targetDate: string) =>
  db
    .prepare(
      `INSERT INTO assignments (id, member_id, entity_type, mode, target_date, assigned_user_id, field_office,
                                assigned_at, pulled_at)
       VALUES (?, ?, 'IMP', 'VIRTUAL', ?, 'u-1', 'Houston', ?, ?)`,
    )
    .run(id, UUIDS.member1, targetDate, AT, AT);

/** A version-17 store holding one open assignment and one started, upgraded to version 18. */
function storeUpgradedTo18(): Db {
  const db = createMigratedDb(17);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertEditionRow(db);
  insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'IN_PROGRESS' });
  insertAssignment(db, 'a-open', '2026-05-01');
  insertAssignment(db, 'a-started', '2026-04-01');
  db.prepare(`UPDATE assignments SET started_validation_id = ?, started_at = ? WHERE id = 'a-started'`).run(
    UUIDS.validation1,
    AT,
  );
  expect(migrate(db, MIGRATIONS, 18)).toBe(18);
  return db;
}

const withdraw = (db: Db, id: string) =>
  db
    .prepare(
      `UPDATE assignments SET withdrawn_at = ?, withdrawn_by_name = 'Pat Lane', withdrawn_reason = 'REASSIGNED'
       WHERE id = ?`,
    )
    .run(AT, id);

describe('migration 018: withdrawn assignments', () => {
  it('keeps every assignment, none withdrawn, and still offers the open one', () => {
    const db = storeUpgradedTo18();
    expect(schemaVersion(db)).toBe(18);
    expect(columns(db, 'assignments').map((c) => c.name)).toEqual(
      expect.arrayContaining(['withdrawn_at', 'withdrawn_by_name', 'withdrawn_reason']),
    );
    migrate(db); // the list reads the latest schema
    const ctx = { db, dataDir: '', actor: 'test.scss', now: () => new Date(AT) };
    expect(listAssignments(ctx).map((a) => a.id)).toEqual(['a-open']);
    expect(withdrawnAssignmentsByValidation(db).size).toBe(0);
  });

  it('stops offering a withdrawn assignment; a validation started from one is kept and carries the withdrawal', () => {
    const db = storeUpgradedTo18();
    withdraw(db, 'a-open');
    withdraw(db, 'a-started');
    migrate(db); // the list reads the latest schema
    const ctx = { db, dataDir: '', actor: 'test.scss', now: () => new Date(AT) };
    expect(listAssignments(ctx)).toEqual([]);
    expect(assignmentWithdrawalOf(db, UUIDS.validation1)).toEqual({ at: AT, byName: 'Pat Lane', reason: 'REASSIGNED' });
    expect(db.prepare('SELECT count(*) FROM validations').pluck().get()).toBe(1);
    expect(() => db.prepare(`UPDATE assignments SET withdrawn_reason = 'BORED' WHERE id = 'a-open'`).run()).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('finds a validation’s withdrawal through the started-validation index', () => {
    const db = storeUpgradedTo18();
    const plan = queryPlan(
      db,
      `SELECT withdrawn_at FROM assignments WHERE started_validation_id = ? AND withdrawn_at IS NOT NULL`,
      [UUIDS.validation1],
    );
    expect(plan.join('\n')).toContain('assignments_started_validation');
  });
});

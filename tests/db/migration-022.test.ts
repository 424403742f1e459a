import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { listAssignments, startValidationFromAssignment } from '../../electron/services/assignment-service';
import { message } from '../../shared/messages';
import { AT, cleanupTempDbs, columns, createMigratedDb, insertMemberRow, UUIDS } from './helpers';

afterEach(cleanupTempDbs);

/** A version-21 store holding one open assignment, upgraded to version 22. */
function storeUpgradedTo22(): Db {
  const db = createMigratedDb(21);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  db.prepare(
    `INSERT INTO assignments (id, member_id, entity_type, mode, target_date, assigned_user_id, field_office,
                              assigned_at, pulled_at)
     VALUES ('a-open', ?, 'IMP', 'VIRTUAL', '2026-05-01', 'u-1', 'Houston', ?, ?)`,
  ).run(UUIDS.member1, AT, AT);
  expect(migrate(db, MIGRATIONS, 22)).toBe(22);
  return db;
}

describe('migration 022: assignments HQ says were started', () => {
  it('keeps the open assignment offered, not started at HQ', () => {
    const db = storeUpgradedTo22();
    expect(schemaVersion(db)).toBe(22);
    expect(columns(db, 'assignments').map((c) => c.name)).toEqual(
      expect.arrayContaining(['hq_started_validation_id', 'hq_started_at', 'hq_started_device_name']),
    );
    const ctx = { db, dataDir: '', actor: 'test.scss', now: () => new Date(AT) };
    expect(listAssignments(ctx).map((a) => a.id)).toEqual(['a-open']);
  });

  it('stops offering one HQ says another laptop started, and refuses to start it here', () => {
    const db = storeUpgradedTo22();
    db.prepare(
      `UPDATE assignments SET hq_started_validation_id = ?, hq_started_at = ?, hq_started_device_name = 'Desk laptop'
       WHERE id = 'a-open'`,
    ).run(UUIDS.validation1, AT);
    const ctx = { db, dataDir: '', actor: 'test.scss', now: () => new Date(AT) };
    expect(listAssignments(ctx)).toEqual([]);
    const told = message('errors.assignment.startedElsewhere', { at: AT, device: 'Desk laptop' });
    expect(() => startValidationFromAssignment(ctx, 'a-open')).toThrow(told.message);
    expect(db.prepare('SELECT count(*) FROM validations').pluck().get()).toBe(0);
  });
});

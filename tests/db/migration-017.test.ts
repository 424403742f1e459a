import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { countUnsentChanges } from '../../db/queries/member-record-sync';
import { listOfficePeople, replaceOfficePeople } from '../../db/queries/office-people';
import { assigneeRefusal, getOfficePeople } from '../../electron/services/office-people-service';
import type { MemberRecordChange } from '../../shared/domain/member-record/events';
import { AT, cleanupTempDbs, columns, createMigratedDb, insertMemberRow, tableNames, UUIDS } from './helpers';

afterEach(cleanupTempDbs);

const SUPERVISOR = { userId: '55555555-5555-4555-8555-555555555555', name: 'Pat Nguyen', role: 'SUPERVISOR' } as const;
const DANA = { id: '66666666-6666-4666-8666-666666666666', name: 'Dana Ruiz', role: 'SCSS' } as const;
const SAM = { id: '77777777-7777-4777-8777-777777777777', name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER' } as const;

/** A version-16 store of an enrolled supervisor: a Member with a change HQ has not yet taken; upgraded to 17. */
function storeUpgradedTo17(): Db {
  const db = createMigratedDb(16);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  db.prepare(
    `INSERT INTO member_record_events (id, member_id, version, kind, change_json, at, actor_json, actor_name)
     VALUES ('e-1', ?, 1, 'CERTIFIED', '{"kind":"CERTIFIED","certifiedOn":"2026-02-01"}', ?, NULL, 'Pat Nguyen')`,
  ).run(UUIDS.member1, AT);
  expect(migrate(db, MIGRATIONS, 17)).toBe(17);
  return db;
}

const ctxOf = (db: Db) => ({
  db,
  dataDir: '',
  actor: 'Pat Nguyen (Supervisor)',
  person: { ...SUPERVISOR, fieldOffice: 'Houston' },
  now: () => new Date(AT),
});

const assignTo = (person: { id: string; name: string }): MemberRecordChange => ({
  kind: 'SCSS_ASSIGNED',
  scss: { userId: person.id, name: person.name },
  work: 'VALIDATION',
  mode: 'IN_PERSON',
  targetDate: '2026-05-01',
});

describe('migration 017: the field office’s people', () => {
  it('adds an empty office_people table until the next pull lists them, keeping the Member and its waiting change', () => {
    const db = storeUpgradedTo17();
    expect(schemaVersion(db)).toBe(17);
    expect(tableNames(db)).toContain('office_people');
    expect(columns(db, 'office_people').map((c) => [c.name, c.notnull, c.pk])).toEqual([
      ['user_id', 1, 1],
      ['name', 1, 0],
      ['role', 1, 0],
      ['pulled_at', 1, 0],
    ]);
    expect(getOfficePeople(ctxOf(db))).toEqual({ fieldOffice: 'Houston', people: [] });
    expect(countUnsentChanges(db, UUIDS.member1)).toBe(1);
    // With no list yet, an enrolled supervisor cannot assign anyone.
    expect(assigneeRefusal(ctxOf(db), assignTo(DANA))).toMatchObject({ key: 'memberRecord.assignNotInOffice' });
  });

  it('takes the pulled list, lets the supervisor assign only a listed SCSS, and holds one row per person', () => {
    const db = storeUpgradedTo17();
    replaceOfficePeople(db, [SAM, DANA], AT);
    expect(listOfficePeople(db)).toEqual([DANA, SAM]);
    expect(assigneeRefusal(ctxOf(db), assignTo(DANA))).toBeNull();
    expect(assigneeRefusal(ctxOf(db), assignTo(SAM))).not.toBeNull();
    const insert = db.prepare('INSERT INTO office_people (user_id, name, role, pulled_at) VALUES (?, ?, ?, ?)');
    expect(() => insert.run(DANA.id, 'Dana R.', 'SCSS', AT)).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run('88888888-8888-4888-8888-888888888888', null, 'SCSS', AT)).toThrow(
      /NOT NULL constraint failed/,
    );
  });
});

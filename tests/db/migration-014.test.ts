import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { setMemberCorrespondenceLanguage } from '../../db/queries/member-record';
import { getMember, listMembers } from '../../db/queries/members';
import { cleanupTempDbs, columns, createMigratedDb, insertMemberRow, UUIDS } from './helpers';

afterEach(cleanupTempDbs);

/** A version-13 store holding two Members, upgraded to version 14. */
function storeUpgradedTo14(): Db {
  const db = createMigratedDb(13);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertMemberRow(db, UUIDS.member2, 'IMP-2', 'Bajío Logística');
  expect(migrate(db, MIGRATIONS, 14)).toBe(14);
  return db;
}

describe('migration 014: the language CBP writes to a Member in', () => {
  it('writes to every Member known before the upgrade in English, keeping their details', () => {
    const db = storeUpgradedTo14();
    expect(schemaVersion(db)).toBe(14);
    expect(columns(db, 'members').find((c) => c.name === 'correspondence_language')).toMatchObject({
      notnull: 1,
      dflt_value: "'en'",
    });
    expect(listMembers(db).map((m) => [m.legalName, m.accountNumber, m.correspondenceLanguage])).toEqual([
      ['Bajío Logística', 'IMP-2', 'en'],
      ['Gulf Coast Imports', 'IMP-1', 'en'],
    ]);
  });

  it('takes Spanish for one Member, and refuses a language it cannot write in or none', () => {
    const db = storeUpgradedTo14();
    setMemberCorrespondenceLanguage(db, UUIDS.member2, 'es');
    expect(getMember(db, UUIDS.member2)?.correspondenceLanguage).toBe('es');
    expect(getMember(db, UUIDS.member1)?.correspondenceLanguage).toBe('en');
    const set = db.prepare('UPDATE members SET correspondence_language = ? WHERE id = ?');
    expect(() => set.run('fr', UUIDS.member1)).toThrow(/CHECK constraint failed/);
    expect(() => set.run(null, UUIDS.member1)).toThrow(/NOT NULL constraint failed/);
    expect(getMember(db, UUIDS.member1)?.correspondenceLanguage).toBe('en');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { getMember } from '../../db/queries/members';
import { cleanupTempDbs, columns, createMigratedDb, insertMemberRow, UUIDS } from './helpers';

afterEach(cleanupTempDbs);

describe('migration 019: a Member’s details follow HQ', () => {
  it('adds hq_updated_at to members, empty for the Members a version-18 store holds, keeping their details', () => {
    const db = createMigratedDb(18);
    insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
    expect(migrate(db, MIGRATIONS, 19)).toBe(19);
    expect(schemaVersion(db)).toBe(19);
    expect(columns(db, 'members').map((c) => c.name)).toContain('hq_updated_at');
    expect(db.prepare('SELECT hq_updated_at FROM members WHERE id = ?').pluck().get(UUIDS.member1)).toBeNull();
    expect(getMember(db, UUIDS.member1)).toMatchObject({ legalName: 'Gulf Coast Imports', accountNumber: 'IMP-1' });
  });
});

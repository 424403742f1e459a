import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import {
  AT,
  cleanupTempDbs,
  columns,
  createMigratedDb,
  indexNames,
  insertEditionRow,
  insertMemberRow,
  queryPlan,
  tableNames,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

describe('migration 001: catalog editions and members', () => {
  it('turns an empty store into version 1 with catalog_editions and members', () => {
    const db = createMigratedDb(0);
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);

    expect(migrate(db, MIGRATIONS, 1)).toBe(1);

    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(['catalog_editions', 'members']);
    expect(columns(db, 'catalog_editions').map((c) => c.name)).toEqual([
      'id',
      'title',
      'published_on',
      'content_json',
      'content_sha256',
      'installed_at',
    ]);
    expect(columns(db, 'members').map((c) => c.name)).toEqual([
      'id',
      'legal_name',
      'account_number',
      'entity_type',
      'city',
      'country',
      'created_at',
    ]);
    expect(indexNames(db, 'members')).toEqual(['members_by_name']);
  });

  it('stores a Member and a catalog edition and reads them back', () => {
    const db = createMigratedDb(1);
    insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
    insertEditionRow(db);
    expect(db.prepare('SELECT legal_name, city FROM members WHERE id = ?').get(UUIDS.member1)).toEqual({
      legal_name: 'Gulf Coast Imports',
      city: 'Houston, TX',
    });
    expect(db.prepare('SELECT id, installed_at FROM catalog_editions').all()).toEqual([
      { id: 'MSC-2019-11', installed_at: AT },
    ]);
  });

  it('refuses two Members with the same CBP account number', () => {
    const db = createMigratedDb(1);
    insertMemberRow(db, UUIDS.member1, 'IMP-1');
    expect(() => insertMemberRow(db, UUIDS.member2, 'IMP-1')).toThrow(
      /UNIQUE constraint failed: members.account_number/,
    );
    expect(() => insertMemberRow(db, UUIDS.member1, 'IMP-2')).toThrow(/UNIQUE constraint failed: members.id/);
  });

  it('refuses a second edition under the same id and missing required fields', () => {
    const db = createMigratedDb(1);
    insertEditionRow(db);
    expect(() => insertEditionRow(db)).toThrow(/UNIQUE constraint failed: catalog_editions.id/);
    expect(() =>
      db
        .prepare(
          'INSERT INTO members (id, legal_name, account_number, entity_type, created_at) VALUES (?, NULL, ?, ?, ?)',
        )
        .run(UUIDS.member2, 'IMP-9', 'IMP', AT),
    ).toThrow(/NOT NULL constraint failed: members.legal_name/);
  });

  it('is STRICT: a binary value where a date-time text belongs is refused', () => {
    const db = createMigratedDb(1);
    expect(() =>
      db
        .prepare('INSERT INTO members (id, legal_name, account_number, entity_type, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(UUIDS.member1, 'X', 'IMP-1', 'IMP', new Uint8Array([1, 2])),
    ).toThrow(/cannot store BLOB value in TEXT column members.created_at/);
  });

  it('lists Members alphabetically through members_by_name without a sort step', () => {
    const db = createMigratedDb(1);
    insertMemberRow(db, UUIDS.member1, 'IMP-1', 'zeta Corp');
    insertMemberRow(db, UUIDS.member2, 'IMP-2', 'Alpha Corp');
    const sql = 'SELECT * FROM members ORDER BY legal_name COLLATE NOCASE';
    const plan = queryPlan(db, sql);
    expect(plan.join('\n')).toContain('members_by_name');
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
    expect((db.prepare(sql).all() as { legal_name: string }[]).map((m) => m.legal_name)).toEqual([
      'Alpha Corp',
      'zeta Corp',
    ]);
  });
});

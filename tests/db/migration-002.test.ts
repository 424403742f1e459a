import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { listResponses } from '../../db/queries/responses';
import { listValidations, type ValidationFilter } from '../../db/queries/validations';
import {
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

/** A version-1 store as a user would have it: Members and an installed catalog, then upgraded. */
function storeUpgradedTo2(): Db {
  const db = createMigratedDb(1);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertMemberRow(db, UUIDS.member2, 'IMP-2', 'Great Lakes Auto');
  insertEditionRow(db);
  expect(migrate(db, MIGRATIONS, 2)).toBe(2);
  return db;
}

/** The SQL listValidations really runs for `filter`, with the parameters it binds. */
function listValidationsPlan(db: Db, filter: ValidationFilter): string {
  const prepared = capturePreparedSql(db, () => listValidations(db, filter));
  const sql = prepared.find((s) => s.includes('FROM validations'));
  if (!sql) throw new Error('listValidations prepared no statement (already cached?)');
  return queryPlan(db, sql, {
    memberId: filter.memberId ?? null,
    status: filter.status ?? null,
    scheduledFrom: filter.scheduledFrom ?? null,
    scheduledTo: filter.scheduledTo ?? null,
  }).join('\n');
}

describe('migration 002: validations and criterion responses', () => {
  it('keeps version-1 data and adds validations and criterion_responses', () => {
    const db = storeUpgradedTo2();
    expect(schemaVersion(db)).toBe(2);
    expect(tableNames(db)).toEqual(['catalog_editions', 'criterion_responses', 'members', 'validations']);
    expect(countRows(db, 'members')).toBe(2);
    expect(countRows(db, 'catalog_editions')).toBe(1);
    expect(columns(db, 'validations').map((c) => c.name)).toEqual([
      'id',
      'member_id',
      'entity_type',
      'mode',
      'catalog_edition_id',
      'status',
      'scheduled_date',
      'created_at',
      'updated_at',
      'submitted_at',
      'created_by',
    ]);
    const responseColumns = columns(db, 'criterion_responses');
    expect(responseColumns.map((c) => c.name)).toEqual([
      'validation_id',
      'criterion_id',
      'result',
      'notes',
      'version',
      'updated_at',
      'updated_by',
    ]);
    expect(responseColumns.filter((c) => c.pk > 0).map((c) => c.name)).toEqual(['validation_id', 'criterion_id']);
    expect(indexNames(db, 'validations')).toEqual([
      'validations_by_date',
      'validations_by_member',
      'validations_by_status',
    ]);
  });

  it('stores a validation with answers; a new answer defaults to empty notes at version 1', () => {
    const db = storeUpgradedTo2();
    insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1 });
    db.prepare(
      `INSERT INTO criterion_responses (validation_id, criterion_id, result, updated_at, updated_by)
       VALUES (?, '4.1', NULL, '2026-03-02T14:00:00.000Z', 'test.scss')`,
    ).run(UUIDS.validation1);
    // Raw SQL: the query layer reads columns that later migrations add.
    expect(
      db.prepare(`SELECT result, notes, version FROM criterion_responses WHERE criterion_id = '4.1'`).get(),
    ).toEqual({ result: null, notes: '', version: 1 });
    insertResponseRow(db, UUIDS.validation1, '1.1', 'DEFICIENT');
    expect(
      db
        .prepare('SELECT criterion_id FROM criterion_responses WHERE validation_id = ? ORDER BY criterion_id')
        .pluck()
        .all(UUIDS.validation1),
    ).toEqual(['1.1', '4.1']);
  });

  it('refuses a validation mode, status or response result outside the allowed values', () => {
    const db = storeUpgradedTo2();
    expect(() => insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, mode: 'PHONE' })).toThrow(
      /CHECK constraint failed: mode IN/,
    );
    expect(() =>
      insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'APPROVED' }),
    ).toThrow(/CHECK constraint failed: status IN/);
    expect(countRows(db, 'validations')).toBe(0);

    insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1 });
    expect(() => insertResponseRow(db, UUIDS.validation1, '1.1', 'MOSTLY_OK')).toThrow(
      /CHECK constraint failed: result IN/,
    );
    expect(() => db.prepare("UPDATE validations SET status = 'done' WHERE id = ?").run(UUIDS.validation1)).toThrow(
      /CHECK constraint failed/,
    );
    expect(countRows(db, 'criterion_responses')).toBe(0);
  });

  it('refuses orphans: a validation for a missing Member or edition, an answer for a missing validation', () => {
    const db = storeUpgradedTo2();
    expect(() => insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.missing })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(() =>
      insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, editionId: 'MSC-2099-01' }),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insertResponseRow(db, UUIDS.missing, '1.1')).toThrow(/FOREIGN KEY constraint failed/);

    insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1 });
    insertResponseRow(db, UUIDS.validation1, '1.1');
    expect(() => db.prepare('DELETE FROM validations WHERE id = ?').run(UUIDS.validation1)).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(() => db.prepare('DELETE FROM members WHERE id = ?').run(UUIDS.member1)).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(countRows(db, 'criterion_responses')).toBe(1);
  });

  it('keeps one answer per criterion per validation', () => {
    const db = storeUpgradedTo2();
    insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1 });
    insertValidationRow(db, { id: UUIDS.validation2, memberId: UUIDS.member1 });
    insertResponseRow(db, UUIDS.validation1, '1.1');
    insertResponseRow(db, UUIDS.validation2, '1.1');
    expect(() => insertResponseRow(db, UUIDS.validation1, '1.1', 'DEFICIENT')).toThrow(
      /UNIQUE constraint failed: criterion_responses.validation_id, criterion_responses.criterion_id/,
    );
    expect(() => insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member2 })).toThrow(
      /UNIQUE constraint failed: validations.id/,
    );
  });

  it('reads a worksheet’s answers through the primary key, not a scan', () => {
    const db = storeUpgradedTo2();
    const prepared = capturePreparedSql(db, () => listResponses(db, UUIDS.validation1));
    const sql = prepared.find((s) => s.includes('FROM criterion_responses'));
    expect(sql).toBeDefined();
    const plan = queryPlan(db, sql ?? '', [UUIDS.validation1]).join('\n');
    expect(plan).toMatch(/SEARCH criterion_responses USING PRIMARY KEY \(validation_id=\?\)/);
    expect(plan).not.toMatch(/\bSCAN\b/);
  });

  // The list query is today's code: it runs on the latest schema, built on this migration's indexes.
  const latestStore = (): Db => {
    const db = storeUpgradedTo2();
    migrate(db);
    return db;
  };

  describe('the validations list searches an index for each filter', () => {
    it('filtered by Member uses validations_by_member', () => {
      const db = latestStore();
      expect(listValidationsPlan(db, { memberId: UUIDS.member1 })).toMatch(
        /SEARCH v USING INDEX validations_by_member \(member_id=\?\)/,
      );
    });

    it('filtered by status uses validations_by_status', () => {
      const db = latestStore();
      expect(listValidationsPlan(db, { status: 'IN_PROGRESS' })).toMatch(
        /SEARCH v USING INDEX validations_by_status \(status=\?\)/,
      );
    });

    it('filtered by a date range uses validations_by_date', () => {
      const db = latestStore();
      expect(listValidationsPlan(db, { scheduledFrom: '2026-01-01', scheduledTo: '2026-03-31' })).toMatch(
        /SEARCH v USING INDEX validations_by_date \(scheduled_date>\? AND scheduled_date<\?\)/,
      );
    });

    it('filtered by Member and dates searches the Member index on both columns', () => {
      const db = latestStore();
      expect(listValidationsPlan(db, { memberId: UUIDS.member1, scheduledFrom: '2026-01-01' })).toMatch(
        /SEARCH v USING INDEX validations_by_member \(member_id=\? AND scheduled_date>\?\)/,
      );
    });

    it('unfiltered walks validations_by_date newest first without reading any answers', () => {
      const db = latestStore();
      const plan = listValidationsPlan(db, {});
      expect(plan).toContain('SCAN v USING INDEX validations_by_date');
      expect(plan).not.toMatch(/criterion_responses|SEARCH r /);
    });

    it('returns the right rows for each filter', () => {
      const db = storeUpgradedTo2();
      insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, scheduledDate: '2026-02-01' });
      insertValidationRow(db, {
        id: UUIDS.validation2,
        memberId: UUIDS.member2,
        scheduledDate: '2026-04-01',
        status: 'IN_PROGRESS',
      });
      insertResponseRow(db, UUIDS.validation2, '1.1', 'COMPLIANT');
      insertResponseRow(db, UUIDS.validation2, '1.2', null);
      migrate(db); // the list reads the latest schema; migration 005 counts the answers inserted above
      const ids = (filter: ValidationFilter) => listValidations(db, filter).map((v) => v.id);
      expect(ids({})).toEqual([UUIDS.validation2, UUIDS.validation1]);
      expect(ids({ memberId: UUIDS.member1 })).toEqual([UUIDS.validation1]);
      expect(ids({ status: 'IN_PROGRESS' })).toEqual([UUIDS.validation2]);
      expect(ids({ scheduledFrom: '2026-03-01' })).toEqual([UUIDS.validation2]);
      expect(ids({ scheduledTo: '2026-02-01' })).toEqual([UUIDS.validation1]);
      expect(ids({ memberId: UUIDS.member1, status: 'IN_PROGRESS' })).toEqual([]);
      const [summary] = listValidations(db, { memberId: UUIDS.member2 });
      expect(summary).toMatchObject({ memberName: 'Great Lakes Auto', answeredCount: 1 });
    });
  });
});

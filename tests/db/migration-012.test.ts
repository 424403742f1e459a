import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { listConsideredWarnings } from '../../db/queries/considered-warnings';
import {
  AT,
  cleanupTempDbs,
  columns,
  createMigratedDb,
  insertEditionRow,
  insertMemberRow,
  insertValidationRow,
  queryPlan,
  tableNames,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

/** A version-11 store with one validation, upgraded to version 12. */
function storeUpgradedTo12(): Db {
  const db = createMigratedDb(11);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertEditionRow(db);
  insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'IN_PROGRESS' });
  expect(migrate(db, MIGRATIONS, 12)).toBe(12);
  return db;
}

const insertMark = (db: Db, validationId: string, code: string, criterionId: string) =>
  db
    .prepare(
      `INSERT INTO considered_warnings (validation_id, code, criterion_id, considered_at, considered_by)
       VALUES (?, ?, ?, ?, 'test.scss')`,
    )
    .run(validationId, code, criterionId, AT);

describe('migration 012: considered warnings', () => {
  it('adds an empty considered_warnings table to a version-11 store, keeping its validation', () => {
    const db = storeUpgradedTo12();
    expect(schemaVersion(db)).toBe(12);
    expect(tableNames(db)).toContain('considered_warnings');
    expect(columns(db, 'considered_warnings').map((c) => c.name)).toEqual([
      'validation_id',
      'code',
      'criterion_id',
      'considered_at',
      'considered_by',
    ]);
    expect(listConsideredWarnings(db, UUIDS.validation1)).toEqual([]);
    expect((db.prepare('SELECT count(*) AS n FROM validations').get() as { n: number }).n).toBe(1);
  });

  it('keeps one mark per validation, rule and criterion, and none for a validation that does not exist', () => {
    const db = storeUpgradedTo12();
    insertMark(db, UUIDS.validation1, 'NO_VERIFICATION_METHOD', '1.1');
    insertMark(db, UUIDS.validation1, 'NO_SITES', '');
    expect(() => insertMark(db, UUIDS.validation1, 'NO_VERIFICATION_METHOD', '1.1')).toThrow(/UNIQUE/);
    expect(() => insertMark(db, UUIDS.validation2, 'NO_SITES', '')).toThrow(/FOREIGN KEY/);
    expect(listConsideredWarnings(db, UUIDS.validation1).map((m) => [m.code, m.criterionId])).toEqual([
      ['NO_SITES', null],
      ['NO_VERIFICATION_METHOD', '1.1'],
    ]);
  });

  it('reads one validation’s marks through the primary key, not a table scan', () => {
    const db = storeUpgradedTo12();
    const plan = queryPlan(db, 'SELECT code FROM considered_warnings WHERE validation_id = ?', [UUIDS.validation1]);
    expect(plan.join(' ')).toMatch(/SEARCH considered_warnings USING PRIMARY KEY \(validation_id=\?\)/);
  });
});

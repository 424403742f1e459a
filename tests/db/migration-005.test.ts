import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { getResponse, listResponses, upsertResponse } from '../../db/queries/responses';
import { listValidations, type ValidationFilter } from '../../db/queries/validations';
import {
  AT,
  capturePreparedSql,
  cleanupTempDbs,
  countRows,
  createMigratedDb,
  indexNames,
  insertEditionRow,
  insertMemberRow,
  insertResponseRow,
  insertValidationRow,
  queryPlan,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

/** A version-4 store: one validation in progress (two answered, one with notes only) and one draft, upgraded to 5. */
function storeUpgradedTo5(): Db {
  const db = createMigratedDb(4);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertMemberRow(db, UUIDS.member2, 'IMP-2', 'Great Lakes Auto');
  insertEditionRow(db);
  insertValidationRow(db, {
    id: UUIDS.validation1,
    memberId: UUIDS.member1,
    status: 'IN_PROGRESS',
    scheduledDate: '2026-02-01',
  });
  insertValidationRow(db, { id: UUIDS.validation2, memberId: UUIDS.member2, scheduledDate: '2026-04-01' });
  insertResponseRow(db, UUIDS.validation1, '1.1', 'COMPLIANT');
  insertResponseRow(db, UUIDS.validation1, '4.1', 'DEFICIENT');
  insertResponseRow(db, UUIDS.validation1, '4.2', null);
  insertResponseRow(db, UUIDS.validation2, '1.1', null);
  expect(migrate(db, MIGRATIONS, 5)).toBe(5);
  return db;
}

/** The SQL listValidations really runs for `filter`, planned with the parameters it binds. */
function listValidationsPlan(db: Db, filter: ValidationFilter): string {
  const sql = capturePreparedSql(db, () => listValidations(db, filter)).find((s) => s.includes('FROM validations'));
  if (!sql) throw new Error('listValidations prepared no statement (already cached?)');
  return queryPlan(db, sql, {
    memberId: filter.memberId ?? null,
    status: filter.status ?? null,
    scheduledFrom: filter.scheduledFrom ?? null,
    scheduledTo: filter.scheduledTo ?? null,
  }).join('\n');
}

/** Answered counts computed the slow way, from the table itself. */
function answeredFromTable(db: Db): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT v.id, (SELECT count(*) FROM criterion_responses r NOT INDEXED
                      WHERE r.validation_id = v.id AND r.result IS NOT NULL) AS n FROM validations v`,
    )
    .all() as Array<{ id: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.id, r.n]));
}

const answeredFromList = (db: Db): Record<string, number> =>
  Object.fromEntries(listValidations(db, {}).map((v) => [v.id, v.answeredCount]));

describe('migration 005: an index for the validations list', () => {
  it('keeps every validation and answer and adds only the answered-criteria index', () => {
    const db = storeUpgradedTo5();
    expect(schemaVersion(db)).toBe(5);
    expect(countRows(db, 'validations')).toBe(2);
    expect(countRows(db, 'criterion_responses')).toBe(4);
    expect(indexNames(db, 'criterion_responses')).toEqual(['criterion_responses_answered']);
    expect(indexNames(db, 'validations')).toEqual([
      'validations_by_date',
      'validations_by_member',
      'validations_by_status',
    ]);
    // Partial: answers without a result (notes typed first) are not in it.
    expect(
      db
        .prepare(
          `SELECT criterion_id FROM criterion_responses INDEXED BY criterion_responses_answered
            WHERE validation_id = ? AND result IS NOT NULL ORDER BY criterion_id`,
        )
        .pluck()
        .all(UUIDS.validation1),
    ).toEqual(['1.1', '4.1']);
  });

  describe('the validations list counts answers from the index, not from the answers themselves', () => {
    const filters: Array<[string, ValidationFilter, RegExp]> = [
      ['unfiltered', {}, /SCAN v USING INDEX validations_by_date/],
      ['by Member', { memberId: UUIDS.member1 }, /SEARCH v USING INDEX validations_by_member \(member_id=\?\)/],
      ['by status', { status: 'IN_PROGRESS' }, /SEARCH v USING INDEX validations_by_status \(status=\?\)/],
      [
        'by date',
        { scheduledFrom: '2026-01-01', scheduledTo: '2026-03-31' },
        /SEARCH v USING INDEX validations_by_date \(scheduled_date>\? AND scheduled_date<\?\)/,
      ],
      [
        'by Member, status and date (the Member index, the most selective)',
        { memberId: UUIDS.member1, status: 'IN_PROGRESS', scheduledFrom: '2026-01-01', scheduledTo: '2026-12-31' },
        /SEARCH v USING INDEX validations_by_member \(member_id=\? AND scheduled_date>\? AND scheduled_date<\?\)/,
      ],
    ];
    for (const [name, filter, outer] of filters) {
      it(name, () => {
        const db = storeUpgradedTo5();
        const plan = listValidationsPlan(db, filter);
        expect(plan).toMatch(outer);
        expect(plan).toMatch(
          /SEARCH r USING COVERING INDEX criterion_responses_answered \(validation_id=\? AND result>\?\)/,
        );
        expect(plan).not.toMatch(/SEARCH r USING PRIMARY KEY/);
      });
    }
  });

  it('returns the same answered counts as counting the table, and follows answers as they change', () => {
    const db = storeUpgradedTo5();
    expect(answeredFromList(db)).toEqual({ [UUIDS.validation1]: 2, [UUIDS.validation2]: 0 });
    expect(answeredFromList(db)).toEqual(answeredFromTable(db));

    const notesOnly = getResponse(db, UUIDS.validation2, '1.1');
    const answered = getResponse(db, UUIDS.validation1, '4.1');
    if (!notesOnly || !answered) throw new Error('seed rows missing');
    upsertResponse(db, { ...notesOnly, result: 'NOT_APPLICABLE', version: 2, updatedAt: AT }); // answered now
    upsertResponse(db, { ...answered, result: null, version: 4, updatedAt: AT }); // result cleared
    upsertResponse(db, { ...answered, validationId: UUIDS.validation2, criterionId: '4.1', result: 'COMPLIANT' });
    expect(answeredFromList(db)).toEqual({ [UUIDS.validation1]: 1, [UUIDS.validation2]: 2 });
    expect(answeredFromList(db)).toEqual(answeredFromTable(db));
  });

  it('still reads and saves a worksheet’s answers through the primary key', () => {
    const db = storeUpgradedTo5();
    const listSql = capturePreparedSql(db, () => listResponses(db, UUIDS.validation1)).find((s) =>
      s.includes('FROM criterion_responses'),
    );
    const getSql = capturePreparedSql(db, () => getResponse(db, UUIDS.validation1, '1.1')).find((s) =>
      s.includes('FROM criterion_responses'),
    );
    expect(queryPlan(db, listSql ?? '', [UUIDS.validation1]).join('\n')).toMatch(
      /SEARCH criterion_responses USING PRIMARY KEY \(validation_id=\?\)/,
    );
    expect(queryPlan(db, getSql ?? '', [UUIDS.validation1, '1.1']).join('\n')).toMatch(
      /SEARCH criterion_responses USING PRIMARY KEY \(validation_id=\? AND criterion_id=\?\)/,
    );
  });
});

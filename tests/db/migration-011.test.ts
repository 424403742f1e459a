import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { computeLocalView } from '../../electron/services/analytics/local-analytics';
import {
  AT,
  capturePreparedSql,
  cleanupTempDbs,
  createMigratedDb,
  insertEditionRow,
  insertMemberRow,
  insertResponseRow,
  insertValidationRow,
  queryPlan,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

const F41 = 'f4100000-0000-4000-8000-000000000041';
const F51 = 'f5100000-0000-4000-8000-000000000051';

const review = (findingId: string, decision: string, proposed: string | null, version: number) => ({
  entity: 'finding_review',
  entityId: `${UUIDS.validation1}/${findingId}`,
  version,
  payload: { validationId: UUIDS.validation1, findingId, decision, proposedClassification: proposed, version },
});

/** What HQ sent for the SCSS's own submitted validation: answers and findings, its review, approval and a response. */
const RECORDS = [
  { entity: 'criterion_response', entityId: `${UUIDS.validation1}/4.1`, version: 1, payload: { result: 'DEFICIENT' } },
  { entity: 'finding', entityId: F51, version: 1, payload: { id: F51 } },
  review(F51, 'NON_CONCUR', 'NO_FINDING', 1),
  {
    entity: 'workflow_event',
    entityId: 'e-approve',
    version: 1,
    payload: { kind: 'APPROVE', reportDate: '2026-03-05' },
  },
  { entity: 'member_response', entityId: 'r-1', version: 3, payload: { findingId: F41, assessment: 'ACCEPTED' } },
];

/** A version-10 store: a submitted validation with two Action Required findings and HQ's pulled copy of it. */
function storeUpgradedTo11(): Db {
  const db = createMigratedDb(10);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertEditionRow(db);
  insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'SUBMITTED' });
  db.prepare(`UPDATE validations SET submitted_at = ?, workflow_state = 'APPROVED' WHERE id = ?`).run(
    AT,
    UUIDS.validation1,
  );
  insertResponseRow(db, UUIDS.validation1, '1.1', 'COMPLIANT');
  const finding = db.prepare(
    `INSERT INTO findings (id, validation_id, criterion_id, classification, reason_code, description, due_date, version,
                           created_at, updated_at)
     VALUES (?, ?, ?, 'ACTION_REQUIRED', 'NOT_IMPLEMENTED', 'Gap found.', '2026-06-08', 1, ?, ?)`,
  );
  for (const [id, criterionId] of [
    [F41, '4.1'],
    [F51, '5.1'],
  ] as const) {
    insertResponseRow(db, UUIDS.validation1, criterionId, 'DEFICIENT');
    finding.run(id, UUIDS.validation1, criterionId, AT, AT);
  }
  db.prepare(
    `INSERT INTO hq_validations (id, hq_version, status, workflow_state, owner_user_id, field_office, payload_json,
                                 records_json, pulled_at)
     VALUES (?, 4, 'SUBMITTED', 'APPROVED', 'u-1', 'Houston', '{}', ?, ?)`,
  ).run(UUIDS.validation1, JSON.stringify(RECORDS), AT);
  expect(migrate(db, MIGRATIONS, 11)).toBe(11);
  return db;
}

const lifecycle = (db: Db) =>
  db.prepare('SELECT entity, entity_id, version FROM hq_lifecycle_records ORDER BY entity, entity_id').all();

const topCriteria = (db: Db) => {
  const top = computeLocalView(
    db,
    { view: 'top-deficiencies', filters: {} },
    { today: '2026-04-01', fieldOffice: 'Houston', userId: null },
  );
  return top.view === 'top-deficiencies' ? top.data.rows.map((r) => r.criterionId) : [];
};

describe('migration 011: analytics over pulled lifecycle records', () => {
  it('copies only the review, approval and response out of an already pulled copy, so HQ’s “no finding” is honoured', () => {
    const db = storeUpgradedTo11();
    expect(schemaVersion(db)).toBe(11);
    expect(lifecycle(db)).toEqual([
      { entity: 'finding_review', entity_id: `${UUIDS.validation1}/${F51}`, version: 1 },
      { entity: 'member_response', entity_id: 'r-1', version: 3 },
      { entity: 'workflow_event', entity_id: 'e-approve', version: 1 },
    ]);
    expect(
      db
        .prepare(`SELECT payload_json ->> '$.reportDate' FROM hq_lifecycle_records WHERE entity = 'workflow_event'`)
        .pluck()
        .get(),
    ).toBe('2026-03-05');
    // 5.1 was ruled "no finding" at HQ before the upgrade: only 4.1 is a deficiency.
    expect(topCriteria(db)).toEqual(['4.1']);
  });

  it('keeps the records in step with the next pull and with a copy removed, and takes lifecycle entities only', () => {
    const db = storeUpgradedTo11();
    const pulled = [...RECORDS.filter((r) => r.entity !== 'finding_review'), review(F51, 'CONCUR', null, 2)];
    db.prepare('UPDATE hq_validations SET records_json = ? WHERE id = ?').run(
      JSON.stringify(pulled),
      UUIDS.validation1,
    );
    expect(
      db.prepare(`SELECT version FROM hq_lifecycle_records WHERE entity = 'finding_review'`).pluck().all(),
    ).toEqual([2]);
    expect(topCriteria(db)).toEqual(['4.1', '5.1']);
    db.prepare('DELETE FROM hq_validations WHERE id = ?').run(UUIDS.validation1);
    expect(lifecycle(db)).toEqual([]);
    expect(() =>
      db.prepare(`INSERT INTO hq_lifecycle_records VALUES (?, 'finding', ?, 1, '{}')`).run(UUIDS.validation1, F41),
    ).toThrow(/CHECK constraint failed/);
  });

  it('looks up HQ’s reviews by entity and counts assessed criteria from the new indexes', () => {
    const db = storeUpgradedTo11();
    const plan = queryPlan(db, `SELECT validation_id FROM hq_lifecycle_records WHERE entity = 'finding_review'`);
    expect(plan.join('\n')).toContain('hq_lifecycle_records_by_entity');
    const sql = capturePreparedSql(db, () => topCriteria(db)).find((s) => s.includes('FROM criterion_responses')) ?? '';
    expect(queryPlan(db, sql, { limit: 10 }).join('\n')).toContain('criterion_responses_assessed');
  });
});

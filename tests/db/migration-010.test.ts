import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { listLocalWorkflowEvents, listMemberResponses } from '../../db/queries/workflow';
import { readCursor } from '../../electron/sync/pull';
import {
  AT,
  capturePreparedSql,
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

const FINDING = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const SHA = 'a'.repeat(64);

/** A version-9 store: a submitted and an in-progress validation, a review, a pulled copy and a pull cursor. */
function storeUpgradedTo10(): Db {
  const db = createMigratedDb(9);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertEditionRow(db);
  insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'SUBMITTED' });
  insertValidationRow(db, { id: UUIDS.validation2, memberId: UUIDS.member1, status: 'IN_PROGRESS' });
  db.prepare(
    `INSERT INTO findings (id, validation_id, criterion_id, classification, reason_code, description, due_date, version,
                           created_at, updated_at)
     VALUES (?, ?, '4.1', 'ACTION_REQUIRED', 'NOT_IMPLEMENTED', 'Shared logins', '2026-06-08', 1, ?, ?)`,
  ).run(FINDING, UUIDS.validation1, AT, AT);
  db.prepare(
    `INSERT INTO finding_reviews (validation_id, finding_id, decision, comment, reviewed_at, reviewed_by, version, base_version)
     VALUES (?, ?, 'RETURN_FOR_CORRECTION', 'Name the terminals.', ?, 'Sam Ortiz', 1, 0)`,
  ).run(UUIDS.validation2, FINDING, AT);
  db.prepare(
    `INSERT INTO hq_validations (id, hq_version, status, field_office, payload_json, records_json, pulled_at)
     VALUES (?, 3, 'SUBMITTED', 'Houston', '{}', '[]', ?)`,
  ).run(UUIDS.missing, AT);
  db.prepare(`INSERT INTO sync_state (key, value) VALUES ('pull_cursor', 'cDE6Mjoz')`).run();
  expect(migrate(db, MIGRATIONS, 10)).toBe(10);
  return db;
}

const insertResponse = (db: Db, id: string, assessment: string | null, assessedAt: string | null, by: string | null) =>
  db
    .prepare(
      `INSERT INTO member_responses (id, validation_id, finding_id, received_on, corrective_action, assessment,
                                     assessed_at, assessed_by_json, version, updated_at)
       VALUES (?, ?, ?, '2026-04-01', 'Logins enforced', ?, ?, ?, 1, ?)`,
    )
    .run(id, UUIDS.validation1, FINDING, assessment, assessedAt, by, AT);

describe('migration 010: the validation’s life after submission', () => {
  it('adds the workflow tables and columns, mirrors what is already submitted, and pulls everything again', () => {
    const db = storeUpgradedTo10();
    expect(schemaVersion(db)).toBe(10);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining([
        'workflow_events',
        'member_responses',
        'member_response_files',
        'validation_returns',
        'review_snapshots',
      ]),
    );
    const states = db.prepare('SELECT id, workflow_state FROM validations ORDER BY id').all();
    expect(states).toEqual([
      { id: UUIDS.validation1, workflow_state: 'SUBMITTED' },
      { id: UUIDS.validation2, workflow_state: null },
    ]);
    expect(db.prepare('SELECT workflow_state, owner_user_id FROM hq_validations').get()).toEqual({
      workflow_state: 'SUBMITTED',
      owner_user_id: null,
    });
    expect(columns(db, 'hq_validations_held').map((c) => c.name)).toEqual(
      expect.arrayContaining(['workflow_state', 'owner_user_id']),
    );
    // A copy pulled before this version lacks its owner and history: the next pull starts from the beginning.
    expect(readCursor(db)).toBeNull();
    // The review made before the upgrade is kept, with no proposal.
    expect(db.prepare('SELECT decision, comment, proposed_classification FROM finding_reviews').all()).toEqual([
      { decision: 'RETURN_FOR_CORRECTION', comment: 'Name the terminals.', proposed_classification: null },
    ]);
  });

  it('takes a non-concurrence only with a proposed classification, and refuses unknown states and kinds', () => {
    const db = storeUpgradedTo10();
    const review = db.prepare(
      `INSERT INTO finding_reviews (validation_id, finding_id, decision, comment, proposed_classification, reviewed_at,
                                    reviewed_by, version, base_version)
       VALUES (?, ?, ?, 'Not a deficiency here.', ?, ?, 'Sam Ortiz', 1, 0)`,
    );
    expect(() => review.run(UUIDS.validation1, FINDING, 'NON_CONCUR', null, AT)).toThrow(/CHECK constraint failed/);
    expect(() => review.run(UUIDS.validation1, FINDING, 'CONCUR', 'NO_FINDING', AT)).toThrow(/CHECK constraint failed/);
    expect(() => review.run(UUIDS.validation1, FINDING, 'NON_CONCUR', 'BEST_GUESS', AT)).toThrow(
      /CHECK constraint failed/,
    );
    review.run(UUIDS.validation1, FINDING, 'NON_CONCUR', 'NO_FINDING', AT);
    expect(() => db.prepare(`UPDATE validations SET workflow_state = 'DONE'`).run()).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO workflow_events (id, validation_id, kind, comment, at, actor_json) VALUES ('e', ?, 'ARCHIVE', '', ?, '{}')`,
        )
        .run(UUIDS.validation1, AT),
    ).toThrow(/CHECK constraint failed/);
  });

  it('keeps an assessment whole: assessed, when and by whom together, and files by their SHA-256', () => {
    const db = storeUpgradedTo10();
    expect(() => insertResponse(db, 'r-1', 'ACCEPTED', null, null)).toThrow(/CHECK constraint failed/);
    expect(() => insertResponse(db, 'r-2', null, AT, null)).toThrow(/CHECK constraint failed/);
    insertResponse(db, 'r-3', 'NOT_ACCEPTED', AT, '{"userId":"u","name":"Dana Ruiz","role":"SCSS"}');
    insertResponse(db, 'r-4', null, null, null);
    expect(() => insertResponse(db, 'r-5', 'MAYBE', AT, '{}')).toThrow(/CHECK constraint failed/);
    expect(listMemberResponses(db, UUIDS.validation1).map((r) => [r.id, r.assessment])).toEqual([
      ['r-3', 'NOT_ACCEPTED'],
      ['r-4', null],
    ]);
    const file = db.prepare(
      `INSERT INTO member_response_files (validation_id, sha256, finding_id, file_name, media_type, size_bytes,
                                          has_thumbnail, created_at)
       VALUES (?, ?, ?, 'policy.pdf', 'application/pdf', 1024, 0, ?)`,
    );
    expect(() => file.run(UUIDS.validation1, 'NOT-A-HASH', FINDING, AT)).toThrow(/CHECK constraint failed/);
    expect(() => file.run(UUIDS.validation1, SHA, UUIDS.missing, AT)).toThrow(/FOREIGN KEY constraint failed/);
    file.run(UUIDS.validation1, SHA, FINDING, AT);
  });

  it('reads a validation’s responses and events through their indexes', () => {
    const db = storeUpgradedTo10();
    const sql = capturePreparedSql(db, () => {
      listMemberResponses(db, UUIDS.validation1);
      listLocalWorkflowEvents(db, UUIDS.validation1);
    });
    const responses = sql.find((s) => s.includes('FROM member_responses')) ?? '';
    const events = sql.find((s) => s.includes('FROM workflow_events')) ?? '';
    expect(queryPlan(db, responses, [UUIDS.validation1]).join('\n')).toContain('member_responses_by_finding');
    expect(queryPlan(db, events, [UUIDS.validation1]).join('\n')).toContain('workflow_events_by_validation');
  });
});

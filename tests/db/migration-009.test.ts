import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { archiveStateOf, checkValidationReceipts } from '../../electron/sync/receipt-check';
import {
  AT,
  cleanupTempDbs,
  columns,
  countRows,
  createMigratedDb,
  insertSubmittedAndInProgress,
  tableNames,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

const SHA = 'c'.repeat(64);

/** A version-8 store: one validation submitted with its fingerprint, one in progress; upgraded to version 9. */
function storeUpgradedTo9(): Db {
  const db = createMigratedDb(8);
  insertSubmittedAndInProgress(db, SHA);
  expect(migrate(db, MIGRATIONS, 9)).toBe(9);
  return db;
}

const insertReceipt = (db: Db, validationId: string, hqStatus: string, complete: number) =>
  db
    .prepare(
      `INSERT INTO hq_validation_receipts (validation_id, hq_status, content_sha256, complete, missing_evidence_json,
                                           checked_at, safe_to_archive_at)
       VALUES (?, ?, ?, ?, '[]', ?, NULL)`,
    )
    .run(validationId, hqStatus, SHA, complete, AT);

const insertReview = (db: Db, decision: string, version: number) =>
  db
    .prepare(
      `INSERT INTO finding_reviews (validation_id, finding_id, decision, comment, reviewed_at, reviewed_by, version,
                                    base_version)
       VALUES (?, 'f-1', ?, '', ?, 'Sam Ortiz', ?, 0)`,
    )
    .run(UUIDS.validation1, decision, AT, version);

describe('migration 009: HQ receipts and reviews', () => {
  it('adds empty receipt and review tables, keeping the submitted validation’s signature and fingerprint', () => {
    const db = storeUpgradedTo9();
    expect(schemaVersion(db)).toBe(9);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['hq_validation_receipts', 'finding_reviews']));
    expect(columns(db, 'hq_validation_receipts').map((c) => c.name)).toEqual([
      'validation_id',
      'hq_status',
      'content_sha256',
      'complete',
      'missing_evidence_json',
      'checked_at',
      'safe_to_archive_at',
    ]);
    expect(countRows(db, 'hq_validation_receipts') + countRows(db, 'finding_reviews')).toBe(0);
    expect(db.prepare('SELECT id, status, signed_by_name, content_sha256 FROM validations ORDER BY id').all()).toEqual([
      { id: UUIDS.validation1, status: 'SUBMITTED', signed_by_name: 'Dana Ruiz', content_sha256: SHA },
      { id: UUIDS.validation2, status: 'IN_PROGRESS', signed_by_name: null, content_sha256: null },
    ]);
    // Nothing is safe to archive until HQ has been asked.
    expect(archiveStateOf(db, UUIDS.validation1)).toBeNull();
  });

  it('refuses an unknown HQ status or review decision, a receipt for no validation, and a review at version 0', () => {
    const db = storeUpgradedTo9();
    expect(() => insertReceipt(db, UUIDS.validation1, 'ARCHIVED', 1)).toThrow(/CHECK constraint failed/);
    expect(() => insertReceipt(db, UUIDS.validation1, 'SUBMITTED', 2)).toThrow(/CHECK constraint failed/);
    expect(() => insertReceipt(db, UUIDS.missing, 'SUBMITTED', 1)).toThrow(/FOREIGN KEY constraint failed/);
    insertReceipt(db, UUIDS.validation1, 'SUBMITTED', 1);
    expect(() => insertReview(db, 'MAYBE', 1)).toThrow(/CHECK constraint failed/);
    expect(() => insertReview(db, 'CONCUR', 0)).toThrow(/CHECK constraint failed/);
    insertReview(db, 'CONCUR', 1);
    expect(() => insertReview(db, 'RETURN_FOR_CORRECTION', 2)).toThrow(/UNIQUE constraint failed/);
  });

  it('asks HQ about the validation submitted before the upgrade and marks it safe to archive', async () => {
    const db = storeUpgradedTo9();
    // Today's receipt step reads tables later migrations added (010: Member response files).
    migrate(db);
    const asked: string[] = [];
    const summary = await checkValidationReceipts(
      db,
      async (validationId) => {
        asked.push(validationId);
        return { validationId, status: 'SUBMITTED', contentSha256: SHA, missingEvidence: [], complete: true };
      },
      { now: () => new Date(AT) },
    );
    expect(asked).toEqual([UUIDS.validation1]);
    expect(summary).toEqual({ checked: 1, safeToArchive: 1, incomplete: 0, notHeld: 0 });
    expect(archiveStateOf(db, UUIDS.validation1)).toEqual({ safeToArchiveAt: AT, missingEvidence: 0 });
  });
});

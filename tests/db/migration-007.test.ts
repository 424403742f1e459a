import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { pendingEvidenceCount, refusedEvidenceUploads } from '../../electron/sync/upload-evidence';
import {
  AT,
  capturePreparedSql,
  cleanupTempDbs,
  columns,
  countRows,
  createMigratedDb,
  indexNames,
  insertEditionRow,
  insertMemberRow,
  insertValidationRow,
  queryPlan,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

const SHA = { photo: 'a'.repeat(64), policy: 'b'.repeat(64), removed: 'c'.repeat(64), unsent: 'd'.repeat(64) };

function insertEvidenceRow(db: Db, id: string, sha256: string, deletedAt: string | null = null): void {
  db.prepare(
    `INSERT INTO evidence (id, validation_id, criterion_id, sha256, file_name, media_type, size_bytes, created_at, deleted_at)
     VALUES (?, ?, '1.1', ?, ?, 'application/pdf', 1000, ?, ?)`,
  ).run(id, UUIDS.validation1, sha256, `${id}.pdf`, AT, deletedAt);
}

function insertReceiptRow(db: Db, changeId: string, entityId: string, outcome: string): void {
  db.prepare(
    `INSERT INTO sync_receipts (change_id, entity, entity_id, validation_id, outcome, received_at, receipt_json)
     VALUES (?, 'evidence', ?, ?, ?, ?, '{}')`,
  ).run(changeId, entityId, UUIDS.validation1, outcome, AT);
}

/**
 * A version-6 store whose evidence HQ partly holds: two records of one photo (both receipted), a policy
 * receipted as a duplicate, a removed file, and a file whose record HQ refused. Upgraded to version 7.
 */
function storeUpgradedTo7(): Db {
  const db = createMigratedDb(6);
  insertMemberRow(db, UUIDS.member1, 'IMP-1');
  insertEditionRow(db);
  insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'IN_PROGRESS' });
  insertEvidenceRow(db, 'e-photo-1', SHA.photo);
  insertEvidenceRow(db, 'e-photo-2', SHA.photo);
  insertEvidenceRow(db, 'e-policy', SHA.policy);
  insertEvidenceRow(db, 'e-removed', SHA.removed, AT);
  insertEvidenceRow(db, 'e-unsent', SHA.unsent);
  insertReceiptRow(db, 'c-1', 'e-photo-1', 'applied');
  insertReceiptRow(db, 'c-2', 'e-photo-2', 'applied');
  insertReceiptRow(db, 'c-3', 'e-policy', 'duplicate');
  insertReceiptRow(db, 'c-4', 'e-removed', 'applied');
  insertReceiptRow(db, 'c-5', 'e-unsent', 'forbidden');
  expect(migrate(db, MIGRATIONS, 7)).toBe(7);
  return db;
}

/**
 * The upload queries are the app's current ones, which also read tables of later migrations (Member
 * response files, 010): asked on the version-7 store brought up to date, as the app always opens it.
 */
function upToDate(db: Db): Db {
  migrate(db, MIGRATIONS);
  return db;
}

describe('migration 007: evidence uploads', () => {
  it('adds evidence_uploads, empty, and counts as pending every kept file whose record HQ holds', () => {
    const db = storeUpgradedTo7();
    expect(schemaVersion(db)).toBe(7);
    expect(columns(db, 'evidence_uploads').map((c) => c.name)).toEqual([
      'sha256',
      'upload_url',
      'bytes_uploaded',
      'held_at',
      'refused_at',
      'last_error',
      'updated_at',
    ]);
    expect(countRows(db, 'evidence_uploads')).toBe(0);
    upToDate(db);
    // The photo once (two records, one file) and the policy; not the removed file, not the refused record.
    expect(pendingEvidenceCount(db)).toBe(2);
    expect(refusedEvidenceUploads(db)).toEqual([]);
  });

  it('stops counting a file once HQ holds it or refused it, and shows the refusal', () => {
    const db = upToDate(storeUpgradedTo7());
    db.prepare(`INSERT INTO evidence_uploads (sha256, held_at, updated_at) VALUES (?, ?, ?)`).run(SHA.photo, AT, AT);
    db.prepare(`INSERT INTO evidence_uploads (sha256, refused_at, last_error, updated_at) VALUES (?, ?, ?, ?)`).run(
      SHA.policy,
      AT,
      'HQ refused "e-policy.pdf"',
      AT,
    );
    expect(pendingEvidenceCount(db)).toBe(0);
    expect(refusedEvidenceUploads(db)).toEqual([
      { sha256: SHA.policy, fileName: 'e-policy.pdf', reason: 'HQ refused "e-policy.pdf"' },
    ]);
  });

  it('is STRICT, takes only a lowercase hex SHA-256, and never a refusal without its reason', () => {
    const db = storeUpgradedTo7();
    const insert = db.prepare(
      `INSERT INTO evidence_uploads (sha256, bytes_uploaded, refused_at, last_error, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    expect(() => insert.run('A'.repeat(64), 0, null, null, AT)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('a'.repeat(63), 0, null, null, AT)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(SHA.photo, -1, null, null, AT)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(SHA.photo, 0, AT, null, AT)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(SHA.policy, 'many', null, null, AT)).toThrow(
      /cannot store TEXT value in INTEGER column evidence_uploads.bytes_uploaded/,
    );
  });

  it('finds which evidence records HQ holds through an index, not by reading every receipt', () => {
    const db = upToDate(storeUpgradedTo7());
    expect(indexNames(db, 'sync_receipts')).toContain('sync_receipts_by_entity');
    const pendingSql = capturePreparedSql(db, () => pendingEvidenceCount(db)).find((s) =>
      s.includes('FROM sync_receipts'),
    );
    expect(pendingSql).toBeDefined();
    expect(queryPlan(db, pendingSql ?? '').join('\n')).toContain('sync_receipts_by_entity');
  });
});

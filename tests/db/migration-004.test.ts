import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { enqueueOutbox } from '../../db/outbox';
import { getResponse } from '../../db/queries/responses';
import { getValidation } from '../../db/queries/validations';
import {
  AT,
  cleanupTempDbs,
  columns,
  countRows,
  createMigratedDb,
  indexNames,
  insertEditionRow,
  insertMemberRow,
  insertResponseRow,
  insertValidationRow,
  tableNames,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

const SITE = '33333333-3333-4333-8333-333333333333';
const FINDING = '44444444-4444-4444-8444-444444444444';
const SHA = 'a'.repeat(64);

/** A version-3 store with a validation in progress (two answers, one audit and one outbox row), upgraded to 4. */
function storeUpgradedTo4(): Db {
  const db = createMigratedDb(3);
  insertMemberRow(db, UUIDS.member1, 'IMP-1');
  insertEditionRow(db);
  insertValidationRow(db, { id: UUIDS.validation1, memberId: UUIDS.member1, status: 'IN_PROGRESS' });
  insertResponseRow(db, UUIDS.validation1, '1.1', 'COMPLIANT');
  insertResponseRow(db, UUIDS.validation1, '4.1', 'DEFICIENT');
  db.prepare("UPDATE criterion_responses SET notes = 'Shared logins', version = 3 WHERE criterion_id = '4.1'").run();
  appendAudit(db, {
    at: AT,
    actor: 'test.scss',
    action: 'response.save',
    entity: 'criterion_response',
    entityId: `${UUIDS.validation1}/4.1`,
    before: null,
    after: { result: 'DEFICIENT' },
  });
  enqueueOutbox(db, {
    entity: 'criterion_response',
    entityId: `${UUIDS.validation1}/4.1`,
    operation: 'upsert',
    payload: { result: 'DEFICIENT' },
    createdAt: AT,
  });
  expect(migrate(db, MIGRATIONS, 4)).toBe(4);
  return db;
}

function insertSite(db: Db, id = SITE, validationId: string = UUIDS.validation1): void {
  db.prepare(
    `INSERT INTO sites (id, validation_id, name, site_type, created_at, updated_at)
     VALUES (?, ?, 'Main warehouse', 'WAREHOUSE', ?, ?)`,
  ).run(id, validationId, AT, AT);
}

function insertFinding(
  db: Db,
  f: { id?: string; validationId?: string; criterionId?: string; classification?: string } = {},
): void {
  db.prepare(
    `INSERT INTO findings (id, validation_id, criterion_id, classification, created_at, updated_at)
     VALUES (@id, @validationId, @criterionId, @classification, @at, @at)`,
  ).run({
    id: FINDING,
    validationId: UUIDS.validation1,
    criterionId: '4.1',
    classification: 'ACTION_REQUIRED',
    ...f,
    at: AT,
  });
}

function insertEvidence(
  db: Db,
  e: { id?: string; findingId?: string | null; observedRemotely?: number; hasThumbnail?: number } = {},
): void {
  db.prepare(
    `INSERT INTO evidence (id, validation_id, criterion_id, finding_id, sha256, file_name, media_type, size_bytes,
                           observed_remotely, has_thumbnail, created_at)
     VALUES (@id, @validationId, '4.1', @findingId, @sha, 'photo.jpg', 'image/jpeg', 1024,
             @observedRemotely, @hasThumbnail, @at)`,
  ).run({
    id: '55555555-5555-4555-8555-555555555555',
    validationId: UUIDS.validation1,
    findingId: null,
    observedRemotely: 0,
    hasThumbnail: 0,
    ...e,
    sha: SHA,
    at: AT,
  });
}

function insertChecklist(db: Db, kind: string, validationId: string = UUIDS.validation1): void {
  db.prepare(
    `INSERT INTO inspection_checklists (id, validation_id, criterion_id, kind, items_json, created_at, updated_at)
     VALUES ('66666666-6666-4666-8666-666666666666', ?, '5.3', ?, '[]', ?, ?)`,
  ).run(validationId, kind, AT, AT);
}

function insertObservation(db: Db, category: unknown, validationId: string = UUIDS.validation1): void {
  db.prepare(
    `INSERT INTO observations (id, validation_id, category, text, created_at, updated_at)
     VALUES (lower(hex(randomblob(16))), ?, ?, 'Badge audit every week', ?, ?)`,
  ).run(validationId, category, AT, AT);
}

describe('migration 004: field work (sites, findings, observations, evidence, inspections, submission)', () => {
  it('keeps the validation, its answers and the audit chain, and adds the field-work tables', () => {
    const db = storeUpgradedTo4();
    expect(schemaVersion(db)).toBe(4);
    expect(tableNames(db)).toEqual([
      'audit_log',
      'catalog_editions',
      'criterion_responses',
      'evidence',
      'findings',
      'inspection_checklists',
      'members',
      'observations',
      'settings',
      'sites',
      'sync_outbox',
      'validations',
      'virtual_sessions',
    ]);
    for (const table of [
      'sites',
      'findings',
      'observations',
      'evidence',
      'inspection_checklists',
      'virtual_sessions',
      'settings',
    ]) {
      expect(countRows(db, table), table).toBe(0);
    }
    expect(countRows(db, 'validations')).toBe(1);
    expect(countRows(db, 'criterion_responses')).toBe(2);
    expect(countRows(db, 'sync_outbox')).toBe(1);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 1 });

    // Answers recorded before the upgrade read back unchanged, with empty field-work details.
    expect(getResponse(db, UUIDS.validation1, '4.1')).toEqual({
      validationId: UUIDS.validation1,
      criterionId: '4.1',
      result: 'DEFICIENT',
      notes: 'Shared logins',
      siteId: null,
      verificationMethods: [],
      naJustification: '',
      version: 3,
      updatedAt: AT,
      updatedBy: 'test.scss',
    });
    expect(getValidation(db, UUIDS.validation1)).toMatchObject({
      status: 'IN_PROGRESS',
      submittedAt: null,
      submittedBy: null,
      signedByName: null,
      contentSha256: null,
      reopenedAt: null,
      reopenReason: null,
    });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('adds site, verification methods and N/A justification to answers, with defaults for old rows', () => {
    const db = storeUpgradedTo4();
    const added = columns(db, 'criterion_responses').slice(-3);
    expect(added).toEqual([
      expect.objectContaining({ name: 'site_id', type: 'TEXT', notnull: 0, dflt_value: null }),
      expect.objectContaining({ name: 'verification_methods', type: 'TEXT', notnull: 1, dflt_value: "'[]'" }),
      expect.objectContaining({ name: 'na_justification', type: 'TEXT', notnull: 1, dflt_value: "''" }),
    ]);
    expect(
      db
        .prepare(
          'SELECT criterion_id, site_id, verification_methods, na_justification FROM criterion_responses ORDER BY criterion_id',
        )
        .all(),
    ).toEqual([
      { criterion_id: '1.1', site_id: null, verification_methods: '[]', na_justification: '' },
      { criterion_id: '4.1', site_id: null, verification_methods: '[]', na_justification: '' },
    ]);
  });

  it('adds the submission and reopen columns to validations, all empty until used', () => {
    const db = storeUpgradedTo4();
    const added = columns(db, 'validations').slice(-5);
    expect(added.map((c) => c.name)).toEqual([
      'submitted_by',
      'signed_by_name',
      'content_sha256',
      'reopened_at',
      'reopen_reason',
    ]);
    for (const c of added) expect(c, c.name).toMatchObject({ type: 'TEXT', notnull: 0, dflt_value: null });
  });

  it('indexes the per-validation tables by validation', () => {
    const db = storeUpgradedTo4();
    expect(indexNames(db, 'sites')).toEqual(['sites_by_validation']);
    expect(indexNames(db, 'observations')).toEqual(['observations_by_validation']);
    expect(indexNames(db, 'evidence')).toEqual(['evidence_by_validation']);
    expect(indexNames(db, 'inspection_checklists')).toEqual(['inspection_checklists_by_validation']);
    expect(indexNames(db, 'virtual_sessions')).toEqual(['virtual_sessions_by_validation']);
  });

  it('accepts well-formed field-work rows and links an answer to its site', () => {
    const db = storeUpgradedTo4();
    insertSite(db);
    db.prepare(
      `UPDATE criterion_responses SET site_id = ?, verification_methods = '["DOCUMENT_REVIEWED"]' WHERE criterion_id = '4.1'`,
    ).run(SITE);
    insertFinding(db);
    insertEvidence(db, { findingId: FINDING, observedRemotely: 1, hasThumbnail: 1 });
    insertChecklist(db, 'CONTAINER_7_POINT');
    insertObservation(db, 1);
    insertObservation(db, 12);
    db.prepare(
      `INSERT INTO virtual_sessions (id, validation_id, platform, created_at, updated_at)
       VALUES ('77777777-7777-4777-8777-777777777777', ?, 'Microsoft Teams', ?, ?)`,
    ).run(UUIDS.validation1, AT, AT);
    db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('app', '{"responseDays":60}', ?)`).run(AT);

    expect(getResponse(db, UUIDS.validation1, '4.1')).toMatchObject({
      siteId: SITE,
      verificationMethods: ['DOCUMENT_REVIEWED'],
    });
    expect(db.prepare('SELECT description, reason_code, due_date, version FROM findings').get()).toEqual({
      description: '',
      reason_code: null,
      due_date: null,
      version: 1,
    });
    expect(db.prepare('SELECT caption, deleted_at FROM evidence').get()).toEqual({ caption: '', deleted_at: null });
    expect(db.prepare('SELECT participants_json, documents_json, segments_json FROM virtual_sessions').get()).toEqual({
      participants_json: '[]',
      documents_json: '[]',
      segments_json: '[]',
    });
    expect(countRows(db, 'observations')).toBe(2);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a finding classification other than Action required or Recommendation', () => {
    const db = storeUpgradedTo4();
    expect(() => insertFinding(db, { classification: 'MAJOR' })).toThrow(/CHECK constraint failed: classification/);
    expect(countRows(db, 'findings')).toBe(0);
  });

  it('allows one finding per criterion per validation', () => {
    const db = storeUpgradedTo4();
    insertValidationRow(db, { id: UUIDS.validation2, memberId: UUIDS.member1 });
    insertFinding(db);
    expect(() => insertFinding(db, { id: '88888888-8888-4888-8888-888888888888' })).toThrow(
      /UNIQUE constraint failed: findings\.validation_id, findings\.criterion_id/,
    );
    // The same criterion on another validation, and another criterion on this one, are fine.
    insertFinding(db, { id: '88888888-8888-4888-8888-888888888888', validationId: UUIDS.validation2 });
    insertFinding(db, { id: '99999999-9999-4999-8999-999999999999', criterionId: '4.2' });
    expect(countRows(db, 'findings')).toBe(3);
  });

  it('refuses evidence flags other than 0 and 1', () => {
    const db = storeUpgradedTo4();
    expect(() => insertEvidence(db, { observedRemotely: 2 })).toThrow(/CHECK constraint failed: observed_remotely/);
    expect(() => insertEvidence(db, { hasThumbnail: -1 })).toThrow(/CHECK constraint failed: has_thumbnail/);
    expect(countRows(db, 'evidence')).toBe(0);
  });

  it('refuses an inspection checklist of an unknown kind', () => {
    const db = storeUpgradedTo4();
    expect(() => insertChecklist(db, 'CONTAINER_8_POINT')).toThrow(/CHECK constraint failed: kind/);
    expect(countRows(db, 'inspection_checklists')).toBe(0);
  });

  it('refuses an observation outside the 12 criteria categories, or a category that is not a number', () => {
    const db = storeUpgradedTo4();
    expect(() => insertObservation(db, 0)).toThrow(/CHECK constraint failed: category/);
    expect(() => insertObservation(db, 13)).toThrow(/CHECK constraint failed: category/);
    expect(() => insertObservation(db, 'three')).toThrow(
      /cannot store TEXT value in INTEGER column observations\.category/,
    );
    expect(countRows(db, 'observations')).toBe(0);
  });

  it('refuses orphans: rows naming a validation, site or finding that does not exist', () => {
    const db = storeUpgradedTo4();
    const fk = /FOREIGN KEY constraint failed/;
    expect(() => insertSite(db, SITE, UUIDS.missing)).toThrow(fk);
    expect(() => insertFinding(db, { validationId: UUIDS.missing })).toThrow(fk);
    expect(() => insertObservation(db, 4, UUIDS.missing)).toThrow(fk);
    expect(() => insertChecklist(db, 'SEAL_VVTT', UUIDS.missing)).toThrow(fk);
    expect(() =>
      db
        .prepare(
          `INSERT INTO virtual_sessions (id, validation_id, platform, created_at, updated_at)
           VALUES ('77777777-7777-4777-8777-777777777777', ?, 'Zoom', ?, ?)`,
        )
        .run(UUIDS.missing, AT, AT),
    ).toThrow(fk);
    // Evidence attached to a finding that does not exist.
    expect(() => insertEvidence(db, { findingId: FINDING })).toThrow(fk);
    // An answer naming a site that does not exist.
    expect(() => db.prepare("UPDATE criterion_responses SET site_id = ? WHERE criterion_id = '1.1'").run(SITE)).toThrow(
      fk,
    );
    for (const table of [
      'sites',
      'findings',
      'observations',
      'evidence',
      'inspection_checklists',
      'virtual_sessions',
    ]) {
      expect(countRows(db, table), table).toBe(0);
    }
    expect(getResponse(db, UUIDS.validation1, '1.1')?.siteId).toBeNull();
  });

  it('is STRICT: a file size that is not a number is refused', () => {
    const db = storeUpgradedTo4();
    expect(() =>
      db
        .prepare(
          `INSERT INTO evidence (id, validation_id, sha256, file_name, media_type, size_bytes, created_at)
           VALUES ('55555555-5555-4555-8555-555555555555', ?, ?, 'a.pdf', 'application/pdf', 'big', ?)`,
        )
        .run(UUIDS.validation1, SHA, AT),
    ).toThrow(/cannot store TEXT value in INTEGER column evidence\.size_bytes/);
  });
});

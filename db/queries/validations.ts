import type { LanguageCode } from '../../shared/domain/language';
import type { WorkflowState } from '../../shared/domain/lifecycle';
import type { Validation, ValidationStatus, ValidationSummary } from '../../shared/domain/validation';
import type { Db } from '../connection';
import { stmt } from '../statements';

type ValidationRow = {
  id: string;
  member_id: string;
  entity_type: Validation['entityType'];
  mode: Validation['mode'];
  catalog_edition_id: string;
  status: ValidationStatus;
  scheduled_date: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  created_by: string;
  submitted_by: string | null;
  signed_by_name: string | null;
  content_sha256: string | null;
  reopened_at: string | null;
  reopen_reason: string | null;
  owner_user_id: string | null;
  owner_name: string | null;
};

const toValidation = (r: ValidationRow): Validation => ({
  id: r.id,
  memberId: r.member_id,
  entityType: r.entity_type,
  mode: r.mode,
  catalogEditionId: r.catalog_edition_id,
  status: r.status,
  scheduledDate: r.scheduled_date,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
  signedByName: r.signed_by_name,
  contentSha256: r.content_sha256,
  reopenedAt: r.reopened_at,
  reopenReason: r.reopen_reason,
});

/** The person a validation belongs to, by HQ's user id and name; null until someone is enrolled. */
export type ValidationOwner = { userId: string; name: string };

export function insertValidation(db: Db, v: Validation, createdBy: string, owner: ValidationOwner | null): void {
  stmt(
    db,
    `INSERT INTO validations (id, member_id, entity_type, mode, catalog_edition_id, status, scheduled_date,
                              created_at, updated_at, submitted_at, created_by, owner_user_id, owner_name)
     VALUES (@id, @memberId, @entityType, @mode, @catalogEditionId, @status, @scheduledDate,
             @createdAt, @updatedAt, @submittedAt, @createdBy, @ownerUserId, @ownerName)`,
  ).run({ ...v, createdBy, ownerUserId: owner?.userId ?? null, ownerName: owner?.name ?? null });
}

const ownerOf = (r: Pick<ValidationRow, 'owner_user_id' | 'owner_name'>): ValidationOwner | null =>
  r.owner_user_id ? { userId: r.owner_user_id, name: r.owner_name ?? '' } : null;

/** Every validation's owner other than `userId`, by validation id: what a handed-over laptop keeps of others. */
export function validationsOwnedByOthers(db: Db, userId: string): Map<string, ValidationOwner> {
  const rows = stmt(
    db,
    'SELECT id, owner_user_id, owner_name FROM validations WHERE owner_user_id IS NOT NULL AND owner_user_id <> ?',
  ).all(userId) as Array<Pick<ValidationRow, 'id' | 'owner_user_id' | 'owner_name'>>;
  const owners = new Map<string, ValidationOwner>();
  for (const r of rows) {
    const owner = ownerOf(r);
    if (owner) owners.set(r.id, owner);
  }
  return owners;
}

/** Validations started before anyone was enrolled become the first enrolled person's, as HQ will record them. */
export function claimUnownedValidations(db: Db, owner: ValidationOwner): number {
  return stmt(db, 'UPDATE validations SET owner_user_id = ?, owner_name = ? WHERE owner_user_id IS NULL').run(
    owner.userId,
    owner.name,
  ).changes;
}

export function getValidation(db: Db, id: string): Validation | undefined {
  const row = stmt(db, 'SELECT * FROM validations WHERE id = ?').get(id) as ValidationRow | undefined;
  return row && toValidation(row);
}

/** The validation and whose it is, in one read: every change to a validation asks both. */
export function getValidationAndOwner(
  db: Db,
  id: string,
): { validation: Validation; owner: ValidationOwner | null } | undefined {
  const row = stmt(db, 'SELECT * FROM validations WHERE id = ?').get(id) as ValidationRow | undefined;
  return row && { validation: toValidation(row), owner: ownerOf(row) };
}

/** Locks the validation with its signature and content fingerprint. */
export function markSubmitted(
  db: Db,
  id: string,
  s: {
    submittedAt: string;
    submittedBy: string;
    signedByName: string;
    contentSha256: string;
    worksheetLanguage?: LanguageCode;
  },
): void {
  stmt(
    db,
    `UPDATE validations SET status = 'SUBMITTED', submitted_at = @submittedAt, submitted_by = @submittedBy,
       signed_by_name = @signedByName, content_sha256 = @contentSha256, worksheet_language = @worksheetLanguage,
       updated_at = @submittedAt WHERE id = @id`,
  ).run({ ...s, worksheetLanguage: s.worksheetLanguage ?? null, id });
}

/** Unlocks for changes; the earlier signature and fingerprint are cleared (the audit log keeps them). */
export function markReopened(db: Db, id: string, at: string, reason: string): void {
  stmt(
    db,
    `UPDATE validations SET status = 'IN_PROGRESS', submitted_at = NULL, submitted_by = NULL, signed_by_name = NULL,
       content_sha256 = NULL, worksheet_language = NULL, reopened_at = ?, reopen_reason = ?, updated_at = ? WHERE id = ?`,
  ).run(at, reason, at, id);
}

/** The Member's latest earlier submitted validation of the same entity type, for revalidation. */
export function findPreviousSubmittedValidation(db: Db, v: Validation): Validation | undefined {
  const row = stmt(
    db,
    `SELECT * FROM validations
      WHERE member_id = ? AND entity_type = ? AND status = 'SUBMITTED' AND id <> ?
        AND (scheduled_date < ? OR (scheduled_date = ? AND created_at < ?))
      ORDER BY scheduled_date DESC, created_at DESC LIMIT 1`,
  ).get(v.memberId, v.entityType, v.id, v.scheduledDate, v.scheduledDate, v.createdAt) as ValidationRow | undefined;
  return row && toValidation(row);
}

/** Keeps the answered count in step when a criterion gains (+1) or loses (-1) its result. */
export function adjustAnsweredCount(db: Db, id: string, delta: 1 | -1): void {
  stmt(db, 'UPDATE validations SET answered_count = answered_count + ? WHERE id = ?').run(delta, id);
}

export function touchValidation(db: Db, id: string, status: ValidationStatus, updatedAt: string): void {
  stmt(db, 'UPDATE validations SET status = ?, updated_at = ? WHERE id = ?').run(status, updatedAt, id);
}

export type ValidationFilter = {
  memberId?: string | undefined;
  status?: ValidationStatus | undefined;
  scheduledFrom?: string | undefined;
  scheduledTo?: string | undefined;
};

/**
 * Lists validations newest first with answered counts (kept on the validation row, migration 005). Only
 * the filters actually given go into the WHERE clause so SQLite can use the matching index; the
 * statement cache keeps one prepared statement per filter shape.
 */
export type ListedValidation = Omit<ValidationSummary, 'applicableCount'> & {
  memberAccountNumber: string;
  /** HQ's workflow state (migration 010); null until submitted. */
  workflowState: WorkflowState | null;
};

export function listValidations(db: Db, filter: ValidationFilter): ListedValidation[] {
  const params = {
    memberId: filter.memberId ?? null,
    status: filter.status ?? null,
    scheduledFrom: filter.scheduledFrom ?? null,
    scheduledTo: filter.scheduledTo ?? null,
  };
  const conditions: string[] = [];
  if (params.memberId !== null) conditions.push('v.member_id = @memberId');
  // A Member has a handful of validations, a status thousands: with both, the unary + keeps SQLite on
  // validations_by_member (without ANALYZE statistics it rates the two indexes alike and may take the status one).
  if (params.status !== null) conditions.push(params.memberId !== null ? '+v.status = @status' : 'v.status = @status');
  if (params.scheduledFrom !== null) conditions.push('v.scheduled_date >= @scheduledFrom');
  if (params.scheduledTo !== null) conditions.push('v.scheduled_date <= @scheduledTo');
  const rows = stmt(
    db,
    `SELECT v.*, m.legal_name AS member_name, m.account_number AS member_account_number,
            v.answered_count AS answered_count
       FROM validations v JOIN members m ON m.id = v.member_id
      ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY v.scheduled_date DESC, v.created_at DESC
      LIMIT 1000`,
  ).all(params) as Array<
    ValidationRow & {
      member_name: string;
      member_account_number: string;
      answered_count: number;
      workflow_state?: WorkflowState | null;
    }
  >;
  return rows.map((r) => ({
    ...toValidation(r),
    memberName: r.member_name,
    memberAccountNumber: r.member_account_number,
    answeredCount: r.answered_count,
    workflowState: r.workflow_state ?? null,
  }));
}

import canonicalize from 'canonicalize';
import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../shared/domain/primitives';
import { ValidationSchema } from '../shared/domain/validation';
import type { Change, Receipt } from '../shared/sync/protocol';
import { type HqDb, type HqQueryable, isUniqueViolation } from './db/types';
import { type Principal, sha256Hex } from './identity';

/** Entities whose edits carry version + baseVersion: a stale edit is refused, never merged. */
const VERSIONED_ENTITIES = new Set<Change['entity']>(['criterion_response', 'finding']);

const VersionedPayloadSchema = z.looseObject({
  version: z.number().int().positive(),
  baseVersion: z.number().int().nonnegative(),
});
const SubmitPayloadSchema = z.looseObject({
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signedByName: z.string().trim().min(1),
  submittedAt: IsoDateTimeSchema,
  submittedBy: z.string().optional(),
});
const ReopenPayloadSchema = z.looseObject({ reason: z.string().trim().min(1), reopenedAt: IsoDateTimeSchema });

type ValidationRow = { owner_user_id: string; status: 'IN_PROGRESS' | 'SUBMITTED'; version: number; payload: unknown };
type RecordRow = { validation_id: string; version: number; payload: unknown };
type Refusal = Pick<Receipt, 'outcome' | 'reason' | 'current'>;

/** SHA-256 of the change's RFC 8785 canonical JSON: equal for a retry, different for a reused id. */
export const changeContentSha256 = (change: Change): string => sha256Hex(canonicalize(change) ?? '');

/** Applies a pushed batch in order, each change in its own transaction, and returns one receipt per change. */
export async function pushChanges(db: HqDb, principal: Principal, changes: readonly Change[]): Promise<Receipt[]> {
  const receipts: Receipt[] = [];
  for (const change of changes) receipts.push(await applyChangeAtMostOnce(db, principal, change));
  return receipts;
}

async function applyChangeAtMostOnce(db: HqDb, principal: Principal, change: Change): Promise<Receipt> {
  const contentSha256 = changeContentSha256(change);
  // A unique violation means a concurrent request got there first: either the same change id (answer
  // from the ledger) or the same record (evaluate again against what is now stored).
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await db.transaction((tx) => applyInTransaction(tx, principal, change, contentSha256));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const held = await receiptFromLedger(db, change.changeId, contentSha256);
      if (held) return held;
    }
  }
  throw new Error(`Change ${change.changeId} kept colliding with concurrent writes`);
}

async function receiptFromLedger(q: HqQueryable, changeId: string, contentSha256: string): Promise<Receipt | null> {
  const [held] = await q.query<{ content_sha256: string; received_at: Date }>(
    'SELECT content_sha256, received_at FROM changes WHERE change_id = $1',
    [changeId],
  );
  if (!held) return null;
  const receivedAt = new Date(held.received_at).toISOString();
  return held.content_sha256 === contentSha256
    ? { changeId, outcome: 'duplicate', receivedAt }
    : { changeId, outcome: 'conflict', reason: 'This change id was already used for different content', receivedAt };
}

async function applyInTransaction(
  tx: HqQueryable,
  principal: Principal,
  change: Change,
  contentSha256: string,
): Promise<Receipt> {
  // Lock the validation first, then read the ledger: a concurrent twin that committed while we waited
  // is then seen as held (duplicate), not mistaken for a stale edit or an existing validation.
  const lockId = validationIdOf(change);
  if (typeof lockId === 'string') {
    await tx.query('SELECT 1 FROM validations WHERE id = $1 FOR UPDATE', [lockId]);
  }
  const held = await receiptFromLedger(tx, change.changeId, contentSha256);
  if (held) return held;
  const receivedAt = new Date().toISOString();
  const refusal = await applyChange(tx, principal, change, async (validationId) => {
    // The ledger row goes first so a concurrent duplicate fails fast on the primary key.
    await tx.query(
      `INSERT INTO changes (change_id, content_sha256, device_id, validation_id, entity, entity_id, operation, received_at, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'applied')`,
      [
        change.changeId,
        contentSha256,
        principal.deviceId,
        validationId,
        change.entity,
        change.entityId,
        change.operation,
        receivedAt,
      ],
    );
    return receivedAt;
  });
  if (refusal) {
    // Each statement sees what committed before it ran: a twin of this change that committed after our
    // first ledger read may be why we refuse (e.g. "already exists"). The ledger has the true answer.
    const heldNow = await receiptFromLedger(tx, change.changeId, contentSha256);
    if (heldNow) return heldNow;
    const { current, ...rest } = refusal;
    return { changeId: change.changeId, ...rest, ...(current !== undefined ? { current } : {}), receivedAt };
  }
  return { changeId: change.changeId, outcome: 'applied', receivedAt };
}

const invalid = (reason: string): Refusal => ({ outcome: 'invalid', reason });
const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'malformed payload';
};

function validationIdOf(change: Change): string | Refusal {
  const raw = change.entity === 'validation' ? change.entityId : change.payload.validationId;
  const parsed = UuidSchema.safeParse(raw);
  if (!parsed.success) return invalid('The change does not name its validation (validationId must be a UUID)');
  if (change.entity === 'criterion_response' && change.entityId !== `${parsed.data}/${change.payload.criterionId}`) {
    return invalid('A criterion response is keyed validationId/criterionId');
  }
  return parsed.data;
}

/**
 * Checks scope, workflow state and versions, then writes. Returns a refusal (nothing written) or null
 * once applied; `record` writes the ledger row and returns the time of receipt.
 */
async function applyChange(
  tx: HqQueryable,
  principal: Principal,
  change: Change,
  record: (validationId: string) => Promise<string>,
): Promise<Refusal | null> {
  const { user } = principal;
  if (user.role !== 'SCSS') {
    return { outcome: 'forbidden', reason: 'Only the SCSS who owns a validation can change its content' };
  }
  const validationId = validationIdOf(change);
  if (typeof validationId !== 'string') return validationId;
  const [validation] = await tx.query<ValidationRow>(
    'SELECT owner_user_id, status, version, payload FROM validations WHERE id = $1 FOR UPDATE',
    [validationId],
  );

  if (change.entity === 'validation' && change.operation === 'create') {
    const parsed = ValidationSchema.safeParse(change.payload);
    if (!parsed.success) return invalid(firstIssue(parsed.error));
    if (parsed.data.id !== validationId) return invalid('The payload id differs from the change entityId');
    if (validation) {
      return validation.owner_user_id === user.id
        ? { outcome: 'conflict', reason: 'This validation already exists at HQ', current: validation.payload }
        : { outcome: 'forbidden', reason: 'This validation belongs to another SCSS' };
    }
    const at = await record(validationId);
    await tx.query(
      `INSERT INTO validations (id, owner_user_id, field_office, status, content_sha256, version, payload, updated_at)
       VALUES ($1, $2, $3, 'IN_PROGRESS', NULL, 1, $4::jsonb, $5)`,
      [validationId, user.id, user.fieldOffice, JSON.stringify(parsed.data), at],
    );
    return null;
  }

  if (!validation) return invalid(`HQ holds no validation ${validationId}; push its create change first`);
  if (validation.owner_user_id !== user.id) {
    return { outcome: 'forbidden', reason: 'This validation belongs to another SCSS' };
  }

  if (change.entity === 'validation' && change.operation === 'reopen') {
    if (validation.status !== 'SUBMITTED') {
      return {
        outcome: 'conflict',
        reason: 'Only a submitted validation can be reopened',
        current: validation.payload,
      };
    }
    const parsed = ReopenPayloadSchema.safeParse(change.payload);
    if (!parsed.success) return invalid(firstIssue(parsed.error));
    const at = await record(validationId);
    await updateValidation(tx, validationId, 'IN_PROGRESS', null, at, {
      status: 'IN_PROGRESS',
      reopenedAt: parsed.data.reopenedAt,
      reopenReason: parsed.data.reason,
    });
    return null;
  }

  if (validation.status === 'SUBMITTED') {
    return { outcome: 'conflict', reason: 'submitted validations are immutable', current: validation.payload };
  }

  if (change.entity === 'validation') {
    if (change.operation !== 'submit') {
      return invalid(`A validation takes create, submit or reopen, not ${change.operation}`);
    }
    const parsed = SubmitPayloadSchema.safeParse(change.payload);
    if (!parsed.success) return invalid(firstIssue(parsed.error));
    const at = await record(validationId);
    await updateValidation(tx, validationId, 'SUBMITTED', parsed.data.contentSha256, at, {
      status: 'SUBMITTED',
      submittedAt: parsed.data.submittedAt,
      submittedBy: parsed.data.submittedBy ?? null,
      signedByName: parsed.data.signedByName,
      contentSha256: parsed.data.contentSha256,
    });
    return null;
  }

  return applyRecordChange(tx, change, validationId, record);
}

async function updateValidation(
  tx: HqQueryable,
  validationId: string,
  status: 'IN_PROGRESS' | 'SUBMITTED',
  contentSha256: string | null,
  at: string,
  patch: Record<string, unknown>,
): Promise<void> {
  await tx.query(
    `UPDATE validations SET status = $2, content_sha256 = $3, version = version + 1,
       payload = payload || $4::jsonb, updated_at = $5
     WHERE id = $1`,
    [validationId, status, contentSha256, JSON.stringify(patch), at],
  );
}

async function applyRecordChange(
  tx: HqQueryable,
  change: Change,
  validationId: string,
  record: (validationId: string) => Promise<string>,
): Promise<Refusal | null> {
  const [stored] = await tx.query<RecordRow>(
    'SELECT validation_id, version, payload FROM records WHERE entity = $1 AND entity_id = $2 FOR UPDATE',
    [change.entity, change.entityId],
  );
  if (stored && stored.validation_id !== validationId) {
    return { outcome: 'forbidden', reason: 'This record belongs to another validation' };
  }

  if (change.operation === 'delete') {
    await record(validationId);
    await tx.query('DELETE FROM records WHERE entity = $1 AND entity_id = $2', [change.entity, change.entityId]);
    return null;
  }
  if (change.operation !== 'upsert') {
    return invalid(`A ${change.entity} takes upsert or delete, not ${change.operation}`);
  }

  const { baseVersion: _baseVersion, ...payload } = change.payload;
  let version = (stored?.version ?? 0) + 1;
  if (VERSIONED_ENTITIES.has(change.entity)) {
    const parsed = VersionedPayloadSchema.safeParse(change.payload);
    if (!parsed.success) return invalid(firstIssue(parsed.error));
    if (parsed.data.version <= parsed.data.baseVersion) return invalid('version must be greater than baseVersion');
    const storedVersion = stored?.version ?? 0;
    if (storedVersion !== parsed.data.baseVersion) {
      return {
        outcome: 'stale',
        reason: `HQ holds version ${storedVersion}; this edit was made on version ${parsed.data.baseVersion}`,
        current: stored ? { version: stored.version, payload: stored.payload } : null,
      };
    }
    version = parsed.data.version;
  }
  const at = await record(validationId);
  await tx.query(
    `INSERT INTO records (entity, entity_id, validation_id, version, payload, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)
     ON CONFLICT (entity, entity_id) DO UPDATE
       SET version = EXCLUDED.version, payload = EXCLUDED.payload, updated_at = EXCLUDED.updated_at`,
    [change.entity, change.entityId, validationId, version, JSON.stringify(payload), at],
  );
  return null;
}

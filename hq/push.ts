import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../shared/domain/primitives';
import { type Change, type Receipt, ValidationCreatePayloadSchema } from '../shared/sync/protocol';
import { type HqDb, type HqQueryable, isUniqueViolation } from './db/types';
import type { Principal } from './identity';
import { findingReviewRefusal } from './review';

/** Entities whose edits carry version + baseVersion: a stale edit is refused, never merged. */
const VERSIONED_ENTITIES = new Set<Change['entity']>(['criterion_response', 'finding', 'finding_review']);

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

type Refusal = Pick<Receipt, 'outcome' | 'reason' | 'current'>;
type ValidationStatus = 'IN_PROGRESS' | 'SUBMITTED';

/** A validation as the batch sees it: read (and locked) at the start, then as each applied change leaves it. */
type ValidationState = {
  ownerUserId: string;
  fieldOffice: string;
  status: ValidationStatus;
  contentSha256: string | null;
  version: number;
  payload: Record<string, unknown>;
  /** Created by this batch: inserted rather than updated. */
  isNew: boolean;
};

/** Stands for a stored record's payload, read only when a stale receipt has to carry it. */
const NOT_LOADED: unique symbol = Symbol('payload not loaded');
type RecordState = { validationId: string; version: number; payload: unknown };
type RecordKey = { entity: Change['entity']; entityId: string };
type Held = { contentSha256: string; receivedAt: string };

/** What HQ holds for the changes of one batch, keyed by lower-case ids (PostgreSQL prints UUIDs so). */
type BatchState = {
  validations: Map<string, ValidationState>;
  records: Map<string, RecordState>;
  /** Record keys HQ held before this batch: the writes update (or delete) these and insert the others. */
  storedRecordKeys: ReadonlySet<string>;
  ledger: Map<string, Held>;
};

/** A change's effect when applied: the new state of one validation, or of one record (null = deleted). */
type Write =
  | { to: 'validation'; validationId: string; next: ValidationState }
  | { to: 'record'; validationId: string; key: RecordKey; next: RecordState | null };
type Decision = { refusal: Refusal } | { write: Write };

/** SHA-256 (hex) of the change's RFC 8785 canonical JSON: equal for a retry, different for a reused id. */
export const changeContentSha256 = (change: Change): string => hash('sha256', canonicalize(change) ?? '');

/**
 * Applies a pushed batch in order and returns one receipt per change. Fast path: the whole batch in one
 * transaction, read and written with a few set-based statements. If a concurrent push collides with it
 * (unique violation, deadlock, serialization failure) nothing of it is kept and the batch goes again
 * change by change, each in its own transaction, which answers collisions from the ledger.
 */
export async function pushChanges(db: HqDb, principal: Principal, changes: readonly Change[]): Promise<Receipt[]> {
  const items = changes.map((change) => ({ change, contentSha256: changeContentSha256(change) }));
  try {
    return await db.transaction((tx) => applyBatch(tx, principal, items));
  } catch (error) {
    if (!isConcurrencyCollision(error)) throw error;
  }
  return pushChangesOneByOne(db, principal, items);
}

type Item = { change: Change; contentSha256: string };

const COLLISION_CODES = new Set(['40001', '40P01']);
/** Unique violation, serialization failure or deadlock: a concurrent push got there first. */
const isConcurrencyCollision = (error: unknown): boolean =>
  isUniqueViolation(error) ||
  (typeof error === 'object' && error !== null && COLLISION_CODES.has(String((error as { code?: unknown }).code)));

/** The per-change path: each change in its own transaction, so a collision costs only that change a retry. */
async function pushChangesOneByOne(db: HqDb, principal: Principal, items: readonly Item[]): Promise<Receipt[]> {
  const receipts: Receipt[] = [];
  for (const item of items) receipts.push(await applyChangeAtMostOnce(db, principal, item));
  return receipts;
}

async function applyChangeAtMostOnce(db: HqDb, principal: Principal, item: Item): Promise<Receipt> {
  // A collision means a concurrent request got there first: either the same change id (answer from the
  // ledger) or the same record (evaluate again against what is now stored).
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const [receipt] = await db.transaction((tx) => applyBatch(tx, principal, [item]));
      if (!receipt) throw new Error('applyBatch answered no receipt');
      return receipt;
    } catch (error) {
      if (!isConcurrencyCollision(error)) throw error;
      const [held] = await readLedger(db, [item.change.changeId]);
      if (held) return heldReceipt(item.change.changeId, toHeld(held), item.contentSha256);
    }
  }
  throw new Error(`Change ${item.change.changeId} kept colliding with concurrent writes`);
}

/**
 * One transaction's work: lock and read what the batch touches, decide each change in order against the
 * state the earlier ones left, then write the applied ones in one statement.
 */
async function applyBatch(tx: HqQueryable, principal: Principal, items: readonly Item[]): Promise<Receipt[]> {
  const receivedAt = new Date().toISOString();
  const state = await loadBatchState(tx, items);
  const receipts: Receipt[] = [];
  const applied: { item: Item; validationId: string }[] = [];
  const touchedValidations = new Set<string>();
  const touchedRecords = new Map<string, RecordKey>();
  const refused: number[] = [];
  const stalePayloads: { index: number; key: RecordKey }[] = [];

  for (const item of items) {
    const { change } = item;
    const held = state.ledger.get(change.changeId.toLowerCase());
    if (held) {
      receipts.push(heldReceipt(change.changeId, held, item.contentSha256));
      continue;
    }
    const decision = decideChange(state, principal, change);
    if ('refusal' in decision) {
      const { current, ...rest } = decision.refusal;
      const currentPayload = (current as { payload?: unknown } | undefined)?.payload;
      if (currentPayload === NOT_LOADED) stalePayloads.push({ index: receipts.length, key: recordKeyOf(change) });
      refused.push(receipts.length);
      receipts.push({ changeId: change.changeId, ...rest, ...(current !== undefined ? { current } : {}), receivedAt });
      continue;
    }
    const { write } = decision;
    if (write.to === 'validation') {
      state.validations.set(write.validationId, write.next);
      touchedValidations.add(write.validationId);
    } else {
      const id = recordMapKey(write.key);
      if (write.next) state.records.set(id, write.next);
      else state.records.delete(id);
      touchedRecords.set(id, write.key);
    }
    state.ledger.set(change.changeId.toLowerCase(), { contentSha256: item.contentSha256, receivedAt });
    applied.push({ item, validationId: write.validationId });
    receipts.push({ changeId: change.changeId, outcome: 'applied', receivedAt });
  }

  await answerRefusalsFromLedger(tx, receipts, refused, items);
  await fillStalePayloads(tx, receipts, stalePayloads);
  await writeBatch(tx, principal, state, { applied, touchedValidations, touchedRecords, receivedAt });
  return receipts;
}

/**
 * Decides one change against the batch state: a refusal, or the write it makes. Checks role, scope,
 * workflow state and versions in that order. New entities or operations get a branch here.
 */
function decideChange(state: BatchState, principal: Principal, change: Change): Decision {
  const { user } = principal;
  if (change.entity === 'finding_review') return decideFindingReview(state, principal, change);
  if (user.role !== 'SCSS') {
    return refuse('forbidden', 'Only the SCSS who owns a validation can change its content');
  }
  const validationId = validationIdOf(change);
  if (typeof validationId !== 'string') return { refusal: validationId };
  const validation = state.validations.get(validationId);

  if (change.entity === 'validation' && change.operation === 'create') {
    const parsed = ValidationCreatePayloadSchema.safeParse(change.payload);
    if (!parsed.success) return refuse('invalid', firstIssue(parsed.error));
    if (parsed.data.id.toLowerCase() !== validationId)
      return refuse('invalid', 'The payload id differs from the change entityId');
    if (validation) {
      return validation.ownerUserId === user.id
        ? refuse('conflict', 'This validation already exists at HQ', validation.payload)
        : refuse('forbidden', 'This validation belongs to another SCSS');
    }
    const next: ValidationState = {
      ownerUserId: user.id,
      fieldOffice: user.fieldOffice,
      status: 'IN_PROGRESS',
      contentSha256: null,
      version: 1,
      payload: parsed.data as Record<string, unknown>,
      isNew: true,
    };
    return { write: { to: 'validation', validationId, next } };
  }

  if (!validation) return refuse('invalid', `HQ holds no validation ${validationId}; push its create change first`);
  if (validation.ownerUserId !== user.id) return refuse('forbidden', 'This validation belongs to another SCSS');

  if (change.entity === 'validation' && change.operation === 'reopen') {
    if (validation.status !== 'SUBMITTED') {
      return refuse('conflict', 'Only a submitted validation can be reopened', validation.payload);
    }
    const parsed = ReopenPayloadSchema.safeParse(change.payload);
    if (!parsed.success) return refuse('invalid', firstIssue(parsed.error));
    const next = nextValidation(validation, 'IN_PROGRESS', null, {
      status: 'IN_PROGRESS',
      reopenedAt: parsed.data.reopenedAt,
      reopenReason: parsed.data.reason,
    });
    return { write: { to: 'validation', validationId, next } };
  }

  if (validation.status === 'SUBMITTED') {
    return refuse('conflict', 'submitted validations are immutable', validation.payload);
  }

  if (change.entity === 'validation') {
    if (change.operation !== 'submit') {
      return refuse('invalid', `A validation takes create, submit or reopen, not ${change.operation}`);
    }
    const parsed = SubmitPayloadSchema.safeParse(change.payload);
    if (!parsed.success) return refuse('invalid', firstIssue(parsed.error));
    const next = nextValidation(validation, 'SUBMITTED', parsed.data.contentSha256, {
      status: 'SUBMITTED',
      submittedAt: parsed.data.submittedAt,
      submittedBy: parsed.data.submittedBy ?? null,
      signedByName: parsed.data.signedByName,
      contentSha256: parsed.data.contentSha256,
    });
    return { write: { to: 'validation', validationId, next } };
  }

  return decideRecordChange(state, change, validationId);
}

/** A reviewer's decision on a finding: the one change a submitted validation takes, versioned like answers. */
function decideFindingReview(state: BatchState, principal: Principal, change: Change): Decision {
  const validationId = validationIdOf(change);
  if (typeof validationId !== 'string') return { refusal: validationId };
  const findingId = String(change.payload.findingId ?? '');
  const findingHeld = state.records.get(recordMapKey({ entity: 'finding', entityId: findingId }))?.validationId;
  const refusal = findingReviewRefusal(
    principal.user,
    state.validations.get(validationId),
    change,
    findingHeld === validationId,
  );
  return refusal ? { refusal } : decideRecordChange(state, change, validationId);
}

function decideRecordChange(state: BatchState, change: Change, validationId: string): Decision {
  const key = recordKeyOf(change);
  const stored = state.records.get(recordMapKey(key));
  if (stored && stored.validationId !== validationId) {
    return refuse('forbidden', 'This record belongs to another validation');
  }
  if (change.operation === 'delete') return { write: { to: 'record', validationId, key, next: null } };
  if (change.operation !== 'upsert') {
    return refuse('invalid', `A ${change.entity} takes upsert or delete, not ${change.operation}`);
  }

  const { baseVersion: _baseVersion, ...payload } = change.payload;
  let version = (stored?.version ?? 0) + 1;
  if (VERSIONED_ENTITIES.has(change.entity)) {
    const parsed = VersionedPayloadSchema.safeParse(change.payload);
    if (!parsed.success) return refuse('invalid', firstIssue(parsed.error));
    if (parsed.data.version <= parsed.data.baseVersion)
      return refuse('invalid', 'version must be greater than baseVersion');
    const storedVersion = stored?.version ?? 0;
    if (storedVersion !== parsed.data.baseVersion) {
      return refuse(
        'stale',
        `HQ holds version ${storedVersion}; this edit was made on version ${parsed.data.baseVersion}`,
        stored ? { version: stored.version, payload: stored.payload } : null,
      );
    }
    version = parsed.data.version;
  }
  return { write: { to: 'record', validationId, key, next: { validationId, version, payload } } };
}

/** The validation after a submit or reopen: `payload || patch` and one version more, as HQ stores it. */
function nextValidation(
  current: ValidationState,
  status: ValidationStatus,
  contentSha256: string | null,
  patch: Record<string, unknown>,
): ValidationState {
  return { ...current, status, contentSha256, version: current.version + 1, payload: { ...current.payload, ...patch } };
}

const refuse = (outcome: Refusal['outcome'], reason: string, current?: unknown): Decision => ({
  refusal: current === undefined ? { outcome, reason } : { outcome, reason, current },
});
const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'malformed payload';
};

/** The validation a change belongs to (lower case), or why the change does not name one. */
function validationIdOf(change: Change): string | Refusal {
  const raw = change.entity === 'validation' ? change.entityId : change.payload.validationId;
  const parsed = UuidSchema.safeParse(raw);
  if (!parsed.success)
    return { outcome: 'invalid', reason: 'The change does not name its validation (validationId must be a UUID)' };
  if (change.entity === 'criterion_response' && change.entityId !== `${parsed.data}/${change.payload.criterionId}`) {
    return { outcome: 'invalid', reason: 'A criterion response is keyed validationId/criterionId' };
  }
  return parsed.data.toLowerCase();
}

const recordKeyOf = (change: Change): RecordKey => ({ entity: change.entity, entityId: change.entityId });
const recordMapKey = (key: RecordKey): string => `${key.entity}\n${key.entityId}`;

function heldReceipt(changeId: string, held: Held, contentSha256: string): Receipt {
  return held.contentSha256 === contentSha256
    ? { changeId, outcome: 'duplicate', receivedAt: held.receivedAt }
    : {
        changeId,
        outcome: 'conflict',
        reason: 'This change id was already used for different content',
        receivedAt: held.receivedAt,
      };
}

type LedgerRow = { change_id: string; content_sha256: string; received_at: Date | string };
const toHeld = (row: LedgerRow): Held => ({
  contentSha256: row.content_sha256,
  receivedAt: new Date(row.received_at).toISOString(),
});

function readLedger(q: HqQueryable, changeIds: readonly string[]): Promise<LedgerRow[]> {
  return q.query<LedgerRow>(
    'SELECT change_id, content_sha256, received_at FROM changes WHERE change_id = ANY($1::uuid[])',
    [changeIds],
  );
}

/**
 * Locks the batch's validations in id order (two batches never wait on each other in a cycle), then reads
 * the ledger and the records. Locking first means a concurrent twin that committed while we waited is seen
 * in the ledger as held, not mistaken for a stale edit or an existing validation.
 */
async function loadBatchState(tx: HqQueryable, items: readonly Item[]): Promise<BatchState> {
  const validationIds = new Set<string>();
  const recordKeys = new Map<string, RecordKey>();
  for (const { change } of items) {
    const validationId = validationIdOf(change);
    if (typeof validationId === 'string') validationIds.add(validationId);
    if (change.entity !== 'validation') recordKeys.set(recordMapKey(recordKeyOf(change)), recordKeyOf(change));
    // A review must name a finding HQ holds on that validation.
    if (change.entity === 'finding_review' && typeof change.payload.findingId === 'string') {
      const finding: RecordKey = { entity: 'finding', entityId: change.payload.findingId };
      recordKeys.set(recordMapKey(finding), finding);
    }
  }

  const validations = await lockValidations(tx, validationIds);

  // Ledger and records in one statement (one round trip), read after the lock so they see what a twin
  // that held it committed.
  const [read] = await tx.query<{
    ledger: [string, string, string][];
    records: [Change['entity'], string, string, number][];
  }>(
    `SELECT
       (SELECT coalesce(jsonb_agg(jsonb_build_array(change_id, content_sha256, received_at)), '[]'::jsonb)
        FROM changes WHERE change_id = ANY($1::uuid[])) AS ledger,
       (SELECT coalesce(jsonb_agg(jsonb_build_array(r.entity, r.entity_id, r.validation_id, r.version)), '[]'::jsonb)
        FROM jsonb_to_recordset($2::jsonb) AS k(entity text, "entityId" text)
        JOIN records r ON r.entity = k.entity AND r.entity_id = k."entityId") AS records`,
    [items.map((i) => i.change.changeId), JSON.stringify([...recordKeys.values()])],
  );
  const ledger = new Map<string, Held>();
  for (const [changeId, contentSha256, receivedAt] of read?.ledger ?? []) {
    ledger.set(changeId, toHeld({ change_id: changeId, content_sha256: contentSha256, received_at: receivedAt }));
  }
  const records = new Map<string, RecordState>();
  for (const [entity, entityId, validationId, version] of read?.records ?? []) {
    records.set(recordMapKey({ entity, entityId }), { validationId, version, payload: NOT_LOADED });
  }
  // The ledger read is a newer statement than the lock: a twin that created a validation may have committed in
  // between, so its ledger rows are seen but its validation was not. Lock and read those validations now.
  const unseen = new Set([...validationIds].filter((id) => !validations.has(id)));
  if (ledger.size > 0 && unseen.size > 0) {
    for (const [id, validation] of await lockValidations(tx, unseen)) validations.set(id, validation);
  }
  return { validations, records, storedRecordKeys: new Set(records.keys()), ledger };
}

/** Locks the given validations in id order and reads them as the batch's starting state. */
async function lockValidations(tx: HqQueryable, ids: ReadonlySet<string>): Promise<Map<string, ValidationState>> {
  const validations = new Map<string, ValidationState>();
  if (ids.size === 0) return validations;
  const rows = await tx.query<{
    id: string;
    owner_user_id: string;
    field_office: string;
    status: ValidationStatus;
    content_sha256: string | null;
    version: number;
    payload: Record<string, unknown>;
  }>(
    `SELECT id, owner_user_id, field_office, status, content_sha256, version, payload
     FROM validations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [[...ids]],
  );
  for (const row of rows) {
    validations.set(row.id, {
      ownerUserId: row.owner_user_id,
      fieldOffice: row.field_office,
      status: row.status,
      contentSha256: row.content_sha256,
      version: row.version,
      payload: row.payload,
      isNew: false,
    });
  }
  return validations;
}

/**
 * Each statement sees what committed before it ran: a twin of a refused change that committed after our
 * first ledger read may be why we refuse it (e.g. "already exists"). The ledger has the true answer.
 */
async function answerRefusalsFromLedger(
  tx: HqQueryable,
  receipts: Receipt[],
  refused: readonly number[],
  items: readonly Item[],
): Promise<void> {
  if (refused.length === 0) return;
  const ids = refused.map((index) => receipts[index]?.changeId ?? '');
  const heldNow = new Map((await readLedger(tx, ids)).map((row) => [row.change_id, toHeld(row)]));
  for (const index of refused) {
    const receipt = receipts[index];
    const item = items[index];
    const held = receipt && heldNow.get(receipt.changeId.toLowerCase());
    if (held && item) receipts[index] = heldReceipt(receipt.changeId, held, item.contentSha256);
  }
}

/** Puts the stored payload into stale receipts; read before this batch writes, so it is what the edit missed. */
async function fillStalePayloads(
  tx: HqQueryable,
  receipts: Receipt[],
  stale: readonly { index: number; key: RecordKey }[],
): Promise<void> {
  const waiting = stale.filter(({ index }) => receipts[index]?.outcome === 'stale');
  if (waiting.length === 0) return;
  const rows = await tx.query<{ entity: Change['entity']; entity_id: string; payload: unknown }>(
    `SELECT r.entity, r.entity_id, r.payload
     FROM jsonb_to_recordset($1::jsonb) AS k(entity text, "entityId" text)
     JOIN records r ON r.entity = k.entity AND r.entity_id = k."entityId"`,
    [JSON.stringify(waiting.map((w) => w.key))],
  );
  const payloads = new Map(
    rows.map((row) => [recordMapKey({ entity: row.entity, entityId: row.entity_id }), row.payload]),
  );
  for (const { index, key } of waiting) {
    const receipt = receipts[index];
    if (receipt) receipt.current = { ...(receipt.current as object), payload: payloads.get(recordMapKey(key)) ?? null };
  }
}

/** Ledger rows first, so a concurrent twin fails fast on the primary key; then validations, then records. */
async function writeBatch(
  tx: HqQueryable,
  principal: Principal,
  state: BatchState,
  batch: {
    applied: readonly { item: Item; validationId: string }[];
    touchedValidations: ReadonlySet<string>;
    touchedRecords: ReadonlyMap<string, RecordKey>;
    receivedAt: string;
  },
): Promise<void> {
  const { applied, touchedValidations, touchedRecords, receivedAt } = batch;
  if (applied.length === 0) return;
  const ledgerRows = applied.map(({ item: { change, contentSha256 }, validationId }) => ({
    id: change.changeId,
    sha: contentSha256,
    vid: validationId,
    entity: change.entity,
    eid: change.entityId,
    op: change.operation,
  }));
  const createdValidations: unknown[] = [];
  const updatedValidations: unknown[] = [];
  for (const id of touchedValidations) {
    const v = state.validations.get(id);
    if (!v) continue;
    const row = {
      id,
      owner: v.ownerUserId,
      office: v.fieldOffice,
      status: v.status,
      sha: v.contentSha256,
      version: v.version,
      payload: v.payload,
    };
    (v.isNew ? createdValidations : updatedValidations).push(row);
  }
  // Keys HQ held before this batch are updated or deleted; new keys are inserted without ON CONFLICT, so a
  // key a concurrent push just created fails as a unique violation and the batch goes change by change.
  const deletedRecords: RecordKey[] = [];
  const insertedRecords: unknown[] = [];
  const updatedRecords: unknown[] = [];
  for (const [id, key] of touchedRecords) {
    const record = state.records.get(id);
    const wasStored = state.storedRecordKeys.has(id);
    if (!record) {
      if (wasStored) deletedRecords.push(key);
      continue;
    }
    const row = { ...key, vid: record.validationId, version: record.version, payload: record.payload };
    (wasStored ? updatedRecords : insertedRecords).push(row);
  }

  // One statement, one round trip: each part is a data-modifying CTE over its own rows (no row is touched
  // by two parts). Foreign keys are checked at the statement's end, so records may name a validation
  // created in the same statement.
  const params: unknown[] = [principal.deviceId, receivedAt];
  const rowsParam = (rows: unknown[]) => `$${params.push(JSON.stringify(rows))}::jsonb`;
  const parts = [
    `ledger AS (INSERT INTO changes (change_id, content_sha256, device_id, validation_id, entity, entity_id, operation, received_at, outcome)
       SELECT c.id, c.sha, $1::uuid, c.vid, c.entity, c.eid, c.op, $2::timestamptz, 'applied'
       FROM jsonb_to_recordset(${rowsParam(ledgerRows)}) AS c(id uuid, sha text, vid uuid, entity text, eid text, op text))`,
  ];
  if (createdValidations.length > 0) {
    parts.push(`created AS (INSERT INTO validations (id, owner_user_id, field_office, status, content_sha256, version, payload, updated_at)
       SELECT v.id, v.owner, v.office, v.status, v.sha, v.version, v.payload, $2::timestamptz
       FROM jsonb_to_recordset(${rowsParam(createdValidations)})
         AS v(id uuid, owner uuid, office text, status text, sha text, version int, payload jsonb))`);
  }
  if (updatedValidations.length > 0) {
    parts.push(`updated AS (UPDATE validations SET status = v.status, content_sha256 = v.sha, version = v.version,
         payload = v.payload, updated_at = $2::timestamptz
       FROM jsonb_to_recordset(${rowsParam(updatedValidations)}) AS v(id uuid, status text, sha text, version int, payload jsonb)
       WHERE validations.id = v.id)`);
  }
  if (deletedRecords.length > 0) {
    parts.push(`deleted AS (DELETE FROM records USING jsonb_to_recordset(${rowsParam(deletedRecords)}) AS k(entity text, "entityId" text)
       WHERE records.entity = k.entity AND records.entity_id = k."entityId")`);
  }
  if (updatedRecords.length > 0) {
    parts.push(`rewritten AS (UPDATE records SET version = r.version, payload = r.payload, updated_at = $2::timestamptz
       FROM jsonb_to_recordset(${rowsParam(updatedRecords)}) AS r(entity text, "entityId" text, version int, payload jsonb)
       WHERE records.entity = r.entity AND records.entity_id = r."entityId")`);
  }
  if (insertedRecords.length > 0) {
    parts.push(`inserted AS (INSERT INTO records (entity, entity_id, validation_id, version, payload, updated_at)
       SELECT r.entity, r."entityId", r.vid, r.version, r.payload, $2::timestamptz
       FROM jsonb_to_recordset(${rowsParam(insertedRecords)}) AS r(entity text, "entityId" text, vid uuid, version int, payload jsonb))`);
  }
  await tx.query(`WITH ${parts.join(',\n')} SELECT 1`, params);
}

import type { WorkflowState } from '../shared/domain/lifecycle';
import { DEFAULT_POLICY } from '../shared/domain/policy';
import type { Change, Receipt } from '../shared/sync/protocol';
import type { HqQueryable } from './db/types';
import type { Principal } from './identity';
import {
  type BatchState,
  changeContentSha256,
  type Held,
  heldReceipt,
  NOT_LOADED,
  ownEventKey,
  type RecordKey,
  type RecordState,
  type Refusal,
  recordKeyOf,
  recordMapKey,
  type ValidationContents,
  type ValidationState,
  type ValidationStatus,
  validationIdOf,
} from './push-decision';
import { criteriaNamedBy, loadWorksheets, worksheetKeyOf } from './worksheets';

/** How HQ reads and writes what a pushed batch touches; the decisions themselves are in push-decision.ts. */

/** A pushed change as sent and as checked against its schema; its content hash (which answers retries) once taken. */
export type Item = { change: Change; checked: { change: Change } | { refusal: Refusal }; contentSha256?: string };

/** The change's content hash, taken once: a push takes them all while PostgreSQL reads (loadBatchState). */
export const contentSha256Of = (item: Item): string => {
  item.contentSha256 ??= changeContentSha256(item.change);
  return item.contentSha256;
};

/** The checked change, or null when its payload was refused. */
export const checkedChange = (item: Item): Change | null => ('change' in item.checked ? item.checked.change : null);

type LedgerRow = { change_id: string; content_sha256: string; received_at: Date | string };
export const toHeld = (row: LedgerRow): Held => ({
  contentSha256: row.content_sha256,
  receivedAt: new Date(row.received_at).toISOString(),
});

/**
 * The ledger rows of these change ids, each looked up in the primary key. Written as `change_id = ANY($1)` or a
 * plain join, a batch of 500 ids is planned as a scan of the whole ledger until the ledger is very large, so
 * each push cost time in proportion to everything HQ had received; LIMIT 1 (one row per key at most) keeps
 * the per-id lookup from being flattened into such a join.
 */
const LEDGER_OF_IDS = `unnest($1::uuid[]) AS k(id)
  CROSS JOIN LATERAL (SELECT change_id, content_sha256, received_at FROM changes WHERE change_id = k.id LIMIT 1) c`;

export const READ_LEDGER_SQL = `SELECT c.change_id, c.content_sha256, c.received_at FROM ${LEDGER_OF_IDS}`;

export function readLedger(q: HqQueryable, changeIds: readonly string[]): Promise<LedgerRow[]> {
  return q.query<LedgerRow>(READ_LEDGER_SQL, [changeIds]);
}

type ValidationRow = {
  id: string;
  owner_user_id: string;
  field_office: string;
  status: ValidationStatus;
  workflow_state: WorkflowState;
  content_sha256: string | null;
  version: number;
  payload: Record<string, unknown>;
};
const toValidationState = (row: ValidationRow): ValidationState => ({
  ownerUserId: row.owner_user_id,
  fieldOffice: row.field_office,
  status: row.status,
  workflowState: row.workflow_state,
  contentSha256: row.content_sha256,
  version: row.version,
  payload: row.payload,
  isNew: false,
});

/** What a batch touches, from its checked changes: the validations to lock and the records to read. */
type BatchKeys = {
  validationIds: Set<string>;
  recordKeys: Map<string, RecordKey>;
  submitted: Set<string>;
  moved: Set<string>;
  approves: boolean;
};

function batchKeys(items: readonly Item[]): BatchKeys {
  const validationIds = new Set<string>();
  const recordKeys = new Map<string, RecordKey>();
  const submitted = new Set<string>();
  const moved = new Set<string>();
  let approves = false;
  const addKey = (key: RecordKey) => recordKeys.set(recordMapKey(key), key);
  for (const item of items) {
    const change = checkedChange(item);
    if (!change) continue;
    const validationId = validationIdOf(change);
    validationIds.add(validationId);
    if (change.entity === 'validation' && change.operation === 'submit') submitted.add(validationId);
    if (change.entity !== 'validation') addKey(recordKeyOf(change));
    // A submit or reopen writes HQ's history entry under the change's id.
    if (change.entity === 'validation' && (change.operation === 'submit' || change.operation === 'reopen')) {
      addKey(ownEventKey(change.changeId));
    }
    // The transition rules look at the findings, reviews and Member responses of the validation they move.
    if (change.entity === 'workflow_event' || change.entity === 'member_response') moved.add(validationId);
    if (change.entity === 'workflow_event' && change.payload.kind === 'APPROVE') approves = true;
    if (change.entity === 'validation' && change.operation === 'reopen') moved.add(validationId);
    // A review, Member response or evidence record must name a finding HQ holds on that validation.
    if (
      (change.entity === 'finding_review' || change.entity === 'member_response' || change.entity === 'evidence') &&
      typeof change.payload.findingId === 'string'
    ) {
      addKey({ entity: 'finding', entityId: change.payload.findingId });
    }
  }
  return { validationIds, recordKeys, submitted, moved, approves };
}

type FirstRead = {
  validations: [
    string,
    string,
    string,
    ValidationStatus,
    WorkflowState,
    string | null,
    number,
    Record<string, unknown>,
  ][];
  ledger: [string, string, string][];
  records: [Change['entity'], string, string, number, string | null][];
};

/**
 * Locks the batch's validations in id order (two batches never wait on each other in a cycle), then reads
 * the ledger and the records, in one round trip (migration 010's function). Locking first means a concurrent
 * twin that committed while we waited is seen in the ledger as held, not mistaken for a stale edit or an
 * existing validation. The statement is sent before this returns; `whileReading` runs while PostgreSQL works.
 */
export async function loadBatchState(
  tx: HqQueryable,
  items: readonly Item[],
  whileReading: () => void = () => {},
): Promise<BatchState> {
  const { validationIds, recordKeys, submitted, moved, approves } = batchKeys(items);
  const reading = tx.query<{ read: FirstRead }>(
    'SELECT push_lock_and_read($1::uuid[], $2::uuid[], $3::jsonb) AS read',
    [[...validationIds], items.map((i) => i.change.changeId), JSON.stringify([...recordKeys.values()])],
  );
  try {
    whileReading();
  } finally {
    // Awaited even when whileReading throws, so the statement's answer is never left unhandled.
    await reading.catch(() => {});
  }
  const [{ read } = { read: { validations: [], ledger: [], records: [] } }] = await reading;
  const validations = new Map<string, ValidationState>();
  for (const [id, owner, office, status, workflowState, sha, version, payload] of read.validations) {
    validations.set(
      id,
      toValidationState({
        id,
        owner_user_id: owner,
        field_office: office,
        status,
        workflow_state: workflowState,
        content_sha256: sha,
        version,
        payload,
      }),
    );
  }
  const ledger = new Map<string, Held>();
  for (const [changeId, contentSha256, receivedAt] of read.ledger) {
    ledger.set(changeId, toHeld({ change_id: changeId, content_sha256: contentSha256, received_at: receivedAt }));
  }
  const records = new Map<string, RecordState>();
  for (const [entity, entityId, validationId, version, criterionId] of read.records) {
    records.set(recordMapKey({ entity, entityId }), { validationId, version, payload: NOT_LOADED, criterionId });
  }
  // The ledger read is a newer statement than the lock: a twin that created a validation may have committed in
  // between, so its ledger rows are seen but its validation was not. Lock and read those validations now.
  const unseen = new Set([...validationIds].filter((id) => !validations.has(id)));
  if (ledger.size > 0 && unseen.size > 0) {
    for (const [id, validation] of await lockValidations(tx, unseen)) validations.set(id, validation);
  }
  const contents = await loadValidationContents(tx, submitted, moved);
  const responsePeriods = approves ? await loadResponsePeriods(tx) : undefined;
  const worksheets = await loadWorksheets(tx, worksheetKeysOf(items, validations));
  return {
    validations,
    records,
    storedRecordKeys: new Set(records.keys()),
    ledger,
    contents,
    worksheets,
    ...(responsePeriods ? { responsePeriods } : {}),
  };
}

/**
 * The worksheets a batch is checked against: of each validation it creates or submits, and of each one it
 * records criteria on.
 */
function worksheetKeysOf(items: readonly Item[], validations: ReadonlyMap<string, ValidationState>): Set<string> {
  const keys = new Set<string>();
  for (const item of items) {
    const change = checkedChange(item);
    if (!change) continue;
    if (change.entity === 'validation' && change.operation === 'create') keys.add(worksheetKeyOf(change.payload));
    const checked =
      criteriaNamedBy(change).length > 0 || (change.entity === 'validation' && change.operation === 'submit');
    const held = checked ? validations.get(validationIdOf(change)) : undefined;
    if (held) keys.add(worksheetKeyOf(held.payload));
  }
  return keys;
}

/** Every response period HQ's policy has had, the shipped default (policy version 0) included. */
async function loadResponsePeriods(tx: HqQueryable): Promise<Set<number>> {
  const rows = await tx.query<{ days: number }>(
    `SELECT DISTINCT (payload->>'responseDays')::int AS days FROM policy_versions`,
  );
  return new Set([DEFAULT_POLICY.responseDays, ...rows.map((r) => Number(r.days))]);
}

/**
 * Records (with their payloads) of the validations a batch submits: all of them, what HQ recomputes their
 * fingerprint from; of those it moves otherwise: the findings, reviews and Member responses the rules read.
 */
async function loadValidationContents(
  tx: HqQueryable,
  submitted: ReadonlySet<string>,
  moved: ReadonlySet<string>,
): Promise<Map<string, ValidationContents>> {
  const contents = new Map<string, ValidationContents>();
  for (const id of [...submitted, ...moved]) contents.set(id, new Map());
  if (contents.size === 0) return contents;
  const rows = await tx.query<{ validation_id: string; entity: Change['entity']; entity_id: string; payload: unknown }>(
    `SELECT validation_id, entity, entity_id, payload FROM records
     WHERE validation_id = ANY($1::uuid[])
        OR (validation_id = ANY($2::uuid[]) AND entity IN ('finding', 'finding_review', 'member_response'))`,
    [[...submitted], [...moved].filter((id) => !submitted.has(id))],
  );
  for (const row of rows) {
    contents.get(row.validation_id)?.set(recordMapKey({ entity: row.entity, entityId: row.entity_id }), {
      entity: row.entity,
      payload: row.payload,
    });
  }
  return contents;
}

/** Locks the given validations in id order and reads them as the batch's starting state. */
async function lockValidations(tx: HqQueryable, ids: ReadonlySet<string>): Promise<Map<string, ValidationState>> {
  const validations = new Map<string, ValidationState>();
  if (ids.size === 0) return validations;
  const rows = await tx.query<ValidationRow>(
    `SELECT id, owner_user_id, field_office, status, workflow_state, content_sha256, version, payload
     FROM validations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [[...ids]],
  );
  for (const row of rows) validations.set(row.id, toValidationState(row));
  return validations;
}

/**
 * Each statement sees what committed before it ran: a twin of a refused change that committed after our
 * first ledger read may be why we refuse it (e.g. "already exists"). The ledger has the true answer.
 */
export async function answerRefusalsFromLedger(
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
    if (held && item) receipts[index] = heldReceipt(receipt.changeId, held, contentSha256Of(item));
  }
}

/** Puts the stored payload into stale receipts; read before this batch writes, so it is what the edit missed. */
export async function fillStalePayloads(
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
export async function writeBatch(
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
  const ledgerRows = applied.map(({ item, validationId }) => {
    const change = checkedChange(item) ?? item.change;
    return {
      id: change.changeId,
      sha: contentSha256Of(item),
      vid: validationId,
      entity: change.entity,
      eid: change.entityId,
      op: change.operation,
    };
  });
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
      state: v.workflowState,
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
    parts.push(`created AS (INSERT INTO validations (id, owner_user_id, field_office, status, workflow_state, content_sha256, version, payload, updated_at)
       SELECT v.id, v.owner, v.office, v.status, v.state, v.sha, v.version, v.payload, $2::timestamptz
       FROM jsonb_to_recordset(${rowsParam(createdValidations)})
         AS v(id uuid, owner uuid, office text, status text, state text, sha text, version int, payload jsonb))`);
  }
  if (updatedValidations.length > 0) {
    parts.push(`updated AS (UPDATE validations SET status = v.status, workflow_state = v.state, content_sha256 = v.sha,
         version = v.version, payload = v.payload, updated_at = $2::timestamptz
       FROM jsonb_to_recordset(${rowsParam(updatedValidations)})
         AS v(id uuid, status text, state text, sha text, version int, payload jsonb)
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

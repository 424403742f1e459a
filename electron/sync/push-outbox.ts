import { auditChainHead } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { pluckStmt, stmt } from '../../db/statements';
import { SENT_EVENT_KINDS } from '../../shared/domain/lifecycle';
import { REVIEW_DECISION_LABELS } from '../../shared/domain/review';
import { type Message, type MessageRef, message } from '../../shared/messages';
import { type Change, ChangeSchema, type Receipt, ReceiptSchema } from '../../shared/sync/protocol';
import { backoffDelayMs } from './retry';
import { storedRefusalOf } from './sync-messages';
import {
  ClientError,
  hqWordsOf,
  isRetryable,
  type PushAuditChain,
  type PushResponse,
  ServerError,
  type SyncTransport,
} from './transport';

/** The protocol's ceiling per request (PushRequestSchema). */
export const MAX_PUSH_BATCH = 500;

export type PushOptions = {
  batchSize: number;
  now: () => Date;
  /** A draw in [0, 1) for the backoff jitter; Math.random in the app. */
  random?: () => number;
  /** A manual "Sync now" tries rows still waiting out a backoff. */
  ignoreBackoff?: boolean;
  /**
   * HQ found the laptop's audit chain no longer holds a head it recorded (cut short or rewritten). Answers
   * whether the chain, checked against HQ's newest head, is whole after all (only the anchor was lost).
   */
  onAuditChainBroken?: (recorded: { seq: number; hash: string } | null) => boolean;
  /** Called after each batch HQ answered: changes dealt with so far out of those queued at the start. */
  onProgress?: (done: number, total: number) => void;
};

export type PushSummary = {
  /** Changes sent to HQ (a change sent twice after a lost answer counts twice). */
  pushed: number;
  applied: number;
  duplicates: number;
  /** Rows refused by this run: refused by HQ, or not expressible in the protocol. */
  refused: number;
  /** Rows still waiting in the outbox afterwards (not counting refused ones). */
  remaining: number;
};

type OutboxDbRow = {
  seq: number;
  change_id: string;
  entity: string;
  entity_id: string;
  operation: string;
  payload_json: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string | null;
};

const HELD_OUTCOMES = new Set<Receipt['outcome']>(['applied', 'duplicate']);

/**
 * Sends due outbox rows to HQ in seq order, a batch at a time. Per batch, one transaction stores every
 * receipt, deletes the rows HQ holds, and marks the rows it refused with a reason a user can act on.
 * A retryable transport error (network, 5xx) counts an attempt on the batch, sets its next_attempt_at,
 * and is rethrown; nothing is deleted. No await happens inside a transaction.
 */
export async function pushOutbox(db: Db, transport: SyncTransport, options: PushOptions): Promise<PushSummary> {
  const batchSize = Math.max(1, Math.min(options.batchSize, MAX_PUSH_BATCH));
  const summary: PushSummary = { pushed: 0, applied: 0, duplicates: 0, refused: 0, remaining: 0 };
  const total = countWaiting(db);
  const report = () =>
    options.onProgress?.(Math.min(total, summary.applied + summary.duplicates + summary.refused), total);
  report();
  for (;;) {
    const rows = dueRows(db, batchSize, options);
    if (rows.length === 0) break;
    const { changes, unmappable } = mapRows(rows);
    if (unmappable.length > 0) {
      const at = options.now().toISOString();
      db.transaction(() => {
        for (const { row, reason } of unmappable) markRefused(db, row.seq, reason, at);
      }).immediate();
      summary.refused += unmappable.length;
    }
    if (changes.length === 0) continue;
    await pushBatch(db, transport, changes, options, summary);
    report();
  }
  summary.remaining = countWaiting(db);
  return summary;
}

async function pushBatch(
  db: Db,
  transport: SyncTransport,
  batch: MappedRow[],
  options: PushOptions,
  summary: PushSummary,
): Promise<void> {
  let receipts: Receipt[];
  try {
    summary.pushed += batch.length;
    const auditChain = auditChainForPush(db);
    const response = await transport.push(
      batch.map((m) => m.change),
      auditChain,
    );
    noteAuditChainVerdict(db, auditChain, response, options);
    receipts = response.receipts;
  } catch (error) {
    if (isRetryable(error) && keepsFailingOnHq(error, batch)) {
      summary.pushed -= batch.length;
      if (await isolateFailingChange(db, transport, batch, error, options, summary)) return;
      recordFailedAttempt(db, batch, error.message, options);
    } else if (isRetryable(error)) {
      recordFailedAttempt(db, batch, error.message, options);
    } else if (error instanceof ClientError && batch.length > 1) {
      // HQ refused the request as a whole: send the rows one by one so only the offending one is refused.
      summary.pushed -= batch.length;
      for (const single of batch) await pushBatch(db, transport, [single], options, summary);
      return;
    } else if (error instanceof ClientError) {
      const [only] = batch;
      if (only) {
        const reason = message('syncRefusal.wholeRequest', { hq: error.message }).message;
        db.transaction(() => markRefused(db, only.row.seq, reason, options.now().toISOString())).immediate();
        summary.refused += 1;
      }
      return;
    }
    throw error;
  }
  const byChangeId = new Map(receipts.map((r) => [r.changeId, r]));
  db.transaction(() => {
    for (const { row, change } of batch) {
      // No receipt for a change: HQ has not answered for it, so it stays queued and is sent again.
      const receipt = byChangeId.get(change.changeId);
      if (!receipt) continue;
      storeReceipt(db, row, change, receipt);
      if (HELD_OUTCOMES.has(receipt.outcome)) {
        stmt(db, 'DELETE FROM sync_outbox WHERE seq = ?').run(row.seq);
        if (receipt.outcome === 'applied') summary.applied += 1;
        else summary.duplicates += 1;
      } else {
        markRefused(db, row.seq, refusalReason(change, receipt), options.now().toISOString());
        summary.refused += 1;
      }
    }
  }).immediate();
  // A batch HQ answered only partly would loop forever on the same rows; back off instead.
  const unanswered = batch.filter((m) => !byChangeId.has(m.change.changeId));
  if (unanswered.length > 0) {
    recordFailedAttempt(db, unanswered, 'HQ did not answer for every change sent.', options);
    throw new ServerError(message('sync.unanswered', { count: unanswered.length }).message, 200);
  }
}

const AUDIT_ANCHOR_KEY = 'audit_anchor_seq';

/** The chain's head now, and its hash today at the last head HQ confirmed (null when that row is gone). */
function auditChainForPush(db: Db): PushAuditChain {
  const { seq, hash } = auditChainHead(db);
  const anchorRow = stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(AUDIT_ANCHOR_KEY) as
    | { value: string }
    | undefined;
  if (!anchorRow) return { head: { seq, hash }, anchor: null };
  const anchorSeq = Number(anchorRow.value);
  const atAnchor = stmt(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(anchorSeq) as { hash: string } | undefined;
  return { head: { seq, hash }, anchor: { seq: anchorSeq, hash: atAnchor?.hash ?? null } };
}

/** A continuous chain moves the anchor to the head HQ just recorded; a broken one is handed to the app. */
function noteAuditChainVerdict(db: Db, sent: PushAuditChain, response: PushResponse, options: PushOptions): void {
  const verdict = response.auditChain;
  if (!verdict) return;
  const anchorAt = (seq: number) =>
    stmt(
      db,
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(AUDIT_ANCHOR_KEY, String(seq));
  if (verdict.state === 'continuous') {
    anchorAt(sent.head.seq);
    return;
  }
  // A chain that still holds HQ's newest head only lost its anchor: anchor there again (HQ keeps the event).
  const whole = options.onAuditChainBroken?.(verdict.recorded) ?? false;
  if (whole && verdict.recorded) anchorAt(verdict.recorded.seq);
}

/** HQ failures in a row before a batch is split to find the change HQ fails on. */
export const HQ_FAILURES_BEFORE_ISOLATING = 2;

/** HQ answered 500 (its own failure, not a proxy's 502–504) to a batch that it already failed on before. */
const keepsFailingOnHq = (error: Error, batch: readonly MappedRow[]): boolean =>
  error instanceof ServerError &&
  error.status === 500 &&
  Math.max(...batch.map(({ row }) => row.attempts)) >= HQ_FAILURES_BEFORE_ISOLATING;

/**
 * One bad change must not hold back every later one: a batch HQ keeps failing on is halved (in order) until
 * the change it fails on stands alone; that change is set aside with its reason if HQ answers its health
 * check, so HQ works for other changes. Returns false when nothing was isolated (the batch waits as usual).
 */
async function isolateFailingChange(
  db: Db,
  transport: SyncTransport,
  batch: MappedRow[],
  error: Error,
  options: PushOptions,
  summary: PushSummary,
): Promise<boolean> {
  const [only] = batch;
  if (batch.length === 1 && only) {
    if (!(await transport.isHealthy?.())) return false;
    const reason = message('syncRefusal.keptFailing', { times: only.row.attempts + 1, hq: error.message }).message;
    db.transaction(() => markRefused(db, only.row.seq, reason, options.now().toISOString())).immediate();
    summary.refused += 1;
    return true;
  }
  const half = Math.ceil(batch.length / 2);
  await pushBatch(db, transport, batch.slice(0, half), options, summary);
  await pushBatch(db, transport, batch.slice(half), options, summary);
  return true;
}

/**
 * Rows in seq order while they are due. The first row still waiting out a backoff ends the batch, so a
 * change is never sent ahead of one queued before it (a response must not reach HQ before its validation).
 */
function dueRows(db: Db, limit: number, options: PushOptions): OutboxDbRow[] {
  const rows = stmt(
    db,
    `SELECT seq, change_id, entity, entity_id, operation, payload_json, created_at, attempts, next_attempt_at
     FROM sync_outbox WHERE parked_at IS NULL ORDER BY seq LIMIT ?`,
  ).all(limit) as OutboxDbRow[];
  if (options.ignoreBackoff) return rows;
  const now = options.now().toISOString();
  const firstWaiting = rows.findIndex((r) => r.next_attempt_at !== null && r.next_attempt_at > now);
  return firstWaiting === -1 ? rows : rows.slice(0, firstWaiting);
}

type MappedRow = { row: OutboxDbRow; change: Change };

function mapRows(rows: OutboxDbRow[]): { changes: MappedRow[]; unmappable: { row: OutboxDbRow; reason: string }[] } {
  const changes: MappedRow[] = [];
  const unmappable: { row: OutboxDbRow; reason: string }[] = [];
  for (const row of rows) {
    const result = toChange(row);
    if (typeof result === 'string') unmappable.push({ row, reason: result });
    else changes.push({ row, change: result });
  }
  return { changes, unmappable };
}

/** The outbox row as a protocol change, or why it cannot be one. */
export function toChange(row: OutboxDbRow): Change | string {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload_json);
  } catch {
    return 'This change cannot be sent to HQ: its saved data is not readable JSON.';
  }
  const parsed = ChangeSchema.safeParse({
    changeId: row.change_id,
    entity: row.entity,
    entityId: row.entity_id,
    operation: row.operation,
    payload,
    createdAt: row.created_at,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'change';
  if (field === 'entity') return message('syncRefusal.entityNotTaken', { entity: row.entity }).message;
  if (field === 'operation') {
    return message('syncRefusal.operationNotTaken', { operation: row.operation, entity: row.entity }).message;
  }
  return message('syncRefusal.fieldInvalid', { field, problem: issue?.message ?? 'is not valid' }).message;
}

/** Counts an attempt on every row of the failed batch; they wait one shared delay so they go back together. */
function recordFailedAttempt(db: Db, batch: MappedRow[], message: string, options: PushOptions): void {
  const failures = Math.max(...batch.map(({ row }) => row.attempts)) + 1;
  const delay = backoffDelayMs(failures, (options.random ?? Math.random)());
  const next = new Date(options.now().getTime() + delay).toISOString();
  db.transaction(() => {
    for (const { row } of batch) {
      stmt(db, 'UPDATE sync_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE seq = ?').run(
        message,
        next,
        row.seq,
      );
    }
  }).immediate();
}

function markRefused(db: Db, seq: number, reason: string, at: string): void {
  stmt(db, 'UPDATE sync_outbox SET parked_at = ?, parked_reason = ?, next_attempt_at = NULL WHERE seq = ?').run(
    at,
    reason,
    seq,
  );
}

function storeReceipt(db: Db, row: OutboxDbRow, change: Change, receipt: Receipt): void {
  stmt(
    db,
    `INSERT INTO sync_receipts (change_id, entity, entity_id, validation_id, outcome, received_at, receipt_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (change_id) DO UPDATE SET outcome = excluded.outcome, received_at = excluded.received_at,
       receipt_json = excluded.receipt_json`,
  ).run(
    change.changeId,
    row.entity,
    row.entity_id,
    validationIdOfChange(change),
    receipt.outcome,
    receipt.receivedAt,
    JSON.stringify(receipt),
  );
}

function countWaiting(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM sync_outbox WHERE parked_at IS NULL').get() as { n: number }).n;
}

/**
 * The entities whose key names their validation, and how: a validation row is keyed by its id, a criterion
 * response by `<validationId>/<criterionId>`. Every other entity names validationId in its payload.
 */
const VALIDATION_OF_KEY: Readonly<Record<string, (entityId: string) => string | null>> = {
  validation: (entityId) => entityId,
  criterion_response: (entityId) => entityId.split('/')[0] ?? null,
};
const isKeyedByValidation = (entity: string): boolean => Object.hasOwn(VALIDATION_OF_KEY, entity);
const KEYED_ENTITIES_SQL = Object.keys(VALIDATION_OF_KEY)
  .map((entity) => `'${entity}'`)
  .join(', ');

/** The validation a change belongs to, from its key or else its payload (see VALIDATION_OF_KEY). */
export function validationIdOfChange(change: {
  entity: string;
  entityId: string;
  payload: Record<string, unknown>;
}): string | null {
  const ofKey = isKeyedByValidation(change.entity) ? VALIDATION_OF_KEY[change.entity] : undefined;
  if (ofKey) return ofKey(change.entityId);
  const fromPayload = change.payload.validationId;
  return typeof fromPayload === 'string' ? fromPayload : null;
}

export type QueuedRow = {
  change_id: string;
  entity: string;
  entity_id: string;
  payload_json: string;
  parked_reason: string | null;
};

/**
 * The outbox rows (waiting or refused) of one validation, in order. The SQL narrows by the three ways a row
 * names its validation; validationIdOfChange then decides, so an answer keyed "<id>/…" is never misread. The
 * payload is read only for the entities named by it: answers, most of the outbox, are decided by their key alone.
 */
export function queuedRowsOfValidation(db: Db, validationId: string): QueuedRow[] {
  const rows = stmt(
    db,
    `SELECT change_id, entity, entity_id, payload_json, parked_reason FROM sync_outbox
     WHERE entity_id = ? OR substr(entity_id, 1, ?) = ?
       OR (entity NOT IN (${KEYED_ENTITIES_SQL}) AND json_extract(payload_json, '$.validationId') = ?)
     ORDER BY seq`,
  ).all(validationId, validationId.length + 1, `${validationId}/`, validationId) as QueuedRow[];
  return rows.filter((row) => validationIdOfRow(row) === validationId);
}

/** The validation an outbox row belongs to; its payload is parsed only when its key does not say. */
function validationIdOfRow(row: QueuedRow): string | null {
  return validationIdOfChange({
    entity: row.entity,
    entityId: row.entity_id,
    payload: isKeyedByValidation(row.entity) ? {} : parsePayload(row.payload_json),
  });
}

/** Whether HQ still lacks some change of this validation (waiting or refused). */
export const hasQueuedChanges = (db: Db, validationId: string): boolean =>
  queuedRowsOfValidation(db, validationId).length > 0;

/**
 * Every validation's outbox rows (waiting or refused), in order, from one read of the outbox: a list of validations
 * asking queuedRowsOfValidation for each would read the whole outbox once per validation (the outbox has no index
 * on its validation, to keep saves to as few pages as possible).
 */
export function queuedRowsByValidation(db: Db): Map<string, QueuedRow[]> {
  const byValidation = new Map<string, QueuedRow[]>();
  const rows = stmt(
    db,
    'SELECT change_id, entity, entity_id, payload_json, parked_reason FROM sync_outbox ORDER BY seq',
  ).all() as QueuedRow[];
  for (const row of rows) {
    const validationId = validationIdOfRow(row);
    if (validationId === null) continue;
    const queued = byValidation.get(validationId);
    if (queued) queued.push(row);
    else byValidation.set(validationId, [row]);
  }
  return byValidation;
}

/** An outbox payload as an object ({} when unreadable). */
export function parsePayload(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    // An unreadable payload still belongs to the validation its entity id names.
    return {};
  }
}

/** What the record's screen shows for a change HQ refused: what happened and what to do. */
export function refusalReason(change: Change, receipt: Receipt): string {
  return refusalMessage(change, receipt).message;
}

/**
 * The refusal by catalog key, from the receipt's outcome code; HQ's own words inside it by key when HQ sent them so
 * (`receipt.told`) and this catalog writes the same English, else as HQ wrote them (`receipt.reason`).
 */
export function refusalMessage(change: Change, receipt: Receipt): Message {
  const label = [labelOf(change)];
  const hq = receipt.reason === undefined ? undefined : hqWordsOf({ text: receipt.reason, told: receipt.told });
  switch (receipt.outcome) {
    case 'stale': {
      const version = currentVersion(receipt.current);
      const held = currentReviewAtHq(change, receipt.current);
      if (version === null) return message('hqRefusal.stale', { label });
      return held
        ? message('hqRefusal.staleReview', { label, version, ...held })
        : message('hqRefusal.staleVersion', { label, version });
    }
    case 'conflict':
      return hq ? message('hqRefusal.conflictSaying', { label, hq }) : message('hqRefusal.conflict', { label });
    case 'forbidden':
      return hq ? message('hqRefusal.forbiddenSaying', { label, hq }) : message('hqRefusal.forbidden', { label });
    case 'invalid':
      return hq !== undefined
        ? message('hqRefusal.invalidSaying', { label, hq })
        : message('hqRefusal.invalid', { label });
    default:
      return message('hqRefusal.other', { label, outcome: receipt.outcome });
  }
}

/**
 * A refused row's stored reason by catalog key: the refusal HQ's receipt gave (its outcome code says which), or
 * one set aside here (a change HQ kept failing on, one HQ refused as a whole request) read back from its English;
 * null for a reason none of them writes.
 */
export function storedRefusalMessage(db: Db, row: Omit<QueuedRow, 'entity_id'>): MessageRef | null {
  if (row.parked_reason === null) return null;
  const json = pluckStmt(db, 'SELECT receipt_json FROM sync_receipts WHERE change_id = ?').get(row.change_id);
  const receipt = typeof json === 'string' ? ReceiptSchema.safeParse(parsePayload(json)) : null;
  if (receipt?.success) {
    const change = { entity: row.entity, payload: parsePayload(row.payload_json) } as Change;
    const { message: english, ...told } = refusalMessage(change, receipt.data);
    if (english === row.parked_reason) return told;
  }
  return storedRefusalOf(row.parked_reason);
}

type SentEventKind = (typeof SENT_EVENT_KINDS)[number];
const WORKFLOW_STEPS: ReadonlySet<string> = new Set(SENT_EVENT_KINDS);

function labelOf(change: Change): MessageRef {
  if (change.entity === 'workflow_event') {
    const kind = String(change.payload.kind);
    return { key: `hqRefusal.label.${WORKFLOW_STEPS.has(kind) ? (kind as SentEventKind) : 'workflow_event'}` };
  }
  const criterionId = change.payload.criterionId;
  if ((change.entity === 'criterion_response' || change.entity === 'finding') && typeof criterionId === 'string') {
    const key = change.entity === 'finding' ? 'hqRefusal.label.findingOn' : 'hqRefusal.label.answerTo';
    return { key, params: { id: criterionId } };
  }
  return { key: `hqRefusal.label.${change.entity}` };
}

/** A stale review says whose decision HQ holds: Concur by Sam Ortiz. */
function currentReviewAtHq(change: Change, current: unknown): { decision: string; by: string } | null {
  if (change.entity !== 'finding_review' || typeof current !== 'object' || current === null) return null;
  const payload = (current as { payload?: { decision?: unknown; reviewedBy?: unknown } }).payload;
  if (typeof payload?.decision !== 'string' || typeof payload.reviewedBy !== 'string') return null;
  return Object.hasOwn(REVIEW_DECISION_LABELS, payload.decision)
    ? { decision: payload.decision, by: payload.reviewedBy }
    : null;
}

function currentVersion(current: unknown): number | null {
  if (typeof current !== 'object' || current === null) return null;
  const version = (current as { version?: unknown }).version;
  return typeof version === 'number' ? version : null;
}

import { createHash } from 'node:crypto';
import { AppError } from '../shared/ipc/envelope';
import { message } from '../shared/messages';
import type { Db } from './connection';
import { stmt } from './statements';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntry = {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

type AuditRow = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
};

function hashAuditRow(prevHash: string, row: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([
    prevHash,
    row.at,
    row.actor,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one hash-chained row. Call inside the transaction that makes the change it records. */
export function appendAudit(db: Db, entry: AuditEntry): string {
  const held = heldBreaks.get(db);
  if (held) refuseIfUnvouched(held, validationIdsNamedBy(entry.entity, entry.entityId, entry.before, entry.after));
  const last = stmt(db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
  };
  const hash = hashAuditRow(prevHash, row);
  stmt(
    db,
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (@at, @actor, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)`,
  ).run({ ...row, prev_hash: prevHash, hash });
  return hash;
}

// ─── Checking the chain ────────────────────────────────────────────────────────────────────────────────────

/** The newest row: what the sync layer sends HQ, so a later truncation or full rewrite can be noticed there. */
export type AuditChainHead = { seq: number; count: number; hash: string };

/** The head as it stands now; seq 0 and the genesis hash for an empty log. One statement, so one snapshot. */
export function auditChainHead(db: Db): AuditChainHead {
  const row = stmt(
    db,
    'SELECT seq, hash, (SELECT count(*) FROM audit_log) AS count FROM audit_log ORDER BY seq DESC LIMIT 1',
  ).get() as AuditChainHead | undefined;
  return row ?? { seq: 0, count: 0, hash: GENESIS_HASH };
}

export type AuditRowStamp = { seq: number; at: string };

/** edited: a row's content no longer matches its hash; unlinked: a row was removed or inserted before it;
 * head-mismatch: the row a head recorded elsewhere names is gone or different (truncation, full rewrite). */
export type AuditChainBreakKind = 'edited' | 'unlinked' | 'head-mismatch';

export type AuditChainBreak = {
  seq: number;
  /** When the row says it was written; null when the row is missing. */
  at: string | null;
  entity: string | null;
  entityId: string | null;
  kind: AuditChainBreakKind;
  reason: string;
};

/** The validations whose history the log can no longer vouch for; wholeStore when a break names none. */
export type AuditChainAffected = { wholeStore: boolean; validationIds: string[] };

export type AuditChainCheck = {
  intact: boolean;
  rows: number;
  first: AuditRowStamp | null;
  last: AuditRowStamp | null;
  /** The row dated latest (usually the last): what this computer's clock should not be behind. */
  latest: AuditRowStamp | null;
  /** The stored hash of the newest row (genesis when empty): compare it with a head recorded elsewhere. */
  headHash: string;
  firstBreak: AuditChainBreak | null;
  /** Up to MAX_LISTED_BREAKS breaks in log order; breakCount counts them all. */
  breaks: AuditChainBreak[];
  breakCount: number;
  affected: AuditChainAffected;
  /** The head recorded elsewhere that this check was held against, if one was given. */
  comparedWithHead: { seq: number; hash: string } | null;
};

export const MAX_LISTED_BREAKS = 20;

const REASONS: Record<AuditChainBreakKind, string> = {
  edited: 'its content no longer matches its hash (the row was edited)',
  unlinked: 'does not follow the previous row (a row was removed or inserted)',
  'head-mismatch': 'differs from the head recorded elsewhere (the log was cut short or rewritten)',
};

type RawAuditRow = [
  seq: number,
  at: string,
  actor: string,
  action: string,
  entity: string,
  entityId: string,
  beforeJson: string | null,
  afterJson: string | null,
  prevHash: string,
  hash: string,
];

/**
 * Re-computes every hash, in order, and says what it checked. It carries on past a break (re-anchored on the
 * stored hash) so every independently edited row is found. Without `knownHead` a truncation or a full rewrite
 * of the hashes cannot be seen: nothing on this computer is out of reach of whoever rewrote it.
 */
export function checkAuditChain(db: Db, options: { knownHead?: { seq: number; hash: string } } = {}): AuditChainCheck {
  const knownHead = options.knownHead ?? null;
  const breaks: AuditChainBreak[] = [];
  let breakCount = 0;
  const affected = new Set<string>();
  let wholeStore = false;
  const validationExists = db.prepare('SELECT 1 FROM validations WHERE id = ?').pluck();
  // A break is pinned on the validations its row names, if they are on this computer; otherwise on all of them.
  const noteBreak = (found: AuditChainBreak, row: RawAuditRow | null) => {
    breakCount++;
    if (breaks.length < MAX_LISTED_BREAKS) breaks.push(found);
    const named = row ? validationIdsOfRow(row).filter((id) => validationExists.get(id) !== undefined) : [];
    if (named.length === 0) wholeStore = true;
    for (const id of named) affected.add(id);
  };

  let prevHash = GENESIS_HASH;
  let rows = 0;
  let first: AuditRowStamp | null = null;
  let last: AuditRowStamp | null = null;
  let latest: AuditRowStamp | null = null;
  let latestMs = Number.NEGATIVE_INFINITY;
  let headSeen = false;
  // Raw arrays, not objects: the start-up check walks every row.
  const rowsInOrder = db
    .prepare(
      `SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash
       FROM audit_log ORDER BY seq`,
    )
    .raw(true);
  for (const row of rowsInOrder.iterate() as IterableIterator<RawAuditRow>) {
    const [seq, at, actor, action, entity, entityId, beforeJson, afterJson, storedPrev, storedHash] = row;
    rows++;
    first ??= { seq, at };
    last = { seq, at };
    // Parsed, not compared as text: a tampered row may hold any string.
    const atMs = Date.parse(at);
    if (atMs > latestMs) {
      latestMs = atMs;
      latest = last;
    }
    const stamp = { seq, at, entity, entityId };
    const content = { at, actor, action, entity, entity_id: entityId, before_json: beforeJson, after_json: afterJson };
    if (hashAuditRow(storedPrev, content) !== storedHash) {
      noteBreak({ ...stamp, kind: 'edited', reason: REASONS.edited }, row);
      if (storedPrev !== prevHash) wholeStore = true;
    } else if (storedPrev !== prevHash) {
      // What was removed or inserted before this row cannot be known, so neither can whom it concerned.
      noteBreak({ ...stamp, kind: 'unlinked', reason: REASONS.unlinked }, null);
    }
    if (knownHead && seq === knownHead.seq) {
      headSeen = true;
      if (storedHash !== knownHead.hash) {
        noteBreak({ ...stamp, kind: 'head-mismatch', reason: REASONS['head-mismatch'] }, null);
      }
    }
    prevHash = storedHash;
  }
  if (knownHead && knownHead.seq > 0 && !headSeen) {
    const missing = 'is missing, though a head recorded elsewhere names it (the log was cut short)';
    noteBreak(
      { seq: knownHead.seq, at: null, entity: null, entityId: null, kind: 'head-mismatch', reason: missing },
      null,
    );
  }
  return {
    intact: breakCount === 0,
    rows,
    first,
    last,
    latest,
    headHash: prevHash,
    firstBreak: breaks[0] ?? null,
    breaks,
    breakCount,
    affected: { wholeStore, validationIds: wholeStore ? [] : [...affected].sort() },
    comparedWithHead: knownHead && { seq: knownHead.seq, hash: knownHead.hash },
  };
}

export type AuditChainReport =
  | { ok: true; rows: number; headHash: string }
  | { ok: false; rows: number; brokenAtSeq: number; reason: string };

/** The short verdict of checkAuditChain: intact with its head, or the first broken row and why. */
export function verifyAuditChain(db: Db): AuditChainReport {
  const check = checkAuditChain(db);
  if (check.firstBreak === null) return { ok: true, rows: check.rows, headHash: check.headHash };
  return { ok: false, rows: check.rows, brokenAtSeq: check.firstBreak.seq, reason: check.firstBreak.reason };
}

// ─── Which validations a row speaks for ────────────────────────────────────────────────────────────────────

/**
 * The validations an audit record is about: a validation row by its id, `<validationId>/<…>` entity ids
 * (criterion_response, finding_review), and records carrying validationId (sites, findings, evidence, …).
 */
function validationIdsNamedBy(entity: string, entityId: string, before: unknown, after: unknown): string[] {
  const ids = new Set<string>();
  if (entity === 'validation') ids.add(entityId);
  const slash = entityId.indexOf('/');
  if (slash > 0) ids.add(entityId.slice(0, slash));
  for (const value of [before, after]) {
    const named = validationIdIn(value) ?? validationIdIn(fieldOf(value, 'payload'));
    if (named) ids.add(named);
  }
  return [...ids];
}

function validationIdsOfRow(row: RawAuditRow): string[] {
  const [, , , , entity, entityId, beforeJson, afterJson] = row;
  return validationIdsNamedBy(entity, entityId, parseOrNull(beforeJson), parseOrNull(afterJson));
}

const fieldOf = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

function validationIdIn(value: unknown): string | null {
  const id = fieldOf(value, 'validationId');
  return typeof id === 'string' && id.length > 0 ? id : null;
}

/** A tampered row may hold anything; unreadable JSON simply names nothing. */
function parseOrNull(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

// ─── Holding a broken chain: what it affects takes no more changes ─────────────────────────────────────────

type HeldBreak = { affected: AuditChainAffected; firstBreak: AuditChainBreak };

/** The last check's break per open store; appendAudit consults it on every write. */
const heldBreaks = new WeakMap<Db, HeldBreak>();

/** Keeps the outcome of a check: from now on, a change to what a break affects is refused. */
export function holdAuditChainCheck(db: Db, check: AuditChainCheck): void {
  if (check.firstBreak === null) heldBreaks.delete(db);
  else heldBreaks.set(db, { affected: check.affected, firstBreak: check.firstBreak });
}

/** Throws AUDIT_CHAIN_BROKEN when a held break affects this validation; services call it before any work. */
export function assertValidationAuditable(db: Db, validationId: string): void {
  const held = heldBreaks.get(db);
  if (held) refuseIfUnvouched(held, [validationId]);
}

function refuseIfUnvouched(held: HeldBreak, validationIds: string[]): void {
  if (validationIds.length === 0) return;
  const affected = held.affected.wholeStore || validationIds.some((id) => held.affected.validationIds.includes(id));
  if (!affected) return;
  throw new AppError(
    'AUDIT_CHAIN_BROKEN',
    message(held.affected.wholeStore ? 'errors.auditChain.wholeStore' : 'errors.auditChain.validation', {
      seq: held.firstBreak.seq,
    }),
  );
}

// ─── Reading ───────────────────────────────────────────────────────────────────────────────────────────────

export type AuditRecord = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export function listAuditForEntity(db: Db, entity: string, entityId: string): AuditRecord[] {
  const rows = stmt(db, 'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq').all(
    entity,
    entityId,
  ) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  }));
}

import { createHash } from 'node:crypto';
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

export type AuditChainReport =
  | { ok: true; rows: number; headHash: string }
  | { ok: false; rows: number; brokenAtSeq: number; reason: string };

/** Re-computes every hash; an edited, inserted or removed row breaks the chain at that row. */
export function verifyAuditChain(db: Db): AuditChainReport {
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    rows++;
    if (row.prev_hash !== prevHash) {
      return {
        ok: false,
        rows,
        brokenAtSeq: row.seq,
        reason: 'does not follow the previous row (a row was removed or inserted)',
      };
    }
    if (hashAuditRow(prevHash, row) !== row.hash) {
      return {
        ok: false,
        rows,
        brokenAtSeq: row.seq,
        reason: 'its content no longer matches its hash (the row was edited)',
      };
    }
    prevHash = row.hash;
  }
  return { ok: true, rows, headHash: prevHash };
}

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

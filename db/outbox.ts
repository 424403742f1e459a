import { randomUUID } from 'node:crypto';
import type { Db } from './connection';
import { stmt } from './statements';

export type OutboxChange = {
  entity: string;
  entityId: string;
  operation: string;
  payload: unknown;
  createdAt: string;
};

/** Queues a change for HQ. Call inside the transaction that makes the change. */
export function enqueueOutbox(db: Db, change: OutboxChange): string {
  const changeId = randomUUID();
  stmt(
    db,
    `INSERT INTO sync_outbox (change_id, entity, entity_id, operation, payload_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(changeId, change.entity, change.entityId, change.operation, JSON.stringify(change.payload), change.createdAt);
  return changeId;
}

export type OutboxRow = {
  seq: number;
  changeId: string;
  entity: string;
  entityId: string;
  operation: string;
  payload: unknown;
  createdAt: string;
};

export function listOutbox(db: Db, limit = 500): OutboxRow[] {
  const rows = stmt(db, 'SELECT * FROM sync_outbox ORDER BY seq LIMIT ?').all(limit) as Array<{
    seq: number;
    change_id: string;
    entity: string;
    entity_id: string;
    operation: string;
    payload_json: string;
    created_at: string;
  }>;
  return rows.map((r) => ({
    seq: r.seq,
    changeId: r.change_id,
    entity: r.entity,
    entityId: r.entity_id,
    operation: r.operation,
    payload: JSON.parse(r.payload_json),
    createdAt: r.created_at,
  }));
}

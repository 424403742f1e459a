import { appendAudit } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { enqueueOutbox, type OutboxChange } from '../../db/outbox';
import { AppError } from '../../shared/ipc/envelope';
import { checkSyncPayload } from '../../shared/sync/payloads';
import { isoNow, type ServiceContext } from './service-context';

export type Change = {
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** The sync operation when the change must reach HQ; omit for local-only changes. */
  outbox?: { operation: string; payload: unknown };
  at?: string;
};

/** Records a change's audit row (and outbox row). Call inside the transaction that makes the change. */
export function recordChange(ctx: ServiceContext, change: Change): void {
  const at = change.at ?? isoNow(ctx);
  appendAudit(ctx.db, {
    at,
    actor: ctx.actor,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    before: change.before,
    after: change.after,
  });
  if (change.outbox) {
    queueForHq(ctx.db, {
      entity: change.entity,
      entityId: change.entityId,
      operation: change.outbox.operation,
      payload: change.outbox.payload,
      createdAt: at,
    });
  }
}

/**
 * Queues a change for HQ after checking its payload with HQ's own schema. Call inside the transaction that
 * makes the change: a payload HQ would refuse throws, so nothing is saved here that HQ would refuse later.
 */
export function queueForHq(db: Db, change: OutboxChange): string {
  const checked = checkSyncPayload(change.entity, change.operation, change.payload);
  if (!checked.ok) {
    throw new AppError(
      'BAD_REQUEST',
      `Nothing was saved: HQ would not accept this ${change.entity} (${checked.reason}).`,
    );
  }
  return enqueueOutbox(db, change);
}

import { appendAudit } from '../../db/audit-log';
import { enqueueOutbox } from '../../db/outbox';
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
    enqueueOutbox(ctx.db, {
      entity: change.entity,
      entityId: change.entityId,
      operation: change.outbox.operation,
      payload: change.outbox.payload,
      createdAt: at,
    });
  }
}

import { appendAudit } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { enqueueOutbox, type OutboxChange } from '../../db/outbox';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { checkSyncPayload } from '../../shared/sync/payloads';
import { validationIdOfChange } from '../sync/push-outbox';
import { isDemoValidation } from './demo-validations';
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

/**
 * Records a change's audit row (and outbox row). Call inside the transaction that makes the change. Returns
 * the outbox change id, or null when nothing was queued (a local-only change, or a demo validation's).
 */
export function recordChange(ctx: ServiceContext, change: Change): string | null {
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
  if (!change.outbox) return null;
  return queueForHq(ctx.db, {
    entity: change.entity,
    entityId: change.entityId,
    operation: change.outbox.operation,
    payload: change.outbox.payload,
    createdAt: at,
  });
}

/**
 * Queues a change for HQ after checking its payload with HQ's own schema. Call inside the transaction that
 * makes the change: a payload HQ would refuse throws, so nothing is saved here that HQ would refuse later.
 * A change of a demo Member's validation is checked the same way but stays on this computer: returns null.
 */
export function queueForHq(db: Db, change: OutboxChange): string | null {
  const checked = checkSyncPayload(change.entity, change.operation, change.payload);
  if (!checked.ok) {
    throw new AppError(
      'BAD_REQUEST',
      message('errors.sync.changeRefused', { entity: change.entity, reason: checked.reason }),
    );
  }
  const validationId = validationIdOfChange({
    entity: change.entity,
    entityId: change.entityId,
    payload: checked.payload,
  });
  if (validationId !== null && isDemoValidation(db, validationId)) return null;
  return enqueueOutbox(db, change);
}

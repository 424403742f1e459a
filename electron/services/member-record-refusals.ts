import { appendAudit } from '../../db/audit-log';
import { deleteRefusedChange, findRefusedChange, refuseChangeAgain } from '../../db/queries/member-record-sync';
import { AppError } from '../../shared/ipc/envelope';
import type { MemberRecordView } from '../../shared/ipc/member-record-contract';
import { type Message, type MessageRef, message } from '../../shared/messages';
import { appendMemberRecordChange, getMemberRecord } from './member-record-service';
import { isoNow, type ServiceContext } from './service-context';

/**
 * The two ways out of a Member record change HQ refused: send it again on the record as it is now,
 * or withdraw it from this laptop for good. Either way the audit log names the enrolled person who decided.
 */

function refusedOrGone(ctx: ServiceContext, changeId: string) {
  const refused = findRefusedChange(ctx.db, changeId);
  if (!refused) throw new AppError('NOT_FOUND', message('memberRecord.refusedChangeGone'));
  return refused;
}

/** Why the record as it is now does not take the change, from the error the local checks threw. */
function notSentAgainReason(error: AppError): Message {
  const reasons: readonly MessageRef[] =
    error.key === 'memberRecord.refused' && Array.isArray(error.params?.reason)
      ? (error.params.reason as readonly MessageRef[])
      : error.key
        ? [{ key: error.key, ...(error.params ? { params: error.params } : {}) }]
        : [];
  if (reasons.length === 0) throw error;
  return message('memberRecord.notSentAgain', { reason: reasons });
}

/**
 * Queues a refused change again: made anew by the enrolled person on the record's current version (a stale
 * change is re-based on what HQ holds), with the same rules as any change. When the record no longer allows it,
 * it stays refused with that reason. Either way the record as it is afterwards.
 */
export function sendRefusedMemberChangeAgain(ctx: ServiceContext, changeId: string): MemberRecordView {
  return ctx.db
    .transaction(() => {
      const refused = refusedOrGone(ctx, changeId);
      const at = isoNow(ctx);
      const before = { memberId: refused.memberId, change: refused.change, refusedReason: refused.reason };
      let queued: ReturnType<typeof appendMemberRecordChange> | null = null;
      let stillRefused: Message | null = null;
      try {
        // A savepoint: a change the record refuses leaves nothing of it behind.
        queued = ctx.db.transaction(() => appendMemberRecordChange(ctx, refused.memberId, refused.change))();
      } catch (error) {
        if (!(error instanceof AppError) || !['BAD_REQUEST', 'FORBIDDEN'].includes(error.code)) throw error;
        stillRefused = notSentAgainReason(error);
      }
      if (queued) {
        deleteRefusedChange(ctx.db, changeId);
        appendAudit(ctx.db, {
          at,
          actor: ctx.actor,
          action: 'member-record.send_again',
          entity: 'member_record_refused',
          entityId: changeId,
          before,
          after: { queuedAs: queued.id, version: queued.version },
        });
      } else if (stillRefused) {
        refuseChangeAgain(ctx.db, changeId, stillRefused, at);
        appendAudit(ctx.db, {
          at,
          actor: ctx.actor,
          action: 'member-record.send_again_refused',
          entity: 'member_record_refused',
          entityId: changeId,
          before,
          after: { refusedReason: { key: stillRefused.key, params: stillRefused.params } },
        });
      }
      return getMemberRecord(ctx, refused.memberId);
    })
    .immediate();
}

/**
 * Withdraws a refused change from this laptop: it never goes to HQ and the record stays folded without it. The
 * whole change, HQ's reason and the person's own reason stay in the audit log.
 */
export function withdrawRefusedMemberChange(ctx: ServiceContext, changeId: string, reason: string): MemberRecordView {
  return ctx.db
    .transaction(() => {
      const refused = refusedOrGone(ctx, changeId);
      appendAudit(ctx.db, {
        at: isoNow(ctx),
        actor: ctx.actor,
        action: 'member-record.dont_send',
        entity: 'member_record_refused',
        entityId: changeId,
        before: {
          memberId: refused.memberId,
          baseVersion: refused.baseVersion,
          at: refused.at,
          actorName: refused.actorName,
          change: refused.change,
          refusedReason: refused.reason,
        },
        after: { withdrawn: true, reason },
      });
      deleteRefusedChange(ctx.db, changeId);
      return getMemberRecord(ctx, refused.memberId);
    })
    .immediate();
}

import { appendAudit } from '../../db/audit-log';
import { pluckStmt, stmt } from '../../db/statements';
import type { RefusedChange, RefusedEvidenceView } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { parsePayload, storedRefusalMessage, validationIdOfChange } from '../sync/push-outbox';
import { storedRefusalOf } from '../sync/sync-messages';
import {
  clearEvidenceRefusal,
  keepEvidenceOffHq,
  type RefusedEvidenceFile,
  refusedEvidenceFiles,
} from '../sync/upload-evidence';
import { isoNow, type ServiceContext } from './service-context';

type RefusedRow = {
  change_id: string;
  entity: string;
  entity_id: string;
  operation: string;
  payload_json: string;
  parked_reason: string;
  parked_at: string;
};

// The store's columns keep their first name (parked_*); everywhere else a change HQ would not take is "refused".
const REFUSED_COLUMNS = 'change_id, entity, entity_id, operation, payload_json, parked_reason, parked_at';

/** Changes HQ refused, oldest first, with the Member they belong to so the list reads without opening each one. */
export function listRefusedChanges(ctx: ServiceContext): RefusedChange[] {
  const rows = stmt(
    ctx.db,
    `SELECT ${REFUSED_COLUMNS} FROM sync_outbox WHERE parked_at IS NOT NULL ORDER BY seq`,
  ).all() as RefusedRow[];
  const memberOf = pluckStmt(
    ctx.db,
    'SELECT m.legal_name FROM validations v JOIN members m ON m.id = v.member_id WHERE v.id = ?',
  );
  return rows.map((row) => {
    const validationId = validationIdOfChange({
      entity: row.entity,
      entityId: row.entity_id,
      payload: parsePayload(row.payload_json),
    });
    const told = storedRefusalMessage(ctx.db, row);
    return {
      changeId: row.change_id,
      validationId,
      memberName: validationId ? ((memberOf.get(validationId) as string | undefined) ?? null) : null,
      entity: row.entity,
      operation: row.operation,
      reason: row.parked_reason,
      ...(told ? { reasonMessage: told } : {}),
      refusedAt: row.parked_at,
    };
  });
}

/** Puts a refused change back in the queue (e.g. after HQ fixed an account); the next sync sends it again. */
export function sendRefusedChangeAgain(ctx: ServiceContext, changeId: string): void {
  ctx.db
    .transaction(() => {
      const row = findRefused(ctx, changeId);
      stmt(
        ctx.db,
        `UPDATE sync_outbox SET parked_at = NULL, parked_reason = NULL, attempts = 0, next_attempt_at = NULL, last_error = NULL
         WHERE change_id = ?`,
      ).run(changeId);
      appendAudit(ctx.db, {
        at: isoNow(ctx),
        actor: ctx.actor,
        action: 'sync.retry_refused_change',
        entity: row.entity,
        entityId: row.entity_id,
        before: { changeId, refusedReason: row.parked_reason },
        after: { changeId, queued: true },
      });
    })
    .immediate();
}

/**
 * Stops a refused change from ever going to HQ. Only the queued copy goes: the record itself stays on this
 * computer, and the whole change (payload included) is kept in the audit log with the user's reason.
 */
export function keepRefusedChangeOffHq(ctx: ServiceContext, changeId: string, reason: string): void {
  ctx.db
    .transaction(() => {
      const row = findRefused(ctx, changeId);
      appendAudit(ctx.db, {
        at: isoNow(ctx),
        actor: ctx.actor,
        action: 'sync.discard_refused_change',
        entity: row.entity,
        entityId: row.entity_id,
        before: {
          changeId,
          operation: row.operation,
          payload: parsePayload(row.payload_json),
          refusedReason: row.parked_reason,
        },
        after: { changeId, discarded: true, reason },
      });
      stmt(ctx.db, 'DELETE FROM sync_outbox WHERE change_id = ?').run(changeId);
    })
    .immediate();
}

function findRefused(ctx: ServiceContext, changeId: string): RefusedRow {
  const row = stmt(ctx.db, `SELECT ${REFUSED_COLUMNS} FROM sync_outbox WHERE change_id = ?`).get(changeId) as
    | RefusedRow
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', message('errors.sync.changeGone'));
  if (row.parked_at === null) {
    throw new AppError('CONFLICT', message('errors.sync.changeQueued'));
  }
  return row;
}

/** Evidence files HQ refused, oldest first, each with the validation (and its Member) it was attached to. */
/** A stored refusal's key, when the app wrote it, so the screen says it in the interface's language. */
function reasonMessageOf(reason: string) {
  const told = storedRefusalOf(reason);
  return told ? { reasonMessage: told } : {};
}

export function listRefusedEvidence(ctx: ServiceContext): RefusedEvidenceView[] {
  const validationOf = stmt(
    ctx.db,
    `SELECT v.scheduled_date AS scheduledDate, m.legal_name AS memberName
     FROM validations v JOIN members m ON m.id = v.member_id WHERE v.id = ?`,
  );
  return refusedEvidenceFiles(ctx.db).map((file) => {
    const [first] = file.evidence;
    const validation = first
      ? (validationOf.get(first.validationId) as { scheduledDate: string; memberName: string } | undefined)
      : undefined;
    return {
      sha256: file.sha256,
      fileName: file.fileName,
      validationId: first?.validationId ?? null,
      memberName: validation?.memberName ?? null,
      scheduledDate: validation?.scheduledDate ?? null,
      reason: file.reason,
      ...reasonMessageOf(file.reason),
      refusedAt: file.refusedAt,
    };
  });
}

/** Clears HQ's refusal of a file (e.g. after the original bytes were restored); the next sync sends it again. */
export function retryRefusedEvidence(ctx: ServiceContext, sha256: string): void {
  ctx.db
    .transaction(() => {
      const file = findRefusedFile(ctx, sha256);
      clearEvidenceRefusal(ctx.db, sha256, isoNow(ctx));
      for (const evidence of file.evidence) {
        appendAudit(ctx.db, {
          at: isoNow(ctx),
          actor: ctx.actor,
          action: 'sync.retry_refused_evidence',
          entity: evidence.kind,
          entityId: evidence.id,
          before: { sha256, refusedReason: file.reason },
          after: { sha256, queued: true },
        });
      }
    })
    .immediate();
}

/**
 * Stops a refused file from ever going to HQ. The evidence (or Member response file) and its file stay on this
 * computer; the audit log records the decision and the user's reason against each record that carries the file.
 */
export function discardRefusedEvidence(ctx: ServiceContext, sha256: string, reason: string): void {
  ctx.db
    .transaction(() => {
      const file = findRefusedFile(ctx, sha256);
      const at = isoNow(ctx);
      keepEvidenceOffHq(
        ctx.db,
        file.evidence.map((e) => e.id),
        at,
      );
      for (const evidence of file.evidence) {
        appendAudit(ctx.db, {
          at,
          actor: ctx.actor,
          action: 'sync.discard_refused_evidence',
          entity: evidence.kind,
          entityId: evidence.id,
          before: { sha256, fileName: evidence.fileName, refusedReason: file.reason },
          after: { sha256, notSent: true, reason },
        });
      }
    })
    .immediate();
}

function findRefusedFile(ctx: ServiceContext, sha256: string): RefusedEvidenceFile {
  const file = refusedEvidenceFiles(ctx.db).find((f) => f.sha256 === sha256);
  if (!file) {
    throw new AppError('NOT_FOUND', message('errors.sync.fileGone'));
  }
  return file;
}

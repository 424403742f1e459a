import type Database from 'better-sqlite3';
import { appendAudit } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { getResponse, upsertResponse } from '../../db/queries/responses';
import { getSite } from '../../db/queries/sites';
import { adjustAnsweredCount, touchValidation } from '../../db/queries/validations';
import type { CriterionResponse, ValidationStatus } from '../../shared/domain/validation';
import { statusAfterAnswer, WorksheetLockedError } from '../../shared/domain/worksheet-rules';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { getEdition, worksheetCriteria } from './catalog-service';
import { queueForHq } from './change-log';
import { isoNow, type ServiceContext } from './service-context';
import { requireOwnValidation } from './validation-service';

/**
 * Saves one criterion answer durably: the response, the validation's status, an audit row and an
 * outbox row commit together or not at all.
 */
export function saveResponse(ctx: ServiceContext, request: ParsedRequestOf<'responses:save'>): CriterionResponse {
  return writeResponseTransaction(ctx.db).immediate(ctx, request);
}

/** The validation the answer belongs to and the status it moves to; throws when the worksheet cannot take it. */
function checkAnswerable(ctx: ServiceContext, request: ParsedRequestOf<'responses:save'>) {
  const validation = requireOwnValidation(ctx, request.validationId);
  let nextStatus: ValidationStatus;
  try {
    nextStatus = statusAfterAnswer(validation.status);
  } catch (error) {
    if (error instanceof WorksheetLockedError) throw new AppError('LOCKED', message('errors.validation.lockedReopen'));
    throw error;
  }
  const criteria = worksheetCriteria(getEdition(ctx, validation.catalogEditionId), validation.entityType);
  if (!criteria.some((c) => c.id === request.criterionId)) {
    throw new AppError(
      'BAD_REQUEST',
      message('errors.response.notOnWorksheet', {
        criterionId: request.criterionId,
        edition: validation.catalogEditionId,
        entityType: validation.entityType,
      }),
    );
  }
  return { validation, nextStatus };
}

type WriteResponseArgs = [ServiceContext, ParsedRequestOf<'responses:save'>];

// better-sqlite3 transaction wrappers are built once per connection: saving an answer is the hottest path.
const writeResponseTransactions = new WeakMap<
  Db,
  Database.Transaction<(...args: WriteResponseArgs) => CriterionResponse>
>();

function writeResponseTransaction(db: Db) {
  let tx = writeResponseTransactions.get(db);
  if (!tx) {
    // The checks read inside the write transaction: one snapshot, and no status change slips in between.
    tx = db.transaction((...[ctx, request]: WriteResponseArgs): CriterionResponse => {
      const { validation, nextStatus } = checkAnswerable(ctx, request);
      const before = getResponse(ctx.db, request.validationId, request.criterionId);
      const merged = {
        result: request.result !== undefined ? request.result : (before?.result ?? null),
        notes: request.notes ?? before?.notes ?? '',
        siteId: request.siteId !== undefined ? request.siteId : (before?.siteId ?? null),
        verificationMethods: request.verificationMethods ?? before?.verificationMethods ?? [],
        naJustification: request.naJustification ?? before?.naJustification ?? '',
      };
      if (before && sameAnswer(before, merged)) return before;
      if (merged.siteId !== null && !siteBelongsTo(ctx, merged.siteId, validation.id)) {
        throw new AppError('BAD_REQUEST', message('errors.response.siteNotHere'));
      }
      const at = isoNow(ctx);
      const after: CriterionResponse = {
        validationId: request.validationId,
        criterionId: request.criterionId,
        ...merged,
        version: (before?.version ?? 0) + 1,
        updatedAt: at,
        updatedBy: ctx.actor,
      };
      upsertResponse(ctx.db, after);
      // The validation row is rewritten only when its status or answered count moves: most saves skip it.
      if (validation.status !== nextStatus) touchValidation(ctx.db, validation.id, nextStatus, at);
      const wasAnswered = (before?.result ?? null) !== null;
      if (wasAnswered !== (after.result !== null)) adjustAnsweredCount(ctx.db, validation.id, wasAnswered ? -1 : 1);
      appendAudit(ctx.db, {
        at,
        actor: ctx.actor,
        action: 'response.save',
        entity: 'criterion_response',
        entityId: `${after.validationId}/${after.criterionId}`,
        // Only the fields that changed: a small audit row keeps the hottest write to fewer pages.
        ...changedFields(before, after),
      });
      queueForHq(ctx.db, {
        entity: 'criterion_response',
        entityId: `${after.validationId}/${after.criterionId}`,
        operation: 'upsert',
        payload: { ...after, baseVersion: before?.version ?? 0 },
        createdAt: at,
      });
      return after;
    });
    writeResponseTransactions.set(db, tx);
  }
  return tx;
}

type AnswerFields = Pick<CriterionResponse, 'result' | 'notes' | 'siteId' | 'verificationMethods' | 'naJustification'>;

function sameAnswer(a: AnswerFields, b: AnswerFields): boolean {
  return (
    a.result === b.result &&
    a.notes === b.notes &&
    a.siteId === b.siteId &&
    a.naJustification === b.naJustification &&
    a.verificationMethods.join() === b.verificationMethods.join()
  );
}

function siteBelongsTo(ctx: ServiceContext, siteId: string, validationId: string): boolean {
  return getSite(ctx.db, siteId)?.validationId === validationId;
}

const ANSWER_FIELDS = ['result', 'notes', 'siteId', 'verificationMethods', 'naJustification'] as const;

/** The audit record of one save: each changed field's old and new value, and the version it made. */
export function changedFields(
  before: CriterionResponse | undefined,
  after: CriterionResponse,
): { before: Record<string, unknown> | null; after: Record<string, unknown> } {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = { version: after.version };
  for (const field of ANSWER_FIELDS) {
    const old = before?.[field];
    if (before === undefined || JSON.stringify(old) !== JSON.stringify(after[field])) {
      if (before !== undefined) was[field] = old;
      now[field] = after[field];
    }
  }
  return { before: before ? was : null, after: now };
}

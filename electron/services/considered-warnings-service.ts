import {
  deleteConsideredWarning,
  getConsideredWarning,
  insertConsideredWarning,
  listConsideredWarnings,
} from '../../db/queries/considered-warnings';
import type { ConsideredWarning } from '../../shared/domain/considered-warnings';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { recordChange } from './change-log';
import { isoNow, type ServiceContext } from './service-context';
import { requireEditableValidation, requireValidation } from './validation-service';

export function listConsidered(ctx: ServiceContext, validationId: string): ConsideredWarning[] {
  requireValidation(ctx, validationId);
  return listConsideredWarnings(ctx.db, validationId);
}

/**
 * Marks (or unmarks) warnings as considered, a whole group in one transaction. Audited like every write, one row
 * per mark that changed, but never queued for HQ: it is the SCSS's own working note. Marking twice keeps the
 * first mark. Returns every mark of the validation.
 */
export function setWarningsConsidered(
  ctx: ServiceContext,
  request: ParsedRequestOf<'warnings:consider'>,
): ConsideredWarning[] {
  const { validationId, considered } = request;
  return ctx.db
    .transaction(() => {
      requireEditableValidation(ctx, validationId);
      const at = isoNow(ctx);
      for (const { code, criterionId } of request.warnings) {
        const before = getConsideredWarning(ctx.db, validationId, code, criterionId) ?? null;
        if (considered === (before !== null)) continue;
        const after: ConsideredWarning | null = considered
          ? { code, criterionId, consideredAt: at, consideredBy: ctx.actor }
          : null;
        if (after) insertConsideredWarning(ctx.db, validationId, after);
        else deleteConsideredWarning(ctx.db, validationId, code, criterionId);
        recordChange(ctx, {
          at,
          action: considered ? 'warning.consider' : 'warning.unconsider',
          entity: 'considered_warning',
          entityId: `${validationId}/${code}/${criterionId ?? ''}`,
          before,
          after,
        });
      }
      return listConsideredWarnings(ctx.db, validationId);
    })
    .immediate();
}

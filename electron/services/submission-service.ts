import { createHash, randomUUID } from 'node:crypto';
import { getValidation, markReopened, markSubmitted } from '../../db/queries/validations';
import {
  getOwnWorkflowState,
  type HistoryActor,
  insertWorkflowEvent,
  markReturnResubmitted,
  setOwnWorkflowState,
} from '../../db/queries/workflow';
import type { CompletenessReport } from '../../shared/domain/completeness-types';
import { localToday } from '../../shared/domain/due-dates';
import { type FingerprintInput, fingerprintContent } from '../../shared/domain/fingerprint';
import type { LanguageCode } from '../../shared/domain/language';
import { incompleteParams, submissionReadiness } from '../../shared/domain/submission-readiness';
import type { Validation } from '../../shared/domain/validation';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { getEdition, worksheetCriteria } from './catalog-service';
import { recordChange } from './change-log';
import { signatureName } from './identity';
import { isoNow, type ServiceContext } from './service-context';
import { loadValidationContent } from './validation-content';
import { requireOwnValidation, requireValidation } from './validation-service';

export function fingerprintOf(content: FingerprintInput): string {
  return createHash('sha256').update(fingerprintContent(content), 'utf8').digest('hex');
}

function completenessOf(
  ctx: ServiceContext,
  validation: Validation,
  content: FingerprintInput,
  today: string,
): CompletenessReport {
  const criteria = worksheetCriteria(getEdition(ctx, validation.catalogEditionId), validation.entityType);
  return submissionReadiness(validation.mode, criteria, content, today);
}

export function checkCompleteness(ctx: ServiceContext, validationId: string): CompletenessReport {
  const validation = requireValidation(ctx, validationId);
  return completenessOf(ctx, validation, loadValidationContent(ctx, validation), localToday(ctx.now()));
}

/** Locks the worksheet, records who signed and when, and stores the SHA-256 fingerprint of its content. */
export function submitValidation(
  ctx: ServiceContext,
  validationId: string,
  signedByName: string,
  worksheetLanguage: LanguageCode = 'en',
): Validation {
  return ctx.db
    .transaction(() => {
      const validation = requireOwnValidation(ctx, validationId);
      if (validation.status === 'SUBMITTED') {
        throw new AppError(
          'LOCKED',
          message('errors.submission.alreadySubmitted', { at: String(validation.submittedAt) }),
        );
      }
      const content = loadValidationContent(ctx, validation);
      const at = isoNow(ctx);
      const report = completenessOf(ctx, validation, content, localToday(new Date(at)));
      if (!report.ready) {
        throw new AppError('BAD_REQUEST', message('errors.submission.incomplete', incompleteParams(report)));
      }
      const submission = {
        submittedAt: at,
        // The enrolled person HQ knows; the typed signature stays as the SCSS typed it.
        submittedBy: signatureName(ctx),
        signedByName,
        contentSha256: fingerprintOf(content),
        // How the SCSS read the worksheet as they signed; not part of the fingerprint, which is the content alone.
        worksheetLanguage,
      };
      markSubmitted(ctx.db, validationId, submission);
      const stateBefore = getOwnWorkflowState(ctx.db, validationId) ?? null;
      setOwnWorkflowState(ctx.db, validationId, 'SUBMITTED');
      // A returned validation goes back to review: its return comments stop being highlighted.
      markReturnResubmitted(ctx.db, validationId, at);
      const after = getValidation(ctx.db, validationId) as Validation;
      const changeId = recordChange(ctx, {
        at,
        action: 'validation.submit',
        entity: 'validation',
        entityId: validationId,
        before: { ...validation, workflowState: stateBefore },
        after: { ...after, workflowState: 'SUBMITTED' },
        outbox: { operation: 'submit', payload: { ...submission, validationId } },
      });
      recordLocalHistory(ctx, validationId, 'SUBMIT', '', at, changeId);
      return after;
    })
    .immediate();
}

/** Unlocks a submitted validation; the reason and the earlier signature stay in the audit log. */
export function reopenValidation(ctx: ServiceContext, validationId: string, reason: string): Validation {
  return ctx.db
    .transaction(() => {
      const validation = requireOwnValidation(ctx, validationId);
      if (validation.status !== 'SUBMITTED') {
        throw new AppError('CONFLICT', message('errors.submission.notSubmitted'));
      }
      // Withdrawn only while the field office has not decided: once approved it is the field office's.
      const stateBefore = getOwnWorkflowState(ctx.db, validationId) ?? null;
      if (stateBefore !== null && stateBefore !== 'SUBMITTED' && stateBefore !== 'IN_REVIEW') {
        throw new AppError('CONFLICT', message('errors.submission.cannotReopen', { state: stateBefore }));
      }
      const at = isoNow(ctx);
      markReopened(ctx.db, validationId, at, reason);
      setOwnWorkflowState(ctx.db, validationId, 'IN_PROGRESS');
      const after = getValidation(ctx.db, validationId) as Validation;
      const changeId = recordChange(ctx, {
        at,
        action: 'validation.reopen',
        entity: 'validation',
        entityId: validationId,
        before: { ...validation, workflowState: stateBefore },
        after: { ...after, workflowState: 'IN_PROGRESS' },
        outbox: { operation: 'reopen', payload: { validationId, reason, reopenedAt: at } },
      });
      recordLocalHistory(ctx, validationId, 'WITHDRAW', reason, at, changeId);
      return after;
    })
    .immediate();
}

/** SUBMIT and WITHDRAW travel as the validation's own changes; the history shows them until HQ's entry arrives. */
function recordLocalHistory(
  ctx: ServiceContext,
  validationId: string,
  kind: 'SUBMIT' | 'WITHDRAW',
  comment: string,
  at: string,
  changeId: string | null,
): void {
  const actor: HistoryActor = ctx.person
    ? { userId: ctx.person.userId, name: ctx.person.name, role: ctx.person.role }
    : { userId: null, name: ctx.actor, role: null };
  // HQ keys its own entry for the change by the change's id: the pulled entry then replaces this one.
  insertWorkflowEvent(
    ctx.db,
    { id: changeId ?? randomUUID(), validationId, kind, comment, at, actor, reportDate: null, reportSha256: null },
    changeId,
  );
}

/** Recomputes a submitted validation's fingerprint: a changed answer, finding or evidence hash shows here. */
export function verifySubmittedFingerprint(
  ctx: ServiceContext,
  validationId: string,
): { matches: boolean; stored: string | null; actual: string } {
  const validation = requireValidation(ctx, validationId);
  const actual = fingerprintOf(loadValidationContent(ctx, validation));
  return { matches: validation.contentSha256 === actual, stored: validation.contentSha256, actual };
}

import { createHash } from 'node:crypto';
import { getValidation, markReopened, markSubmitted } from '../../db/queries/validations';
import { checkWorksheetCompleteness } from '../../shared/domain/completeness';
import type { CompletenessProblem, CompletenessReport } from '../../shared/domain/completeness-types';
import { type FingerprintInput, fingerprintContent } from '../../shared/domain/fingerprint';
import { checklistProblems, virtualSessionProblems } from '../../shared/domain/inspection-rules';
import type { Validation } from '../../shared/domain/validation';
import { AppError } from '../../shared/ipc/envelope';
import { getEdition, worksheetCriteria } from './catalog-service';
import { recordChange } from './change-log';
import { isoNow, type ServiceContext } from './service-context';
import { loadValidationContent } from './validation-content';
import { requireValidation } from './validation-service';

export function fingerprintOf(content: FingerprintInput): string {
  return createHash('sha256').update(fingerprintContent(content), 'utf8').digest('hex');
}

function completenessOf(ctx: ServiceContext, validation: Validation, content: FingerprintInput): CompletenessReport {
  const criteria = worksheetCriteria(getEdition(ctx, validation.catalogEditionId), validation.entityType);
  return checkWorksheetCompleteness({
    mode: validation.mode,
    criteria,
    responses: content.responses,
    findings: content.findings,
    evidence: content.evidence,
    sites: content.sites,
    extra: [
      ...checklistProblems(criteria, content.responses, content.checklists).map(
        (p): CompletenessProblem => ({
          severity: 'warning',
          code: 'CHECKLIST_INCOMPLETE',
          message: p.message,
          criterionId: p.criterionId,
          category: Number(p.criterionId.split('.')[0]),
        }),
      ),
      ...virtualSessionProblems(validation.mode, content.virtualSessions).map(
        (message): CompletenessProblem => ({
          severity: 'warning',
          code: 'VIRTUAL_SESSION_MISSING',
          message,
          criterionId: null,
          category: null,
        }),
      ),
    ],
  });
}

export function checkCompleteness(ctx: ServiceContext, validationId: string): CompletenessReport {
  const validation = requireValidation(ctx, validationId);
  return completenessOf(ctx, validation, loadValidationContent(ctx, validation));
}

/** Locks the worksheet, records who signed and when, and stores the SHA-256 fingerprint of its content. */
export function submitValidation(ctx: ServiceContext, validationId: string, signedByName: string): Validation {
  return ctx.db
    .transaction(() => {
      const validation = requireValidation(ctx, validationId);
      if (validation.status === 'SUBMITTED') {
        throw new AppError('LOCKED', `This validation was already submitted on ${validation.submittedAt}.`);
      }
      const content = loadValidationContent(ctx, validation);
      const report = completenessOf(ctx, validation, content);
      if (!report.ready) {
        const first = report.errors.slice(0, 3).map((p) => p.message);
        throw new AppError(
          'BAD_REQUEST',
          `The validation is not complete: ${report.errors.length} problem${report.errors.length > 1 ? 's' : ''} to fix (${first.join(' ')}${report.errors.length > 3 ? ' …' : ''}). Nothing was submitted.`,
        );
      }
      const at = isoNow(ctx);
      const submission = {
        submittedAt: at,
        submittedBy: ctx.actor,
        signedByName,
        contentSha256: fingerprintOf(content),
      };
      markSubmitted(ctx.db, validationId, submission);
      const after = getValidation(ctx.db, validationId) as Validation;
      recordChange(ctx, {
        at,
        action: 'validation.submit',
        entity: 'validation',
        entityId: validationId,
        before: validation,
        after,
        outbox: { operation: 'submit', payload: { ...submission, validationId } },
      });
      return after;
    })
    .immediate();
}

/** Unlocks a submitted validation; the reason and the earlier signature stay in the audit log. */
export function reopenValidation(ctx: ServiceContext, validationId: string, reason: string): Validation {
  return ctx.db
    .transaction(() => {
      const validation = requireValidation(ctx, validationId);
      if (validation.status !== 'SUBMITTED') {
        throw new AppError(
          'CONFLICT',
          'Only a submitted validation can be reopened; this one is still open for changes.',
        );
      }
      const at = isoNow(ctx);
      markReopened(ctx.db, validationId, at, reason);
      const after = getValidation(ctx.db, validationId) as Validation;
      recordChange(ctx, {
        at,
        action: 'validation.reopen',
        entity: 'validation',
        entityId: validationId,
        before: validation,
        after,
        outbox: { operation: 'reopen', payload: { validationId, reason, reopenedAt: at } },
      });
      return after;
    })
    .immediate();
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

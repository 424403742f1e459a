import { randomUUID } from 'node:crypto';
import { appendAudit, assertValidationAuditable } from '../../db/audit-log';
import { assignmentWithdrawalOf, withdrawnAssignmentsByValidation } from '../../db/queries/assignments';
import { getMember } from '../../db/queries/members';
import { listResponses } from '../../db/queries/responses';
import { readSettings } from '../../db/queries/settings';
import {
  findPreviousSubmittedValidation,
  getValidationAndOwner,
  insertValidation,
  listValidations,
  type ValidationFilter,
  type ValidationOwner,
  validationsOwnedByOthers,
} from '../../db/queries/validations';
import type { Validation } from '../../shared/domain/validation';
import type { ParsedRequestOf, ValidationListItem, Worksheet } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { anotherPersonsOwner } from './another-persons';
import { currentEditionFor, getEdition, worksheetCriteria } from './catalog-service';
import { queueForHq } from './change-log';
import { isDemoAccount, keepsDemoValidationsLocal } from './demo-validations';
import { memberValidationRefusal } from './member-record-service';
import { isoNow, type ServiceContext } from './service-context';
import { loadValidationContent } from './validation-content';
import { lifecycleView } from './workflow-service';

function requireValidationAndOwner(ctx: ServiceContext, validationId: string) {
  const found = getValidationAndOwner(ctx.db, validationId);
  if (!found) throw new AppError('NOT_FOUND', message('errors.validation.notHere', { id: validationId }));
  return found;
}

export function requireValidation(ctx: ServiceContext, validationId: string): Validation {
  return requireValidationAndOwner(ctx, validationId).validation;
}

/** The validation, refused when it is another person's: they signed for it, and HQ takes changes only from them. */
export function requireOwnValidation(ctx: ServiceContext, validationId: string): Validation {
  const found = requireValidationAndOwner(ctx, validationId);
  const other = anotherPersonsOwner(ctx, found.owner);
  if (other) throw new AppError('FORBIDDEN', message('errors.validation.anotherPersons', { name: other.name }));
  return found.validation;
}

/** Every change to a validation's content goes through here: another person's and submitted ones are locked. */
export function requireEditableValidation(ctx: ServiceContext, validationId: string): Validation {
  const validation = requireOwnValidation(ctx, validationId);
  // Refused before any work (evidence files included) when its audit history was altered; appendAudit backs this up.
  assertValidationAuditable(ctx.db, validationId);
  if (validation.status === 'SUBMITTED') {
    throw new AppError('LOCKED', message('errors.validation.locked'));
  }
  return validation;
}

/** `from.assignmentId`: the HQ assignment it is started from, which its create names so HQ takes one per assignment. */
export function createValidation(
  ctx: ServiceContext,
  request: ParsedRequestOf<'validations:create'>,
  from: { assignmentId?: string } = {},
): Validation {
  const member = getMember(ctx.db, request.memberId);
  if (!member) throw new AppError('NOT_FOUND', message('errors.validation.memberNotHere'));
  const refusal = memberValidationRefusal(ctx, member.id);
  if (refusal) throw new AppError('CONFLICT', refusal);
  const edition = currentEditionFor(ctx, request.entityType);
  const at = isoNow(ctx);
  const validation: Validation = {
    id: randomUUID(),
    memberId: member.id,
    entityType: request.entityType,
    mode: request.mode,
    catalogEditionId: edition.id,
    status: 'DRAFT',
    scheduledDate: request.scheduledDate,
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
    submittedBy: null,
    signedByName: null,
    contentSha256: null,
    reopenedAt: null,
    reopenReason: null,
  };
  ctx.db
    .transaction(() => {
      insertValidation(
        ctx.db,
        validation,
        ctx.actor,
        ctx.person ? { userId: ctx.person.userId, name: ctx.person.name } : null,
      );
      appendAudit(ctx.db, {
        at,
        actor: ctx.actor,
        action: 'validation.create',
        entity: 'validation',
        entityId: validation.id,
        before: null,
        after: validation,
      });
      queueForHq(ctx.db, {
        entity: 'validation',
        entityId: validation.id,
        operation: 'create',
        payload: {
          ...validation,
          member: {
            legalName: member.legalName,
            accountNumber: member.accountNumber,
            city: member.city,
            country: member.country,
          },
          ...(from.assignmentId ? { assignmentId: from.assignmentId } : {}),
        },
        createdAt: at,
      });
    })
    .immediate();
  return validation;
}

export function listValidationSummaries(ctx: ServiceContext, filter: ValidationFilter): ValidationListItem[] {
  const demoStaysLocal = keepsDemoValidationsLocal(ctx.db);
  const withdrawn = withdrawnAssignmentsByValidation(ctx.db);
  const others = ctx.person ? validationsOwnedByOthers(ctx.db, ctx.person.userId) : new Map<string, ValidationOwner>();
  return listValidations(ctx.db, filter).map(({ memberAccountNumber, ...v }) => ({
    ...v,
    applicableCount: worksheetCriteria(getEdition(ctx, v.catalogEditionId), v.entityType).length,
    demo: demoStaysLocal && isDemoAccount(memberAccountNumber),
    returned: v.workflowState === 'RETURNED',
    assignmentWithdrawn: withdrawn.get(v.id) ?? null,
    anotherPersons: personNamed(others.get(v.id)),
  }));
}

/** Everything the worksheet screen needs in one round trip (budget: 100 ms for 150 criteria). */
export function openWorksheet(ctx: ServiceContext, validationId: string): Worksheet {
  const { validation, owner } = requireValidationAndOwner(ctx, validationId);
  const member = getMember(ctx.db, validation.memberId);
  if (!member) throw new AppError('INTERNAL', message('errors.validation.memberMissing', { id: validationId }));
  const edition = getEdition(ctx, validation.catalogEditionId);
  const criteria = worksheetCriteria(edition, validation.entityType);
  if (criteria.length === 0) {
    throw new AppError(
      'INTERNAL',
      message('errors.validation.noCriteria', { edition: edition.id, entityType: validation.entityType }),
    );
  }
  const content = loadValidationContent(ctx, validation);
  return {
    member,
    edition: { id: edition.id, title: edition.title, publishedOn: edition.publishedOn },
    focusAreas: edition.focusAreas,
    categories: edition.categories,
    criteria,
    ...content,
    validation,
    previousResults: previousResultsFor(ctx, validation),
    settings: readSettings(ctx.db),
    lifecycle: lifecycleView(ctx, validationId),
    assignmentWithdrawn: assignmentWithdrawalOf(ctx.db, validationId),
    anotherPersons: personNamed(anotherPersonsOwner(ctx, owner)),
  };
}

const personNamed = (owner: ValidationOwner | null | undefined) => (owner ? { name: owner.name } : null);

/** For a revalidation: each criterion's result in the Member's previous submitted validation. */
function previousResultsFor(ctx: ServiceContext, validation: Validation): Worksheet['previousResults'] {
  const previous = findPreviousSubmittedValidation(ctx.db, validation);
  if (!previous) return [];
  return listResponses(ctx.db, previous.id).map((r) => ({
    criterionId: r.criterionId,
    result: r.result,
    validationId: previous.id,
    scheduledDate: previous.scheduledDate,
  }));
}

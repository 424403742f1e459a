import { MIN_RETURN_COMMENT, reviewOpen } from '../shared/domain/lifecycle';
import type { FindingReview } from '../shared/domain/review';
import { message } from '../shared/messages';
import type { HqUser } from '../shared/sync/protocol';
import { type LifecycleSubject, namesSomeoneElse } from './lifecycle';
import { type Refusal, refusalOf } from './refusal';

type ReviewedValidation = LifecycleSubject & { current: unknown };

const REVIEWER_ROLES = new Set<HqUser['role']>(['FIELD_OFFICE_REVIEWER', 'SUPERVISOR']);

/**
 * Why HQ refuses a reviewer's decision on a finding (its payload already checked against its schema), or
 * null when it may be applied (versions are then checked like any versioned record). Only a reviewer or
 * supervisor of the validation's field office, in their own name, while the field office reviews it, on the
 * version of the finding HQ holds; a return or non-concurrence says why, and a non-concurrence what the finding
 * should be instead.
 */
export function findingReviewRefusal(
  user: HqUser,
  validation: ReviewedValidation | undefined,
  review: Pick<
    FindingReview,
    'validationId' | 'decision' | 'comment' | 'proposedClassification' | 'reviewedBy' | 'findingVersion'
  >,
  /** The version of the finding HQ holds on this validation, or null when it holds none. */
  heldFindingVersion: number | null,
): Refusal | null {
  if (!REVIEWER_ROLES.has(user.role)) return refusalOf('forbidden', message('hqReason.reviewersOnly'));
  if (!validation) return refusalOf('invalid', message('hqReason.noValidation', { id: review.validationId }));
  if (validation.fieldOffice !== user.fieldOffice) return refusalOf('forbidden', message('lifecycle.otherOffice'));
  if (review.reviewedBy !== user.name) return refusalOf('forbidden', namesSomeoneElse('review', user));
  if (!reviewOpen(validation.workflowState)) {
    const told = message('hqReason.reviewNotOpen', { state: validation.workflowState });
    return refusalOf('conflict', told, validation.current);
  }
  if (heldFindingVersion === null) return refusalOf('invalid', message('hqReason.noSuchFinding'));
  // A decision on a copy of the finding HQ no longer holds (the SCSS changed it after a return) judged other words.
  if (review.findingVersion !== heldFindingVersion) {
    const told = message('hqReason.findingChangedSinceDecision', {
      decided: review.findingVersion ?? 0,
      held: heldFindingVersion,
    });
    return refusalOf('conflict', told, validation.current);
  }
  const proposed = review.proposedClassification ?? null;
  if (review.decision !== 'CONCUR' && review.comment.trim().length < MIN_RETURN_COMMENT) {
    return refusalOf('invalid', message('hqReason.reviewComment', { min: MIN_RETURN_COMMENT }));
  }
  if (review.decision === 'NON_CONCUR' && proposed === null) {
    return refusalOf('invalid', message('hqReason.nonConcurProposes'));
  }
  if (review.decision !== 'NON_CONCUR' && proposed !== null) {
    return refusalOf('invalid', message('hqReason.onlyNonConcurProposes'));
  }
  return null;
}

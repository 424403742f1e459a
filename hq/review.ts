import { MIN_RETURN_COMMENT, reviewOpen } from '../shared/domain/lifecycle';
import type { FindingReview } from '../shared/domain/review';
import type { HqUser, Receipt } from '../shared/sync/protocol';
import { type LifecycleSubject, NAMES_SOMEONE_ELSE, stateLabel } from './lifecycle';

type Refusal = Pick<Receipt, 'outcome' | 'reason' | 'current'>;
type ReviewedValidation = LifecycleSubject & { current: unknown };

const REVIEWER_ROLES = new Set<HqUser['role']>(['FIELD_OFFICE_REVIEWER', 'SUPERVISOR']);

/**
 * Why HQ refuses a reviewer's decision on a finding (its payload already checked against its schema), or
 * null when it may be applied (versions are then checked like any versioned record). Only a reviewer or
 * supervisor of the validation's field office, in their own name, while the field office reviews it; a
 * return or non-concurrence says why, and a non-concurrence what the finding should be instead.
 */
export function findingReviewRefusal(
  user: HqUser,
  validation: ReviewedValidation | undefined,
  review: Pick<FindingReview, 'validationId' | 'decision' | 'comment' | 'proposedClassification' | 'reviewedBy'>,
  findingHeld: boolean,
): Refusal | null {
  if (!REVIEWER_ROLES.has(user.role)) {
    return { outcome: 'forbidden', reason: 'Only a field office reviewer or supervisor can review findings' };
  }
  if (!validation) return { outcome: 'invalid', reason: `HQ holds no validation ${review.validationId}` };
  if (validation.fieldOffice !== user.fieldOffice) {
    return { outcome: 'forbidden', reason: 'This validation belongs to another field office' };
  }
  if (review.reviewedBy !== user.name) {
    return { outcome: 'forbidden', reason: NAMES_SOMEONE_ELSE('The review', user) };
  }
  if (!reviewOpen(validation.workflowState)) {
    return {
      outcome: 'conflict',
      reason: `Findings are reviewed only while the validation is submitted or in review; this one is ${stateLabel(validation.workflowState)}`,
      current: validation.current,
    };
  }
  if (!findingHeld) return { outcome: 'invalid', reason: 'HQ holds no such finding on this validation' };
  const proposed = review.proposedClassification ?? null;
  if (review.decision !== 'CONCUR' && review.comment.trim().length < MIN_RETURN_COMMENT) {
    return {
      outcome: 'invalid',
      reason: `comment: say what the SCSS must correct or why you do not concur (at least ${MIN_RETURN_COMMENT} characters)`,
    };
  }
  if (review.decision === 'NON_CONCUR' && proposed === null) {
    return { outcome: 'invalid', reason: 'proposedClassification: a non-concurrence proposes a classification' };
  }
  if (review.decision !== 'NON_CONCUR' && proposed !== null) {
    return { outcome: 'invalid', reason: 'proposedClassification: only a non-concurrence proposes a classification' };
  }
  return null;
}

import { z } from 'zod';
import { FindingReviewSchema, findingReviewEntityId } from '../shared/domain/review';
import type { Change, HqUser, Receipt } from '../shared/sync/protocol';
import { canSeeValidation } from './validation-receipt';

type Refusal = Pick<Receipt, 'outcome' | 'reason' | 'current'>;
type ReviewedValidation = {
  ownerUserId: string;
  fieldOffice: string;
  status: 'IN_PROGRESS' | 'SUBMITTED';
  payload: Record<string, unknown>;
};

const REVIEWER_ROLES = new Set<HqUser['role']>(['FIELD_OFFICE_REVIEWER', 'SUPERVISOR']);
const ReviewPayloadSchema = FindingReviewSchema.extend({ baseVersion: z.number().int().nonnegative() });

/**
 * Why HQ refuses a reviewer's decision on a finding, or null when it may be applied (versions are then
 * checked like any versioned record). Review fields are the one change a submitted validation takes, and
 * only from a reviewer or supervisor of the validation's field office.
 */
export function findingReviewRefusal(
  user: HqUser,
  validation: ReviewedValidation | undefined,
  change: Change,
  findingHeld: boolean,
): Refusal | null {
  if (!REVIEWER_ROLES.has(user.role)) {
    return { outcome: 'forbidden', reason: 'Only a field office reviewer or supervisor can review findings' };
  }
  if (change.operation !== 'upsert') {
    return { outcome: 'invalid', reason: `A finding review takes upsert, not ${change.operation}` };
  }
  const parsed = ReviewPayloadSchema.safeParse(change.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { outcome: 'invalid', reason: `${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'malformed'}` };
  }
  const review = parsed.data;
  if (change.entityId !== findingReviewEntityId(review.validationId, review.findingId)) {
    return { outcome: 'invalid', reason: 'A finding review is keyed validationId/findingId' };
  }
  if (!validation) return { outcome: 'invalid', reason: `HQ holds no validation ${review.validationId}` };
  if (!canSeeValidation(user, { owner_user_id: validation.ownerUserId, field_office: validation.fieldOffice })) {
    return { outcome: 'forbidden', reason: 'This validation belongs to another field office' };
  }
  if (validation.status !== 'SUBMITTED') {
    return {
      outcome: 'conflict',
      reason: 'Only a submitted validation can be reviewed; this one was reopened by its SCSS',
      current: validation.payload,
    };
  }
  if (!findingHeld) return { outcome: 'invalid', reason: 'HQ holds no such finding on this validation' };
  return null;
}

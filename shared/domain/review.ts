import { z } from 'zod';
import {
  MIN_RETURN_COMMENT,
  ProposedClassificationSchema,
  type ReviewDecision,
  ReviewDecisionSchema,
} from './lifecycle';
import { IsoDateTimeSchema, UuidSchema } from './primitives';

/**
 * A field office reviewer's decision on one finding of a submitted validation. Review fields are the only
 * thing anyone may change on a submitted validation, at HQ or on a laptop (architecture §5).
 */
export { type ReviewDecision, ReviewDecisionSchema } from './lifecycle';

export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  CONCUR: 'Concur',
  NON_CONCUR: 'Non-concur',
  RETURN_FOR_CORRECTION: 'Return for correction',
};

export const PROPOSED_CLASSIFICATION_LABELS = {
  ACTION_REQUIRED: 'Action required',
  RECOMMENDATION: 'Recommendation',
  NO_FINDING: 'No finding',
} as const;

export const FindingReviewSchema = z.object({
  validationId: UuidSchema,
  findingId: UuidSchema,
  decision: ReviewDecisionSchema,
  comment: z.string().trim().max(5_000),
  /** With NON_CONCUR: the classification the reviewer proposes instead (NO_FINDING: not a deficiency). */
  proposedClassification: ProposedClassificationSchema.nullable().optional(),
  reviewedAt: IsoDateTimeSchema,
  /** The enrolled reviewer's name as HQ knows it. */
  reviewedBy: z.string().min(1),
  /**
   * HQ's id of the enrolled reviewer whose device pushed the decision, set by HQ (a laptop never sends it): two
   * reviewers of one name stay apart. Absent on a laptop's own unsent decision and on decisions HQ took before.
   */
  reviewerId: UuidSchema.optional(),
  version: z.number().int().positive(),
  /**
   * The version of the finding the reviewer decided on. Absent only on decisions recorded before decisions
   * named it; those stand as they are.
   */
  findingVersion: z.number().int().positive().optional(),
});
export type FindingReview = z.infer<typeof FindingReviewSchema>;

/**
 * The decision that stands on a finding as it is now: a decision on an earlier version of the finding (the SCSS
 * changed it after a return) no longer counts, so a concurrence must be given again before approval.
 */
export function standingDecision(
  review: Pick<FindingReview, 'decision' | 'findingVersion'> | undefined,
  finding: { version: number },
): ReviewDecision | null {
  if (!review) return null;
  return decisionOutdated(review, finding) ? null : review.decision;
}

/** Whether a decision was made on an earlier version of the finding than the one held now. */
export const decisionOutdated = (
  review: Pick<FindingReview, 'findingVersion'>,
  finding: { version: number },
): boolean => review.findingVersion !== undefined && review.findingVersion !== finding.version;

/** A return or a non-concurrence needs words the SCSS can act on; a concurrence may stand alone. */
export const SaveFindingReviewRequestSchema = z
  .strictObject({
    validationId: UuidSchema,
    findingId: UuidSchema,
    decision: ReviewDecisionSchema,
    comment: z.string().trim().max(5_000),
    proposedClassification: ProposedClassificationSchema.nullable().optional(),
  })
  .refine((r) => r.decision === 'CONCUR' || r.comment.length >= MIN_RETURN_COMMENT, {
    path: ['comment'],
    error: `Say what the SCSS must correct or why you do not concur (at least ${MIN_RETURN_COMMENT} characters)`,
  })
  .refine((r) => r.decision !== 'NON_CONCUR' || (r.proposedClassification ?? null) !== null, {
    path: ['proposedClassification'],
    error: 'Propose a classification: Action required, Recommendation or No finding',
  });

/** HQ's record of a review as pushed: keyed validationId/findingId, versioned like answers. */
export const findingReviewEntityId = (validationId: string, findingId: string): string =>
  `${validationId}/${findingId}`;

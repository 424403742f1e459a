import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from './primitives';

/**
 * A field office reviewer's decision on one finding of a submitted validation. Review fields are the only
 * thing anyone may change on a submitted validation, at HQ or on a laptop (architecture §5).
 */
export const ReviewDecisionSchema = z.enum(['CONCUR', 'RETURN_FOR_CORRECTION']);
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  CONCUR: 'Concur',
  RETURN_FOR_CORRECTION: 'Return for correction',
};

export const FindingReviewSchema = z.object({
  validationId: UuidSchema,
  findingId: UuidSchema,
  decision: ReviewDecisionSchema,
  comment: z.string().trim().max(5_000),
  reviewedAt: IsoDateTimeSchema,
  reviewedBy: z.string().min(1),
  version: z.number().int().positive(),
});
export type FindingReview = z.infer<typeof FindingReviewSchema>;

/** A return needs words the SCSS can act on; a concurrence may stand alone. */
export const SaveFindingReviewRequestSchema = z
  .strictObject({
    validationId: UuidSchema,
    findingId: UuidSchema,
    decision: ReviewDecisionSchema,
    comment: z.string().trim().max(5_000),
  })
  .refine((r) => r.decision !== 'RETURN_FOR_CORRECTION' || r.comment.length >= 10, {
    path: ['comment'],
    error: 'Say what the SCSS must correct (at least 10 characters)',
  });

/** HQ's record of a review as pushed: keyed validationId/findingId, versioned like answers. */
export const findingReviewEntityId = (validationId: string, findingId: string): string =>
  `${validationId}/${findingId}`;

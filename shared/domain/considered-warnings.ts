import { z } from 'zod';
import { CompletenessProblemSchema } from './completeness-types';
import { CriterionIdSchema, IsoDateTimeSchema } from './primitives';

/** A Review-and-submit warning the SCSS has looked at and decided about: known by its rule and criterion. */
export const ConsideredWarningSchema = z.object({
  code: CompletenessProblemSchema.shape.code,
  /** null for a warning about the whole validation (no sites, the virtual session log). */
  criterionId: CriterionIdSchema.nullable(),
  consideredAt: IsoDateTimeSchema,
  consideredBy: z.string(),
});
export type ConsideredWarning = z.infer<typeof ConsideredWarningSchema>;

/** The key a warning and its considered mark share; every warning of one rule about no criterion shares one. */
export const warningKey = (w: { code: string; criterionId: string | null }): string =>
  `${w.code}/${w.criterionId ?? ''}`;

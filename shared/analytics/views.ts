import { z } from 'zod';

/** What each analytics view answers (issue 12), for HQ's routes, its OpenAPI document and the laptop's client. */

const Count = z.number().int().nonnegative();
/** A percent rounded half away from zero to 2 decimals (definitions.ts percentOf). */
const Percent = z.number().min(0).max(100);

export const KeyStatisticsSchema = z.object({
  validationsSubmitted: Count,
  membersValidated: Count,
  deficiencies: Count,
  deficienciesPerValidation: z.object({ mean: z.number().nonnegative(), median: z.number().nonnegative() }),
  /** Percent of submitted validations with at least one Action Required deficiency. */
  shareWithActionRequired: Percent,
  /** Criteria deficient on a validation and on the same Member's previous submitted validation in scope. */
  repeatDeficiencies: Count.nullable(),
  /** Action Required findings awaiting a Member response past its due date with no accepted response. */
  responsesOverdue: Count,
});
export type KeyStatistics = z.infer<typeof KeyStatisticsSchema>;

export const DeficienciesByCategorySchema = z.object({
  total: Count,
  rows: z.array(
    z.object({
      category: z.number().int().min(1).max(12),
      name: z.string(),
      count: Count,
      percent: Percent,
      actionRequired: Count,
      recommendation: Count,
    }),
  ),
});
export type DeficienciesByCategory = z.infer<typeof DeficienciesByCategorySchema>;

export const TopDeficienciesSchema = z.object({
  rows: z.array(
    z.object({
      criterionId: z.string(),
      category: z.number().int().min(1).max(12),
      /** Submitted validations with at least one deficiency on this criterion. */
      timesDeficient: Count,
      /** Submitted validations where this criterion was found compliant or deficient. */
      timesAssessed: Count,
      /** timesDeficient as a percent of timesAssessed (0 when never assessed). */
      rate: z.number().nonnegative(),
    }),
  ),
});
export type TopDeficiencies = z.infer<typeof TopDeficienciesSchema>;

export const DeficiencyReasonsSchema = z.object({
  total: Count,
  rows: z.array(z.object({ reasonCode: z.string().nullable(), count: Count, percent: Percent })),
});
export type DeficiencyReasons = z.infer<typeof DeficiencyReasonsSchema>;

import { z } from 'zod';

/** What each analytics view answers, for HQ's routes, its OpenAPI document and the laptop's client. */

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

const Category = z.number().int().min(1).max(12);

const TrendPeriodSchema = z.object({
  /** YYYY-MM for a month, YYYY-Qn for a quarter, of the submitted date (UTC). */
  period: z.string(),
  validations: Count,
  deficiencies: Count,
  /** deficiencies ÷ validations, rounded half away from zero to 2 decimals. */
  perValidation: z.number().nonnegative(),
  /** Categories with at least one deficiency in the period, in category order. */
  byCategory: z.array(z.object({ category: Category, count: Count, perValidation: z.number().nonnegative() })),
});

/** Only periods with at least one submitted validation, oldest first. */
export const TrendsSchema = z.object({ months: z.array(TrendPeriodSchema), quarters: z.array(TrendPeriodSchema) });
export type Trends = z.infer<typeof TrendsSchema>;
export type TrendPeriod = z.infer<typeof TrendPeriodSchema>;

const Minutes = z.number().nonnegative().nullable();

export const VirtualVsInPersonSchema = z.object({
  modes: z.array(
    z.object({
      mode: z.enum(['IN_PERSON', 'VIRTUAL']),
      validations: Count,
      deficiencies: Count,
      perValidation: z.number().nonnegative(),
      /** Percent of this mode's validations with at least one Action Required deficiency. */
      shareWithActionRequired: Percent,
      /** Categories with deficiencies, ranked by count; percent of this mode's deficiencies. */
      byCategory: z.array(z.object({ category: Category, count: Count, percent: Percent })),
      /** Virtual only (null in person): a validation's duration is the sum of its timed sessions. */
      sessionDuration: z
        .object({
          /** Validations with at least one session with both a start and an end. */
          validationsTimed: Count,
          /** Validations left out of the duration figures: no timed session. */
          validationsUntimed: Count,
          medianMinutes: Minutes,
          q1Minutes: Minutes,
          q3Minutes: Minutes,
          /** q3 − q1: the spread of the middle half. */
          iqrMinutes: Minutes,
        })
        .nullable(),
    }),
  ),
});
export type VirtualVsInPerson = z.infer<typeof VirtualVsInPersonSchema>;

/** The six views, by the name HQ's routes and the laptop's dashboard use. */
export const ANALYTICS_VIEWS = [
  'key-statistics',
  'deficiencies-by-category',
  'top-deficiencies',
  'deficiency-reasons',
  'trends',
  'virtual-vs-in-person',
] as const;
export const AnalyticsViewNameSchema = z.enum(ANALYTICS_VIEWS);
export type AnalyticsViewName = z.infer<typeof AnalyticsViewNameSchema>;

export const ANALYTICS_VIEW_SCHEMAS = {
  'key-statistics': KeyStatisticsSchema,
  'deficiencies-by-category': DeficienciesByCategorySchema,
  'top-deficiencies': TopDeficienciesSchema,
  'deficiency-reasons': DeficiencyReasonsSchema,
  trends: TrendsSchema,
  'virtual-vs-in-person': VirtualVsInPersonSchema,
} as const satisfies Record<AnalyticsViewName, z.ZodType>;

export type AnalyticsResultOf<V extends AnalyticsViewName> = z.infer<(typeof ANALYTICS_VIEW_SCHEMAS)[V]>;

/** One view's answer with its name, so a caller can narrow on `view`. */
export const AnalyticsViewResultSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('key-statistics'), data: KeyStatisticsSchema }),
  z.object({ view: z.literal('deficiencies-by-category'), data: DeficienciesByCategorySchema }),
  z.object({ view: z.literal('top-deficiencies'), data: TopDeficienciesSchema }),
  z.object({ view: z.literal('deficiency-reasons'), data: DeficiencyReasonsSchema }),
  z.object({ view: z.literal('trends'), data: TrendsSchema }),
  z.object({ view: z.literal('virtual-vs-in-person'), data: VirtualVsInPersonSchema }),
]);
export type AnalyticsViewResult = z.infer<typeof AnalyticsViewResultSchema>;

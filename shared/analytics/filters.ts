import { z } from 'zod';
import { EntityTypeSchema } from '../domain/entity-types';
import { IsoDateSchema } from '../domain/primitives';
import { ValidationModeSchema } from '../domain/validation';

/**
 * The filters every analytics view takes, as query parameters. Strict: a misspelt parameter is
 * refused rather than silently ignored, since an ignored filter gives plausible but wrong numbers.
 */
export const ANALYTICS_FILTER_FIELDS = {
  /** First day (YYYY-MM-DD, UTC) of the submission date range, inclusive. */
  submittedFrom: IsoDateSchema.optional(),
  /** Last day (YYYY-MM-DD, UTC) of the submission date range, inclusive. */
  submittedTo: IsoDateSchema.optional(),
  entityType: EntityTypeSchema.optional(),
  mode: ValidationModeSchema.optional(),
  fieldOffice: z.string().trim().min(1).max(200).optional(),
  /** A catalog edition id such as MSC-2019-11. */
  edition: z
    .string()
    .regex(/^MSC-\d{4}-\d{2}$/, { error: 'Edition ids look like MSC-2019-11' })
    .optional(),
};

type DateRange = { submittedFrom?: string | undefined; submittedTo?: string | undefined };
const datesInOrder = (f: DateRange) => !f.submittedFrom || !f.submittedTo || f.submittedFrom <= f.submittedTo;
const DATE_ORDER = { path: ['submittedTo'], error: 'Must not be before submittedFrom' };

export const AnalyticsFiltersSchema = z.strictObject(ANALYTICS_FILTER_FIELDS).refine(datesInOrder, DATE_ORDER);
export type AnalyticsFilters = z.infer<typeof AnalyticsFiltersSchema>;

export const TOP_DEFICIENCIES_DEFAULT_LIMIT = 10;
export const TOP_DEFICIENCIES_MAX_LIMIT = 100;

const LIMIT_RULE = { error: `A whole number from 1 to ${TOP_DEFICIENCIES_MAX_LIMIT}` };

/**
 * Top deficiencies also take how many criteria to list: digits only, as a query string carries it (a coerced
 * number would take "1e2", "0x10" or " 5", and name an empty one "too small").
 */
export const TopDeficienciesQuerySchema = z
  .strictObject({
    ...ANALYTICS_FILTER_FIELDS,
    limit: z
      .string()
      .regex(/^[0-9]{1,4}$/, LIMIT_RULE)
      .transform(Number)
      .pipe(z.number().min(1, LIMIT_RULE).max(TOP_DEFICIENCIES_MAX_LIMIT, LIMIT_RULE))
      .default(TOP_DEFICIENCIES_DEFAULT_LIMIT),
  })
  .refine(datesInOrder, DATE_ORDER);
export type TopDeficienciesQuery = z.infer<typeof TopDeficienciesQuerySchema>;

/** One line naming what is wrong with a query: the unknown parameters, or the field and why. */
export function describeFilterIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'query: malformed';
  if (issue.code === 'unrecognized_keys') {
    return `Unknown query parameter${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`;
  }
  return `${issue.path.join('.') || 'query'}: ${issue.message}`;
}

import { z } from 'zod';
import { type MessageKey, MessageParamsSchema } from '../messages';

export const CompletenessProblemSchema = z.object({
  code: z.enum([
    'UNANSWERED',
    'DEFICIENT_WITHOUT_FINDING',
    'FINDING_WITHOUT_REASON',
    'FINDING_WITHOUT_DUE_DATE',
    'FINDING_WITHOUT_DESCRIPTION',
    'FINDING_ON_NON_DEFICIENT',
    'FINDING_CLASSIFICATION_MISMATCH',
    'FINDING_DUE_BEFORE_REPORT_DATE',
    'MUST_NA_WITHOUT_JUSTIFICATION',
    'CHECKLIST_INCOMPLETE',
    'CHECKLIST_FAILED_ON_COMPLIANT',
    'VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE',
    'VIRTUAL_SESSION_MISSING',
    'NO_SITES',
    'NO_VERIFICATION_METHOD',
  ]),
  severity: z.enum(['error', 'warning']),
  /** The English text, for logs, HQ and older readers; the interface writes `key` with `params` in its language. */
  message: z.string(),
  key: z.string().optional() as unknown as z.ZodOptional<z.ZodType<MessageKey>>,
  params: MessageParamsSchema.optional(),
  criterionId: z.string().nullable(),
  category: z.number().int().nullable(),
});
export type CompletenessProblem = z.infer<typeof CompletenessProblemSchema>;

export const CompletenessReportSchema = z.object({
  ready: z.boolean(),
  errors: z.array(CompletenessProblemSchema),
  warnings: z.array(CompletenessProblemSchema),
});
export type CompletenessReport = z.infer<typeof CompletenessReportSchema>;

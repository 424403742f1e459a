import { z } from 'zod';
import { EntityTypeSchema } from './entity-types';

export const ValidationModeSchema = z.enum(['IN_PERSON', 'VIRTUAL']);
export type ValidationMode = z.infer<typeof ValidationModeSchema>;
export const VALIDATION_MODE_LABELS: Record<ValidationMode, string> = {
  IN_PERSON: 'In person',
  VIRTUAL: 'Virtual',
};

export const ValidationStatusSchema = z.enum(['DRAFT', 'IN_PROGRESS', 'SUBMITTED']);
export type ValidationStatus = z.infer<typeof ValidationStatusSchema>;
export const VALIDATION_STATUS_LABELS: Record<ValidationStatus, string> = {
  DRAFT: 'Not started',
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Submitted',
};

export const ResponseResultSchema = z.enum(['COMPLIANT', 'DEFICIENT', 'NOT_APPLICABLE', 'NOT_VERIFIED']);
export type ResponseResult = z.infer<typeof ResponseResultSchema>;
export const RESPONSE_RESULT_LABELS: Record<ResponseResult, string> = {
  COMPLIANT: 'Compliant',
  DEFICIENT: 'Deficient',
  NOT_APPLICABLE: 'Not applicable',
  NOT_VERIFIED: 'Not verified',
};

/** ISO calendar date (YYYY-MM-DD) that is a real day. */
export const IsoDateSchema = z.iso.date({ error: 'Use a date in the form YYYY-MM-DD' });
export const IsoDateTimeSchema = z.iso.datetime();
export const UuidSchema = z.uuid({ error: 'Must be a UUID' });
export const CriterionIdSchema = z
  .string()
  .regex(/^(1[0-2]|[1-9])\.[1-9][0-9]?$/, { error: 'Criterion ID looks like 4.17: category 1–12, a dot, a number' });

export const MemberSchema = z.object({
  id: UuidSchema,
  legalName: z.string().min(1),
  accountNumber: z.string().min(1),
  entityType: EntityTypeSchema,
  city: z.string(),
  country: z.string(),
  createdAt: IsoDateTimeSchema,
});
export type Member = z.infer<typeof MemberSchema>;

export const ValidationSchema = z.object({
  id: UuidSchema,
  memberId: UuidSchema,
  entityType: EntityTypeSchema,
  mode: ValidationModeSchema,
  catalogEditionId: z.string(),
  status: ValidationStatusSchema,
  scheduledDate: IsoDateSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  submittedAt: IsoDateTimeSchema.nullable(),
});
export type Validation = z.infer<typeof ValidationSchema>;

export const ValidationSummarySchema = ValidationSchema.extend({
  memberName: z.string(),
  answeredCount: z.number().int().nonnegative(),
  applicableCount: z.number().int().nonnegative(),
});
export type ValidationSummary = z.infer<typeof ValidationSummarySchema>;

export const CriterionResponseSchema = z.object({
  validationId: UuidSchema,
  criterionId: CriterionIdSchema,
  result: ResponseResultSchema.nullable(),
  notes: z.string(),
  version: z.number().int().positive(),
  updatedAt: IsoDateTimeSchema,
  updatedBy: z.string(),
});
export type CriterionResponse = z.infer<typeof CriterionResponseSchema>;

export const NOTES_MAX_LENGTH = 20_000;

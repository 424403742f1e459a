import { z } from 'zod';
import { EntityTypeSchema } from './entity-types';
import { VerificationMethodSchema } from './field-work';
import { LanguageSchema } from './language';
import { CriterionIdSchema, IsoDateSchema, IsoDateTimeSchema, UuidSchema } from './primitives';

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

export { CriterionIdSchema, IsoDateSchema, IsoDateTimeSchema, UuidSchema } from './primitives';

export const MemberSchema = z.object({
  id: UuidSchema,
  legalName: z.string().min(1),
  accountNumber: z.string().min(1),
  entityType: EntityTypeSchema,
  city: z.string(),
  country: z.string(),
  /** The language CBP writes to the Member in: the Member-facing report and letter use it. */
  correspondenceLanguage: LanguageSchema,
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
  submittedBy: z.string().nullable(),
  signedByName: z.string().nullable(),
  /** SHA-256 of the validation's content at submission (responses, findings, evidence hashes…). */
  contentSha256: z.string().nullable(),
  reopenedAt: IsoDateTimeSchema.nullable(),
  reopenReason: z.string().nullable(),
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
  siteId: UuidSchema.nullable(),
  verificationMethods: z.array(VerificationMethodSchema),
  /** Why a Must criterion does not apply; required before submit. */
  naJustification: z.string(),
  version: z.number().int().positive(),
  updatedAt: IsoDateTimeSchema,
  updatedBy: z.string(),
});
export type CriterionResponse = z.infer<typeof CriterionResponseSchema>;

export const NOTES_MAX_LENGTH = 20_000;

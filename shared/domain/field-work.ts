import { z } from 'zod';
import { LanguageSchema } from './language';
import { CriterionIdSchema, IsoDateSchema, IsoDateTimeSchema, UuidSchema } from './primitives';

/** How the SCSS verified a criterion (OIG-12-86 asks that every worksheet row say so). */
export const VerificationMethodSchema = z.enum([
  'OBSERVED_ON_SITE',
  'DOCUMENT_REVIEWED',
  'INTERVIEW',
  'LIVE_VIDEO',
  'SCREEN_SHARE',
]);
export type VerificationMethod = z.infer<typeof VerificationMethodSchema>;
export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = {
  OBSERVED_ON_SITE: 'Observed on site',
  DOCUMENT_REVIEWED: 'Document reviewed',
  INTERVIEW: 'Interview',
  LIVE_VIDEO: 'Live video',
  SCREEN_SHARE: 'Screen share',
};

export const SiteTypeSchema = z.enum([
  'MAIN_OFFICE',
  'WAREHOUSE',
  'DISTRIBUTION_CENTER',
  'MANUFACTURING_PLANT',
  'FOREIGN_SUPPLIER',
  'CARRIER_YARD',
  'OTHER',
]);
export type SiteType = z.infer<typeof SiteTypeSchema>;
export const SITE_TYPE_LABELS: Record<SiteType, string> = {
  MAIN_OFFICE: 'Main office',
  WAREHOUSE: 'Warehouse',
  DISTRIBUTION_CENTER: 'Distribution center',
  MANUFACTURING_PLANT: 'Manufacturing plant',
  FOREIGN_SUPPLIER: 'Foreign supplier or manufacturer',
  CARRIER_YARD: 'Carrier yard or terminal',
  OTHER: 'Other',
};

/** The longest site name and address the store takes, in characters. */
export const SITE_NAME_MAX = 200;
export const SITE_ADDRESS_MAX = 500;

export const SiteSchema = z.object({
  id: UuidSchema,
  validationId: UuidSchema,
  name: z.string().trim().min(1, { error: 'Give the site a name' }).max(SITE_NAME_MAX),
  address: z.string().max(SITE_ADDRESS_MAX),
  siteType: SiteTypeSchema,
  visitDate: IsoDateSchema.nullable(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Site = z.infer<typeof SiteSchema>;

export const FindingClassificationSchema = z.enum(['ACTION_REQUIRED', 'RECOMMENDATION']);
export type FindingClassification = z.infer<typeof FindingClassificationSchema>;
export const FINDING_CLASSIFICATION_LABELS: Record<FindingClassification, string> = {
  ACTION_REQUIRED: 'Action required',
  RECOMMENDATION: 'Recommendation',
};

export const FindingSchema = z.object({
  id: UuidSchema,
  validationId: UuidSchema,
  criterionId: CriterionIdSchema,
  classification: FindingClassificationSchema,
  reasonCode: z.string().nullable(),
  description: z.string().max(20_000),
  dueDate: IsoDateSchema.nullable(),
  version: z.number().int().positive(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Finding = z.infer<typeof FindingSchema>;

export const ObservationSchema = z.object({
  id: UuidSchema,
  validationId: UuidSchema,
  category: z.number().int().min(1).max(12),
  text: z.string().trim().min(1, { error: 'Describe the best practice' }).max(20_000),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Observation = z.infer<typeof ObservationSchema>;

export const DeficiencyReasonSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, { error: 'Reason codes are UPPER_SNAKE_CASE' }),
  label: z.string().trim().min(1).max(120),
  active: z.boolean(),
});
export type DeficiencyReason = z.infer<typeof DeficiencyReasonSchema>;

export const SettingsSchema = z.object({
  deficiencyReasons: z
    .array(DeficiencyReasonSchema)
    .min(1)
    .refine((list) => new Set(list.map((r) => r.code)).size === list.length, { error: 'Reason codes must be unique' }),
  /** Days after the report date by which the Member must respond to a finding. */
  responseDays: z.number().int().min(1).max(365),
  /** Largest evidence file accepted, in bytes. */
  maxEvidenceBytes: z
    .number()
    .int()
    .min(1024)
    .max(500 * 1024 * 1024),
  /** The marking printed at the top and bottom of every report page (e.g. CUI). */
  reportMarking: z
    .string()
    .trim()
    .min(1, { error: 'Give the marking every report page carries (e.g. CUI).' })
    .max(60, { error: 'At most 60 characters.' })
    .regex(/^[^\p{Cc}]*$/u, { error: 'One line of text, no control characters.' }),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Proposed defaults (ctpat-facts §4: CBP's own list is not public); editable in Settings. */
export const DEFAULT_SETTINGS: Settings = {
  deficiencyReasons: [
    { code: 'NO_WRITTEN_PROCEDURE', label: 'No written procedure', active: true },
    { code: 'PROCEDURE_INCOMPLETE', label: 'Procedure incomplete', active: true },
    { code: 'NOT_IMPLEMENTED', label: 'Not implemented', active: true },
    { code: 'PARTIALLY_IMPLEMENTED', label: 'Partially implemented', active: true },
    { code: 'NO_EVIDENCE', label: 'No evidence of implementation', active: true },
    { code: 'NOT_REVIEWED_OR_UPDATED', label: 'Not reviewed or updated', active: true },
    { code: 'BUSINESS_PARTNER_GAP', label: 'Business partner gap', active: true },
    { code: 'TRAINING_GAP', label: 'Training gap', active: true },
    { code: 'OTHER', label: 'Other', active: true },
  ],
  responseDays: 90,
  maxEvidenceBytes: 25_000_000, // 25 MB of 1,000,000 bytes (shared/domain/file-size.ts)
  reportMarking: 'CUI',
};

export const EvidenceSchema = z.object({
  id: UuidSchema,
  validationId: UuidSchema,
  criterionId: CriterionIdSchema.nullable(),
  findingId: UuidSchema.nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1),
  sizeBytes: z.number().int().nonnegative(),
  caption: z.string().max(2000),
  observedRemotely: z.boolean(),
  hasThumbnail: z.boolean(),
  createdAt: IsoDateTimeSchema,
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ChecklistKindSchema = z.enum(['CONTAINER_7_POINT', 'TRACTOR_TRAILER_17_POINT', 'SEAL_VVTT']);
export type ChecklistKind = z.infer<typeof ChecklistKindSchema>;

export const ChecklistItemStatusSchema = z.enum(['PASS', 'FAIL', 'NOT_APPLICABLE']);
export type ChecklistItemStatus = z.infer<typeof ChecklistItemStatusSchema>;

export const ChecklistItemRecordSchema = z.object({
  key: z.string().min(1),
  status: ChecklistItemStatusSchema.nullable(),
  note: z.string().max(2000),
});

export const InspectionChecklistSchema = z.object({
  id: UuidSchema,
  validationId: UuidSchema,
  criterionId: CriterionIdSchema,
  kind: ChecklistKindSchema,
  /** What was inspected: container, trailer or seal number. */
  label: z.string().max(120),
  refrigerated: z.boolean(),
  items: z.array(ChecklistItemRecordSchema),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type InspectionChecklist = z.infer<typeof InspectionChecklistSchema>;

export const ParticipantRoleSchema = z.enum([
  'CBP_SCSS',
  'CBP_OTHER',
  'COMPANY_POINT_OF_CONTACT',
  'COMPANY_MANAGEMENT',
  'COMPANY_DEPARTMENT_HEAD',
  'BUSINESS_PARTNER',
  'OTHER',
]);
export const PARTICIPANT_ROLE_LABELS: Record<z.infer<typeof ParticipantRoleSchema>, string> = {
  CBP_SCSS: 'CBP SCSS',
  CBP_OTHER: 'CBP (other)',
  COMPANY_POINT_OF_CONTACT: 'Company CTPAT point of contact',
  COMPANY_MANAGEMENT: 'Company management',
  COMPANY_DEPARTMENT_HEAD: 'Company department head',
  BUSINESS_PARTNER: 'Business partner',
  OTHER: 'Other',
};

export const VirtualSessionSchema = z.object({
  id: UuidSchema,
  validationId: UuidSchema,
  platform: z.string().trim().min(1, { error: 'Name the video platform' }).max(80),
  startedAt: IsoDateTimeSchema.nullable(),
  endedAt: IsoDateTimeSchema.nullable(),
  participants: z.array(
    z.object({
      name: z.string().trim().min(1).max(120),
      role: ParticipantRoleSchema,
      organization: z.string().max(200),
    }),
  ),
  documents: z.array(
    z.object({
      title: z.string().trim().min(1).max(200),
      requestedAt: IsoDateSchema.nullable(),
      receivedAt: IsoDateSchema.nullable(),
    }),
  ),
  /** Livestream tour segments, each noted against the criteria it showed. */
  segments: z.array(
    z.object({
      at: IsoDateTimeSchema,
      area: z.string().trim().min(1).max(200),
      criterionIds: z.array(CriterionIdSchema),
      note: z.string().max(2000),
    }),
  ),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type VirtualSession = z.infer<typeof VirtualSessionSchema>;

export const SubmissionSchema = z.object({
  submittedAt: IsoDateTimeSchema,
  submittedBy: z.string(),
  signedByName: z.string(),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The language the worksheet was shown in when signed; absent on submissions made before it was recorded. */
  worksheetLanguage: LanguageSchema.optional(),
});
export type Submission = z.infer<typeof SubmissionSchema>;

import { z } from 'zod';
import { CatalogEditionSchema } from '../catalog/schema';
import { CompletenessReportSchema } from '../domain/completeness-types';
import { EntityTypeSchema } from '../domain/entity-types';
import {
  ChecklistItemRecordSchema,
  ChecklistKindSchema,
  EvidenceSchema,
  FindingClassificationSchema,
  FindingSchema,
  InspectionChecklistSchema,
  ObservationSchema,
  SettingsSchema,
  SiteSchema,
  SiteTypeSchema,
  VerificationMethodSchema,
  VirtualSessionSchema,
} from '../domain/field-work';
import { FindingReviewSchema, SaveFindingReviewRequestSchema } from '../domain/review';
import {
  CriterionIdSchema,
  CriterionResponseSchema,
  IsoDateSchema,
  MemberSchema,
  NOTES_MAX_LENGTH,
  ResponseResultSchema,
  UuidSchema,
  ValidationModeSchema,
  ValidationSchema,
  ValidationStatusSchema,
  ValidationSummarySchema,
} from '../domain/validation';
import type { Channel, EventName } from './channels';

const Empty = z.strictObject({});

export const AppInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  actor: z.string(),
  catalogEditionIds: z.array(z.string()),
  transport: z.enum(['electron', 'web-harness']),
});

export const ValidationListFilterSchema = z.strictObject({
  memberId: UuidSchema.optional(),
  status: ValidationStatusSchema.optional(),
  scheduledFrom: IsoDateSchema.optional(),
  scheduledTo: IsoDateSchema.optional(),
});

export const CreateValidationRequestSchema = z.strictObject({
  memberId: UuidSchema,
  entityType: EntityTypeSchema,
  mode: ValidationModeSchema,
  scheduledDate: IsoDateSchema,
});

export const WorksheetSchema = z.object({
  validation: ValidationSchema,
  member: MemberSchema,
  edition: z.object({ id: z.string(), title: z.string(), publishedOn: z.string() }),
  focusAreas: CatalogEditionSchema.shape.focusAreas,
  categories: CatalogEditionSchema.shape.categories,
  criteria: CatalogEditionSchema.shape.criteria,
  responses: z.array(CriterionResponseSchema),
  sites: z.array(SiteSchema),
  findings: z.array(FindingSchema),
  observations: z.array(ObservationSchema),
  evidence: z.array(EvidenceSchema),
  checklists: z.array(InspectionChecklistSchema),
  virtualSessions: z.array(VirtualSessionSchema),
  /** Results from the Member's most recent earlier submitted validation, for revalidations. */
  previousResults: z.array(
    z.object({
      criterionId: z.string(),
      result: ResponseResultSchema.nullable(),
      validationId: UuidSchema,
      scheduledDate: IsoDateSchema,
    }),
  ),
  settings: SettingsSchema,
});
export type Worksheet = z.infer<typeof WorksheetSchema>;

export const SaveResponseRequestSchema = z
  .strictObject({
    validationId: UuidSchema,
    criterionId: CriterionIdSchema,
    /** Omitted fields keep their saved value; null clears the result. */
    result: ResponseResultSchema.nullable().optional(),
    notes: z
      .string()
      .max(NOTES_MAX_LENGTH, { error: `Notes are limited to ${NOTES_MAX_LENGTH} characters` })
      .optional(),
    siteId: UuidSchema.nullable().optional(),
    verificationMethods: z
      .array(VerificationMethodSchema)
      .refine((list) => new Set(list).size === list.length, { error: 'A verification method is listed twice' })
      .optional(),
    naJustification: z.string().max(NOTES_MAX_LENGTH).optional(),
  })
  .refine(
    (r) =>
      r.result !== undefined ||
      r.notes !== undefined ||
      r.siteId !== undefined ||
      r.verificationMethods !== undefined ||
      r.naJustification !== undefined,
    { error: 'Send at least one field to change' },
  );

const ValidationRef = { validationId: UuidSchema };
const Deleted = z.object({ deleted: z.literal(true) });

export const SaveSiteRequestSchema = z.strictObject({
  ...ValidationRef,
  id: UuidSchema.optional(),
  name: SiteSchema.shape.name,
  address: SiteSchema.shape.address,
  siteType: SiteTypeSchema,
  visitDate: IsoDateSchema.nullable(),
});

export const SaveFindingRequestSchema = z.strictObject({
  ...ValidationRef,
  criterionId: CriterionIdSchema,
  classification: FindingClassificationSchema,
  reasonCode: z.string().nullable(),
  description: FindingSchema.shape.description,
  dueDate: IsoDateSchema.nullable(),
});

/** Bytes travel base64-encoded (paste, drag and drop, harness uploads); a token names a file the native picker chose. */
export const EvidenceSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bytes'), base64: z.string().min(1) }),
  z.strictObject({ kind: z.literal('picked'), token: z.string().min(1) }),
]);

export const AttachEvidenceRequestSchema = z
  .strictObject({
    ...ValidationRef,
    criterionId: CriterionIdSchema.nullable(),
    findingId: UuidSchema.nullable(),
    fileName: z.string().trim().min(1).max(255),
    mediaType: z.string().max(200),
    caption: z.string().max(2000),
    source: EvidenceSourceSchema,
  })
  .refine((request) => request.criterionId !== null || request.findingId !== null, {
    // Evidence with neither would be stored where no screen shows it.
    error: 'criterionId or findingId is required: evidence is attached to a criterion or to a finding',
  });

export const SaveChecklistRequestSchema = z.strictObject({
  ...ValidationRef,
  id: UuidSchema.optional(),
  criterionId: CriterionIdSchema,
  kind: ChecklistKindSchema,
  label: z.string().max(120),
  refrigerated: z.boolean(),
  items: z.array(ChecklistItemRecordSchema),
});

export const SaveVirtualSessionRequestSchema = z.strictObject({
  ...ValidationRef,
  id: UuidSchema.optional(),
  platform: VirtualSessionSchema.shape.platform,
  startedAt: VirtualSessionSchema.shape.startedAt,
  endedAt: VirtualSessionSchema.shape.endedAt,
  participants: VirtualSessionSchema.shape.participants,
  documents: VirtualSessionSchema.shape.documents,
  segments: VirtualSessionSchema.shape.segments,
});

export const SyncProgressSchema = z.object({
  phase: z.enum(['push', 'evidence', 'receipts', 'pull']),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
});
export type SyncProgressView = z.infer<typeof SyncProgressSchema>;

export const SyncStatusViewSchema = z.object({
  enrolled: z.boolean(),
  hqUrl: z.string().nullable(),
  userName: z.string().nullable(),
  /** The enrolled user's role at HQ: reviewers and supervisors get the review list. */
  userRole: z.enum(['SCSS', 'FIELD_OFFICE_REVIEWER', 'SUPERVISOR', 'HQ_ANALYST']).nullable(),
  state: z.enum(['idle', 'syncing', 'needs-enrolment', 'error']),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  pending: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  /** What the running sync is doing, for the progress bar; null when no sync runs. */
  progress: SyncProgressSchema.nullable(),
});
export type SyncStatusView = z.infer<typeof SyncStatusViewSchema>;

export const ValidationSyncViewSchema = z.object({
  validationId: UuidSchema,
  state: z.enum(['not-synced', 'syncing', 'synced', 'needs-attention']),
  reason: z.string().nullable(),
  /** When HQ last receipted one of its changes. */
  syncedAt: z.string().nullable(),
  /** Set once HQ's copy carries the same fingerprint and every evidence file. */
  safeToArchiveAt: z.string().nullable(),
});
export type ValidationSyncView = z.infer<typeof ValidationSyncViewSchema>;

/** A change HQ refused, kept on this computer until the user sends it again or decides not to. */
export const ReviewQueueItemSchema = z.object({
  validationId: UuidSchema,
  memberName: z.string().nullable(),
  entityType: z.string(),
  mode: z.string(),
  scheduledDate: z.string(),
  submittedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  findings: z.array(
    z.object({
      id: UuidSchema,
      criterionId: z.string(),
      classification: z.string(),
      description: z.string(),
      dueDate: z.string().nullable(),
      review: FindingReviewSchema.nullable(),
    }),
  ),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;

export const RefusedChangeSchema = z.object({
  changeId: UuidSchema,
  validationId: z.string().nullable(),
  memberName: z.string().nullable(),
  entity: z.string(),
  operation: z.string(),
  reason: z.string(),
  refusedAt: z.string(),
});
export type RefusedChange = z.infer<typeof RefusedChangeSchema>;

/** An evidence file HQ refused (e.g. its bytes no longer match the fingerprint), waiting for the SCSS to decide. */
export const RefusedEvidenceSchema = z.object({
  sha256: z.string(),
  fileName: z.string(),
  validationId: z.string().nullable(),
  memberName: z.string().nullable(),
  scheduledDate: z.string().nullable(),
  reason: z.string(),
  refusedAt: z.string(),
});
export type RefusedEvidenceView = z.infer<typeof RefusedEvidenceSchema>;
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Name the file by its SHA-256 fingerprint' });

/** A validation HQ assigned to this SCSS, not yet started on this computer. */
export const AssignmentViewSchema = z.object({
  id: UuidSchema,
  member: MemberSchema,
  entityType: EntityTypeSchema,
  mode: ValidationModeSchema,
  targetDate: IsoDateSchema,
});

const AuditRowStampSchema = z.object({ seq: z.number().int(), at: z.string() });
const AuditChainBreakSchema = z.object({
  seq: z.number().int(),
  at: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  kind: z.enum(['edited', 'unlinked', 'head-mismatch']),
  reason: z.string(),
});

/** One check of the hash-chained audit log: what it walked, and where and whom a break touches. */
export const AuditVerificationSchema = z.object({
  intact: z.boolean(),
  rows: z.number().int().nonnegative(),
  first: AuditRowStampSchema.nullable(),
  last: AuditRowStampSchema.nullable(),
  headHash: z.string(),
  firstBreak: AuditChainBreakSchema.nullable(),
  /** The first 20 breaks; breakCount counts them all. */
  breaks: z.array(AuditChainBreakSchema),
  breakCount: z.number().int().nonnegative(),
  /** wholeStore: the break names no validation on this computer, so every validation is read-only. */
  affected: z.object({ wholeStore: z.boolean(), validationIds: z.array(z.string()) }),
  affectedValidations: z.array(
    z.object({ id: z.string(), memberName: z.string().nullable(), scheduledDate: z.string().nullable() }),
  ),
  /** A head recorded elsewhere (HQ) the log was held against; null for a check on this computer alone. */
  comparedWithHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  checkedAt: z.string(),
  durationMs: z.number().nonnegative(),
});
export type AuditVerificationView = z.infer<typeof AuditVerificationSchema>;

/** The one contract: channel → request and response schemas. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** HQ is reached over https:, so the token and the validations are never sent in the clear; only this computer's own loopback may use http:. */
export const HqAddressSchema = z
  .url({ protocol: /^https?$/, error: 'Enter HQ’s address, e.g. https://ctpat-hq.cbp.example' })
  .refine((address) => {
    if (!URL.canParse(address)) return true; // the url check above already says what is wrong
    const url = new URL(address);
    return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
  }, 'HQ’s address must start with https:// (http:// is allowed only for localhost)');

export const contract = {
  'app:info': { request: Empty, response: AppInfoSchema },
  'catalog:get': { request: z.strictObject({ editionId: z.string() }), response: CatalogEditionSchema },
  'members:list': { request: Empty, response: z.array(MemberSchema) },
  'validations:list': { request: ValidationListFilterSchema, response: z.array(ValidationSummarySchema) },
  'validations:create': { request: CreateValidationRequestSchema, response: ValidationSchema },
  'worksheet:open': { request: z.strictObject({ validationId: UuidSchema }), response: WorksheetSchema },
  'responses:save': { request: SaveResponseRequestSchema, response: CriterionResponseSchema },
  'settings:get': { request: Empty, response: SettingsSchema },
  'settings:update': { request: SettingsSchema, response: SettingsSchema },
  'sites:save': { request: SaveSiteRequestSchema, response: SiteSchema },
  'sites:delete': { request: z.strictObject({ ...ValidationRef, siteId: UuidSchema }), response: Deleted },
  'findings:save': { request: SaveFindingRequestSchema, response: FindingSchema },
  'findings:delete': {
    request: z.strictObject({ ...ValidationRef, criterionId: CriterionIdSchema }),
    response: Deleted,
  },
  'observations:save': {
    request: z.strictObject({
      ...ValidationRef,
      id: UuidSchema.optional(),
      category: z.number().int().min(1).max(12),
      text: ObservationSchema.shape.text,
    }),
    response: ObservationSchema,
  },
  'observations:delete': { request: z.strictObject({ ...ValidationRef, id: UuidSchema }), response: Deleted },
  /** Opens the native file dialog (Electron); the harness answers UNAVAILABLE and the page uses <input type=file>. */
  'evidence:pick': {
    request: z.strictObject({ ...ValidationRef }),
    response: z.array(z.object({ token: z.string(), fileName: z.string(), sizeBytes: z.number().int() })),
  },
  'evidence:attach': { request: AttachEvidenceRequestSchema, response: EvidenceSchema },
  'evidence:update': {
    request: z.strictObject({ ...ValidationRef, evidenceId: UuidSchema, caption: z.string().max(2000) }),
    response: EvidenceSchema,
  },
  'evidence:delete': {
    request: z.strictObject({
      ...ValidationRef,
      evidenceId: UuidSchema,
      reason: z.string().trim().min(3, { error: 'Say why the evidence is removed' }).max(500),
    }),
    response: Deleted,
  },
  'checklists:save': { request: SaveChecklistRequestSchema, response: InspectionChecklistSchema },
  'checklists:delete': { request: z.strictObject({ ...ValidationRef, id: UuidSchema }), response: Deleted },
  'sessions:save': { request: SaveVirtualSessionRequestSchema, response: VirtualSessionSchema },
  'validations:check': { request: z.strictObject({ ...ValidationRef }), response: CompletenessReportSchema },
  'validations:submit': {
    request: z.strictObject({
      ...ValidationRef,
      signedByName: z.string().trim().min(3, { error: 'Type your full name to sign' }).max(120),
      attestation: z.literal(true, { error: 'Confirm the attestation to submit' }),
    }),
    response: ValidationSchema,
  },
  'validations:reopen': {
    request: z.strictObject({
      ...ValidationRef,
      reason: z.string().trim().min(10, { error: 'Give a reason of at least 10 characters' }).max(2000),
    }),
    response: ValidationSchema,
  },
  'sync:status': { request: Empty, response: SyncStatusViewSchema },
  'sync:enroll': {
    request: z.strictObject({
      hqUrl: HqAddressSchema,
      code: z.string().trim().min(8, { error: 'Enter the enrolment code HQ gave you' }).max(64),
      deviceName: z.string().trim().min(1).max(120),
    }),
    response: SyncStatusViewSchema,
  },
  'sync:now': { request: Empty, response: SyncStatusViewSchema },
  'sync:validations': { request: Empty, response: z.array(ValidationSyncViewSchema) },
  'sync:refused': { request: Empty, response: z.array(RefusedChangeSchema) },
  'sync:sendagain': { request: z.strictObject({ changeId: UuidSchema }), response: SyncStatusViewSchema },
  'sync:dontsend': {
    request: z.strictObject({
      changeId: UuidSchema,
      reason: z.string().trim().min(3, 'Say why this change should not be sent (at least 3 characters)').max(500),
    }),
    response: SyncStatusViewSchema,
  },
  'sync:refusedfiles': { request: Empty, response: z.array(RefusedEvidenceSchema) },
  'sync:resendfile': { request: z.strictObject({ sha256: Sha256Schema }), response: SyncStatusViewSchema },
  'sync:withholdfile': {
    request: z.strictObject({
      sha256: Sha256Schema,
      reason: z.string().trim().min(3, 'Say why this file should not be sent (at least 3 characters)').max(500),
    }),
    response: SyncStatusViewSchema,
  },
  'sync:online': { request: Empty, response: z.object({ accepted: z.boolean() }) },
  'reviews:queue': { request: Empty, response: z.array(ReviewQueueItemSchema) },
  'reviews:save': { request: SaveFindingReviewRequestSchema, response: FindingReviewSchema },
  'assignments:list': { request: Empty, response: z.array(AssignmentViewSchema) },
  'assignments:start': { request: z.strictObject({ assignmentId: UuidSchema }), response: ValidationSchema },
  /** The last check (at start-up, or the person's latest); null before any ran. */
  'audit:status': { request: Empty, response: AuditVerificationSchema.nullable() },
  /** Walks the whole audit log now; a break makes what it affects read-only. */
  'audit:verify': { request: Empty, response: AuditVerificationSchema },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const eventContract = {
  'validation:changed': z.object({ validationId: UuidSchema }),
  'sync:progress': SyncProgressSchema.nullable(),
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof eventContract)[E]>;

import { z } from 'zod';
import { AnalyticsFiltersSchema, TOP_DEFICIENCIES_MAX_LIMIT } from '../analytics/filters';
import { AnalyticsViewNameSchema, AnalyticsViewResultSchema } from '../analytics/views';
import { CatalogEditionSchema } from '../catalog/schema';
import { CompletenessProblemSchema, CompletenessReportSchema } from '../domain/completeness-types';
import { ConsideredWarningSchema } from '../domain/considered-warnings';
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
import { LanguageSchema } from '../domain/language';
import {
  MemberResponseSchema,
  PersonSchema,
  ProposedClassificationSchema,
  ResponseAssessmentSchema,
  UserRoleSchema,
  WorkflowEventKindSchema,
  WorkflowStateSchema,
} from '../domain/lifecycle';
import { PolicyStatusViewSchema } from '../domain/policy';
import { FindingReviewSchema, SaveFindingReviewRequestSchema } from '../domain/review';
import {
  CriterionIdSchema,
  CriterionResponseSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  MemberSchema,
  NOTES_MAX_LENGTH,
  ResponseResultSchema,
  UuidSchema,
  ValidationModeSchema,
  ValidationSchema,
  ValidationStatusSchema,
  ValidationSummarySchema,
} from '../domain/validation';
import { MessageRefSchema } from '../messages';
import { FindingsWorkbookFilterSchema } from '../report/workbook-filter';
import { AssignmentWithdrawalSchema } from '../sync/pull-protocol';
import type { Channel, EventName } from './channels';
import {
  MemberRecordChangeRequestSchema,
  MemberRecordViewSchema,
  OfficePeopleSchema,
  WorkPlanCsvRequestSchema,
  WorkPlanRequestSchema,
  WorkPlanSchema,
} from './member-record-contract';

const Empty = z.strictObject({});

export const AppInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  /** Who the audit log names: "Sam Ortiz (Field office reviewer)", or "Not enrolled" (sync:status names the role). */
  actor: z.string(),
  catalogEditionIds: z.array(z.string()),
  transport: z.enum(['electron', 'web-harness']),
});

export const ClockCheckSchema = z.object({
  now: z.string(),
  /** The latest time anything saved here is dated; null before the first save. */
  newestSavedAt: z.string().nullable(),
  /** This clock minus HQ's at the last answer HQ dated (positive: ahead); null before any. */
  hqDifferenceMs: z.number().nullable(),
  /** What the person is told: HQ's clock decides once known; before that, what is saved here. */
  wrong: z.enum(['ahead-of-hq', 'behind-hq', 'behind-saved']).nullable(),
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

// ─── A validation's life after its worksheet ─────────────────────────────────────────────────────

/** Whether HQ holds a change made here: receipted, still waiting, refused, or never sent (a demo validation). */
export const ChangeSyncSchema = z.enum(['AT_HQ', 'WAITING', 'REFUSED', 'LOCAL_ONLY']);

/** Who took a step: the enrolled person (a submit made before enrolment names only the typed name). */
export const HistoryActorSchema = z.object({
  userId: UuidSchema.nullable(),
  name: z.string(),
  role: UserRoleSchema.nullable(),
});

export const HistoryEntrySchema = z.object({
  id: UuidSchema,
  kind: WorkflowEventKindSchema,
  /** "Returned for correction" (WORKFLOW_EVENT_LABELS). */
  label: z.string(),
  comment: z.string(),
  at: z.string(),
  actor: HistoryActorSchema,
  reportDate: IsoDateSchema.nullable(),
  reportSha256: z.string().nullable(),
  sync: ChangeSyncSchema,
});
export type HistoryEntryView = z.infer<typeof HistoryEntrySchema>;

/** A finding the reviewer sent back (or did not concur with), as the SCSS sees it on the returned worksheet. */
export const ReturnedFindingSchema = z.object({
  findingId: UuidSchema,
  criterionId: z.string(),
  decision: z.enum(['RETURN_FOR_CORRECTION', 'NON_CONCUR']),
  comment: z.string(),
  proposedClassification: ProposedClassificationSchema.nullable(),
  reviewedBy: z.string(),
  reviewedAt: z.string(),
});

export const ReturnInfoSchema = z.object({
  eventId: UuidSchema,
  returnedAt: z.string(),
  returnedBy: PersonSchema,
  comment: z.string(),
  findings: z.array(ReturnedFindingSchema),
});

export const TransitionKindSchema = z.enum(['RETURN', 'APPROVE', 'ISSUE_REPORT', 'CLOSE']);

/** Where a validation is, how it got there, and what the enrolled person may do next (with why not). */
export const ValidationLifecycleViewSchema = z.object({
  validationId: UuidSchema,
  /** The enrolled person's own validation on this computer (else HQ's copy, pulled for review or left by a hand-over). */
  own: z.boolean(),
  /** A demo Member's validation: stays on this computer, never sent to HQ. */
  demo: z.boolean(),
  /** Null: not submitted yet. */
  state: WorkflowStateSchema.nullable(),
  /** Fixed at approval; the Member's response due date is counted from it. */
  reportDate: IsoDateSchema.nullable(),
  responseDueDate: IsoDateSchema.nullable(),
  /** Awaiting the Member's response past its due date: show "Response overdue". */
  responseOverdue: z.boolean(),
  reportSha256: z.string().nullable(),
  history: z.array(HistoryEntrySchema),
  /** Set while the SCSS's own validation is back for correction: highlight these findings and comments. */
  returned: ReturnInfoSchema.nullable(),
  actions: z.array(
    z.object({
      kind: TransitionKindSchema,
      allowed: z.boolean(),
      /** Why not, in English; `reasonMessage` is the same by catalog key (lifecycle.*). */
      reason: z.string().nullable(),
      reasonMessage: MessageRefSchema.optional(),
    }),
  ),
});
export type ValidationLifecycleView = z.infer<typeof ValidationLifecycleViewSchema>;

/** One record added, changed or removed since the reviewer last returned the validation. */
export const ReviewChangeSchema = z.object({
  entity: z.string(),
  entityId: z.string(),
  change: z.enum(['ADDED', 'CHANGED', 'REMOVED']),
  /** "Answer on 4.1", "Evidence on 4.1 policy.pdf": English, for logs; the screen names it from the parts. */
  label: z.string(),
  criterionId: z.string().nullable(),
  /** What tells this record apart: a file or site name, a checklist's label, a category number; as typed. */
  detail: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type ReviewChange = z.infer<typeof ReviewChangeSchema>;

export const ChangesSinceReviewSchema = z.object({ returnedAt: z.string(), changes: z.array(ReviewChangeSchema) });

export const EffectiveReviewSchema = FindingReviewSchema.extend({
  sync: ChangeSyncSchema,
  /** HQ refused this laptop's decision (e.g. another reviewer's came first): why. */
  refusedReason: z.string().nullable(),
  /** The same reason by catalog key, so it reads in the interface's language. */
  refusedReasonMessage: MessageRefSchema.optional(),
});

/** The whole pulled validation, read-only, as a reviewer or supervisor judges it. */
export const ReviewValidationViewSchema = z.object({
  validationId: UuidSchema,
  memberName: z.string().nullable(),
  memberAccountNumber: z.string().nullable(),
  entityType: z.string(),
  mode: z.string(),
  scheduledDate: z.string(),
  submittedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  contentSha256: z.string().nullable(),
  /** The catalog edition the validation was made against; texts are null when it is not installed here. */
  edition: z.object({ id: z.string(), title: z.string().nullable(), installed: z.boolean() }),
  lifecycle: ValidationLifecycleViewSchema,
  criteria: z.array(
    z.object({
      criterionId: z.string(),
      category: z.number(),
      level: z.enum(['MUST', 'SHOULD', 'MIXED']).nullable(),
      summary: z.string().nullable(),
      requirements: z.array(z.object({ key: z.string(), level: z.enum(['MUST', 'SHOULD']), text: z.string() })),
      response: CriterionResponseSchema.nullable(),
      siteName: z.string().nullable(),
      changedSinceLastReview: z.boolean(),
    }),
  ),
  findings: z.array(
    FindingSchema.extend({
      reasonLabel: z.string().nullable(),
      criterionSummary: z.string().nullable(),
      criterionLevel: z.enum(['MUST', 'SHOULD', 'MIXED']).nullable(),
      notes: z.string(),
      siteName: z.string().nullable(),
      verificationMethods: z.array(VerificationMethodSchema),
      evidence: z.array(EvidenceSchema),
      review: EffectiveReviewSchema.nullable(),
      /** A decision made since the last submission (a returned round's decisions do not count). */
      decidedThisRound: z.boolean(),
      /** The decision was made on an earlier version of the finding: it no longer counts, decide again. */
      decisionOutdated: z.boolean(),
      changedSinceLastReview: z.boolean(),
    }),
  ),
  sites: z.array(SiteSchema),
  observations: z.array(ObservationSchema),
  evidence: z.array(EvidenceSchema),
  checklists: z.array(InspectionChecklistSchema),
  virtualSessions: z.array(VirtualSessionSchema),
  /** Null until the validation has been returned once. */
  changesSinceLastReview: ChangesSinceReviewSchema.nullable(),
});
export type ReviewValidationView = z.infer<typeof ReviewValidationViewSchema>;

const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Name the file by its SHA-256 fingerprint' });

export const MemberResponseFileSchema = z.object({
  validationId: UuidSchema,
  sha256: Sha256HexSchema,
  findingId: UuidSchema,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int().positive(),
  hasThumbnail: z.boolean(),
  createdAt: z.string(),
});

export const MemberResponsesViewSchema = z.object({
  validationId: UuidSchema,
  state: WorkflowStateSchema.nullable(),
  reportDate: IsoDateSchema.nullable(),
  /** The day the report was issued, on this computer's calendar: no response is received before it. */
  reportIssuedOn: IsoDateSchema.nullable(),
  dueDate: IsoDateSchema.nullable(),
  overdue: z.boolean(),
  /** The enrolled SCSS may record and assess responses here now. */
  canRecord: z.boolean(),
  findings: z.array(
    z.object({
      finding: FindingSchema,
      /** Its latest response was accepted. */
      resolved: z.boolean(),
      responses: z.array(MemberResponseSchema),
      files: z.array(MemberResponseFileSchema),
    }),
  ),
});
export type MemberResponsesView = z.infer<typeof MemberResponsesViewSchema>;

export const SaveMemberResponseRequestSchema = z.strictObject({
  validationId: UuidSchema,
  findingId: UuidSchema,
  /** Omit to record a new response; give it to correct one not yet assessed. */
  id: UuidSchema.optional(),
  receivedOn: IsoDateSchema,
  correctiveAction: MemberResponseSchema.shape.correctiveAction,
  evidenceSha256: z.array(Sha256HexSchema).max(100),
});

export const AssessMemberResponseRequestSchema = z
  .strictObject({
    validationId: UuidSchema,
    responseId: UuidSchema,
    assessment: ResponseAssessmentSchema,
    note: z.string().trim().max(5_000),
  })
  .refine((r) => r.assessment === 'ACCEPTED' || r.note.length >= 10, {
    path: ['note'],
    error: 'Say what the Member still needs to do or send (at least 10 characters)',
  });

const SortDirectionSchema = z.enum(['asc', 'desc']);
export const ValidationQueueSchema = z.enum([
  'AWAITING_REVIEW',
  'RETURNED',
  'RESUBMITTED',
  'AWAITING_APPROVAL',
  'AWAITING_REPORT',
]);
export const ResponseWorkStatusSchema = z.enum(['OVERDUE', 'DUE_SOON', 'AWAITING_ASSESSMENT', 'OPEN', 'RESOLVED']);
export type ResponseWorkStatus = z.infer<typeof ResponseWorkStatusSchema>;
const SearchSchema = z.string().trim().max(200);

export const WorklistRequestSchema = z.discriminatedUnion('list', [
  z.strictObject({
    /** REVIEW: awaiting review, returned, resubmitted. APPROVAL: all concurred (awaiting approval), approved (awaiting the report). */
    list: z.enum(['REVIEW', 'APPROVAL']),
    queues: z.array(ValidationQueueSchema).optional(),
    /** Member name, account number or signer. */
    search: SearchSchema.optional(),
    sort: z
      .strictObject({ by: z.enum(['submittedAt', 'memberName', 'scheduledDate']), direction: SortDirectionSchema })
      .optional(),
  }),
  z.strictObject({
    list: z.literal('RESPONSES'),
    /** Default: overdue, due within 14 days, received and awaiting assessment. */
    statuses: z.array(ResponseWorkStatusSchema).optional(),
    /** Member name, account number or criterion. */
    search: SearchSchema.optional(),
    sort: z
      .strictObject({ by: z.enum(['dueDate', 'memberName', 'receivedOn']), direction: SortDirectionSchema })
      .optional(),
  }),
]);

export const ValidationWorkItemSchema = z.object({
  validationId: UuidSchema,
  memberName: z.string().nullable(),
  memberAccountNumber: z.string().nullable(),
  entityType: z.string(),
  mode: z.string(),
  scheduledDate: z.string(),
  submittedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
  state: WorkflowStateSchema,
  queue: ValidationQueueSchema,
  findingCount: z.number().int().nonnegative(),
  concurredCount: z.number().int().nonnegative(),
  /** Findings without a decision since the last submission. */
  undecidedCount: z.number().int().nonnegative(),
  /** RESUBMITTED: records changed since the last return; null otherwise or when unknown. */
  changedSinceLastReview: z.number().int().nonnegative().nullable(),
  lastEventAt: z.string().nullable(),
});
export type ValidationWorkItem = z.infer<typeof ValidationWorkItemSchema>;

export const ResponseWorkItemSchema = z.object({
  validationId: UuidSchema,
  /** The SCSS's own validation (they record and assess its responses). */
  own: z.boolean(),
  memberName: z.string().nullable(),
  memberAccountNumber: z.string().nullable(),
  findingId: UuidSchema,
  criterionId: z.string(),
  /** A Recommendation is listed only once answered: its response is optional, never due nor overdue. */
  classification: FindingClassificationSchema,
  description: z.string(),
  state: WorkflowStateSchema,
  reportDate: IsoDateSchema,
  /** Null for a Recommendation. */
  dueDate: IsoDateSchema.nullable(),
  /** Negative once overdue; null for a Recommendation. */
  daysLeft: z.number().int().nullable(),
  status: ResponseWorkStatusSchema,
  latestResponse: z
    .object({ id: UuidSchema, receivedOn: IsoDateSchema, assessment: ResponseAssessmentSchema.nullable() })
    .nullable(),
});
export type ResponseWorkItem = z.infer<typeof ResponseWorkItemSchema>;

export const WorklistResponseSchema = z.discriminatedUnion('list', [
  z.object({ list: z.enum(['REVIEW', 'APPROVAL']), today: IsoDateSchema, items: z.array(ValidationWorkItemSchema) }),
  z.object({ list: z.literal('RESPONSES'), today: IsoDateSchema, items: z.array(ResponseWorkItemSchema) }),
]);

/** A row of the validations list: the summary with where it stands after submission. */
export const ValidationListItemSchema = ValidationSummarySchema.extend({
  workflowState: WorkflowStateSchema.nullable(),
  /** A demo Member's validation: "Demo validation: stays on this computer". */
  demo: z.boolean(),
  /** Back from review for correction and not yet submitted again. */
  returned: z.boolean(),
  /** Started from an assignment HQ has since withdrawn (given to another SCSS): kept, and marked. */
  assignmentWithdrawn: AssignmentWithdrawalSchema.nullable(),
  /** Another person's, kept from this laptop's enrolment before: read-only here (their name). */
  anotherPersons: z.object({ name: z.string() }).nullable(),
});
export type ValidationListItem = z.infer<typeof ValidationListItemSchema>;

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
  /** State, history, return comments to highlight, demo flag and the next steps. */
  lifecycle: ValidationLifecycleViewSchema,
  /** Started from an assignment HQ has since withdrawn (given to another SCSS); null otherwise. */
  assignmentWithdrawn: AssignmentWithdrawalSchema.nullable(),
  /** Another person's, kept from this laptop's enrolment before: shown read-only (their name); null when yours. */
  anotherPersons: z.object({ name: z.string() }).nullable(),
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
  /** HQ's stable id of the enrolled person: what the laptop keys that person's preferences by. */
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** The enrolled user's role at HQ: reviewers and supervisors get the review list. */
  userRole: z.enum(['SCSS', 'FIELD_OFFICE_REVIEWER', 'SUPERVISOR', 'HQ_ANALYST']).nullable(),
  state: z.enum(['idle', 'syncing', 'needs-enrolment', 'error']),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** The same by catalog key (sync.*), shown in the interface's language; absent for an error stored without one. */
  lastErrorMessage: MessageRefSchema.optional(),
  pending: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  /** What the running sync is doing, for the progress bar; null when no sync runs. */
  progress: SyncProgressSchema.nullable(),
  /**
   * The person whose enrolment HQ made here and has yet to undo (it could not be asked): until it has, HQ refuses
   * this computer's enrolment, and each sync asks again. Absent when nothing waits to be handed back.
   */
  handBackOf: z.string().optional(),
  /**
   * HQ credentials kept with this data that this computer could not read (the folder was copied or restored from
   * another computer or OS account): whose enrolment it was (null when the store does not know) and at which HQ.
   * Absent once this computer is enrolled.
   */
  unreadableEnrolment: z.object({ name: z.string().nullable(), hqUrl: z.string().nullable() }).optional(),
});
export type SyncStatusView = z.infer<typeof SyncStatusViewSchema>;

export const ValidationSyncViewSchema = z.object({
  validationId: UuidSchema,
  state: z.enum(['not-synced', 'syncing', 'synced', 'needs-attention']),
  reason: z.string().nullable(),
  /** The reason by catalog key, when it is HQ's refusal of a change. */
  reasonMessage: MessageRefSchema.optional(),
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
      decisionOutdated: z.boolean(),
    }),
  ),
  workflowState: WorkflowStateSchema,
  /** It was returned for correction before and is back for review. */
  resubmitted: z.boolean(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;

export const RefusedChangeSchema = z.object({
  changeId: UuidSchema,
  validationId: z.string().nullable(),
  memberName: z.string().nullable(),
  entity: z.string(),
  operation: z.string(),
  /** Why, in English as stored; `reasonMessage` is the same by catalog key when it came from HQ's receipt. */
  reason: z.string(),
  reasonMessage: MessageRefSchema.optional(),
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
  /** Why, in English as stored; `reasonMessage` is the same by catalog key when the app wrote it. */
  reason: z.string(),
  reasonMessage: MessageRefSchema.optional(),
  refusedAt: z.string(),
});
export type RefusedEvidenceView = z.infer<typeof RefusedEvidenceSchema>;
const Sha256Schema = Sha256HexSchema;

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
  latest: AuditRowStampSchema.nullable(),
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

/** Who a validation report is for: the Member (what they must act on) or CBP (everything, with the manifest). */
export const ReportAudienceSchema = z.enum(['MEMBER', 'INTERNAL']);
export const ReportFileFormatSchema = z.enum(['PDF', 'DOCX', 'XLSX', 'CSV']);
export type ReportFileFormat = z.infer<typeof ReportFileFormatSchema>;
const ReportRequest = {
  validationId: UuidSchema,
  audience: ReportAudienceSchema,
  /** The SCSS's interface language: the internal report is written in it (a Member's, in the Member's own). */
  interfaceLanguage: LanguageSchema.default('en'),
};

export const ReportPreviewSchema = z.object({
  memberName: z.string(),
  /** The language this report is written in. */
  language: LanguageSchema,
  /** The Member's correspondence language, which the Member-facing report uses (English when not known here). */
  memberLanguage: LanguageSchema,
  /** The very HTML the PDF is printed from (no scripts; shown in a sandboxed frame). */
  html: z.string(),
  draft: z.boolean(),
  marking: z.string(),
  /** What had to be left out (a photo missing or unreadable), each naming the file. */
  warnings: z.array(z.string()),
});

/** Saved through the native dialog (Electron), cancelled there, or handed to the page to download (harness). */
export const ReportExportResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string(), fileName: z.string(), warnings: z.array(z.string()) }),
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('download'),
    fileName: z.string(),
    mediaType: z.string(),
    base64: z.string(),
    warnings: z.array(z.string()),
  }),
]);
export type ReportExportResult = z.infer<typeof ReportExportResultSchema>;

export const FindingsWorkbookRequestSchema = z.strictObject({
  filter: FindingsWorkbookFilterSchema.refine(
    (f) => !f.submittedFrom || !f.submittedTo || f.submittedFrom <= f.submittedTo,
    {
      path: ['submittedTo'],
      error: 'The end of the date range is before its start.',
    },
  ),
  format: z.enum(['XLSX', 'CSV']),
  /** The interface's language: the workbook's sheet names, headers and values are written in it. */
  interfaceLanguage: LanguageSchema.default('en'),
});

/** Where the dashboard's figures come from: this computer's own validations, or HQ over the person's scope. */
export const AnalyticsSourceSchema = z.enum(['computer', 'hq']);
export type AnalyticsSource = z.infer<typeof AnalyticsSourceSchema>;

export const AnalyticsRequestSchema = z.strictObject({
  source: AnalyticsSourceSchema,
  view: AnalyticsViewNameSchema,
  filters: AnalyticsFiltersSchema,
  /** How many criteria Top deficiencies lists (ignored by the other views). */
  limit: z.number().int().min(1).max(TOP_DEFICIENCIES_MAX_LIMIT).optional(),
});
export type AnalyticsRequest = z.infer<typeof AnalyticsRequestSchema>;

export const AnalyticsAnswerSchema = z.object({
  source: AnalyticsSourceSchema,
  /** Whose validations the figures cover, in words: "Your validations on this computer", "Houston field office at HQ". */
  scope: z.string(),
  /** The same words by catalog key (dashboardScope.*), for the interface's language. */
  scopeMessage: MessageRefSchema.optional(),
  computedAt: IsoDateTimeSchema,
  result: AnalyticsViewResultSchema,
});
export type AnalyticsAnswer = z.infer<typeof AnalyticsAnswerSchema>;

/** A long export's progress: validations looked at of how many; null once it has ended. */
export const ReportProgressSchema = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

/** The one contract: channel → request and response schemas. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Whether HQ may be reached at this address: https:, or http: on this computer's own loopback only. */
export const hqAddressIsSafe = (address: string): boolean => {
  if (!URL.canParse(address)) return true; // the url check says what is wrong with it
  const url = new URL(address);
  return url.protocol === 'https:' || LOOPBACK_HOSTS.has(url.hostname);
};
/** HQ is reached over https:, so the token and the validations are never sent in the clear; only this computer's own loopback may use http:. */
export const HqAddressSchema = z
  .url({ protocol: /^https?$/, error: 'Enter HQ’s address, e.g. https://ctpat-hq.cbp.example' })
  .refine(hqAddressIsSafe, 'HQ’s address must start with https:// (http:// is allowed only for localhost)');

export const contract = {
  'app:info': { request: Empty, response: AppInfoSchema },
  /** The interface's language as the window shows it, for what the main process writes itself (native dialogs). */
  'app:language': { request: z.strictObject({ language: LanguageSchema }), response: Empty },
  /** Whether this computer's clock is behind what is already saved here (a reset clock dates new work wrongly). */
  'app:clock': { request: Empty, response: ClockCheckSchema },
  'catalog:get': { request: z.strictObject({ editionId: z.string() }), response: CatalogEditionSchema },
  'members:list': { request: Empty, response: z.array(MemberSchema) },
  /** The validations on this computer, newest first, with workflow state, demo flag and whether returned. */
  'validations:list': { request: ValidationListFilterSchema, response: z.array(ValidationListItemSchema) },
  'validations:create': { request: CreateValidationRequestSchema, response: ValidationSchema },
  /** Everything the worksheet shows in one round trip, with its lifecycle (state, history, return comments, demo). */
  'worksheet:open': { request: z.strictObject({ validationId: UuidSchema }), response: WorksheetSchema },
  'responses:save': { request: SaveResponseRequestSchema, response: CriterionResponseSchema },
  'settings:get': { request: Empty, response: SettingsSchema },
  'settings:update': { request: SettingsSchema, response: SettingsSchema },
  /** Where the policy fields come from (this computer, or HQ with its version) and whether they can be edited here. */
  'settings:policy': { request: Empty, response: PolicyStatusViewSchema },
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
      /** The language the worksheet is shown in as the SCSS signs. */
      worksheetLanguage: LanguageSchema.default('en'),
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
  'warnings:considered': {
    request: z.strictObject({ ...ValidationRef }),
    response: z.array(ConsideredWarningSchema),
  },
  'warnings:consider': {
    request: z.strictObject({
      ...ValidationRef,
      /** One warning, or a whole group of them ("mark all 93 as considered"). */
      warnings: z
        .array(
          z.strictObject({ code: CompletenessProblemSchema.shape.code, criterionId: CriterionIdSchema.nullable() }),
        )
        .min(1)
        .max(1000),
      considered: z.boolean(),
    }),
    response: z.array(ConsideredWarningSchema),
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
  'sync:validations': {
    // One validation's state (after a save to it), or every validation's; a demo one stays local and has none.
    request: z.strictObject({ validationId: UuidSchema.optional() }),
    response: z.array(ValidationSyncViewSchema),
  },
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
  /** Pulled validations open for review (submitted or in review), each finding with its review so far. */
  'reviews:queue': { request: Empty, response: z.array(ReviewQueueItemSchema) },
  /** A reviewer's decision on one finding: Concur, Non-concur (+ proposed classification) or Return for correction. */
  'reviews:save': { request: SaveFindingReviewRequestSchema, response: FindingReviewSchema },
  /** The whole pulled validation read-only: criteria, answers, findings, evidence, checklists, sessions, history, changes. */
  'reviews:validation': { request: z.strictObject({ ...ValidationRef }), response: ReviewValidationViewSchema },
  /** Concur with every finding not yet decided in this round (decisions already made stay). */
  'reviews:concurall': {
    request: z.strictObject({ ...ValidationRef, comment: z.string().trim().max(5_000) }),
    response: z.object({ reviews: z.array(FindingReviewSchema), lifecycle: ValidationLifecycleViewSchema }),
  },
  /** Return for correction (comment required), approve (supervisor), issue the report, or close. */
  'workflow:transition': {
    request: z.strictObject({ ...ValidationRef, kind: TransitionKindSchema, comment: z.string().trim().max(5_000) }),
    response: ValidationLifecycleViewSchema,
  },
  /** Current state, history and allowed next steps of any validation on this computer (own or pulled). */
  'workflow:history': { request: z.strictObject({ ...ValidationRef }), response: ValidationLifecycleViewSchema },
  // replies: the Member's responses to findings once the report is issued (optional for Recommendations).
  /** Each finding (Action Required first) with its Member responses, due date and whether it is resolved. */
  'replies:list': { request: z.strictObject({ ...ValidationRef }), response: MemberResponsesViewSchema },
  /** Records a Member's response (or corrects one not yet assessed) on the SCSS's own validation. */
  'replies:save': { request: SaveMemberResponseRequestSchema, response: MemberResponseSchema },
  /** Accepted / not accepted / more information requested; accepting the last open finding closes the validation. */
  'replies:assess': {
    request: AssessMemberResponseRequestSchema,
    response: z.object({
      response: MemberResponseSchema,
      closed: z.boolean(),
      lifecycle: ValidationLifecycleViewSchema,
    }),
  },
  /** Stores a file the Member sent (checked and hashed like evidence) for listing in a response. */
  'replies:attach': {
    request: z.strictObject({
      ...ValidationRef,
      findingId: UuidSchema,
      fileName: z.string().trim().min(1).max(255),
      mediaType: z.string().max(200),
      source: EvidenceSourceSchema,
    }),
    response: MemberResponseFileSchema,
  },
  /** Reviewer queue, supervisor queue or Member responses list, filtered and sorted. */
  'worklists:get': { request: WorklistRequestSchema, response: WorklistResponseSchema },
  'assignments:list': { request: Empty, response: z.array(AssignmentViewSchema) },
  'assignments:start': { request: z.strictObject({ assignmentId: UuidSchema }), response: ValidationSchema },
  /** The last check (at start-up, or the person's latest); null before any ran. */
  'audit:status': { request: Empty, response: AuditVerificationSchema.nullable() },
  /** Walks the whole audit log now; a break makes what it affects read-only. */
  'audit:verify': { request: Empty, response: AuditVerificationSchema },
  /** A validation's report as the in-app preview shows it, for the audience chosen. */
  'reports:preview': { request: z.strictObject(ReportRequest), response: ReportPreviewSchema },
  /** The report in one format, saved where the person chooses; nothing half-written is ever left behind. */
  'reports:export': {
    request: z.strictObject({ ...ReportRequest, format: ReportFileFormatSchema }),
    response: ReportExportResultSchema,
  },
  /** The findings of many validations (filtered) as one Excel workbook or CSV; progress as report:progress. */
  'reports:workbook': {
    request: FindingsWorkbookRequestSchema,
    response: ReportExportResultSchema.and(
      z.object({ validations: z.number().int(), findings: z.number().int() }).partial(),
    ),
  },
  /** Stops the findings workbook being made, between two validations; nothing is saved. */
  'reports:cancel': { request: Empty, response: z.object({ cancelled: z.boolean() }) },
  /** One MSC performance view over this computer's validations or, from HQ, the person's scope. */
  'analytics:view': { request: AnalyticsRequestSchema, response: AnalyticsAnswerSchema },
  /** The same view as a CSV file, saved where the person chooses (downloaded in the harness). */
  'analytics:csv': { request: AnalyticsRequestSchema, response: ReportExportResultSchema },
  /** A Member's CTPAT record: status, tier, profile review, extensions, revalidation due, history. */
  'members:record': { request: z.strictObject({ memberId: UuidSchema }), response: MemberRecordViewSchema },
  /** One change to the record, made against the version the person saw; the record afterwards. */
  'members:change': { request: MemberRecordChangeRequestSchema, response: MemberRecordViewSchema },
  /** Queues a change HQ refused again, on the record as it is now; it stays refused, with why, if the record refuses it. */
  'members:sendagain': { request: z.strictObject({ changeId: UuidSchema }), response: MemberRecordViewSchema },
  /** Withdraws a change HQ refused from this laptop, with the person's reason (kept in the audit log). */
  'members:dontsend': {
    request: z.strictObject({
      changeId: UuidSchema,
      reason: z.string().trim().min(3, 'Say why this change should not be sent (at least 3 characters)').max(500),
    }),
    response: MemberRecordViewSchema,
  },
  /** The field office's plan for a year: validations, revalidations and profile reviews due, with who and where. */
  'workplan:get': { request: WorkPlanRequestSchema, response: WorkPlanSchema },
  /** The plan's rows for the same filters as a CSV file. */
  'workplan:csv': { request: WorkPlanCsvRequestSchema, response: ReportExportResultSchema },
  /** The people of the enrolled person's field office, as HQ's last pull listed them: whom a supervisor assigns. */
  'people:office': { request: Empty, response: OfficePeopleSchema },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const eventContract = {
  'validation:changed': z.object({ validationId: UuidSchema }),
  'sync:progress': SyncProgressSchema.nullable(),
  'report:progress': ReportProgressSchema.nullable(),
} as const satisfies Record<EventName, z.ZodType>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof eventContract)[E]>;

import { z } from 'zod';
import {
  BestPracticeSchema,
  ContactSchema,
  MemberRecordChangeSchema,
  MemberStatusSchema,
  ProfileReviewOutcomeSchema,
} from '../domain/member-record/events';
import { PROFILE_REVIEW_STATES } from '../domain/member-record/view';
import { WorkPlanFiltersSchema, WorkPlanRowSchema } from '../domain/member-record/work-plan';
import { IsoDateSchema, IsoDateTimeSchema, UuidSchema } from '../domain/primitives';
import { MemberSchema } from '../domain/validation';
import { MessageParamsSchema } from '../messages';
import { OfficePersonSchema } from '../sync/pull-protocol';

const TierSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const ExtensionEntrySchema = z.object({
  anniversaryOn: IsoDateSchema,
  days: z.number().int(),
  requestedOn: IsoDateSchema,
  reason: z.string(),
  requestedBy: z.string(),
  decision: z.enum(['PENDING', 'GRANTED', 'DENIED']),
  decisionComment: z.string(),
  decidedBy: z.string().nullable(),
});
const ProfileReviewEntrySchema = z.object({
  anniversaryOn: IsoDateSchema,
  outcome: ProfileReviewOutcomeSchema,
  on: IsoDateSchema,
  comments: z.string(),
  by: z.string(),
});
const StatusReasonSchema = z.object({
  effectiveOn: IsoDateSchema,
  reason: z.string(),
  reinstatementCondition: z.string(),
});

/** A Member's CTPAT record as the Member screen shows it, as of today on this laptop. */
export const MemberRecordViewSchema = z.object({
  member: MemberSchema,
  version: z.number().int().nonnegative(),
  status: MemberStatusSchema.nullable(),
  tier: TierSchema.nullable(),
  certifiedOn: IsoDateSchema.nullable(),
  lastValidatedOn: IsoDateSchema.nullable(),
  nextValidationDueOn: IsoDateSchema.nullable(),
  nextValidationKind: z.enum(['VALIDATION', 'REVALIDATION']),
  validationOverdue: z.boolean(),
  soonerRevalidation: z.object({ dueOn: IsoDateSchema, reason: z.string() }).nullable(),
  contacts: z.array(ContactSchema),
  suspension: StatusReasonSchema.nullable(),
  removal: StatusReasonSchema.nullable(),
  bestPractices: z.array(BestPracticeSchema),
  profileReview: z
    .object({
      anniversaryOn: IsoDateSchema,
      windowOpensOn: IsoDateSchema,
      dueOn: IsoDateSchema,
      state: z.enum(PROFILE_REVIEW_STATES),
      grantedDays: z.number().int(),
      pendingExtension: ExtensionEntrySchema.nullable(),
      entries: z.array(ProfileReviewEntrySchema),
    })
    .nullable(),
  extensions: z.array(ExtensionEntrySchema),
  /** Every change, newest first: who made it, when, and what it said. */
  history: z.array(
    z.object({
      id: UuidSchema,
      version: z.number().int().positive(),
      at: IsoDateTimeSchema,
      actorName: z.string(),
      change: MemberRecordChangeSchema,
      /** The change no longer applies to the record (kept, shown, not counted). */
      skipped: z.boolean(),
    }),
  ),
  /** Why no validation can start (a removed Member): English, with its catalog key for the screen. */
  validationStartRefusal: z
    .object({ message: z.string(), key: z.string(), params: MessageParamsSchema.optional() })
    .nullable(),
  /** The record and HQ: changes HQ does not hold yet, and changes HQ refused (kept to be seen and redone). */
  sync: z.object({
    /** Null on a laptop never enrolled with HQ: its changes stay here. */
    unsent: z.number().int().nonnegative().nullable(),
    refused: z.array(
      z.object({
        id: UuidSchema,
        at: IsoDateTimeSchema,
        actorName: z.string(),
        change: MemberRecordChangeSchema,
        refusedAt: IsoDateTimeSchema,
        /** HQ's reason: English, with its catalog key for the screen. */
        reason: z.object({ message: z.string(), key: z.string(), params: MessageParamsSchema.optional() }),
      }),
    ),
  }),
  /** What the person at this laptop may change: supervisor decisions, and the SCSS's reviews and requests. */
  can: z.object({ decide: z.boolean(), record: z.boolean() }),
  today: IsoDateSchema,
});
export type MemberRecordView = z.infer<typeof MemberRecordViewSchema>;

export const MemberRecordChangeRequestSchema = z.strictObject({
  memberId: UuidSchema,
  /** The record version the person saw; a change made against an older one is refused, never merged. */
  baseVersion: z.number().int().nonnegative(),
  change: MemberRecordChangeSchema,
});

/** The enrolled person's field office and its people (from HQ's pull); null and none before enrolment. */
export const OfficePeopleSchema = z.object({ fieldOffice: z.string().nullable(), people: z.array(OfficePersonSchema) });
export type OfficePeople = z.infer<typeof OfficePeopleSchema>;

const YearSchema = z.number().int().min(2000).max(2100);
export const WorkPlanRequestSchema = z.strictObject({ year: YearSchema });
export const WorkPlanSchema = z.object({
  year: YearSchema,
  today: IsoDateSchema,
  rows: z.array(WorkPlanRowSchema),
  /** The person here is an enrolled supervisor, who assigns SCSSs from the plan. */
  canAssign: z.boolean().default(false),
});
export type WorkPlan = z.infer<typeof WorkPlanSchema>;
export const WorkPlanCsvRequestSchema = z.strictObject({ year: YearSchema, filters: WorkPlanFiltersSchema });

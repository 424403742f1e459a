import { z } from 'zod';
import { CatalogEditionSchema } from '../catalog/schema';
import { EntityTypeSchema } from '../domain/entity-types';
import { LanguageSchema } from '../domain/language';
import { UserRoleSchema, WorkflowStateSchema } from '../domain/lifecycle';
import { MemberRecordEventSchema } from '../domain/member-record/events';
import { IsoDateSchema, IsoDateTimeSchema, UuidSchema } from '../domain/primitives';
import { ValidationModeSchema } from '../domain/validation';
import { PulledMemberSchema } from './member-record-protocol';

/**
 * GET /v1/pull — what HQ sends down to a desktop: published catalog editions, the
 * assignments of the SCSS, and the validations in the user's scope that have ever been submitted (a
 * reviewer's field office's, an SCSS's own, with their workflow events and Member responses as records), a
 * page at a time in one server order. The cursor is opaque: send back the one from the last page to continue
 * after it.
 */

export const PULL_DEFAULT_LIMIT = 50;
export const PULL_MAX_LIMIT = 200;

export const PullCursorSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,200}$/, { error: 'The cursor must be the opaque value HQ sent with an earlier page' });

export const PullQuerySchema = z.strictObject({
  cursor: PullCursorSchema.optional(),
  // Plain decimal digits only: Number() would also take "0x10", "1e2" or " 5 ".
  limit: z
    .string()
    .regex(/^\d{1,6}$/, { error: `A whole number from 1 to ${PULL_MAX_LIMIT}` })
    .pipe(z.coerce.number<string>().int().min(1).max(PULL_MAX_LIMIT))
    .optional(),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

export const PulledCatalogEditionSchema = z.object({
  id: z.string().min(1),
  publishedAt: IsoDateTimeSchema,
  edition: CatalogEditionSchema,
});

/** What the desktop's Member record needs; HQ keeps one id per CTPAT account number. */
export const AssignedMemberSchema = z.object({
  id: UuidSchema,
  legalName: z.string().trim().min(1),
  accountNumber: z.string().trim().min(1),
  entityType: EntityTypeSchema,
  city: z.string(),
  country: z.string(),
  /** Older HQs do not send it: English until the Member record says otherwise. */
  correspondenceLanguage: LanguageSchema.default('en'),
});
export type AssignedMember = z.infer<typeof AssignedMemberSchema>;

/** Why HQ took an assignment back from its SCSS: a supervisor gave the same work to another SCSS. */
export const AssignmentWithdrawalSchema = z.object({
  /** When the supervisor reassigned it. */
  at: IsoDateTimeSchema,
  /** The supervisor, as HQ knows them. */
  byName: z.string().min(1),
  reason: z.literal('REASSIGNED'),
});
export type AssignmentWithdrawal = z.infer<typeof AssignmentWithdrawalSchema>;

/** The validation HQ took for an assignment (its create named the assignment), from whichever laptop sent it. */
export const AssignmentStartSchema = z.object({
  validationId: UuidSchema,
  /** When the SCSS started it, as the validation's create says. */
  at: IsoDateTimeSchema,
  /** The enrolled laptop that sent the create, as HQ names it. */
  deviceName: z.string(),
});
export type AssignmentStart = z.infer<typeof AssignmentStartSchema>;

export const AssignmentSchema = z.object({
  id: UuidSchema,
  member: AssignedMemberSchema,
  entityType: EntityTypeSchema,
  mode: ValidationModeSchema,
  targetDate: IsoDateSchema,
  assignedUserId: UuidSchema,
  fieldOffice: z.string().min(1),
  createdAt: IsoDateTimeSchema,
  /** Set when it was withdrawn; sent again to its SCSS then (older HQs send nothing: never withdrawn). */
  withdrawn: AssignmentWithdrawalSchema.nullable().default(null),
  /** Set once HQ holds a validation started from it (older HQs send nothing: not known to be started). */
  started: AssignmentStartSchema.nullable().default(null),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** Records of a validation as HQ holds them. */
const PulledRecordsSchema = z.array(
  z.object({
    entity: z.string().min(1),
    entityId: z.string().min(1),
    version: z.number().int().nonnegative(),
    payload: z.record(z.string(), z.unknown()),
  }),
);

/** A validation as HQ holds it: the validation payload and every record of it, at HQ's version. */
export const PulledValidationSchema = z.object({
  id: UuidSchema,
  hqVersion: z.number().int().positive(),
  status: z.enum(['IN_PROGRESS', 'SUBMITTED']),
  /** Where it is in review, approval and the Member's response (shared/domain/lifecycle.ts). */
  workflowState: WorkflowStateSchema,
  ownerUserId: UuidSchema,
  fieldOffice: z.string().min(1),
  updatedAt: IsoDateTimeSchema,
  payload: z.record(z.string(), z.unknown()),
  records: PulledRecordsSchema,
  /**
   * Sent to reviewers and supervisors (not the SCSS who owns it): the content records as they stood at the
   * latest return for correction, so any reviewer sees what changed since. Null when never returned.
   */
  reviewedAtReturn: z
    .object({ returnEventId: z.string().min(1), takenAt: IsoDateTimeSchema, records: PulledRecordsSchema })
    .nullable()
    .optional(),
});
export type PulledValidation = z.infer<typeof PulledValidationSchema>;

/** A person of the puller's field office, as HQ's users table has them: whom a supervisor can assign. */
export const OfficePersonSchema = z.object({ id: UuidSchema, name: z.string().min(1), role: UserRoleSchema });
export type OfficePerson = z.infer<typeof OfficePersonSchema>;

export const PullResponseSchema = z.object({
  catalogEditions: z.array(PulledCatalogEditionSchema),
  assignments: z.array(AssignmentSchema),
  validations: z.array(PulledValidationSchema),
  /**
   * The Members of the user's field office (an HQ analyst: every office), and with each page the Members its
   * record changes belong to. Older HQs send neither.
   */
  members: z.array(PulledMemberSchema).default([]),
  /** Changes to those Members' CTPAT records, each once: a new laptop gets every Member's whole history. */
  memberRecordEvents: z.array(MemberRecordEventSchema).default([]),
  /** Send it back to get the rows after this page; unchanged when the page is empty. */
  cursor: PullCursorSchema,
  /** More rows wait after this page: ask again straight away. */
  hasMore: z.boolean(),
  /** Every person of the user's field office, whole on each page (older HQs send none). */
  officePeople: z.array(OfficePersonSchema).default([]),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

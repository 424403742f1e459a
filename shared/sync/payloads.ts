import { z } from 'zod';
import { latestLocalDayAt } from '../domain/due-dates';
import {
  EvidenceSchema,
  FindingSchema,
  InspectionChecklistSchema,
  ObservationSchema,
  SiteSchema,
  SubmissionSchema,
  VirtualSessionSchema,
} from '../domain/field-work';
import { LanguageSchema } from '../domain/language';
import { MemberResponseSchema, WorkflowEventSchema, WorkflowStateSchema } from '../domain/lifecycle';
import { IsoDateSchema, IsoDateTimeSchema, UuidSchema } from '../domain/primitives';
import { FindingReviewSchema } from '../domain/review';
import { describeUnstorableText, findUnstorableText } from '../domain/text';
import { CriterionResponseSchema, ValidationSchema } from '../domain/validation';
import { type Message, type MessageRef, message } from '../messages';
import { fieldIssue } from '../messages/field-issues';

/**
 * The payload of every change a laptop pushes, one strict schema per entity and operation. The laptop parses
 * each outbox payload with these before queuing it and HQ parses each pushed one again, so a record HQ would
 * refuse is never acknowledged on the laptop, and HQ stores nothing it cannot read back.
 */

/** PostgreSQL `integer`: a version beyond it cannot be stored, so it is refused as a value, not a 500. */
export const MAX_RECORD_VERSION = 2_147_483_647;
const VersionSchema = z.number().int().positive().max(MAX_RECORD_VERSION);
const BaseVersionSchema = z.number().int().nonnegative().max(MAX_RECORD_VERSION);

/** A record as HQ holds it (and a reviewer receives it): the pushed payload without its baseVersion. */
const HELD_RECORD_SCHEMAS = {
  criterion_response: CriterionResponseSchema.extend({ version: VersionSchema }).strict(),
  site: SiteSchema.strict(),
  finding: FindingSchema.extend({ version: VersionSchema }).strict(),
  observation: ObservationSchema.strict(),
  evidence: EvidenceSchema.strict(),
  inspection_checklist: InspectionChecklistSchema.strict(),
  virtual_session: VirtualSessionSchema.strict(),
  finding_review: FindingReviewSchema.extend({ version: VersionSchema }).strict(),
  workflow_event: WorkflowEventSchema.strict(),
  member_response: MemberResponseSchema.extend({ version: VersionSchema }).strict(),
} as const;

/** The edit was made on `baseVersion` and produces `version`: HQ refuses a stale base rather than merging. */
const versioned = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) =>
  schema
    .extend({ baseVersion: BaseVersionSchema })
    .strict()
    .refine((p) => (p as { version: number }).version > (p as { baseVersion: number }).baseVersion, {
      path: ['version'],
      error: 'version must be greater than baseVersion',
    });

/**
 * A validation's create change carries a snapshot of its Member, so HQ and a reviewer's laptop can name the
 * company without holding the SCSS's Member list.
 */
export const MemberSnapshotSchema = z.strictObject({
  legalName: z.string().trim().min(1).max(300),
  accountNumber: z.string().trim().min(1).max(60),
  city: z.string().max(200),
  country: z.string().max(200),
});
/** A validation's own fields as a laptop or HQ holds them, with the Member snapshot its create carries. */
const ValidationPayloadSchema = ValidationSchema.extend({
  catalogEditionId: z.string().min(1).max(100),
  member: MemberSnapshotSchema.optional(),
  /** The HQ assignment it was started from: HQ takes one validation per assignment. */
  assignmentId: UuidSchema.optional(),
}).strict();

const NOT_SUBMITTED_YET = { error: 'a new validation is not submitted yet: HQ records that from its submit change' };
const NOT_REOPENED_YET = { error: 'a new validation has not been reopened: HQ records that from its reopen change' };
/**
 * A new validation, as the laptop creates it: not started or in progress, never submitted or reopened. HQ writes
 * those fields only as it takes the submit or reopen, so a create cannot count as submitted without HQ's checks.
 */
export const ValidationCreatePayloadSchema = ValidationPayloadSchema.extend({
  status: z.enum(['DRAFT', 'IN_PROGRESS'], {
    error: 'a new validation is DRAFT or IN_PROGRESS: its submit change submits it',
  }),
  submittedAt: z.null(NOT_SUBMITTED_YET),
  submittedBy: z.null(NOT_SUBMITTED_YET),
  signedByName: z.null(NOT_SUBMITTED_YET),
  contentSha256: z.null(NOT_SUBMITTED_YET),
  reopenedAt: z.null(NOT_REOPENED_YET),
  reopenReason: z.null(NOT_REOPENED_YET),
}).strict();
export const ValidationSubmitPayloadSchema = SubmissionSchema.extend({
  validationId: UuidSchema,
  signedByName: z.string().trim().min(1).max(200),
  submittedBy: z.string().max(200),
}).strict();
export const ValidationReopenPayloadSchema = z.strictObject({
  validationId: UuidSchema,
  reason: z.string().trim().min(1).max(2_000),
  reopenedAt: IsoDateTimeSchema,
});

const RecordDeletePayloadSchema = z.strictObject({ id: UuidSchema, validationId: UuidSchema });

/** An assessment is signed: who assessed a Member response and when come with it, and neither comes without it. */
const MemberResponsePayloadSchema = versioned(HELD_RECORD_SCHEMAS.member_response).superRefine((r, ctx) => {
  // The laptop refuses a day after its own today; HQ holds it to the day the response was recorded.
  if (r.receivedOn > latestLocalDayAt(r.updatedAt)) {
    ctx.addIssue({
      code: 'custom',
      path: ['receivedOn'],
      message: `a response cannot have been received after the day it was recorded (${r.updatedAt.slice(0, 10)})`,
    });
  }
  const assessed = r.assessment !== null;
  for (const field of ['assessedBy', 'assessedAt'] as const) {
    if ((r[field] !== null) === assessed) continue;
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: assessed ? 'an assessment must say who assessed it and when' : 'only an assessment has this',
    });
  }
});

export const SYNC_PAYLOAD_SCHEMAS = {
  validation: {
    create: ValidationCreatePayloadSchema,
    submit: ValidationSubmitPayloadSchema,
    reopen: ValidationReopenPayloadSchema,
  },
  criterion_response: { upsert: versioned(HELD_RECORD_SCHEMAS.criterion_response) },
  site: { upsert: HELD_RECORD_SCHEMAS.site, delete: RecordDeletePayloadSchema },
  finding: {
    upsert: versioned(HELD_RECORD_SCHEMAS.finding),
    delete: RecordDeletePayloadSchema.extend({ criterionId: FindingSchema.shape.criterionId }).strict(),
  },
  observation: { upsert: HELD_RECORD_SCHEMAS.observation, delete: RecordDeletePayloadSchema },
  evidence: {
    upsert: HELD_RECORD_SCHEMAS.evidence,
    delete: RecordDeletePayloadSchema.extend({
      deletedAt: IsoDateTimeSchema,
      reason: z.string().trim().min(1).max(2_000),
    }).strict(),
  },
  inspection_checklist: {
    upsert: HELD_RECORD_SCHEMAS.inspection_checklist,
    delete: RecordDeletePayloadSchema.extend({ deletedAt: IsoDateTimeSchema }).strict(),
  },
  virtual_session: { upsert: HELD_RECORD_SCHEMAS.virtual_session },
  // A decision names the version of the finding it was made on, so HQ can tell when the finding has moved on.
  finding_review: {
    // Who decided is the enrolled person pushing it: HQ stamps their id, so a laptop may not name one.
    upsert: versioned(
      HELD_RECORD_SCHEMAS.finding_review.omit({ reviewerId: true }).extend({ findingVersion: VersionSchema }),
    ),
  },
  /** A step in the validation's life (start review, return, approve, issue report, close): never edited. */
  workflow_event: { create: HELD_RECORD_SCHEMAS.workflow_event },
  member_response: { upsert: MemberResponsePayloadSchema },
} as const;

export type SyncEntity = keyof typeof SYNC_PAYLOAD_SCHEMAS;
export const SYNC_ENTITIES = Object.keys(SYNC_PAYLOAD_SCHEMAS) as [SyncEntity, ...SyncEntity[]];
export const SYNC_OPERATIONS = ['create', 'upsert', 'delete', 'submit', 'reopen'] as const;
export type SyncOperation = (typeof SYNC_OPERATIONS)[number];

type Schemas = typeof SYNC_PAYLOAD_SCHEMAS;
/** The payload a laptop may queue for this entity and operation, as the service builds it. */
export type SyncPayload<E extends SyncEntity, O extends keyof Schemas[E]> = Schemas[E][O] extends z.ZodType
  ? z.input<Schemas[E][O]>
  : never;

/** A refused payload: why, in English (`reason`), and the same by catalog key (`told`). */
export type PayloadCheck =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; reason: string; told: Message };

/** Words the catalog does not write (zod's own, a field name), kept as they are. */
const asIs = (text: string): MessageRef => ({ key: 'sync.hqSaid', params: { text } });
const refused = (told: Message): PayloadCheck => ({ ok: false, reason: told.message, told });

/** A field name as written, quoted when it is empty or not a plain name (so "unknown field " never reads as none). */
const fieldName = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** "findings.0.dueDate: Use a date in the form YYYY-MM-DD" — the first problem, named by its field. */
const describeIssue = (error: z.ZodError): Message => {
  const issue = error.issues[0];
  if (!issue) return message('sync.hqSaid', { text: 'payload: malformed' });
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'payload';
  if (issue.code === 'unrecognized_keys') {
    const unknown = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(fieldName).join(', ')}`;
    return message('sync.hqSaid', { text: `${field === 'payload' ? '' : `${field}: `}${unknown}` });
  }
  const { key, params } = fieldIssue(field, issue as Parameters<typeof fieldIssue>[1]);
  return message('hqReason.field', { field, problem: [key ? { key, params: params ?? {} } : asIs(issue.message)] });
};

/**
 * Parses one change's payload with its entity's schema: the normalised payload, or why it is refused,
 * naming the field. An operation the entity does not take is refused too.
 */
export function checkSyncPayload(entity: string, operation: string, payload: unknown): PayloadCheck {
  const byOperation = (SYNC_PAYLOAD_SCHEMAS as Record<string, Record<string, z.ZodType> | undefined>)[entity];
  if (!byOperation) return refused(message('hqReason.entityNotTaken', { entity }));
  const schema = byOperation[operation];
  if (!schema) {
    const operations = Object.keys(byOperation).join(', ');
    return refused(message('hqReason.operationNotTaken', { entity, operations, operation }));
  }
  const unstorable = findUnstorableText(payload);
  if (unstorable) return refused(message('sync.hqSaid', { text: describeUnstorableText(unstorable) }));
  const parsed = schema.safeParse(payload);
  return parsed.success
    ? { ok: true, payload: parsed.data as Record<string, unknown> }
    : refused(describeIssue(parsed.error));
}

/**
 * What HQ writes into a validation's payload as it moves through review, approval and the Member's response
 * (hq/lifecycle.ts payloadAfterEvent); a pulled copy is checked with them, nothing else unknown is taken.
 */
export const HqLifecycleFieldsSchema = z.strictObject({
  /** Written by the submit, with the signature: the language the worksheet was shown in. */
  worksheetLanguage: LanguageSchema.optional(),
  workflowState: WorkflowStateSchema.optional(),
  returnedAt: IsoDateTimeSchema.optional(),
  returnComment: z.string().max(5_000).optional(),
  reportDate: IsoDateSchema.nullable().optional(),
  /** Written by an approval with the report date: when the Member's responses are due (null: not fixed then). */
  responseDueDate: IsoDateSchema.nullable().optional(),
  reportIssuedAt: IsoDateTimeSchema.optional(),
  reportSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
  closedAt: IsoDateTimeSchema.optional(),
});

/** A validation's payload as HQ holds it: the create payload, what submit and reopen add, and the lifecycle fields. */
const HeldValidationSchema = ValidationPayloadSchema.extend(HqLifecycleFieldsSchema.shape).strict();

/**
 * Why a validation pulled from HQ cannot be shown to a reviewer (a record HQ would not accept now), or null.
 * A reviewer's copy holds only what the same schemas accept, so the review screen never meets a malformed one.
 */
export function pulledValidationProblem(pulled: {
  payload: unknown;
  records: readonly { entity: string; entityId: string; payload: unknown }[];
  reviewedAtReturn?: { records: readonly { entity: string; entityId: string; payload: unknown }[] } | null;
}): string | null {
  const unstorable = findUnstorableText(pulled);
  if (unstorable) return describeUnstorableText(unstorable);
  const validation = HeldValidationSchema.safeParse(pulled.payload);
  if (!validation.success) return `validation: ${describeIssue(validation.error)}`;
  // The content as last returned is shown beside today's: it must be as readable.
  for (const record of [...pulled.records, ...(pulled.reviewedAtReturn?.records ?? [])]) {
    const schema = (HELD_RECORD_SCHEMAS as Record<string, z.ZodType | undefined>)[record.entity];
    if (!schema) return `${record.entity} ${record.entityId}: not a record a validation holds`;
    const parsed = schema.safeParse(record.payload);
    if (!parsed.success) return `${record.entity} ${record.entityId}: ${describeIssue(parsed.error)}`;
  }
  return null;
}

import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../domain/primitives';
import { MessageRefSchema } from '../messages';
import { SYNC_ENTITIES, SYNC_OPERATIONS } from './payloads';

/**
 * The wire protocol between the desktop's sync module and the HQ service. HQ serves it under
 * /v1 and publishes it as OpenAPI at /openapi.json. Every request but enrolment carries
 * `Authorization: Bearer <device token>`.
 */

import { UserRoleSchema } from '../domain/lifecycle';

export { type UserRole, UserRoleSchema } from '../domain/lifecycle';

export const HqUserSchema = z.object({
  id: UuidSchema,
  name: z.string().min(1),
  role: UserRoleSchema,
  fieldOffice: z.string().min(1),
});
export type HqUser = z.infer<typeof HqUserSchema>;

/**
 * POST /v1/enroll — a one-time code issued by `npm run hq -- enroll` becomes a revocable device token.
 * `installationId` is generated once by the laptop and kept: sending the spent code again with it (the
 * answer was lost) returns the same device with a new token. Too many refused codes from one laptop (address and
 * installation id), or many more from one address: 429.
 */
export const EnrollRequestSchema = z.strictObject({
  code: z.string().trim().min(8).max(64),
  deviceName: z.string().trim().min(1).max(120),
  installationId: UuidSchema.optional(),
  /** The person whose work this laptop holds unsent: HQ spends the code only if it is theirs. */
  holdsWorkOf: UuidSchema.optional(),
});
export const EnrollResponseSchema = z.object({ deviceId: UuidSchema, token: z.string().min(32), user: HqUserSchema });

/**
 * POST /v1/enroll/undo, with the new device's token — a laptop that cannot keep the enrolment it was just given
 * hands it back: that device is revoked, the laptop's earlier enrolment it replaced is active again, and the
 * code works again until it expires. 409 when the code did not make this device, has expired, or the device
 * has pushed.
 */
export const UndoEnrolmentRequestSchema = z.strictObject({ code: z.string().trim().min(8).max(64) });
export const UndoEnrolmentResponseSchema = z.object({
  undone: z.literal(true),
  /** The laptop's earlier enrolments made active again (0 when none was active before the code). */
  restoredDevices: z.number().int().min(0),
});

/** One outbox row as it travels: the client-generated change id makes every retry safe. */
export const ChangeSchema = z.strictObject({
  changeId: UuidSchema,
  entity: z.enum(SYNC_ENTITIES),
  entityId: z.string().min(1).max(200),
  operation: z.enum(SYNC_OPERATIONS),
  payload: z.record(z.string(), z.unknown()),
  createdAt: IsoDateTimeSchema,
});
export type Change = z.infer<typeof ChangeSchema>;

export { MemberSnapshotSchema, ValidationCreatePayloadSchema } from './payloads';

const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Must be a SHA-256 in lower-case hex' });
/** A position in the laptop's audit chain: the row's number and its hash. */
export const AuditHeadSchema = z.strictObject({
  seq: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 53 - 1),
  hash: Sha256HexSchema,
});

/**
 * The laptop's audit chain as it stands at this push (`head`), and its hash today at the last head HQ
 * confirmed (`anchor`; hash null when that row is gone). HQ compares the anchor with the heads it recorded:
 * a chain cut short or rewritten on the laptop no longer holds them.
 */
export const PushAuditChainSchema = z.strictObject({
  head: AuditHeadSchema,
  anchor: z.strictObject({ seq: AuditHeadSchema.shape.seq, hash: Sha256HexSchema.nullable() }).nullable(),
});

/** POST /v1/push — a batch of changes, applied one by one, each at most once. */
export const PushRequestSchema = z.strictObject({
  changes: z.array(ChangeSchema).min(1).max(500),
  auditChain: PushAuditChainSchema.optional(),
});

/**
 * What HQ holds for each change: applied now, already held (same id, same content), or refused.
 * conflict = same id with different content (HTTP 409 when pushed alone); stale = the record changed at
 * HQ since the client's base version (carries HQ's current version); forbidden = outside the user's
 * scope; invalid = the payload is malformed. Nothing is merged silently. `reason` is HQ's English (for logs and
 * older laptops); `told` the same reason by catalog key, so a laptop writes it in its person's language (an older
 * HQ sends none).
 */
export const ReceiptSchema = z.object({
  changeId: UuidSchema,
  outcome: z.enum(['applied', 'duplicate', 'conflict', 'stale', 'forbidden', 'invalid']),
  reason: z.string().optional(),
  told: MessageRefSchema.optional(),
  current: z.unknown().optional(),
  receivedAt: IsoDateTimeSchema,
});
export type Receipt = z.infer<typeof ReceiptSchema>;
/** continuous: the anchor is a head HQ recorded (or HQ had none), and the new head is recorded now. */
export const AuditChainVerdictSchema = z.object({
  state: z.enum(['continuous', 'broken']),
  /** The newest head HQ recorded for this device before this push: what a broken chain failed to hold. */
  recorded: AuditHeadSchema.nullable(),
});
export const PushResponseSchema = z.object({
  receipts: z.array(ReceiptSchema),
  auditChain: AuditChainVerdictSchema.optional(),
});

/** GET /v1/validations/:id/receipt — whether HQ holds the submitted validation whole. */
export const ValidationReceiptSchema = z.object({
  validationId: UuidSchema,
  status: z.enum(['IN_PROGRESS', 'SUBMITTED']),
  contentSha256: z.string().nullable(),
  missingEvidence: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  complete: z.boolean(),
});

/** A refusal: a stable code, HQ's English, and (from HQ's own words, optional) the same message by catalog key. */
export const ApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  told: MessageRefSchema.optional(),
});

/** POST /v1/enroll's 409: the code is good but another person's than `holdsWorkOf`; it stays unspent. */
export const EnrollOtherPersonSchema = ApiErrorSchema.extend({ codeOf: HqUserSchema });

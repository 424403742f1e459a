import { z } from 'zod';
import { EntityTypeSchema } from '../domain/entity-types';
import { LanguageSchema } from '../domain/language';
import { MemberRecordChangeSchema, MemberRecordEventSchema } from '../domain/member-record/events';
import { IsoDateTimeSchema, UuidSchema } from '../domain/primitives';
import { MessageRefSchema } from '../messages';
import { ApiErrorSchema } from './protocol';

/**
 * POST /v1/member-records/changes — a laptop sends one Member's record changes, in order. HQ checks each with
 * the shared rules (shared/domain/member-record/fold.ts) on its own copy of the record, as the enrolled user,
 * and keeps all of them or none. A change made on a version HQ no longer holds is refused (409 STALE) with
 * the changes the laptop lacks; it is never merged.
 */

export const MEMBER_RECORD_CHANGES_PATH = '/v1/member-records/changes';
export const MAX_MEMBER_RECORD_CHANGES = 200;

/** The Member as the laptop holds it: HQ finds it by id, else by CTPAT account number, else creates it. */
export const MemberRecordMemberSchema = z.strictObject({
  id: UuidSchema,
  accountNumber: z.string().trim().min(1).max(100),
  legalName: z.string().trim().min(1).max(300),
  entityType: EntityTypeSchema,
  city: z.string().trim().max(200),
  country: z.string().trim().max(200),
  correspondenceLanguage: LanguageSchema,
});
export type MemberRecordMember = z.infer<typeof MemberRecordMemberSchema>;

/** One change as made on the laptop: the record version it was made on, when, and what it says. */
export const PushedMemberRecordEventSchema = z.strictObject({
  id: UuidSchema,
  baseVersion: z.number().int().nonnegative(),
  at: IsoDateTimeSchema,
  change: MemberRecordChangeSchema,
});
export type PushedMemberRecordEvent = z.infer<typeof PushedMemberRecordEventSchema>;

export const MemberRecordPushRequestSchema = z.strictObject({
  member: MemberRecordMemberSchema,
  events: z.array(PushedMemberRecordEventSchema).min(1).max(MAX_MEMBER_RECORD_CHANGES),
});
export type MemberRecordPushRequest = z.infer<typeof MemberRecordPushRequestSchema>;

/** Kept: HQ's id for the Member, its record version now, and the version each change holds at HQ. */
export const MemberRecordPushResponseSchema = z.object({
  memberId: UuidSchema,
  version: z.number().int().nonnegative(),
  events: z.array(
    z.object({ id: UuidSchema, version: z.number().int().positive(), outcome: z.enum(['applied', 'duplicate']) }),
  ),
});
export type MemberRecordPushResponse = z.infer<typeof MemberRecordPushResponseSchema>;

/**
 * A refusal: nothing was kept. `eventId` names the change refused (absent when the whole request was); `told`
 * is the message for the person, by key; STALE carries HQ's version and the changes the laptop lacks.
 */
export const MemberRecordRefusalSchema = ApiErrorSchema.extend({
  eventId: UuidSchema.optional(),
  told: MessageRefSchema.optional(),
  current: z
    .object({ memberId: UuidSchema, version: z.number().int().nonnegative(), events: z.array(MemberRecordEventSchema) })
    .optional(),
});
export type MemberRecordRefusalBody = z.infer<typeof MemberRecordRefusalSchema>;

/**
 * A Member as a pull sends it: what a laptop's Member needs, the field office it belongs to, and when HQ last
 * changed its copy (a laptop takes the details only from a newer copy; an older HQ sends no time).
 */
export const PulledMemberSchema = z.object({
  ...MemberRecordMemberSchema.shape,
  fieldOffice: z.string().min(1),
  updatedAt: IsoDateTimeSchema.optional(),
});
export type PulledMember = z.infer<typeof PulledMemberSchema>;

export { MemberRecordEventSchema };

import { z } from 'zod';
import { LanguageSchema } from '../language';
import { PersonSchema } from '../lifecycle';
import { IsoDateSchema, IsoDateTimeSchema, UuidSchema } from '../primitives';
import { ValidationModeSchema } from '../validation';
import { EXTENSION_DAYS } from './calendar';

/** CTPAT status (ctpat-facts §2.1, §2.4, §2.5): a validated Member is at Tier 2 or Tier 3; certified is Tier 1. */
export const MEMBER_STATUSES = ['APPLICANT', 'CERTIFIED', 'VALIDATED', 'SUSPENDED', 'REMOVED'] as const;
export const MemberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatusSchema>;

/**
 * CBP's Best Practices Framework: a practice earns Tier 3 only when it meets all five requirements
 * (cbp.gov best-practices page; the five as listed in ctpat-facts §2.5, to verify against CBP's text).
 */
export const BEST_PRACTICE_REQUIREMENTS = [
  'SENIOR_MANAGEMENT_SUPPORT',
  'INNOVATION',
  'DOCUMENTED_PROCESS',
  'VERIFIABLE_EVIDENCE',
  'CHECKS_AND_BALANCES',
] as const;
export const BestPracticeRequirementSchema = z.enum(BEST_PRACTICE_REQUIREMENTS);
export type BestPracticeRequirement = z.infer<typeof BestPracticeRequirementSchema>;

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number, what: string) => text(max).min(1, { error: `${what} is required` });

export const BestPracticeSchema = z.strictObject({
  description: requiredText(2_000, 'A description of the practice'),
  /** The requirements the supervisor found met, each once. */
  meets: z.array(BestPracticeRequirementSchema).max(BEST_PRACTICE_REQUIREMENTS.length),
});
export type BestPractice = z.infer<typeof BestPracticeSchema>;

export const ContactSchema = z.strictObject({
  name: requiredText(200, 'The contact’s name'),
  role: text(200),
  email: text(320),
  phone: text(60),
});
export type Contact = z.infer<typeof ContactSchema>;

export const PROFILE_REVIEW_OUTCOMES = ['RECEIVED', 'APPROVED', 'RETURNED'] as const;
export const ProfileReviewOutcomeSchema = z.enum(PROFILE_REVIEW_OUTCOMES);
export type ProfileReviewOutcome = z.infer<typeof ProfileReviewOutcomeSchema>;

/** What one change to a Member's CTPAT record says; the record is these changes in order (fold.ts). */
export const MemberRecordChangeSchema = z.discriminatedUnion('kind', [
  /**
   * The record as it stood before this app held it (the first change only): status, tier and dates as CBP's
   * records give them. Suspension and removal are never set this way: they need their reasons.
   */
  z.strictObject({
    kind: z.literal('HISTORY_SET'),
    status: z.enum(['APPLICANT', 'CERTIFIED', 'VALIDATED']),
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
    certifiedOn: IsoDateSchema.nullable(),
    lastValidatedOn: IsoDateSchema.nullable(),
    note: text(2_000),
  }),
  z.strictObject({
    kind: z.literal('DETAILS_SET'),
    correspondenceLanguage: LanguageSchema,
    contacts: z.array(ContactSchema).max(20),
  }),
  z.strictObject({ kind: z.literal('CERTIFIED'), certifiedOn: IsoDateSchema }),
  z.strictObject({
    kind: z.literal('SUSPENDED'),
    effectiveOn: IsoDateSchema,
    reason: requiredText(2_000, 'The reason for the suspension'),
    reinstatementCondition: requiredText(2_000, 'What the Member must do to be reinstated'),
  }),
  z.strictObject({
    kind: z.literal('REINSTATED'),
    effectiveOn: IsoDateSchema,
    reason: requiredText(2_000, 'Why the Member is reinstated'),
  }),
  z.strictObject({
    kind: z.literal('REMOVED'),
    effectiveOn: IsoDateSchema,
    reason: requiredText(2_000, 'The reason for the removal'),
    reinstatementCondition: text(2_000),
  }),
  /** An approved validation: the last validation date moves, and with it the revalidation due date. */
  z.strictObject({ kind: z.literal('VALIDATION_APPROVED'), validationId: UuidSchema, approvedOn: IsoDateSchema }),
  z.strictObject({
    kind: z.literal('TIER_SET'),
    tier: z.union([z.literal(2), z.literal(3)]),
    validationId: UuidSchema,
    bestPractices: z.array(BestPracticeSchema).max(50),
  }),
  z.strictObject({
    kind: z.literal('REVALIDATION_DUE_SET'),
    dueOn: IsoDateSchema,
    reason: requiredText(2_000, 'Why the revalidation is due sooner'),
  }),
  z.strictObject({
    kind: z.literal('PROFILE_REVIEW'),
    anniversaryOn: IsoDateSchema,
    outcome: ProfileReviewOutcomeSchema,
    on: IsoDateSchema,
    comments: text(4_000),
  }),
  z.strictObject({
    kind: z.literal('EXTENSION_REQUESTED'),
    anniversaryOn: IsoDateSchema,
    days: z.literal(EXTENSION_DAYS, { error: 'An extension is 30, 60, 90 or 120 days' }),
    requestedOn: IsoDateSchema,
    reason: requiredText(2_000, 'The Member’s reason for the extension'),
  }),
  z.strictObject({
    kind: z.literal('EXTENSION_DECIDED'),
    anniversaryOn: IsoDateSchema,
    granted: z.boolean(),
    comment: text(2_000),
  }),
  /**
   * A supervisor gives the Member's next validation or revalidation to an SCSS of the field office (HQ user id
   * and name as HQ knows them); a later one replaces it. Profile reviews are the SCSS's own and not assigned.
   */
  z.strictObject({
    kind: z.literal('SCSS_ASSIGNED'),
    scss: z.strictObject({ userId: UuidSchema, name: requiredText(300, 'The SCSS’s name') }),
    work: z.enum(['VALIDATION', 'REVALIDATION']),
    mode: ValidationModeSchema,
    targetDate: IsoDateSchema,
  }),
]);
export type MemberRecordChange = z.infer<typeof MemberRecordChangeSchema>;
export type MemberRecordChangeKind = MemberRecordChange['kind'];

/** One stored change: who made it and when, and the record version it made (1 for the first). */
export const MemberRecordEventSchema = z.strictObject({
  id: UuidSchema,
  memberId: UuidSchema,
  version: z.number().int().positive(),
  at: IsoDateTimeSchema,
  /** The enrolled person; null on a laptop never enrolled, where `actorName` is all there is. */
  actor: PersonSchema.nullable(),
  actorName: z.string().min(1).max(300),
  change: MemberRecordChangeSchema,
});
export type MemberRecordEvent = z.infer<typeof MemberRecordEventSchema>;

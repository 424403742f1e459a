import { z } from 'zod';
import { DEFAULT_SETTINGS, SettingsSchema } from './field-work';
import { IsoDateTimeSchema } from './primitives';

/**
 * The settings that are CBP policy rather than one person's preference: HQ sets them for every enrolled
 * laptop. The report marking is a CUI marking decided by the agency, so it is policy too.
 * Any setting added to SettingsSchema later stays local unless it is listed here.
 */
export const POLICY_FIELDS = ['deficiencyReasons', 'responseDays', 'maxEvidenceBytes', 'reportMarking'] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

export const PolicySchema = SettingsSchema.pick({
  deficiencyReasons: true,
  responseDays: true,
  maxEvidenceBytes: true,
  reportMarking: true,
});
export type Policy = z.infer<typeof PolicySchema>;

/** The policy part of a whole set of settings (or of a policy carrying extra keys). */
export const policyOf = (settings: Policy): Policy => ({
  deficiencyReasons: settings.deficiencyReasons,
  responseDays: settings.responseDays,
  maxEvidenceBytes: settings.maxEvidenceBytes,
  reportMarking: settings.reportMarking,
});

export const DEFAULT_POLICY: Policy = policyOf(DEFAULT_SETTINGS);

/** Same policy, compared field by field (reasons in order: the order is what a finding's list shows). */
const canonical = (p: Policy): string =>
  JSON.stringify([
    p.deficiencyReasons.map((r) => [r.code, r.label, r.active]),
    p.responseDays,
    p.maxEvidenceBytes,
    p.reportMarking,
  ]);
export const samePolicy = (a: Policy, b: Policy): boolean => canonical(a) === canonical(b);

/**
 * HQ's policy as HQ holds it. Version 0 means no supervisor has set one yet: HQ answers with the defaults.
 * updatedBy names the supervisor who set this version.
 */
export const HqPolicySchema = z.object({
  version: z.number().int().nonnegative(),
  updatedAt: IsoDateTimeSchema.nullable(),
  updatedBy: z.string().nullable(),
  policy: PolicySchema,
});
export type HqPolicy = z.infer<typeof HqPolicySchema>;

/**
 * Where the policy fields on Settings come from, for the Settings screen. local: never enrolled, the laptop's
 * own values. hq: HQ's copy as last synced. hq-pending: enrolled, HQ's policy not received yet (the local
 * values apply until the next sync). canEdit: never enrolled, or the enrolled user is a supervisor.
 */
export const PolicyStatusViewSchema = z.object({
  source: z.enum(['local', 'hq', 'hq-pending']),
  version: z.number().int().nonnegative().nullable(),
  updatedAt: IsoDateTimeSchema.nullable(),
  updatedBy: z.string().nullable(),
  receivedAt: IsoDateTimeSchema.nullable(),
  canEdit: z.boolean(),
  fields: z.array(z.enum(POLICY_FIELDS)),
});
export type PolicyStatusView = z.infer<typeof PolicyStatusViewSchema>;

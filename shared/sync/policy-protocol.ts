import { z } from 'zod';
import { HqPolicySchema, PolicySchema } from '../domain/policy';
import { ApiErrorSchema } from './protocol';

export { type HqPolicy, HqPolicySchema } from '../domain/policy';

/**
 * GET /v1/policy — HQ's current policy (deficiency reasons, response days, evidence size limit, report
 * marking), for any enrolled device. PUT /v1/policy — a supervisor sets a new version.
 */

/**
 * PUT /v1/policy: `baseVersion` is the version the supervisor edited. A PUT on anything but HQ's current
 * version is refused (409 STALE) with HQ's current policy, never merged.
 */
export const PolicyUpdateRequestSchema = z.strictObject({
  baseVersion: z.number().int().nonnegative(),
  policy: PolicySchema,
});
export type PolicyUpdateRequest = z.infer<typeof PolicyUpdateRequestSchema>;

/**
 * 409 refusals of a PUT: code STALE (HQ's policy moved on since baseVersion; `current` is what it holds now),
 * or REASON_IN_USE (a removed deficiency reason is used by findings HQ holds).
 */
export const PolicyConflictSchema = ApiErrorSchema.extend({ current: HqPolicySchema.optional() });

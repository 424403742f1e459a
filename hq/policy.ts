import { DEFAULT_POLICY, type HqPolicy, type Policy, PolicySchema, samePolicy } from '../shared/domain/policy';
import { type Message, message } from '../shared/messages';
import type { PolicyUpdateRequest } from '../shared/sync/policy-protocol';
import type { HqUser } from '../shared/sync/protocol';
import { type HqDb, type HqQueryable, isUniqueViolation } from './db/types';

type PolicyRow = { version: number; payload: unknown; set_at: Date | string; set_by: string; set_by_name: string };

const CURRENT_POLICY_SQL = `
  SELECT p.version, p.payload, p.set_at, p.set_by, u.name AS set_by_name
  FROM policy_versions p JOIN users u ON u.id = p.set_by
  ORDER BY p.version DESC LIMIT 1`;

/** HQ's current policy; version 0 with the shipped defaults while no supervisor has set one. */
export async function currentPolicy(db: HqQueryable): Promise<HqPolicy> {
  return (await currentPolicyWithAuthor(db)).current;
}

async function currentPolicyWithAuthor(db: HqQueryable): Promise<{ current: HqPolicy; setBy: string | null }> {
  const [row] = await db.query<PolicyRow>(CURRENT_POLICY_SQL);
  if (!row) return { current: { version: 0, updatedAt: null, updatedBy: null, policy: DEFAULT_POLICY }, setBy: null };
  const current = {
    version: row.version,
    updatedAt: new Date(row.set_at).toISOString(),
    updatedBy: row.set_by_name,
    // Parsed on the way out too: a row is only ever written after the same schema accepted it.
    policy: PolicySchema.parse(row.payload),
  };
  return { current, setBy: row.set_by };
}

export type PolicyUpdateOutcome =
  | { outcome: 'saved'; policy: HqPolicy }
  | { outcome: 'forbidden'; told: Message }
  | { outcome: 'stale'; current: HqPolicy }
  | { outcome: 'reason-in-use'; told: Message };

/** Only a supervisor sets HQ's policy; every other role reads it. */
export const mayChangePolicy = (user: HqUser): boolean => user.role === 'SUPERVISOR';

/**
 * Sets a new policy version on top of `baseVersion`. Refused unless the user is a supervisor, unless
 * baseVersion is HQ's current version (the answer carries HQ's current policy), or when it removes a
 * deficiency reason that a finding HQ holds uses (retire it instead). Sending the same request again after
 * its answer was lost gets the version it made back, not a refusal.
 */
export async function updatePolicy(db: HqDb, user: HqUser, request: PolicyUpdateRequest): Promise<PolicyUpdateOutcome> {
  if (!mayChangePolicy(user)) {
    return { outcome: 'forbidden', told: message('hqReason.policySupervisorOnly') };
  }
  try {
    return await db.transaction(async (tx) => {
      const { current, setBy } = await currentPolicyWithAuthor(tx);
      const isRetryOfLatest = current.version === request.baseVersion + 1 && setBy === user.id;
      if (isRetryOfLatest && samePolicy(current.policy, request.policy)) return { outcome: 'saved', policy: current };
      if (current.version !== request.baseVersion) return { outcome: 'stale', current };
      if (samePolicy(current.policy, request.policy)) return { outcome: 'saved', policy: current };
      const removed = await reasonsInUseRemovedBy(tx, request.policy);
      if (removed.length > 0) {
        return { outcome: 'reason-in-use', told: message('hqReason.reasonInUse', { codes: removed.join(', ') }) };
      }
      await tx.query('INSERT INTO policy_versions (version, payload, set_by) VALUES ($1, $2, $3)', [
        current.version + 1,
        JSON.stringify(request.policy),
        user.id,
      ]);
      return { outcome: 'saved', policy: await currentPolicy(tx) };
    });
  } catch (error) {
    // Another supervisor saved the same next version a moment earlier.
    if (isUniqueViolation(error)) return { outcome: 'stale', current: await currentPolicy(db) };
    throw error;
  }
}

async function reasonsInUseRemovedBy(tx: HqQueryable, next: Policy): Promise<string[]> {
  const kept = new Set(next.deficiencyReasons.map((r) => r.code));
  const rows = await tx.query<{ reason_code: string }>(
    `SELECT DISTINCT reason_code FROM records WHERE entity = 'finding' AND reason_code IS NOT NULL ORDER BY reason_code`,
  );
  return rows.map((r) => r.reason_code).filter((code) => !kept.has(code));
}

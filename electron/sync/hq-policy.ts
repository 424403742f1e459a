import type { Db } from '../../db/connection';
import {
  type HqPolicyCopy,
  readHqPolicyCopy,
  readLocalSettings,
  reasonCodesInUse,
  writeHqPolicyCopy,
} from '../../db/queries/settings';
import { type HqPolicy, HqPolicySchema, type Policy } from '../../shared/domain/policy';
import { message } from '../../shared/messages';
import { PolicyConflictSchema, type PolicyUpdateRequest } from '../../shared/sync/policy-protocol';
import {
  ClientError,
  errorForStatus,
  getHqJson,
  type HttpTransportOptions,
  parseJson,
  ServerError,
  sendHqJson,
} from './transport';

/** How the laptop reaches HQ's policy. The HTTP one is for the app; tests hand the same requests to the real HQ app. */
export interface PolicyTransport {
  get(): Promise<HqPolicy>;
  /** HQ's new version, or HQ's refusal as a typed error (PolicyStaleError for a stale base version). */
  put(request: PolicyUpdateRequest): Promise<HqPolicy>;
}

/** HQ refused a policy change made on a version it no longer holds; `current` is what it holds now. */
export class PolicyStaleError extends ClientError {
  constructor(
    message: string,
    readonly current: HqPolicy,
  ) {
    super(message, 409);
    this.name = 'PolicyStaleError';
  }
}

/** HQ's answer to a policy PUT as the new version, or as the typed error that says what happened. */
export function policyPutResponseFrom(status: number, bodyText: string): HqPolicy {
  const body = parseJson(bodyText);
  if (status >= 200 && status < 300) {
    const parsed = HqPolicySchema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new ServerError(message('sync.policyNotUnderstood').message, status);
  }
  const conflict = PolicyConflictSchema.safeParse(body);
  if (status === 409 && conflict.success && conflict.data.current) {
    throw new PolicyStaleError(conflict.data.error.message, conflict.data.current);
  }
  throw errorForStatus(status, body);
}

export function createHttpPolicyTransport(options: HttpTransportOptions): PolicyTransport {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  return {
    get: () => getHqJson(options, 'policy', HqPolicySchema),
    async put(request) {
      const { status, text } = await sendHqJson(options, 'PUT', new URL('v1/policy', base), request);
      return policyPutResponseFrom(status, text);
    },
  };
}

export type PolicyPullSummary = { policyVersion: number | null; policyChanged: boolean };

/**
 * The sync step that brings HQ's policy down on every sync and hands it to `keep` (which stores it and says
 * whether it differed). An HQ too old to serve /v1/policy (404) leaves the laptop's settings as they are
 * rather than failing the sync.
 */
export async function pullHqPolicy(
  transport: PolicyTransport,
  keep: (received: HqPolicy) => boolean,
): Promise<PolicyPullSummary> {
  let received: HqPolicy;
  try {
    received = await transport.get();
  } catch (error) {
    if (error instanceof ClientError && error.status === 404) return { policyVersion: null, policyChanged: false };
    throw error;
  }
  return { policyVersion: received.version, policyChanged: keep(received) };
}

/**
 * Keeps HQ's policy as this laptop's copy, in one transaction; returns whether it differed from the copy held.
 * A reason a finding on this laptop still uses but HQ's list lacks is kept, retired, so that finding keeps
 * its label (HQ refuses to remove reasons its findings use; this covers findings not yet pushed).
 */
export function storeHqPolicy(
  db: Db,
  received: HqPolicy,
  receivedAt: string,
  onChange?: (before: HqPolicyCopy | null, after: HqPolicyCopy) => void,
): boolean {
  return db
    .transaction(() => {
      const before = readHqPolicyCopy(db);
      const policy = keepLocalReasonsInUse(db, received.policy, before?.policy);
      const after: HqPolicyCopy = { ...received, policy, receivedAt };
      const changed =
        before === null || before.version !== after.version || JSON.stringify(before.policy) !== JSON.stringify(policy);
      if (!changed) return false;
      writeHqPolicyCopy(db, after);
      onChange?.(before, after);
      return true;
    })
    .immediate();
}

function keepLocalReasonsInUse(db: Db, policy: Policy, previous: Policy | undefined): Policy {
  const listed = new Set(policy.deficiencyReasons.map((r) => r.code));
  const missing = reasonCodesInUse(db).filter((code) => !listed.has(code));
  if (missing.length === 0) return policy;
  const known = [...readLocalSettings(db).deficiencyReasons, ...(previous?.deficiencyReasons ?? [])];
  const labelOf = new Map(known.map((r) => [r.code, r.label]));
  return {
    ...policy,
    deficiencyReasons: [
      ...policy.deficiencyReasons,
      ...missing.map((code) => ({ code, label: labelOf.get(code) ?? code, active: false })),
    ],
  };
}

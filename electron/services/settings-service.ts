import { readHqPolicyCopy, readSettings, reasonCodesInUse, writeSettings } from '../../db/queries/settings';
import type { Settings } from '../../shared/domain/field-work';
import { type HqPolicy, POLICY_FIELDS, type PolicyStatusView, policyOf, samePolicy } from '../../shared/domain/policy';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { PolicyStaleError, type PolicyTransport, storeHqPolicy } from '../sync/hq-policy';
import { syncMessageOf } from '../sync/sync-messages';
import { AuthError, ClientError, hqWordsOf, NetworkError, ServerError } from '../sync/transport';
import { recordChange } from './change-log';
import { isoNow, type ServiceContext } from './service-context';

/** The settings in force: HQ's policy fields on an enrolled laptop once synced, local values otherwise. */
export function getSettings(ctx: ServiceContext): Settings {
  return readSettings(ctx.db);
}

const isSupervisor = (ctx: ServiceContext) => ctx.person?.role === 'SUPERVISOR';

/** Where the policy fields come from and whether the person at this laptop may change them. */
export function getPolicyStatus(ctx: ServiceContext): PolicyStatusView {
  const copy = ctx.person ? readHqPolicyCopy(ctx.db) : null;
  return {
    source: !ctx.person ? 'local' : copy ? 'hq' : 'hq-pending',
    version: copy?.version ?? null,
    updatedAt: copy?.updatedAt ?? null,
    updatedBy: copy?.updatedBy ?? null,
    receivedAt: copy?.receivedAt ?? null,
    canEdit: !ctx.person || isSupervisor(ctx),
    fields: [...POLICY_FIELDS],
  };
}

/**
 * Saves settings on this computer. On an enrolled laptop the policy fields belong to HQ: changing them here
 * is refused (a supervisor changes them through saveSettings, which sends them to HQ). A reason in use by a
 * finding can be retired but never removed.
 */
export function updateSettings(ctx: ServiceContext, next: Settings): Settings {
  return ctx.db
    .transaction(() => {
      const before = readSettings(ctx.db);
      if (ctx.person && !samePolicy(policyOf(before), policyOf(next))) {
        throw new AppError('FORBIDDEN', policyRefusal(ctx));
      }
      refuseRemovingReasonsInUse(ctx, next);
      writeSettings(ctx.db, next, isoNow(ctx));
      recordChange(ctx, { action: 'settings.update', entity: 'settings', entityId: 'app', before, after: next });
      return readSettings(ctx.db);
    })
    .immediate();
}

const policyRefusal = (ctx: ServiceContext) =>
  message(isSupervisor(ctx) ? 'errors.settings.policyAtHqSupervisor' : 'errors.settings.policyAtHq');

function refuseRemovingReasonsInUse(ctx: ServiceContext, next: Settings): void {
  const kept = new Set(next.deficiencyReasons.map((r) => r.code));
  const removed = reasonCodesInUse(ctx.db).filter((code) => !kept.has(code));
  if (removed.length > 0) {
    throw new AppError('CONFLICT', message('errors.settings.reasonInUse', { codes: removed.join(', ') }));
  }
}

/**
 * Saves settings from the Settings screen. A supervisor's change of the policy on an enrolled laptop goes to
 * HQ straight away (HQ is the one place it lives; nothing is queued), and this laptop keeps HQ's answer.
 * When HQ cannot be reached nothing is saved and the message says so: the edits stay on the screen.
 */
export async function saveSettings(
  ctx: ServiceContext,
  next: Settings,
  policyTransport: () => PolicyTransport | null,
): Promise<Settings> {
  const current = readSettings(ctx.db);
  const policyChanged = !samePolicy(policyOf(current), policyOf(next));
  if (!ctx.person || !policyChanged) return updateSettings(ctx, next);
  if (!isSupervisor(ctx)) throw new AppError('FORBIDDEN', policyRefusal(ctx));
  refuseRemovingReasonsInUse(ctx, next);
  const transport = policyTransport();
  if (!transport) throw new AppError('FORBIDDEN', message('errors.settings.notEnrolled'));
  const baseVersion = readHqPolicyCopy(ctx.db)?.version ?? 0;
  const saved = await sendPolicyToHq(ctx, transport, { baseVersion, policy: policyOf(next) });
  keepHqPolicy(ctx, saved);
  // The local fields (none today beyond the policy) are saved as usual, now that the policy matches HQ's.
  return updateSettings(ctx, { ...next, ...policyOf(readSettings(ctx.db)) });
}

async function sendPolicyToHq(
  ctx: ServiceContext,
  transport: PolicyTransport,
  request: Parameters<PolicyTransport['put']>[0],
): Promise<HqPolicy> {
  try {
    return await transport.put(request);
  } catch (error) {
    if (error instanceof PolicyStaleError) {
      keepHqPolicy(ctx, error.current);
      const { version, updatedBy } = error.current;
      throw new AppError(
        'CONFLICT',
        updatedBy
          ? message('errors.settings.policyStaleBy', { version, by: updatedBy })
          : message('errors.settings.policyStale', { version }),
      );
    }
    if (error instanceof NetworkError || error instanceof ServerError) {
      throw new AppError(
        'UNAVAILABLE',
        message('errors.settings.hqUnreachable', { detail: [syncMessageOf(error.message)] }),
      );
    }
    if (error instanceof AuthError) {
      throw new AppError('FORBIDDEN', message('errors.settings.hqRefusedComputer'));
    }
    if (error instanceof ClientError) {
      throw new AppError(
        error.status === 403 ? 'FORBIDDEN' : error.status === 409 ? 'CONFLICT' : 'BAD_REQUEST',
        message('errors.settings.hqRefused', { detail: hqWordsOf({ text: error.message, told: error.told }) }),
      );
    }
    throw error;
  }
}

/** Keeps HQ's policy as this laptop's copy, with an audit row saying which version arrived; true if it changed. */
export function keepHqPolicy(ctx: ServiceContext, received: HqPolicy): boolean {
  return storeHqPolicy(ctx.db, received, isoNow(ctx), (before, after) =>
    recordChange(ctx, {
      action: 'policy.received',
      entity: 'settings',
      entityId: 'hq_policy',
      before: before ? { version: before.version, policy: before.policy } : null,
      after: { version: after.version, updatedBy: after.updatedBy, policy: after.policy },
    }),
  );
}

import { performance } from 'node:perf_hooks';
import { type AuditChainCheck, checkAuditChain, holdAuditChainCheck } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { getMember } from '../../db/queries/members';
import { getValidation } from '../../db/queries/validations';
import { isoNow, type ServiceContext } from './service-context';

/** A validation a break affects, named the way the person knows it. */
export type AffectedValidation = { id: string; memberName: string | null; scheduledDate: string | null };

/** One check as the person sees it: what was checked, when, how long it took, and whom a break affects. */
export type AuditVerification = AuditChainCheck & {
  checkedAt: string;
  durationMs: number;
  affectedValidations: AffectedValidation[];
};

/** Runs the check and names the affected validations; changes nothing (the CLI runs it on a read-only store). */
export function runAuditCheck(
  db: Db,
  checkedAt: string,
  options: Parameters<typeof checkAuditChain>[1] = {},
): AuditVerification {
  const started = performance.now();
  const check = checkAuditChain(db, options);
  const durationMs = Math.round(performance.now() - started);
  return {
    ...check,
    checkedAt,
    durationMs,
    affectedValidations: check.affected.validationIds.map((id) => named(db, id)),
  };
}

function named(db: Db, validationId: string): AffectedValidation {
  const validation = getValidation(db, validationId);
  const member = validation && getMember(db, validation.memberId);
  return { id: validationId, memberName: member?.legalName ?? null, scheduledDate: validation?.scheduledDate ?? null };
}

const lastVerification = new WeakMap<Db, AuditVerification>();

/** Checks the chain and holds the outcome: a break makes what it affects read-only until the next check. */
export function verifyAuditLog(
  ctx: ServiceContext,
  options: Parameters<typeof checkAuditChain>[1] = {},
): AuditVerification {
  const verification = runAuditCheck(ctx.db, isoNow(ctx), options);
  holdAuditChainCheck(ctx.db, verification);
  lastVerification.set(ctx.db, verification);
  return verification;
}

/** The most recent check of this store (the start-up one until the person runs another); null if none ran. */
export function lastAuditVerification(ctx: ServiceContext): AuditVerification | null {
  return lastVerification.get(ctx.db) ?? null;
}

/** The start-up check: the app keeps opening on a break, and the host's log says what was found. */
export function verifyAuditLogAtStartup(ctx: ServiceContext, log: (line: string) => void = console.warn): void {
  const verification = verifyAuditLog(ctx);
  if (verification.firstBreak === null) return;
  const { seq, reason } = verification.firstBreak;
  const scope = verification.affected.wholeStore
    ? 'every validation on this computer is read-only'
    : `read-only: ${verification.affected.validationIds.join(', ')}`;
  log(`Audit log check at start-up: entry #${seq} ${reason}; ${scope}.`);
}

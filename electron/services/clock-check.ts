import { stmt } from '../../db/statements';
import { lastAuditVerification } from './audit-verify';
import type { ServiceContext } from './service-context';

/** NTP corrections and a laptop's drift stay well inside this; a reset clock is off by days or years. */
export const CLOCK_BEHIND_TOLERANCE_MS = 10 * 60 * 1000;

export type ClockCheck = {
  /** This computer's clock, as the services read it. */
  now: string;
  /** The latest time anything saved here is dated; null in a store with no audit entry yet. */
  newestSavedAt: string | null;
  /** The clock is more than the tolerance behind newestSavedAt. */
  behind: boolean;
};

/**
 * Whether this computer's clock is behind what was already saved here. A laptop whose clock battery died
 * comes back dated in the past, and everything saved then (audit log, signatures, reports, HQ's statistics)
 * would carry that date. The newest saved time is the latest the audit log check saw (at start-up or since)
 * or the last entry's, whichever is later: the last entry alone would stop the warning at the first save.
 */
export function checkClock(ctx: ServiceContext): ClockCheck {
  const now = ctx.now();
  const lastEntry = stmt(ctx.db, 'SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { at: string }
    | undefined;
  let newestSavedAt: string | null = null;
  for (const at of [lastAuditVerification(ctx)?.latest?.at, lastEntry?.at]) {
    if (at === undefined || Number.isNaN(Date.parse(at))) continue;
    if (newestSavedAt === null || Date.parse(at) > Date.parse(newestSavedAt)) newestSavedAt = at;
  }
  const behind = newestSavedAt !== null && Date.parse(newestSavedAt) - now.getTime() > CLOCK_BEHIND_TOLERANCE_MS;
  return { now: now.toISOString(), newestSavedAt, behind };
}

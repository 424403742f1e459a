import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { lastAuditVerification } from './audit-verify';
import type { ServiceContext } from './service-context';

/** NTP corrections, a laptop's drift and a slow answer stay well inside this; a reset clock is off by days or years. */
export const CLOCK_TOLERANCE_MS = 10 * 60 * 1000;

export type ClockCheck = {
  /** This computer's clock, as the services read it. */
  now: string;
  /** The latest time anything saved here is dated; null in a store with no audit entry yet. */
  newestSavedAt: string | null;
  /** This clock minus HQ's, from the last answer HQ dated (positive: ahead of HQ); null before any. */
  hqDifferenceMs: number | null;
  /**
   * The verdict the person is told: HQ's clock, once known, decides (a clock HQ agrees with is right even if an
   * entry here was dated ahead by it earlier); before HQ has answered, what is saved here is all there is.
   */
  wrong: ClockWrong | null;
};

export type ClockWrong = 'ahead-of-hq' | 'behind-hq' | 'behind-saved';

/** Off by more than the tolerance is wrong: from HQ either way, or behind what is saved here. */
function verdict(now: Date, newestSavedAt: string | null, hqDifferenceMs: number | null): ClockWrong | null {
  if (hqDifferenceMs !== null) {
    if (Math.abs(hqDifferenceMs) <= CLOCK_TOLERANCE_MS) return null;
    return hqDifferenceMs > 0 ? 'ahead-of-hq' : 'behind-hq';
  }
  const behind = newestSavedAt !== null && Date.parse(newestSavedAt) - now.getTime() > CLOCK_TOLERANCE_MS;
  return behind ? 'behind-saved' : null;
}

/** The last comparison with HQ's clock, per open store: kept in memory, measured again at each sync. */
const hqDifferences = new WeakMap<Db, number>();

/**
 * Compares this clock with the time HQ put on an answer (its HTTP `Date`, to the second); an answer without one,
 * or with one that cannot be read, changes nothing. A slow answer only makes this clock look a little ahead.
 */
export function noteHqClock(ctx: ServiceContext, hqDateHeader: string | null): void {
  const hqMs = hqDateHeader === null ? Number.NaN : Date.parse(hqDateHeader);
  if (Number.isNaN(hqMs)) return;
  hqDifferences.set(ctx.db, ctx.now().getTime() - hqMs);
}

/** A fetch that notes HQ's clock from every answer, for all of a sync's requests. */
export function fetchNotingHqClock(ctx: ServiceContext, inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    noteHqClock(ctx, response.headers.get('date'));
    return response;
  };
}

/**
 * Whether this computer's clock is wrong. A laptop whose clock battery died comes back dated in the past, and
 * everything saved then (audit log, signatures, reports, HQ's statistics) would carry that date. Offline, the
 * check is against what was already saved here: the latest time the audit log check saw (at start-up or since)
 * or the last entry's, whichever is later (the last entry alone would stop the warning at the first save).
 * Once HQ has answered, against HQ's clock too, which also sees a clock ahead or a wrong time zone.
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
  const hqDifferenceMs = hqDifferences.get(ctx.db) ?? null;
  return { now: now.toISOString(), newestSavedAt, hqDifferenceMs, wrong: verdict(now, newestSavedAt, hqDifferenceMs) };
}

/**
 * Counts refused enrolment codes, so codes cannot be guessed at speed. Only failures count: a field office
 * enrolling a room of laptops is never slowed down. (@fastify/rate-limit counts every request, successful or
 * not, so it does not fit.) In memory: a restart forgets the counts, which costs a guesser nothing they could
 * not get by waiting out the window.
 *
 * Two counts: per laptop (its address and installation id) and per address. A field office behind one NAT
 * address shares the address, so one person mistyping a code must lock out only their own laptop; the larger
 * per-address count still stops a guesser who sends a new installation id with every try.
 */

export type EnrolFailureLimit = { maxFailures: number; windowMs: number };
export type EnrolFailureLimits = { perLaptop: EnrolFailureLimit; perAddress: EnrolFailureLimit };

const FIFTEEN_MINUTES = 15 * 60 * 1000;
export const DEFAULT_ENROL_FAILURE_LIMITS: EnrolFailureLimits = {
  perLaptop: { maxFailures: 10, windowMs: FIFTEEN_MINUTES },
  perAddress: { maxFailures: 100, windowMs: FIFTEEN_MINUTES },
};

// Enough keys to hold a real attack's worth of windows, bounded so a flood cannot exhaust memory.
const MAX_TRACKED_KEYS = 10_000;

/** One count of refused codes per key (an address, or an address and a laptop). */
export type EnrolFailureLimiter = {
  /** Milliseconds until this key may try again; 0 when it may try now. */
  retryAfterMs(key: string): number;
  recordFailure(key: string): void;
};

type Window = { failures: number; endsAt: number };

export function createEnrolFailureLimiter(limit: EnrolFailureLimit, now: () => number = Date.now): EnrolFailureLimiter {
  if (!Number.isSafeInteger(limit.maxFailures) || limit.maxFailures < 1) {
    throw new Error(`maxFailures must be a positive whole number, not ${limit.maxFailures}`);
  }
  if (!Number.isSafeInteger(limit.windowMs) || limit.windowMs < 1) {
    throw new Error(`windowMs must be a positive number of milliseconds, not ${limit.windowMs}`);
  }
  const windows = new Map<string, Window>();

  const currentWindow = (key: string): Window | undefined => {
    const window = windows.get(key);
    if (window && window.endsAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return window;
  };

  const forgetEndedWindows = () => {
    const at = now();
    for (const [key, window] of windows) if (window.endsAt <= at) windows.delete(key);
    // Still full: drop the oldest (Map keeps insertion order) rather than grow without bound.
    for (const key of windows.keys()) {
      if (windows.size < MAX_TRACKED_KEYS) break;
      windows.delete(key);
    }
  };

  return {
    retryAfterMs(key) {
      const window = currentWindow(key);
      return window && window.failures >= limit.maxFailures ? window.endsAt - now() : 0;
    },
    recordFailure(key) {
      const window = currentWindow(key);
      if (window) {
        window.failures += 1;
        return;
      }
      if (windows.size >= MAX_TRACKED_KEYS) forgetEndedWindows();
      windows.set(key, { failures: 1, endsAt: now() + limit.windowMs });
    },
  };
}

/** Who tried: the client address and, when the laptop sent it, its installation id. */
export type EnrolAttempt = { address: string; installationId?: string | undefined };

/** Which count holds the attempt back: the laptop's own, or its address's (shared with everyone behind it). */
export type EnrolHold = { waitMs: number; scope: 'laptop' | 'address' };

export type EnrolmentGuard = {
  /** Why and how long this attempt must wait; null when it may try now. */
  holdOf(attempt: EnrolAttempt): EnrolHold | null;
  recordFailure(attempt: EnrolAttempt): void;
};

// Attempts without an installation id (not sent by this app's laptops) share one laptop count per address.
const laptopKey = ({ address, installationId }: EnrolAttempt) => `${address} ${installationId ?? '-'}`;

export function createEnrolmentGuard(
  limits: EnrolFailureLimits = DEFAULT_ENROL_FAILURE_LIMITS,
  now: () => number = Date.now,
): EnrolmentGuard {
  const perLaptop = createEnrolFailureLimiter(limits.perLaptop, now);
  const perAddress = createEnrolFailureLimiter(limits.perAddress, now);
  return {
    holdOf(attempt) {
      const laptopWait = perLaptop.retryAfterMs(laptopKey(attempt));
      const addressWait = perAddress.retryAfterMs(attempt.address);
      if (laptopWait === 0 && addressWait === 0) return null;
      return laptopWait >= addressWait
        ? { waitMs: laptopWait, scope: 'laptop' }
        : { waitMs: addressWait, scope: 'address' };
    },
    recordFailure(attempt) {
      perLaptop.recordFailure(laptopKey(attempt));
      perAddress.recordFailure(attempt.address);
    },
  };
}

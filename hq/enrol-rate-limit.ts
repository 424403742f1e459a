/**
 * Counts refused enrolment codes per client address, so codes cannot be guessed at speed. Only failures
 * count: a field office enrolling a room of laptops from one NAT address is never slowed down.
 * (@fastify/rate-limit counts every request, successful or not, so it does not fit.) In memory: a restart
 * forgets the counts, which costs a guesser nothing they could not get by waiting out the window.
 */

export type EnrolFailureLimit = { maxFailures: number; windowMs: number };

export const DEFAULT_ENROL_FAILURE_LIMIT: EnrolFailureLimit = { maxFailures: 10, windowMs: 15 * 60 * 1000 };

// Enough addresses to hold a real attack's worth of windows, bounded so a flood cannot exhaust memory.
const MAX_TRACKED_ADDRESSES = 10_000;

export type EnrolFailureLimiter = {
  /** Milliseconds until this address may try again; 0 when it may try now. */
  retryAfterMs(address: string): number;
  recordFailure(address: string): void;
};

type Window = { failures: number; endsAt: number };

export function createEnrolFailureLimiter(
  limit: EnrolFailureLimit = DEFAULT_ENROL_FAILURE_LIMIT,
  now: () => number = Date.now,
): EnrolFailureLimiter {
  if (!Number.isSafeInteger(limit.maxFailures) || limit.maxFailures < 1) {
    throw new Error(`maxFailures must be a positive whole number, not ${limit.maxFailures}`);
  }
  if (!Number.isSafeInteger(limit.windowMs) || limit.windowMs < 1) {
    throw new Error(`windowMs must be a positive number of milliseconds, not ${limit.windowMs}`);
  }
  const windows = new Map<string, Window>();

  const currentWindow = (address: string): Window | undefined => {
    const window = windows.get(address);
    if (window && window.endsAt <= now()) {
      windows.delete(address);
      return undefined;
    }
    return window;
  };

  const forgetEndedWindows = () => {
    const at = now();
    for (const [address, window] of windows) if (window.endsAt <= at) windows.delete(address);
    // Still full: drop the oldest (Map keeps insertion order) rather than grow without bound.
    for (const address of windows.keys()) {
      if (windows.size < MAX_TRACKED_ADDRESSES) break;
      windows.delete(address);
    }
  };

  return {
    retryAfterMs(address) {
      const window = currentWindow(address);
      return window && window.failures >= limit.maxFailures ? window.endsAt - now() : 0;
    },
    recordFailure(address) {
      const window = currentWindow(address);
      if (window) {
        window.failures += 1;
        return;
      }
      if (windows.size >= MAX_TRACKED_ADDRESSES) forgetEndedWindows();
      windows.set(address, { failures: 1, endsAt: now() + limit.windowMs });
    },
  };
}

/**
 * When to try a failed push again: exponential backoff with "full jitter" (AWS Architecture Blog,
 * "Exponential Backoff And Jitter"), so laptops that lose the network together do not return together.
 * A pure function of the attempt number and one random draw; the delay is persisted as next_attempt_at
 * so it survives a restart, which is why no retry-wrapper package (p-retry, exponential-backoff) fits.
 */
export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 5 * 60_000;

/**
 * Milliseconds to wait after the `attempt`-th consecutive failure (1 = the first): uniform in
 * [0, min(cap, base × 2^(attempt−1))). `random` is a draw in [0, 1), e.g. Math.random().
 */
export function backoffDelayMs(attempt: number, random: number, baseMs = RETRY_BASE_MS, capMs = RETRY_CAP_MS): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^exponent overflows to Infinity long after the cap is reached; min() keeps the ceiling finite.
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(exponent, 52));
  const draw = Math.min(Math.max(random, 0), 1);
  return Math.min(Math.floor(draw * ceiling), capMs);
}

import { describe, expect, it } from 'vitest';
import { backoffDelayMs, RETRY_CAP_MS } from '../../electron/sync/retry';

describe('backoff with full jitter', () => {
  it('doubles the ceiling with each failure, from 1 s', () => {
    const ceilings = [1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, 0.999_999));
    expect(ceilings).toEqual([999, 1_999, 3_999, 7_999, 15_999, 31_999]);
  });

  it('never waits more than 5 minutes, however many failures', () => {
    expect(backoffDelayMs(9, 0.999_999)).toBe(255_999);
    expect(backoffDelayMs(10, 0.999_999)).toBe(299_999);
    expect(backoffDelayMs(10_000, 0.999_999)).toBe(299_999);
    expect(backoffDelayMs(Number.MAX_SAFE_INTEGER, 1)).toBe(RETRY_CAP_MS);
  });

  it('spreads laptops across the whole window: the delay is the random draw times the ceiling', () => {
    expect(backoffDelayMs(3, 0)).toBe(0);
    expect(backoffDelayMs(3, 0.25)).toBe(1_000);
    expect(backoffDelayMs(3, 0.5)).toBe(2_000);
  });

  it('treats a nonsensical attempt or draw as the first attempt and the nearest bound', () => {
    expect(backoffDelayMs(0, 0.5)).toBe(500);
    expect(backoffDelayMs(-3, 0.5)).toBe(500);
    expect(backoffDelayMs(1, 7)).toBe(1_000);
    expect(backoffDelayMs(1, -1)).toBe(0);
  });
});

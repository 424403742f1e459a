import { afterEach, describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_MS, checkClock } from '../../electron/services/clock-check';
import { enrolledLaptop } from './enrolled-laptop';
import { sharedHqPerTest } from './sync-harness';

const sharedHq = sharedHqPerTest('pglite', { listen: true });
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const DANA = { name: 'Dana M. Ruiz', role: 'SCSS', fieldOffice: 'Houston' } as const;
const THREE_HOURS_MS = 3 * 60 * 60 * 1000;
/** HQ dates its answers to the second, and the answer takes a moment to arrive. */
const MEASURING_SLACK_MS = 30_000;

describe("a sync compares this computer's clock with HQ's", () => {
  it('finds a clock three hours ahead of HQ (a wrong time zone) and says it is off', async () => {
    const laptop = await enrolledLaptop(
      sharedHq,
      DANA,
      cleanups,
      {},
      { now: () => new Date(Date.now() + THREE_HOURS_MS) },
    );

    await laptop.sync.syncNow();

    const clock = checkClock(laptop.services.ctx);
    expect(clock.wrong).toBe('ahead-of-hq');
    expect(clock.hqDifferenceMs).toBeGreaterThan(THREE_HOURS_MS - MEASURING_SLACK_MS);
    expect(clock.hqDifferenceMs).toBeLessThan(THREE_HOURS_MS + MEASURING_SLACK_MS);
    // Nothing saved here is dated later than this clock, so only HQ could tell.
    expect(Date.parse(clock.newestSavedAt ?? clock.now)).toBeLessThanOrEqual(Date.parse(clock.now));
  });

  it('finds a clock that agrees with HQ within the tolerance', async () => {
    const laptop = await enrolledLaptop(sharedHq, DANA, cleanups);

    await laptop.sync.syncNow();

    const clock = checkClock(laptop.services.ctx);
    expect(clock.wrong).toBeNull();
    expect(Math.abs(clock.hqDifferenceMs ?? Number.NaN)).toBeLessThan(Math.min(MEASURING_SLACK_MS, CLOCK_TOLERANCE_MS));
  });
});

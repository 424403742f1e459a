import { describe, expect, it } from 'vitest';
import { createSyncScheduler, type SyncTrigger } from '../../electron/sync/scheduler';
import { manualClock } from './sync-harness';

function scheduled(options: { online?: () => boolean } = {}) {
  const clock = manualClock();
  const runs: SyncTrigger[] = [];
  const scheduler = createSyncScheduler({
    sync: async (trigger) => {
      runs.push(trigger);
    },
    setTimer: clock.setTimer,
    afterWriteDelayMs: 5_000,
    periodMs: 300_000,
    onlineProbeMs: 20_000,
    ...(options.online ? { isOnline: options.online } : {}),
  });
  return { clock, runs, scheduler };
}

describe('background sync scheduling', () => {
  it('syncs once at start, then once a burst of writes has gone quiet', () => {
    const { clock, runs, scheduler } = scheduled();
    scheduler.start();
    expect(runs).toEqual(['startup']);
    for (let i = 0; i < 10; i += 1) {
      scheduler.noteLocalWrite();
      clock.advance(1_000);
    }
    expect(runs).toEqual(['startup']);
    clock.advance(5_000);
    expect(runs).toEqual(['startup', 'after-write']);
  });

  it('syncs every few minutes without being asked', () => {
    const { clock, runs, scheduler } = scheduled();
    scheduler.start();
    clock.advance(300_000);
    clock.advance(300_000);
    expect(runs.filter((r) => r === 'periodic')).toHaveLength(2);
  });

  it('does not try while offline and syncs as soon as the network returns', () => {
    let online = false;
    const { clock, runs, scheduler } = scheduled({ online: () => online });
    scheduler.start();
    scheduler.noteLocalWrite();
    clock.advance(300_000);
    expect(runs).toEqual([]);
    online = true;
    clock.advance(20_000);
    expect(runs).toEqual(['network-back']);
  });

  it('syncs when the page reports the network is back', () => {
    const { runs, scheduler } = scheduled();
    scheduler.start();
    scheduler.noteOnline();
    expect(runs).toEqual(['startup', 'network-back']);
  });

  it('drops the pending after-write sync when the person syncs, and waits again for writes made after that', () => {
    const { clock, runs, scheduler } = scheduled();
    scheduler.start();
    scheduler.noteLocalWrite();
    clock.advance(2_000);
    scheduler.noteManualSync();
    clock.advance(10_000);
    expect(runs).toEqual(['startup']);
    scheduler.noteLocalWrite();
    clock.advance(5_000);
    expect(runs).toEqual(['startup', 'after-write']);
  });

  it('stops scheduling anything once stopped', () => {
    const { clock, runs, scheduler } = scheduled();
    scheduler.start();
    scheduler.noteLocalWrite();
    scheduler.stop();
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(600_000);
    scheduler.noteLocalWrite();
    expect(runs).toEqual(['startup']);
  });

  it('keeps scheduling after a sync fails', async () => {
    const clock = manualClock();
    let calls = 0;
    const scheduler = createSyncScheduler({
      sync: async () => {
        calls += 1;
        throw new Error('HQ unreachable');
      },
      setTimer: clock.setTimer,
      periodMs: 1_000,
    });
    scheduler.start();
    await Promise.resolve();
    clock.advance(1_000);
    clock.advance(1_000);
    expect(calls).toBe(3);
  });
});

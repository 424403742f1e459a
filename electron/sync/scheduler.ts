import type { SetTimer } from './sync-engine';

/** Why a background sync started; shown in logs and used to decide whether a backoff may be skipped. */
export type SyncTrigger = 'after-write' | 'periodic' | 'network-back' | 'startup';

export type SyncSchedulerOptions = {
  /** Runs one sync; the engine already refuses to run two at once. */
  sync: (trigger: SyncTrigger) => Promise<unknown>;
  setTimer: SetTimer;
  /** Is there a network at all? Electron's net.isOnline() in the app; always true in the harness. */
  isOnline?: () => boolean;
  /** Quiet time after the last local write before syncing, so a burst of answers goes up as one batch. */
  afterWriteDelayMs?: number;
  /** How often to sync when nothing else prompts it (pull assignments, retry waiting uploads). */
  periodMs?: number;
  /** How often to look for the network coming back. */
  onlineProbeMs?: number;
};

export type SyncScheduler = {
  start(): void;
  stop(): void;
  /** A change was queued for HQ: sync once writes go quiet. */
  noteLocalWrite(): void;
  /** The OS or the page says the network is back: sync now. */
  noteOnline(): void;
  /** A sync the person asked for is starting: it sends what the pending after-write sync would have. */
  noteManualSync(): void;
};

export const AFTER_WRITE_DELAY_MS = 5_000;
export const SYNC_PERIOD_MS = 5 * 60_000;
export const ONLINE_PROBE_MS = 20_000;

/**
 * Decides when the desktop syncs by itself: a few seconds after writes stop, when the network returns,
 * and every few minutes. Offline, it does not try (the engine's backoff already covers flaky links).
 */
export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const isOnline = options.isOnline ?? (() => true);
  const afterWriteDelayMs = options.afterWriteDelayMs ?? AFTER_WRITE_DELAY_MS;
  const periodMs = options.periodMs ?? SYNC_PERIOD_MS;
  const onlineProbeMs = options.onlineProbeMs ?? ONLINE_PROBE_MS;
  let running = false;
  let wasOnline = true;
  let cancelDebounce: (() => void) | null = null;
  let cancelPeriodic: (() => void) | null = null;
  let cancelProbe: (() => void) | null = null;

  const trigger = (reason: SyncTrigger) => {
    if (!running || !isOnline()) return;
    // A failed background sync is already recorded by the engine (status line, backoff); nothing to add here.
    void options.sync(reason).catch(() => undefined);
  };

  const schedulePeriodic = () => {
    cancelPeriodic = options.setTimer(periodMs, () => {
      trigger('periodic');
      if (running) schedulePeriodic();
    });
  };

  const scheduleProbe = () => {
    cancelProbe = options.setTimer(onlineProbeMs, () => {
      const online = isOnline();
      if (online && !wasOnline) trigger('network-back');
      wasOnline = online;
      if (running) scheduleProbe();
    });
  };

  return {
    start() {
      if (running) return;
      running = true;
      wasOnline = isOnline();
      schedulePeriodic();
      scheduleProbe();
      trigger('startup');
    },
    stop() {
      running = false;
      for (const cancel of [cancelDebounce, cancelPeriodic, cancelProbe]) cancel?.();
      cancelDebounce = cancelPeriodic = cancelProbe = null;
    },
    noteLocalWrite() {
      if (!running) return;
      cancelDebounce?.();
      cancelDebounce = options.setTimer(afterWriteDelayMs, () => {
        cancelDebounce = null;
        trigger('after-write');
      });
    },
    noteOnline() {
      wasOnline = true;
      trigger('network-back');
    },
    noteManualSync() {
      // A write made during the manual sync notes itself again, so nothing written is left unsent.
      cancelDebounce?.();
      cancelDebounce = null;
    },
  };
}

import type { Db } from '../../db/connection';
import { pluckStmt, stmt } from '../../db/statements';
import { type MessageRef, message } from '../../shared/messages';
import {
  MAX_PUSH_BATCH,
  type PushSummary,
  pushOutbox,
  type QueuedRow,
  queuedRowsOfValidation,
  storedRefusalMessage,
} from './push-outbox';
import { archiveStateOf } from './receipt-check';
import { backoffDelayMs } from './retry';
import { storedRefusalOf, storedSyncMessage, syncMessageOf } from './sync-messages';
import { AuthError, ClientError, isRetryable, type SyncTransport } from './transport';
import { pendingEvidenceCount, refusedEvidenceReasonsOf } from './upload-evidence';

export type SyncEngineState = 'idle' | 'syncing' | 'needs-enrolment' | 'error';

export type SyncStatus = {
  state: SyncEngineState;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** The same by catalog key, for the interface's language (absent when there is no error). */
  lastErrorMessage?: MessageRef;
  /** Changes waiting to be sent. */
  pending: number;
  /** Changes HQ refused, kept with a reason until the user deals with them. */
  refused: number;
};

export type SyncResult =
  | { ok: true; summary: PushSummary; steps: Record<string, unknown> }
  | { ok: false; error: string; retryAt: string | null; needsEnrolment: boolean };

/** What a running sync is doing, for the progress bar: changes sent, bytes uploaded, pages pulled. */
export type SyncProgress = { phase: 'push' | 'evidence' | 'receipts' | 'pull'; done: number; total: number };

/**
 * A step's result carries this when the step left work for a later try (HQ unreachable, a 5xx) but did
 * not throw, so the steps after it still run: the sentence the status line shows, e.g. "2 evidence files
 * could not reach HQ" (a sync.* message's English, read back by key for the interface).
 */
export type UnfinishedStep = { retryLater: string };

/**
 * Work that follows a successful push in the same sync (evidence upload, HQ receipts, pull). A step
 * may throw the transport's errors: 401 asks for enrolment; retryable ones, like a result carrying
 * `retryLater`, are shown in the status and tried again with the changes' backoff (retry.ts).
 * What it returns lands in the sync result under its name.
 */
export type SyncStep = {
  name: string;
  run: (report: (progress: SyncProgress) => void) => Promise<unknown>;
};

/** Schedules fn after ms; returns a cancel function. setTimeout in the app, a manual clock in tests. */
export type SetTimer = (ms: number, fn: () => void) => () => void;

export type SyncEngineOptions = {
  db: Db;
  transport: SyncTransport;
  now?: () => Date;
  random?: () => number;
  setTimer?: SetTimer;
  batchSize?: number;
  /** Run after each successful push, in order. */
  steps?: readonly SyncStep[];
  /** Progress of the running sync; null when it ends. */
  onProgress?: (progress: SyncProgress | null) => void;
  /** HQ found this laptop's audit chain cut short or rewritten since the head it recorded last. */
  onAuditChainBroken?: (recorded: { seq: number; hash: string } | null) => boolean;
};

export type SyncEngine = {
  /** Sends the outbox now. While a sync runs, a second call returns the running sync's promise. */
  syncNow(options?: { ignoreBackoff?: boolean }): Promise<SyncResult>;
  status(): SyncStatus;
  /** Called after each sync ends and when it starts, with the new status. Returns an unsubscribe. */
  onStatus(listener: (status: SyncStatus) => void): () => void;
  /** Cancels a scheduled retry. */
  stop(): void;
};

export const defaultSetTimer: SetTimer = (ms, fn) => {
  const handle = setTimeout(fn, ms);
  handle.unref?.();
  return () => clearTimeout(handle);
};

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, transport } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const setTimer = options.setTimer ?? defaultSetTimer;
  const batchSize = options.batchSize ?? MAX_PUSH_BATCH;
  let running: Promise<SyncResult> | null = null;
  let cancelRetry: (() => void) | null = null;
  const listeners = new Set<(status: SyncStatus) => void>();

  const status = (): SyncStatus => readStatus(db, running !== null);
  const emit = () => {
    const current = status();
    for (const listener of listeners) listener(current);
  };

  const scheduleRetry = () => {
    cancelRetry?.();
    cancelRetry = null;
    // The earlier of the outbox head's wait and the wait after a step that could not finish.
    const waits = [nextAttemptAt(db), readState(db, STEP_RETRY_AT)].filter((at): at is string => at !== null);
    if (waits.length === 0) return;
    const next = Math.min(...waits.map((at) => new Date(at).getTime()));
    const delay = Math.max(0, next - now().getTime());
    cancelRetry = setTimer(delay, () => {
      cancelRetry = null;
      void engine.syncNow();
    });
  };

  async function runSync(ignoreBackoff: boolean): Promise<SyncResult> {
    if (readState(db, 'needs_enrolment') === '1') {
      return { ok: false, error: message('sync.needsEnrolment').message, retryAt: null, needsEnrolment: true };
    }
    const report = options.onProgress ?? (() => undefined);
    let inStep = false;
    /** A step could not finish for a passing reason: say so and when the next try is, then schedule it. */
    const retryStepsLater = (whys: readonly string[]): SyncResult => {
      const attempt = Number(readState(db, STEP_ATTEMPTS) ?? '0') + 1;
      const retryAt = new Date(now().getTime() + backoffDelayMs(attempt, random()));
      const note = message('sync.retrying', { reason: whys.map(syncMessageOf), at: retryAt.toISOString() });
      writeState(db, {
        [STEP_ATTEMPTS]: String(attempt),
        [STEP_RETRY_AT]: retryAt.toISOString(),
        ...lastErrorState(note),
      });
      scheduleRetry();
      return { ok: false, error: whys.join('; '), retryAt: retryAt.toISOString(), needsEnrolment: false };
    };
    try {
      const summary = await pushOutbox(db, transport, {
        batchSize,
        now,
        random,
        ignoreBackoff,
        onProgress: (done, total) => report({ phase: 'push', done, total }),
        ...(options.onAuditChainBroken ? { onAuditChainBroken: options.onAuditChainBroken } : {}),
      });
      const steps: Record<string, unknown> = {};
      const unfinished: string[] = [];
      inStep = true;
      for (const step of options.steps ?? []) {
        const result = await step.run(report);
        steps[step.name] = result;
        if (isUnfinished(result)) unfinished.push(result.retryLater);
      }
      if (unfinished.length > 0) return retryStepsLater(unfinished);
      writeState(db, {
        last_success_at: now().toISOString(),
        ...lastErrorState(null),
        [STEP_ATTEMPTS]: null,
        [STEP_RETRY_AT]: null,
      });
      // Rows queued behind a backed-off one are pushed when its wait ends.
      if (summary.remaining > 0) scheduleRetry();
      return { ok: true, summary, steps };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (error instanceof AuthError) {
        cancelRetry?.();
        cancelRetry = null;
        writeState(db, { needs_enrolment: '1', ...lastErrorState(text) });
        return { ok: false, error: text, retryAt: null, needsEnrolment: true };
      }
      writeState(db, lastErrorState(text));
      // HQ refusing a follow-up request (a receipt, an upload) is shown, not thrown: the push itself stands.
      if (error instanceof ClientError) return { ok: false, error: text, retryAt: null, needsEnrolment: false };
      if (!isRetryable(error)) throw error;
      // The push recorded its own backoff on the outbox; a step (receipts, pull) has only the engine's.
      if (inStep) return retryStepsLater([text]);
      scheduleRetry();
      return { ok: false, error: text, retryAt: nextAttemptAt(db), needsEnrolment: false };
    }
  }

  const engine: SyncEngine = {
    syncNow(syncOptions) {
      if (running) return running;
      running = runSync(syncOptions?.ignoreBackoff ?? false).finally(() => {
        running = null;
        options.onProgress?.(null);
        emit();
      });
      emit();
      return running;
    },
    status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      cancelRetry?.();
      cancelRetry = null;
    },
  };
  return engine;
}

/** HQ has said this device's enrolment is closed (a hand-back it refused): no sync until it is enrolled again. */
export function markNeedsEnrolment(db: Db): void {
  writeState(db, { needs_enrolment: '1', ...lastErrorState({ key: 'sync.needsEnrolment' }) });
}

/** After the device is enrolled again (a new token), syncing may resume. */
export function clearNeedsEnrolment(db: Db): void {
  writeState(db, { needs_enrolment: null, ...lastErrorState(null) });
}

/**
 * The status line's error as sync_state keeps it: its English (for logs and older versions) and, beside it, the
 * message by key, so the status line can say it in the interface's language.
 */
function lastErrorState(error: string | MessageRef | null): Record<string, string | null> {
  if (error === null) return { last_error: null, [LAST_ERROR_MESSAGE]: null };
  const ref = typeof error === 'string' ? syncMessageOf(error) : { key: error.key, params: error.params };
  const english = typeof error === 'string' ? error : message(error.key, error.params).message;
  return { last_error: english, [LAST_ERROR_MESSAGE]: JSON.stringify(ref) };
}
const LAST_ERROR_MESSAGE = 'last_error_message';

function readStatus(db: Db, syncing: boolean): SyncStatus {
  const counts = stmt(
    db,
    `SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending, count(*) FILTER (WHERE parked_at IS NOT NULL) AS refused
     FROM sync_outbox`,
  ).get() as { pending: number; refused: number };
  const lastError = readState(db, 'last_error');
  const state: SyncEngineState = syncing
    ? 'syncing'
    : readState(db, 'needs_enrolment') === '1'
      ? 'needs-enrolment'
      : lastError !== null
        ? 'error'
        : 'idle';
  const lastErrorMessage = storedSyncMessage(lastError, readState(db, LAST_ERROR_MESSAGE));
  return {
    state,
    lastSuccessAt: readState(db, 'last_success_at'),
    lastError,
    ...(lastErrorMessage ? { lastErrorMessage } : {}),
    ...counts,
  };
}

/** Consecutive syncs whose steps could not finish, and when to try them again (sync_state keys). */
const STEP_ATTEMPTS = 'step_attempts';
const STEP_RETRY_AT = 'step_retry_at';

const isUnfinished = (result: unknown): result is UnfinishedStep =>
  typeof result === 'object' && result !== null && typeof (result as Partial<UnfinishedStep>).retryLater === 'string';

function readState(db: Db, key: string): string | null {
  const row = stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Sets (string) or clears (null) sync_state keys in one transaction. */
function writeState(db: Db, values: Record<string, string | null>): void {
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) {
      if (value === null) stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
      else {
        stmt(
          db,
          'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        ).run(key, value);
      }
    }
  }).immediate();
}

/** When the head of the queue may be tried again, or null when it is due now or the queue is empty. */
function nextAttemptAt(db: Db): string | null {
  const head = stmt(db, 'SELECT next_attempt_at FROM sync_outbox WHERE parked_at IS NULL ORDER BY seq LIMIT 1').get() as
    | { next_attempt_at: string | null }
    | undefined;
  if (!head) return null;
  return head.next_attempt_at;
}

type ReceiptTimes = { syncedAt: string | null; safeToArchiveAt: string | null };
export type ValidationSyncState = ReceiptTimes &
  (
    | { state: 'not-synced'; pending: number }
    | { state: 'synced' }
    | { state: 'needs-attention'; reason: string; reasonMessage?: MessageRef; refused: number }
  );

/**
 * A validation's sync state for its screen: needs-attention when HQ refused one of its changes or
 * evidence files (the first reason is shown), synced when HQ has receipted its changes and neither a change
 * nor an evidence file waits to be sent, not-synced otherwise.
 */
export function validationSyncState(
  db: Db,
  validationId: string,
  /** Its outbox rows when already read (queuedRowsByValidation, for a list); read here otherwise. */
  mine: readonly QueuedRow[] = queuedRowsOfValidation(db, validationId),
): ValidationSyncState {
  const refused = mine.filter((r) => r.parked_reason !== null);
  const syncedAt =
    (pluckStmt(
      db,
      `SELECT max(received_at) FROM sync_receipts WHERE validation_id = ? AND outcome IN ('applied', 'duplicate')`,
    ).get(validationId) as string | null) ?? null;
  const times = {
    syncedAt,
    safeToArchiveAt: mine.length > 0 ? null : (archiveStateOf(db, validationId)?.safeToArchiveAt ?? null),
  };
  const [firstRefused] = refused;
  if (firstRefused?.parked_reason) {
    const told = storedRefusalMessage(db, firstRefused);
    return {
      state: 'needs-attention',
      reason: firstRefused.parked_reason,
      ...(told ? { reasonMessage: told } : {}),
      refused: refused.length,
      ...times,
    };
  }
  const [firstRefusedFile] = refusedEvidenceReasonsOf(db, validationId);
  if (firstRefusedFile) {
    const told = storedRefusalOf(firstRefusedFile);
    return {
      state: 'needs-attention',
      reason: firstRefusedFile,
      ...(told ? { reasonMessage: told } : {}),
      refused: 0,
      ...times,
    };
  }
  // A file still on its way is as unsent as a queued change: "Synced" would tell the SCSS HQ has everything.
  const filesWaiting = pendingEvidenceCount(db, validationId);
  if (mine.length > 0 || filesWaiting > 0) {
    return { state: 'not-synced', pending: mine.length + filesWaiting, ...times };
  }
  return syncedAt ? { state: 'synced', ...times } : { state: 'not-synced', pending: 0, ...times };
}

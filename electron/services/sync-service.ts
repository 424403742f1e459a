import os from 'node:os';
import { pluckStmt, stmt } from '../../db/statements';
import type { EventName } from '../../shared/ipc/channels';
import type {
  EventPayloadOf,
  ParsedRequestOf,
  RefusedChange,
  RefusedEvidenceView,
  SyncProgressView,
  SyncStatusView,
  ValidationSyncView,
} from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { message } from '../../shared/messages';
import { EnrollOtherPersonSchema, EnrollResponseSchema, UndoEnrolmentResponseSchema } from '../../shared/sync/protocol';
import { queuedRowsByValidation } from '../sync/push-outbox';
import { checkValidationReceipts, ValidationReceiptSchema } from '../sync/receipt-check';
import { createSyncScheduler, type SyncScheduler, type SyncTrigger } from '../sync/scheduler';
import {
  clearNeedsEnrolment,
  createSyncEngine,
  defaultSetTimer,
  markNeedsEnrolment,
  type SetTimer,
  type SyncEngine,
  type SyncStep,
  validationSyncState,
} from '../sync/sync-engine';
import { createHttpTransport, getHqJson, type HttpTransportOptions } from '../sync/transport';
import { pendingEvidenceCount, refusedEvidenceUploads } from '../sync/upload-evidence';
import { verifyAuditLog } from './audit-verify';
import { fetchNotingHqClock } from './clock-check';
import { isDemoValidation } from './demo-validations';
import { clearUnreadableEnrolment, installationIdOf, rememberEnrolment, unreadableEnrolment } from './enrolment-record';
import type { CredentialStore, HandBack } from './hq-credentials';
import { actAsEnrolledUser, actAsStoredUser } from './identity';
import {
  discardRefusedEvidence,
  keepRefusedChangeOffHq,
  listRefusedChanges,
  listRefusedEvidence,
  retryRefusedEvidence,
  sendRefusedChangeAgain,
} from './refused-changes';
import type { ServiceContext } from './service-context';

const HQ_TIMEOUT_MS = 30_000;

/** Work on this computer HQ has not taken: changes queued or refused, evidence files to send or refused. */
function unsentWork(ctx: ServiceContext): number {
  const changes = stmt(ctx.db, 'SELECT count(*) AS n FROM sync_outbox').get() as { n: number };
  return changes.n + pendingEvidenceCount(ctx.db) + refusedEvidenceUploads(ctx.db).length;
}

export type SyncServiceOptions = {
  /** Sends a main→renderer event (Electron webContents.send; the harness's event stream). */
  emit?: <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void;
  /** Is the computer online at all? Electron's net.isOnline(); the harness assumes yes. */
  isOnline?: () => boolean;
  setTimer?: SetTimer;
  /** How HQ is reached: Electron's net.fetch in the app (system proxy and trust store); Node's fetch elsewhere. */
  fetch?: typeof fetch;
  /** Extra work after each push (evidence upload, pull), given the HQ connection in use. */
  extraSteps?: (hq: HttpTransportOptions, ctx: ServiceContext) => SyncStep[];
};

/**
 * Enrolment with HQ, the Sync button, background sync, refused changes and evidence files, and each
 * validation's sync state.
 */
export function createSyncService(ctx: ServiceContext, credentials: CredentialStore, options: SyncServiceOptions = {}) {
  let engine: SyncEngine | null = null;
  let progress: SyncProgressView | null = null;
  // Whoever HQ enrolled acts from the start, not the OS account.
  actAsStoredUser(ctx, credentials);
  let lastQueued = newestQueuedChanges(ctx);

  const reportProgress = (next: SyncProgressView | null) => {
    progress = next;
    options.emit?.('sync:progress', next);
  };

  /** How HQ is reached with this device's token, or null before enrolment. */
  const hqConnection = (): HttpTransportOptions | null => {
    const saved = credentials.load();
    if (!saved) return null;
    return {
      baseUrl: saved.hqUrl,
      token: saved.token,
      timeoutMs: HQ_TIMEOUT_MS,
      // Every answer HQ dates tells how far this computer's clock is from HQ's (clock-check.ts).
      fetch: fetchNotingHqClock(ctx, options.fetch ?? fetch),
    };
  };

  const engineFor = (): SyncEngine | null => {
    if (engine) return engine;
    const hq = hqConnection();
    if (!hq) return null;
    const receipts: SyncStep = {
      name: 'receipts',
      run: (report) =>
        checkValidationReceipts(
          ctx.db,
          (id) => getHqJson(hq, `validations/${encodeURIComponent(id)}/receipt`, ValidationReceiptSchema),
          { now: ctx.now, report },
        ),
    };
    engine = createSyncEngine({
      db: ctx.db,
      transport: createHttpTransport(hq),
      now: ctx.now,
      ...(options.setTimer ? { setTimer: options.setTimer } : {}),
      // Evidence goes up before HQ is asked whether it holds each validation whole.
      steps: [...(options.extraSteps?.(hq, ctx) ?? []), receipts],
      onProgress: reportProgress,
      // HQ's recorded head is the anchor a local check cannot have: re-check against it and hold the outcome.
      onAuditChainBroken: (recorded) =>
        verifyAuditLog(ctx, recorded ? { knownHead: recorded } : {}).firstBreak === null,
    });
    return engine;
  };

  const status = (): SyncStatusView => {
    const saved = credentials.load();
    const unreadable = saved ? null : unreadableEnrolment(ctx.db);
    const current = engineFor()?.status();
    const counts = stmt(
      ctx.db,
      'SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending, count(*) FILTER (WHERE parked_at IS NOT NULL) AS refused FROM sync_outbox',
    ).get() as { pending: number; refused: number };
    return {
      enrolled: saved !== null,
      hqUrl: saved?.hqUrl ?? null,
      userId: saved?.user.id ?? null,
      userName: saved?.user.name ?? null,
      userRole: saved?.user.role ?? null,
      state: current?.state ?? 'idle',
      lastSuccessAt: current?.lastSuccessAt ?? null,
      lastError: current?.lastError ?? null,
      ...(current?.lastErrorMessage ? { lastErrorMessage: current.lastErrorMessage } : {}),
      ...(saved?.handBack ? { handBackOf: saved.handBack.newName } : {}),
      ...(unreadable ? { unreadableEnrolment: { name: unreadable.user?.name ?? null, hqUrl: unreadable.hqUrl } } : {}),
      pending: counts.pending,
      refused: counts.refused,
      progress,
    };
  };

  /**
   * Asks HQ again to undo an enrolment it made for another person while this laptop held the first one's work.
   * Once HQ has undone it, the first person's enrolment works again and the engine starts afresh; once HQ has
   * refused (the code expired, say), that enrolment stays closed, as the person was told it might. Callers await it
   * only when one waits: a sync with nothing to hand back starts in the same tick, as before.
   */
  let handingBack: Promise<void> | null = null;
  const handBackWaiting = (): Promise<void> => {
    handingBack ??= (async () => {
      const saved = credentials.load();
      if (!saved?.handBack) return;
      const outcome = await handBackEnrolment(options.fetch ?? fetch, saved.handBack);
      if (outcome === 'unreachable') return;
      const { handBack: _answered, ...enrolled } = saved;
      // Written together, with no wait between, so no status is read with the one and not the other.
      credentials.save(enrolled);
      if (outcome === 'refused') {
        markNeedsEnrolment(ctx.db);
        return;
      }
      engine?.stop();
      engine = null;
      clearNeedsEnrolment(ctx.db);
    })().finally(() => {
      handingBack = null;
    });
    return handingBack;
  };

  /** A background sync: quiet when not enrolled or waiting for enrolment; respects the backoff unless the network just came back. */
  const backgroundSync = async (trigger: SyncTrigger): Promise<void> => {
    if (credentials.load()?.handBack) await handBackWaiting();
    const current = engineFor();
    if (!current || current.status().state === 'needs-enrolment') return;
    await current.syncNow({ ignoreBackoff: trigger === 'network-back' });
  };

  const scheduler: SyncScheduler = createSyncScheduler({
    sync: backgroundSync,
    setTimer: options.setTimer ?? defaultSetTimer,
    ...(options.isOnline ? { isOnline: options.isOnline } : {}),
  });

  return {
    status,

    /** HQ's address and this device's token, for reads outside sync (the dashboard's HQ view). */
    hqConnection,

    /** The person HQ enrolled on this computer (their role and field office), or null. */
    enrolledUser: () => credentials.load()?.user ?? null,

    async enroll(request: ParsedRequestOf<'sync:enroll'>): Promise<SyncStatusView> {
      const hqUrl = request.hqUrl.replace(/\/+$/, '');
      // An enrolment still to hand back goes first: the first person's enrolment may work again.
      if (credentials.load()?.handBack) await handBackWaiting();
      // What is queued here goes to HQ in the enrolled person's name: HQ is asked to enrol no one else meanwhile.
      // Credentials this computer could not read still name whose work is queued here.
      const enrolledHere = credentials.load()?.user;
      const before = enrolledHere ?? unreadableEnrolment(ctx.db)?.user ?? undefined;
      const waitingAtStart = before ? unsentWork(ctx) : 0;
      const othersWorkWaiting = (newName: string, waiting: number) =>
        new AppError(
          'CONFLICT',
          message(enrolledHere ? 'errors.sync.othersWorkWaiting' : 'errors.sync.unreadableOthersWork', {
            name: before?.name ?? '',
            newName,
            waiting,
          }),
        );
      let response: Response;
      try {
        response = await (options.fetch ?? fetch)(`${hqUrl}/v1/enroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            code: request.code,
            deviceName: request.deviceName || os.hostname(),
            installationId: installationIdOf(ctx.db),
            ...(before && waitingAtStart > 0 ? { holdsWorkOf: before.id } : {}),
          }),
          signal: AbortSignal.timeout(HQ_TIMEOUT_MS),
        });
      } catch {
        throw new AppError('UNAVAILABLE', message('errors.sync.hqUnreachable', { url: hqUrl }));
      }
      if (response.status === 401 || response.status === 400) {
        throw new AppError('BAD_REQUEST', message('errors.sync.codeRefused'));
      }
      if (response.status === 429) {
        const minutes = Math.max(1, Math.ceil(Number(response.headers.get('retry-after') ?? 60) / 60));
        throw new AppError('UNAVAILABLE', message('errors.sync.tooManyCodes', { minutes }));
      }
      // Another web server at that address (no /v1/enroll there), or a hotel's sign-in page answering in its place.
      const notHq = () => new AppError('BAD_REQUEST', message('errors.sync.notHq', { url: hqUrl }));
      if (response.status === 404 || response.status === 405) throw notHq();
      if (response.status === 409) {
        const refused = EnrollOtherPersonSchema.safeParse(await response.json().catch(() => null));
        if (refused.success) throw othersWorkWaiting(refused.data.codeOf.name, waitingAtStart);
      }
      if (!response.ok)
        throw new AppError('UNAVAILABLE', message('errors.sync.hqAnswered', { status: response.status }));
      const answer = EnrollResponseSchema.safeParse(await response.json().catch(() => null));
      if (!answer.success) throw notHq();
      const enrolled = answer.data;
      // Work saved while the code was on its way was not in the question HQ answered.
      const waiting = before && before.id !== enrolled.user.id ? unsentWork(ctx) : 0;
      if (waiting > 0 && waitingAtStart > 0) throw othersWorkWaiting(enrolled.user.name, waiting);
      if (waiting > 0) {
        // HQ has enrolled the new person and revoked this laptop's enrolment of the first one: hand the new one
        // back, so the first person's enrolment works again and the code stays good for later.
        const handBack: HandBack = { hqUrl, token: enrolled.token, code: request.code, newName: enrolled.user.name };
        const outcome = await handBackEnrolment(options.fetch ?? fetch, handBack);
        if (outcome === 'undone') throw othersWorkWaiting(enrolled.user.name, waiting);
        const names = { name: before?.name ?? '', newName: enrolled.user.name, waiting };
        const current = credentials.load();
        if (outcome === 'unreachable' && current) {
          // Kept with the first person's token, so each sync asks again until HQ has answered.
          credentials.save({ ...current, handBack });
          throw new AppError('CONFLICT', message('errors.sync.othersWorkHandBackLater', names));
        }
        throw new AppError('CONFLICT', message('errors.sync.othersWorkSavedMeanwhile', names));
      }
      const saved = { hqUrl, deviceId: enrolled.deviceId, token: enrolled.token, user: enrolled.user };
      credentials.save(saved);
      rememberEnrolment(ctx.db, saved);
      clearUnreadableEnrolment(ctx.db);
      // Signatures, decisions and audit entries name the enrolled person from now on, without a restart.
      actAsEnrolledUser(ctx, enrolled.user);
      engine?.stop();
      engine = null;
      clearNeedsEnrolment(ctx.db);
      scheduler.noteLocalWrite();
      return status();
    },

    async syncNow(): Promise<SyncStatusView> {
      if (credentials.load()?.handBack) await handBackWaiting();
      const current = engineFor();
      if (!current) throw new AppError('BAD_REQUEST', message('errors.sync.notEnrolled'));
      // A new sync sends what was written before it, so the pending after-write sync would only repeat it. A sync
      // already running may have read the outbox before the latest write: that write keeps its own sync.
      if (current.status().state !== 'syncing') scheduler.noteManualSync();
      await current.syncNow({ ignoreBackoff: true });
      return status();
    },

    validationStates(only?: string): ValidationSyncView[] {
      const syncing = engine?.status().state === 'syncing';
      const ids =
        only === undefined
          ? (pluckStmt(ctx.db, 'SELECT id FROM validations ORDER BY scheduled_date DESC LIMIT 1000').all() as string[])
          : (pluckStmt(ctx.db, 'SELECT id FROM validations WHERE id = ?').all(only) as string[]);
      // The whole list reads the outbox once; one validation (after each save) reads only its own rows.
      const queued = only === undefined ? queuedRowsByValidation(ctx.db) : null;
      // A demo validation never goes to HQ: "Not synced" would read as a failure to come.
      return ids
        .filter((validationId) => !isDemoValidation(ctx.db, validationId))
        .map((validationId) => {
          const s = queued
            ? validationSyncState(ctx.db, validationId, queued.get(validationId) ?? [])
            : validationSyncState(ctx.db, validationId);
          return {
            validationId,
            state: syncing && s.state === 'not-synced' && s.pending > 0 ? 'syncing' : s.state,
            reason: s.state === 'needs-attention' ? s.reason : null,
            ...(s.state === 'needs-attention' && s.reasonMessage ? { reasonMessage: s.reasonMessage } : {}),
            syncedAt: s.syncedAt,
            safeToArchiveAt: s.safeToArchiveAt,
          };
        });
    },

    refused: (): RefusedChange[] => listRefusedChanges(ctx),

    sendRefusedAgain(request: ParsedRequestOf<'sync:sendagain'>): SyncStatusView {
      sendRefusedChangeAgain(ctx, request.changeId);
      scheduler.noteLocalWrite();
      return status();
    },

    keepRefusedOffHq(request: ParsedRequestOf<'sync:dontsend'>): SyncStatusView {
      keepRefusedChangeOffHq(ctx, request.changeId, request.reason);
      return status();
    },

    refusedFiles: (): RefusedEvidenceView[] => listRefusedEvidence(ctx),

    retryRefusedFile(request: ParsedRequestOf<'sync:resendfile'>): SyncStatusView {
      retryRefusedEvidence(ctx, request.sha256);
      // Nothing new is queued in the outbox, so ask for the sync that sends the file.
      scheduler.noteLocalWrite();
      return status();
    },

    discardRefusedFile(request: ParsedRequestOf<'sync:withholdfile'>): SyncStatusView {
      discardRefusedEvidence(ctx, request.sha256, request.reason);
      return status();
    },

    /** The page saw the network come back (the browser's online event). */
    networkOnline(): { accepted: boolean } {
      scheduler.noteOnline();
      return { accepted: engineFor() !== null };
    },

    /** After any successful request: if it queued a change for HQ, sync once writes go quiet. */
    noteRequestHandled(): void {
      const newest = newestQueuedChanges(ctx);
      const queued = (['outbox', 'memberRecord'] as const).some(
        (queue) => newest[queue] !== null && newest[queue] !== lastQueued[queue],
      );
      lastQueued = newest;
      if (!queued) return;
      scheduler.noteLocalWrite();
    },

    /** Starts background sync (after writes, when the network returns, every few minutes). */
    startBackground: () => scheduler.start(),

    stop: () => {
      scheduler.stop();
      engine?.stop();
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;

/**
 * Asks HQ to undo an enrolment it made (POST /v1/enroll/undo with that enrolment's token). `refused`: HQ answered
 * it cannot (4xx); `unreachable`: no answer from HQ itself (network, 5xx, someone else's page), so ask again later.
 */
async function handBackEnrolment(
  fetchHq: typeof fetch,
  { hqUrl, token, code }: HandBack,
): Promise<'undone' | 'refused' | 'unreachable'> {
  try {
    const response = await fetchHq(`${hqUrl}/v1/enroll/undo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(HQ_TIMEOUT_MS),
    });
    const body = await response.json().catch(() => null);
    if (response.ok && UndoEnrolmentResponseSchema.safeParse(body).success) return 'undone';
    return response.status >= 400 && response.status < 500 && body !== null ? 'refused' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}

/**
 * The newest outbox row's change id and the newest Member record change waiting for HQ: a new one appears exactly
 * when something was queued for HQ (seqs are reused).
 */
function newestQueuedChanges(ctx: ServiceContext): { outbox: string | null; memberRecord: string | null } {
  const outbox = pluckStmt(ctx.db, 'SELECT change_id FROM sync_outbox ORDER BY seq DESC LIMIT 1').get() as
    | string
    | undefined;
  const memberRecord = pluckStmt(
    ctx.db,
    `SELECT id FROM member_record_events WHERE sync_state = 'UNSENT' ORDER BY rowid DESC LIMIT 1`,
  ).get() as string | undefined;
  return { outbox: outbox ?? null, memberRecord: memberRecord ?? null };
}

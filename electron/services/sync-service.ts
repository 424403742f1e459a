import os from 'node:os';
import { stmt } from '../../db/statements';
import type { ParsedRequestOf, SyncStatusView } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import { EnrollResponseSchema } from '../../shared/sync/protocol';
import { clearNeedsEnrolment, createSyncEngine, type SyncEngine, validationSyncState } from '../sync/sync-engine';
import { createHttpTransport } from '../sync/transport';
import type { CredentialStore } from './hq-credentials';
import type { ServiceContext } from './service-context';

const HQ_TIMEOUT_MS = 30_000;

/** Enrolment with HQ, the Sync button, and each validation's sync state. */
export function createSyncService(ctx: ServiceContext, credentials: CredentialStore) {
  let engine: SyncEngine | null = null;
  const engineFor = (): SyncEngine | null => {
    if (engine) return engine;
    const saved = credentials.load();
    if (!saved) return null;
    engine = createSyncEngine({
      db: ctx.db,
      transport: createHttpTransport({ baseUrl: saved.hqUrl, token: saved.token, timeoutMs: HQ_TIMEOUT_MS }),
      now: ctx.now,
    });
    return engine;
  };

  const status = (): SyncStatusView => {
    const saved = credentials.load();
    const current = engineFor()?.status();
    const counts = stmt(
      ctx.db,
      'SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending, count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked FROM sync_outbox',
    ).get() as { pending: number; parked: number };
    return {
      enrolled: saved !== null,
      hqUrl: saved?.hqUrl ?? null,
      userName: saved?.user.name ?? null,
      state: current?.state ?? 'idle',
      lastSuccessAt: current?.lastSuccessAt ?? null,
      lastError: current?.lastError ?? null,
      pending: counts.pending,
      parked: counts.parked,
    };
  };

  return {
    status,

    async enroll(request: ParsedRequestOf<'sync:enroll'>): Promise<SyncStatusView> {
      const hqUrl = request.hqUrl.replace(/\/+$/, '');
      let response: Response;
      try {
        response = await fetch(`${hqUrl}/v1/enroll`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: request.code, deviceName: request.deviceName || os.hostname() }),
          signal: AbortSignal.timeout(HQ_TIMEOUT_MS),
        });
      } catch {
        throw new AppError('UNAVAILABLE', `HQ at ${hqUrl} could not be reached. Check the address and the network.`);
      }
      if (response.status === 401 || response.status === 400) {
        throw new AppError(
          'BAD_REQUEST',
          'HQ did not accept that enrolment code (it may be mistyped, used or expired).',
        );
      }
      if (!response.ok) throw new AppError('UNAVAILABLE', `HQ answered ${response.status}; try again later.`);
      const enrolled = EnrollResponseSchema.parse(await response.json());
      credentials.save({ hqUrl, deviceId: enrolled.deviceId, token: enrolled.token, user: enrolled.user });
      engine?.stop();
      engine = null;
      clearNeedsEnrolment(ctx.db);
      return status();
    },

    async syncNow(): Promise<SyncStatusView> {
      const current = engineFor();
      if (!current)
        throw new AppError('BAD_REQUEST', 'This computer is not enrolled with HQ yet: enrol it in Settings.');
      await current.syncNow({ ignoreBackoff: true });
      return status();
    },

    validationStates() {
      const ids = stmt(ctx.db, 'SELECT id FROM validations ORDER BY scheduled_date DESC LIMIT 1000')
        .pluck()
        .all() as string[];
      return ids.map((validationId) => {
        const s = validationSyncState(ctx.db, validationId);
        return {
          validationId,
          state: s.state,
          reason: s.state === 'needs-attention' ? s.reason : null,
        };
      });
    },

    stop: () => engine?.stop(),
  };
}
export type SyncService = ReturnType<typeof createSyncService>;

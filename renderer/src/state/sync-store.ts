import { create } from 'zustand';
import type { RequestOf, SyncStatusView } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api';

type ValidationSync = { state: 'not-synced' | 'synced' | 'needs-attention'; reason: string | null };

type SyncState = {
  status: SyncStatusView | null;
  byValidation: Record<string, ValidationSync>;
  syncing: boolean;
  error: string | null;
  refresh: () => Promise<void>;
  /** Just the header's counts: cheap enough to run after every save. */
  refreshStatus: () => Promise<void>;
  syncNow: () => Promise<void>;
  enroll: (request: RequestOf<'sync:enroll'>) => Promise<void>;
};

/** HQ enrolment, the Sync button and each validation's sync state. */
export const useSyncStore = create<SyncState>((set, get) => ({
  status: null,
  byValidation: {},
  syncing: false,
  error: null,
  refresh: async () => {
    try {
      const [status, states] = await Promise.all([call('sync:status', {}), call('sync:validations', {})]);
      set({ status, byValidation: Object.fromEntries(states.map((s) => [s.validationId, s])) });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  refreshStatus: async () => {
    try {
      set({ status: await call('sync:status', {}) });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  syncNow: async () => {
    if (get().syncing) return;
    set({ syncing: true, error: null });
    try {
      set({ status: await call('sync:now', {}) });
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ syncing: false });
      await get().refresh();
    }
  },
  enroll: async (request) => {
    set({ error: null });
    set({ status: await call('sync:enroll', request) });
    await get().refresh();
  },
}));

export const SYNC_STATE_LABELS = {
  'not-synced': 'Not synced',
  synced: 'Synced',
  'needs-attention': 'Needs attention',
} as const;

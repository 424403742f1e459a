import { create } from 'zustand';
import type {
  RefusedChange,
  RefusedEvidenceView,
  RequestOf,
  SyncProgressView,
  SyncStatusView,
  ValidationSyncView,
} from '../../../shared/ipc/contract';
import { call } from '../api';
import { errorWording, type Wording } from '../components/wording';

type SyncState = {
  status: SyncStatusView | null;
  byValidation: Record<string, ValidationSyncView>;
  refused: RefusedChange[];
  /** Evidence files HQ refused, waiting for the SCSS to send them again or keep them off HQ. */
  refusedFiles: RefusedEvidenceView[];
  /** The running sync's progress (from sync:progress events), null when none runs. */
  progress: SyncProgressView | null;
  syncing: boolean;
  error: Wording | null;
  refresh: () => Promise<void>;
  /** Just the header's counts, and the sync state of the validation saved to: cheap enough after every save. */
  refreshStatus: (savedValidationId?: string) => Promise<void>;
  syncNow: () => Promise<void>;
  enroll: (request: RequestOf<'sync:enroll'>) => Promise<void>;
  loadRefusedChanges: () => Promise<void>;
  sendRefusedAgain: (changeId: string) => Promise<void>;
  keepRefusedOffHq: (changeId: string, reason: string) => Promise<void>;
  loadRefusedFiles: () => Promise<void>;
  resendRefusedFile: (sha256: string) => Promise<void>;
  withholdRefusedFile: (sha256: string, reason: string) => Promise<void>;
  /** Subscribes to the main side's progress events; returns the unsubscribe. */
  listen: () => () => void;
};

/** HQ enrolment, the Sync button, its progress bar, refused changes and files, and each validation's sync state. */
export const useSyncStore = create<SyncState>((set, get) => ({
  status: null,
  byValidation: {},
  refused: [],
  refusedFiles: [],
  progress: null,
  syncing: false,
  error: null,
  refresh: async () => {
    try {
      const [status, states] = await Promise.all([call('sync:status', {}), call('sync:validations', {})]);
      set({
        status,
        progress: status.progress,
        byValidation: Object.fromEntries(states.map((s) => [s.validationId, s])),
      });
    } catch (error) {
      set({ error: errorWording(error) });
    }
  },
  refreshStatus: async (savedValidationId) => {
    try {
      const [status, states] = await Promise.all([
        call('sync:status', {}),
        savedValidationId ? call('sync:validations', { validationId: savedValidationId }) : [],
      ]);
      set((was) => ({
        status,
        // A change saved to a validation HQ had everything of is waiting again: its tag must not say "Synced".
        byValidation: savedValidationId
          ? { ...was.byValidation, ...Object.fromEntries(states.map((s) => [s.validationId, s])) }
          : was.byValidation,
      }));
    } catch (error) {
      set({ error: errorWording(error) });
    }
  },
  syncNow: async () => {
    if (get().syncing) return;
    set({ syncing: true, error: null });
    try {
      set({ status: await call('sync:now', {}) });
    } catch (error) {
      set({ error: errorWording(error) });
    } finally {
      set({ syncing: false });
      await get().refresh();
    }
  },
  enroll: async (request) => {
    set({ error: null });
    try {
      set({ status: await call('sync:enroll', request) });
    } finally {
      // A refused enrolment can change the status too: an enrolment HQ made may wait to be handed back.
      await get().refresh();
    }
  },
  loadRefusedChanges: async () => {
    set({ refused: await call('sync:refused', {}) });
  },
  sendRefusedAgain: async (changeId) => {
    set({ status: await call('sync:sendagain', { changeId }) });
    await Promise.all([get().loadRefusedChanges(), get().refresh()]);
  },
  keepRefusedOffHq: async (changeId, reason) => {
    set({ status: await call('sync:dontsend', { changeId, reason }) });
    await Promise.all([get().loadRefusedChanges(), get().refresh()]);
  },
  loadRefusedFiles: async () => {
    set({ refusedFiles: await call('sync:refusedfiles', {}) });
  },
  resendRefusedFile: async (sha256) => {
    set({ status: await call('sync:resendfile', { sha256 }) });
    await Promise.all([get().loadRefusedFiles(), get().refresh()]);
  },
  withholdRefusedFile: async (sha256, reason) => {
    set({ status: await call('sync:withholdfile', { sha256, reason }) });
    await Promise.all([get().loadRefusedFiles(), get().refresh()]);
  },
  listen: () => {
    const stopProgress = window.api.on('sync:progress', (progress) => {
      const wasRunning = get().progress !== null;
      set({ progress });
      // A sync just started (validations with changes to send show Syncing) or ended (show its outcome).
      if ((progress === null) === wasRunning) void get().refresh();
    });
    // The browser knows first when Wi-Fi returns; the main side then syncs what waits.
    const onOnline = () => void call('sync:online', {}).catch(() => undefined);
    window.addEventListener('online', onOnline);
    return () => {
      stopProgress();
      window.removeEventListener('online', onOnline);
    };
  },
}));

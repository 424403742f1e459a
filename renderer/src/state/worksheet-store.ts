import { create } from 'zustand';
import type { CriterionResponse, ResponseResult } from '../../../shared/domain/validation';
import type { Worksheet } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api';

export type SaveState =
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string; retry: { result?: ResponseResult | null; notes?: string } };

type WorksheetState = {
  worksheet: Worksheet | null;
  loadError: string | null;
  responses: Record<string, CriterionResponse>;
  /** What the SCSS chose but the store has not confirmed yet; shown instead of the saved value. */
  pending: Record<string, { result?: ResponseResult | null; notes?: string }>;
  saveStates: Record<string, SaveState>;
  lastSavedAt: string | null;
  open: (validationId: string) => Promise<void>;
  save: (criterionId: string, change: { result?: ResponseResult | null; notes?: string }) => Promise<void>;
};

// Saves for one criterion run one after another so a slow save never overwrites a newer one.
const queues = new Map<string, Promise<void>>();

export const useWorksheetStore = create<WorksheetState>((set, get) => ({
  worksheet: null,
  loadError: null,
  responses: {},
  pending: {},
  saveStates: {},
  lastSavedAt: null,

  open: async (validationId) => {
    if (get().worksheet?.validation.id !== validationId) {
      set({ worksheet: null, responses: {}, pending: {}, saveStates: {}, lastSavedAt: null });
    }
    set({ loadError: null });
    try {
      const worksheet = await call('worksheet:open', { validationId });
      const responses = Object.fromEntries(worksheet.responses.map((r) => [r.criterionId, r]));
      set({ worksheet, responses });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },

  save: (criterionId, change) => {
    const validationId = get().worksheet?.validation.id;
    if (!validationId) return Promise.resolve();
    set((s) => ({
      pending: { ...s.pending, [criterionId]: { ...s.pending[criterionId], ...change } },
      saveStates: { ...s.saveStates, [criterionId]: { kind: 'saving' } },
    }));
    const run = async () => {
      try {
        const saved = await call('responses:save', { validationId, criterionId, ...change });
        set((s) => {
          const pending = { ...s.pending };
          const mine = pending[criterionId];
          // Only clear what this save carried; a newer pending change stays visible.
          if (
            mine &&
            (change.result === undefined || mine.result === change.result) &&
            (change.notes === undefined || mine.notes === change.notes)
          ) {
            delete pending[criterionId];
          }
          const worksheet =
            s.worksheet && s.worksheet.validation.status === 'DRAFT'
              ? { ...s.worksheet, validation: { ...s.worksheet.validation, status: 'IN_PROGRESS' as const } }
              : s.worksheet;
          return {
            worksheet,
            responses: { ...s.responses, [criterionId]: saved },
            pending,
            saveStates: { ...s.saveStates, [criterionId]: { kind: 'saved', at: saved.updatedAt } },
            lastSavedAt: saved.updatedAt,
          };
        });
      } catch (error) {
        set((s) => ({
          saveStates: {
            ...s.saveStates,
            [criterionId]: { kind: 'error', message: errorMessage(error), retry: { ...s.pending[criterionId] } },
          },
        }));
      }
    };
    const next = (queues.get(criterionId) ?? Promise.resolve()).then(run);
    queues.set(criterionId, next);
    return next;
  },
}));

/** The value the SCSS sees: their unsaved choice if any, else the stored answer. */
export function displayedResponse(
  state: WorksheetState,
  criterionId: string,
): { result: ResponseResult | null; notes: string } {
  const saved = state.responses[criterionId];
  const pending = state.pending[criterionId];
  return {
    result: pending?.result !== undefined ? pending.result : (saved?.result ?? null),
    notes: pending?.notes !== undefined ? pending.notes : (saved?.notes ?? ''),
  };
}

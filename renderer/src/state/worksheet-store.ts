import { create } from 'zustand';
import type {
  Evidence,
  Finding,
  InspectionChecklist,
  Observation,
  Site,
  VirtualSession,
} from '../../../shared/domain/field-work';
import { defaultFinding } from '../../../shared/domain/finding-defaults';
import type { CriterionResponse, ResponseResult, Validation } from '../../../shared/domain/validation';
import type { ValidationLifecycleView, Worksheet } from '../../../shared/ipc/contract';
import { ApiError, call } from '../api';
import { errorWording, type Wording } from '../components/wording';

/** Refusals that sending the same save again cannot change: the validation is read-only here. */
const READ_ONLY_CODES = new Set<string>(['AUDIT_CHAIN_BROKEN', 'LOCKED']);

export type SaveState =
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** retry: what Try again sends; null when sending it again cannot help (the validation is read-only). */
  | { kind: 'error'; message: Wording; retry: ResponseChange | null };

type WorksheetState = {
  worksheet: Worksheet | null;
  loadError: Wording | null;
  responses: Record<string, CriterionResponse>;
  /** What the SCSS chose but the store has not confirmed yet; shown instead of the saved value. */
  pending: Record<string, ResponseChange>;
  saveStates: Record<string, SaveState>;
  lastSavedAt: string | null;
  open: (validationId: string) => Promise<void>;
  save: (criterionId: string, change: ResponseChange) => Promise<void>;
  /**
   * Puts a record the main process returned into the open worksheet (replacing one with the same id); a record
   * of another validation (its save finished after the SCSS moved on) is dropped.
   */
  apply: <K extends ListKey>(key: K, record: Worksheet[K][number]) => void;
  remove: (key: ListKey, id: string) => void;
  /** Replaces the open validation's row; a row of another validation is dropped. */
  setValidation: (validation: Validation) => void;
  /** Replaces the open validation's state and history (after a submit, a reopen, an assessment). */
  setLifecycle: (lifecycle: ValidationLifecycleView) => void;
  /**
   * Asks again where the open validation stands (after a submit, a reopen or a sync). reopenIfMoved: when a pull
   * moved it (returned, approved, issued, closed) the whole worksheet is opened again, its lock and records too.
   */
  refreshLifecycle: (options?: { reopenIfMoved?: boolean }) => Promise<void>;
  /** The criterion keyboard shortcuts act on. */
  activeCriterionId: string | null;
  setActiveCriterion: (criterionId: string | null) => void;
  /**
   * Result, method and site changes that Undo (Ctrl+Z) can take back, newest last. createdFindingId: the finding a
   * Deficient result opened, which undo takes away too while it is still empty.
   */
  undoStack: Array<{ criterionId: string; before: ResponseChange; createdFindingId?: string }>;
  record: (criterionId: string, change: ResponseChange) => Promise<void>;
  undo: () => Promise<string | null>;
  /** A Deficient result opens a finding with the defaults when it has none; returns the finding it opened. */
  ensureFinding: (criterionId: string) => Promise<Finding | null>;
  /** Compact rows the SCSS opened to see their details. */
  expanded: Record<string, boolean>;
  setExpanded: (criterionId: string, open: boolean) => void;
};

/** A finding nobody has written anything into yet: undoing the Deficient result that opened it removes it. */
const isUntouchedFinding = (finding: Finding, evidence: readonly Evidence[]): boolean =>
  finding.description.trim() === '' && finding.reasonCode === null && !evidence.some((e) => e.findingId === finding.id);

const UNDO_LIMIT = 50;

export type ResponseChange = {
  result?: ResponseResult | null;
  notes?: string;
  siteId?: string | null;
  verificationMethods?: CriterionResponse['verificationMethods'];
  naJustification?: string;
};

export type DisplayedResponse = Required<Omit<ResponseChange, 'result' | 'siteId'>> & {
  result: ResponseResult | null;
  siteId: string | null;
};

type ListKey = 'sites' | 'findings' | 'observations' | 'evidence' | 'checklists' | 'virtualSessions';
// Records every list type carries; findings are keyed by id too.
type Identified = Site | Finding | Observation | Evidence | InspectionChecklist | VirtualSession;

// Saves for one criterion of one validation run one after another so a slow save never overwrites a newer one.
const queues = new Map<string, Promise<void>>();

// The validation the SCSS asked to open last: a worksheet that arrives for an earlier one is dropped.
let latestOpenRequest: string | null = null;

/** Whether the worksheet on screen is still the one a request was made for. */
const isOpen = (state: Pick<WorksheetState, 'worksheet'>, validationId: string): boolean =>
  state.worksheet?.validation.id === validationId;

export const useWorksheetStore = create<WorksheetState>((set, get) => ({
  worksheet: null,
  loadError: null,
  responses: {},
  pending: {},
  saveStates: {},
  lastSavedAt: null,

  open: async (validationId) => {
    latestOpenRequest = validationId;
    if (get().worksheet?.validation.id !== validationId) {
      set({
        worksheet: null,
        responses: {},
        pending: {},
        saveStates: {},
        lastSavedAt: null,
        undoStack: [],
        activeCriterionId: null,
        expanded: {},
      });
    }
    set({ loadError: null });
    try {
      const worksheet = await call('worksheet:open', { validationId });
      if (latestOpenRequest !== validationId) return;
      const responses = Object.fromEntries(worksheet.responses.map((r) => [r.criterionId, r]));
      set({ worksheet, responses });
    } catch (error) {
      if (latestOpenRequest === validationId) set({ loadError: errorWording(error) });
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
        // Saved where it belongs; the worksheet now open (another validation) must not show it.
        if (!isOpen(get(), validationId)) return;
        set((s) => {
          const pending = { ...s.pending };
          const mine: Record<string, unknown> = { ...pending[criterionId] };
          // Only clear what this save carried; a newer pending value for a field stays visible.
          for (const [field, value] of Object.entries(change)) {
            if (JSON.stringify(mine[field]) === JSON.stringify(value)) delete mine[field];
          }
          if (Object.keys(mine).length === 0) delete pending[criterionId];
          else pending[criterionId] = mine as ResponseChange;
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
        if (!isOpen(get(), validationId)) return;
        if (error instanceof ApiError && READ_ONLY_CODES.has(error.code)) {
          // The store will not take it: show what is saved again rather than a choice that only looks kept.
          set((s) => {
            const pending = { ...s.pending };
            delete pending[criterionId];
            return {
              pending,
              saveStates: {
                ...s.saveStates,
                [criterionId]: { kind: 'error', message: errorWording(error), retry: null },
              },
            };
          });
          return;
        }
        set((s) => ({
          saveStates: {
            ...s.saveStates,
            [criterionId]: { kind: 'error', message: errorWording(error), retry: { ...s.pending[criterionId] } },
          },
        }));
      }
    };
    const queueKey = `${validationId}/${criterionId}`;
    const next = (queues.get(queueKey) ?? Promise.resolve()).then(run);
    queues.set(queueKey, next);
    // Forget a finished queue so the map does not grow with every criterion of every validation opened.
    void next.then(() => {
      if (queues.get(queueKey) === next) queues.delete(queueKey);
    });
    return next;
  },

  apply: (key, record) =>
    set((s) => {
      const item = record as Identified;
      if (!s.worksheet || !isOpen(s, item.validationId)) return {};
      const list = s.worksheet[key] as Identified[];
      const next = list.some((r) => r.id === item.id)
        ? list.map((r) => (r.id === item.id ? item : r))
        : [...list, item];
      return { worksheet: { ...s.worksheet, [key]: next } };
    }),

  remove: (key, id) =>
    set((s) => {
      if (!s.worksheet) return {};
      const list = s.worksheet[key] as Identified[];
      return { worksheet: { ...s.worksheet, [key]: list.filter((r) => r.id !== id) } };
    }),

  activeCriterionId: null,
  setActiveCriterion: (criterionId) => {
    if (get().activeCriterionId !== criterionId) set({ activeCriterionId: criterionId });
  },

  undoStack: [],
  record: async (criterionId, change) => {
    const validationId = get().worksheet?.validation.id;
    const shown = displayedResponse(get(), criterionId);
    const before: ResponseChange = {};
    if (change.result !== undefined) before.result = shown.result;
    if (change.verificationMethods !== undefined) before.verificationMethods = shown.verificationMethods;
    if (change.siteId !== undefined) before.siteId = shown.siteId;
    const entry: WorksheetState['undoStack'][number] = { criterionId, before };
    set((s) => ({ undoStack: [...s.undoStack, entry].slice(-UNDO_LIMIT) }));
    await get().save(criterionId, change);
    // After the SCSS moved on, the open worksheet's criterion of the same id is not the one marked Deficient.
    if (change.result === 'DEFICIENT' && validationId && isOpen(get(), validationId)) {
      const opened = await get().ensureFinding(criterionId);
      if (opened) entry.createdFindingId = opened.id;
      // Undone while the finding was being opened: it goes the way the result went.
      if (opened && !get().undoStack.includes(entry)) await dropUntouchedFinding(get(), criterionId, opened.id);
    }
  },
  undo: async () => {
    const last = get().undoStack.at(-1);
    if (!last) return null;
    set((s) => ({ undoStack: s.undoStack.slice(0, -1) }));
    await get().save(last.criterionId, last.before);
    if (last.createdFindingId) await dropUntouchedFinding(get(), last.criterionId, last.createdFindingId);
    return last.criterionId;
  },
  expanded: {},
  setExpanded: (criterionId, open) =>
    set((s) => (Boolean(s.expanded[criterionId]) === open ? {} : { expanded: { ...s.expanded, [criterionId]: open } })),
  ensureFinding: async (criterionId) => {
    const worksheet = get().worksheet;
    const criterion = worksheet?.criteria.find((c) => c.id === criterionId);
    if (!worksheet || !criterion || worksheet.findings.some((f) => f.criterionId === criterionId)) return null;
    if (get().saveStates[criterionId]?.kind === 'error') return null;
    try {
      const finding = await call('findings:save', {
        validationId: worksheet.validation.id,
        criterionId,
        ...defaultFinding(criterion.level, worksheet.settings.responseDays),
      });
      get().apply('findings', finding);
      return finding;
    } catch {
      // The finding editor offers "Record finding" and the completeness check lists it.
      return null;
    }
  },

  setValidation: (validation) =>
    set((s) => (s.worksheet && isOpen(s, validation.id) ? { worksheet: { ...s.worksheet, validation } } : {})),

  setLifecycle: (lifecycle) =>
    set((s) => (s.worksheet && isOpen(s, lifecycle.validationId) ? { worksheet: { ...s.worksheet, lifecycle } } : {})),

  refreshLifecycle: async ({ reopenIfMoved = false } = {}) => {
    const before = get().worksheet;
    if (!before) return;
    const validationId = before.validation.id;
    try {
      const lifecycle = await call('workflow:history', { validationId });
      const now = get().worksheet;
      if (!now || !isOpen(get(), validationId)) return;
      const moved =
        lifecycle.state !== now.lifecycle.state ||
        (lifecycle.returned?.eventId ?? null) !== (now.lifecycle.returned?.eventId ?? null);
      // A pull that returned, approved or closed it changes more than the history: open it again.
      if (moved && reopenIfMoved) await get().open(validationId);
      else get().setLifecycle(lifecycle);
    } catch {
      // The history stays as it was; the next open shows the new one.
    }
  },
}));

/**
 * Removes the finding an undone Deficient result opened, unless the SCSS already wrote into it (then it is
 * theirs) or the criterion is Deficient again.
 */
async function dropUntouchedFinding(state: WorksheetState, criterionId: string, findingId: string): Promise<void> {
  const worksheet = state.worksheet;
  const finding = worksheet?.findings.find((f) => f.id === findingId);
  if (!worksheet || !finding || displayedResponse(state, criterionId).result === 'DEFICIENT') return;
  if (!isUntouchedFinding(finding, worksheet.evidence)) return;
  try {
    await call('findings:delete', { validationId: worksheet.validation.id, criterionId });
    state.remove('findings', finding.id);
  } catch {
    // The finding stays and the completeness check names it; the result is already undone.
  }
}

// One shared empty list: selectors compare by reference, and a fresh [] per call would re-render forever.
const NO_METHODS: CriterionResponse['verificationMethods'] = [];

/** The value the SCSS sees: their unsaved choice if any, else the stored answer. */
export function displayedResponse(state: WorksheetState, criterionId: string): DisplayedResponse {
  const saved = state.responses[criterionId];
  const pending = state.pending[criterionId];
  return {
    result: pending?.result !== undefined ? pending.result : (saved?.result ?? null),
    notes: pending?.notes ?? saved?.notes ?? '',
    siteId: pending?.siteId !== undefined ? pending.siteId : (saved?.siteId ?? null),
    verificationMethods: pending?.verificationMethods ?? saved?.verificationMethods ?? NO_METHODS,
    naJustification: pending?.naJustification ?? saved?.naJustification ?? '',
  };
}

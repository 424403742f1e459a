import { create } from 'zustand';
import { call, errorMessage } from '../../api';
import { useWorksheetStore } from '../../state/worksheet-store';
import type { PanelSaveState } from './save-status';
import { forgetDraft, readDraft, sessionKey } from './session-drafts';
import { holdsSameContent, planSessionSave } from './session-form';

/** Where each session log stands against the store, by session key; outlives the form so a return shows it. */
export const useSessionSaveStates = create<Record<string, PanelSaveState>>(() => ({}));

const queues = new Map<string, Promise<void>>();
const latestTicket = new Map<string, number>();

export type SessionSaveTarget = { validationId: string; sessionId: string; criterionIds: ReadonlySet<string> };

const storedSession = (validationId: string, sessionId: string) => {
  const worksheet = useWorksheetStore.getState().worksheet;
  return worksheet?.validation.id === validationId
    ? worksheet.virtualSessions.find((s) => s.id === sessionId)
    : undefined;
};

/**
 * Saves the session's latest draft. Saves of one session run one after another, whichever form asked
 * (one left behind on unmount, one shown on return), and each sends the draft as it is when its turn
 * comes, so a slow save never overwrites newer typing and a superseded one sends nothing.
 */
export function saveSessionDraft(target: SessionSaveTarget): Promise<void> {
  const key = sessionKey(target.validationId, target.sessionId);
  const ticket = (latestTicket.get(key) ?? 0) + 1;
  latestTicket.set(key, ticket);
  const setState = (state: PanelSaveState) => {
    if (latestTicket.get(key) === ticket) useSessionSaveStates.setState({ [key]: state });
  };

  const run = async () => {
    if (latestTicket.get(key) !== ticket) return;
    let stored = storedSession(target.validationId, target.sessionId);
    // Nothing to send: a 'Saving…' left by a superseded save, or an error the SCSS has since undone, ends here.
    const settle = (kinds: PanelSaveState['kind'][]) => {
      const current = useSessionSaveStates.getState()[key];
      if (current && kinds.includes(current.kind))
        setState(stored ? { kind: 'saved', at: stored.updatedAt } : { kind: 'idle' });
    };
    const values = readDraft(key);
    // The save this one superseded stored the whole draft and forgot it; its 'Saving…' is this save's to end.
    if (!values) {
      settle(['saving']);
      return;
    }
    const plan = planSessionSave(values, {
      validationId: target.validationId,
      id: target.sessionId,
      stored,
      criterionIds: target.criterionIds,
    });
    if (!plan.request) {
      settle(['saving']);
      return;
    }
    if (holdsSameContent(plan.request, stored)) {
      settle(['saving', 'error']);
    } else {
      setState({ kind: 'saving' });
      try {
        stored = await call('sessions:save', plan.request);
        useWorksheetStore.getState().apply('virtualSessions', stored);
        setState({ kind: 'saved', at: stored.updatedAt });
      } catch (error) {
        // The draft stays: the form keeps showing it, Try again sends it.
        setState({ kind: 'error', message: errorMessage(error) });
        return;
      }
    }
    // Nothing refused and nothing typed since: the store holds all of it, the draft is no longer needed.
    if (Object.keys(plan.errors).length === 0 && readDraft(key) === values) forgetDraft(key);
  };

  const next = (queues.get(key) ?? Promise.resolve()).then(run);
  queues.set(key, next);
  void next.then(() => {
    if (queues.get(key) === next) queues.delete(key);
  });
  return next;
}

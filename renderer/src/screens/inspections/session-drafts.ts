import type { SessionFormValues } from './session-form';

/**
 * What the SCSS last typed in each session log, kept outside the form so that leaving the screen, or
 * reloading it, while a save is on its way or while a field is refused, shows the same entries on return.
 * Mirrored to sessionStorage (this window only); a draft is forgotten once the store holds all of it.
 */
const drafts = new Map<string, SessionFormValues>();
const pendingIds = new Map<string, string>();
const DRAFT_PREFIX = 'ctpat.session-draft.';
const PENDING_PREFIX = 'ctpat.session-pending.';

export const sessionKey = (validationId: string, sessionId: string) => `${validationId}/${sessionId}`;

// sessionStorage can be full or unavailable; the in-memory copy still covers leaving the screen.
function store(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {}
}
function stored(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeDraft(key: string, values: SessionFormValues): void {
  drafts.set(key, values);
  store(DRAFT_PREFIX + key, JSON.stringify(values));
}

export function readDraft(key: string): SessionFormValues | undefined {
  const inMemory = drafts.get(key);
  if (inMemory) return inMemory;
  const text = stored(DRAFT_PREFIX + key);
  if (!text) return undefined;
  try {
    const values = JSON.parse(text) as SessionFormValues;
    drafts.set(key, values);
    return values;
  } catch {
    return undefined;
  }
}

export function forgetDraft(key: string): void {
  drafts.delete(key);
  store(DRAFT_PREFIX + key, null);
}

/** The id of the session being started on this validation (not stored yet), if one is. */
export function currentPendingSession(validationId: string): string | undefined {
  const id = pendingIds.get(validationId) ?? stored(PENDING_PREFIX + validationId) ?? undefined;
  if (id) pendingIds.set(validationId, id);
  return id;
}

/** Starts a new session: the client-generated id it will be stored under, kept until it is stored or dropped. */
export function startPendingSession(validationId: string): string {
  const current = currentPendingSession(validationId);
  if (current) return current;
  const id = crypto.randomUUID();
  pendingIds.set(validationId, id);
  store(PENDING_PREFIX + validationId, id);
  return id;
}

/** The pending session was stored or dropped: the next new one gets a new id. */
export function forgetPendingSession(validationId: string): void {
  pendingIds.delete(validationId);
  store(PENDING_PREFIX + validationId, null);
}

import { useCallback, useSyncExternalStore } from 'react';
import { isLanguage, type Language } from '../i18n/languages';
import { knownPerson } from './known-person';
import { useSyncStore } from './sync-store';

/**
 * How one person likes the app: its language, the worksheet's layout (compact or detailed rows, virtual methods
 * on in-person work) and where they last worked. Kept in the window's localStorage under the enrolled person's HQ id, so two people who
 * share a laptop each get their own; a laptop never enrolled keeps one set.
 */
export type Preferences = {
  worksheetView: 'detailed' | 'compact';
  /** In-person validations offer Live video and Screen share only when the SCSS turned them on. */
  virtualMethodsInPerson: boolean;
  /** The interface's language; reports for a Member follow the Member's own language instead. */
  language: Language;
};

const DEFAULTS: Preferences = { worksheetView: 'detailed', virtualMethodsInPerson: false, language: 'en' };
const PREFIX = 'ctpat:preferences:';
const listeners = new Set<() => void>();

const storageKey = (userId: string | null) => `${PREFIX}${userId ?? 'not-enrolled'}`;

function read(userId: string | null): Preferences {
  try {
    const raw = window.localStorage.getItem(storageKey(userId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== 'object') return DEFAULTS;
    const stored = parsed as Partial<Record<keyof Preferences, unknown>>;
    return {
      worksheetView: stored.worksheetView === 'compact' ? 'compact' : 'detailed',
      virtualMethodsInPerson: stored.virtualMethodsInPerson === true,
      language: isLanguage(stored.language) ? stored.language : DEFAULTS.language,
    };
  } catch {
    // A store the window cannot read (private mode, corrupt JSON) falls back to the defaults.
    return DEFAULTS;
  }
}

// One object per stored string, so useSyncExternalStore sees a stable snapshot between writes.
const snapshots = new Map<string, { raw: string | null; value: Preferences }>();
function snapshot(userId: string | null): Preferences {
  const key = storageKey(userId);
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(key);
  } catch {
    raw = null;
  }
  const cached = snapshots.get(key);
  if (cached && cached.raw === raw) return cached.value;
  const value = read(userId);
  snapshots.set(key, { raw, value });
  return value;
}

function write(userId: string | null, change: Partial<Preferences>): void {
  const next = { ...read(userId), ...change };
  try {
    window.localStorage.setItem(storageKey(userId), JSON.stringify(next));
  } catch {
    // Not remembered, but the choice still applies for this window.
    snapshots.set(storageKey(userId), { raw: null, value: next });
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The enrolled person's preferences and a setter for them. */
export function usePreferences(): [Preferences, (change: Partial<Preferences>) => void] {
  const userId = useSyncStore((s) => knownPerson(s.status).userId);
  const preferences = useSyncExternalStore(subscribe, () => snapshot(userId));
  const set = useCallback((change: Partial<Preferences>) => write(userId, change), [userId]);
  return [preferences, set];
}

/** Where the SCSS last worked in a validation: the worksheet reopens there. */
export type LastPlace = { category: number; criterionId: string | null };
const placeKey = (validationId: string) => `ctpat:last-place:${validationId}`;

export function readLastPlace(validationId: string): LastPlace | null {
  try {
    const raw = window.localStorage.getItem(placeKey(validationId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== 'object') return null;
    const { category, criterionId } = parsed as Record<string, unknown>;
    if (typeof category !== 'number' || !Number.isInteger(category) || category < 1 || category > 12) return null;
    return { category, criterionId: typeof criterionId === 'string' ? criterionId : null };
  } catch {
    return null;
  }
}

export function writeLastPlace(validationId: string, place: LastPlace): void {
  try {
    window.localStorage.setItem(placeKey(validationId), JSON.stringify(place));
  } catch {
    // Reopening at category 1 is the fallback; nothing the SCSS typed depends on it.
  }
}

/** The enrolled person's preferences outside React (keyboard handlers). */
export const currentPreferences = (): Preferences => snapshot(knownPerson(useSyncStore.getState().status).userId);

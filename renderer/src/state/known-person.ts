import { type UserRole, UserRoleSchema } from '../../../shared/domain/lifecycle';
import type { SyncStatusView } from '../../../shared/ipc/contract';
import { useSyncStore } from './sync-store';

/** Who is enrolled on this laptop, as far as the window can tell: their HQ id and role, or nobody (both null). */
export type KnownPerson = { userId: string | null; role: UserRole | null };

const NOBODY: KnownPerson = { userId: null, role: null };
// The sync status names the person only after its first answer. Until then the window goes by the last person it
// knew, so a start opens in their language and with their navigation, and nothing shifts when the answer comes.
const KEY = 'ctpat:last-person';

function lastKnown(): KnownPerson {
  try {
    const raw = window.localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!parsed || typeof parsed !== 'object') return NOBODY;
    const { userId, role } = parsed as Record<string, unknown>;
    const knownRole = UserRoleSchema.nullable().safeParse(role);
    return typeof userId === 'string' && knownRole.success ? { userId, role: knownRole.data } : NOBODY;
  } catch {
    // Unreadable: the laptop's own preferences and the shortest navigation, until the status answers.
    return NOBODY;
  }
}

function remember(person: KnownPerson): void {
  try {
    if (person.userId === null) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, JSON.stringify(person));
  } catch {
    // Forgotten: the next start waits for the status, as it would on a new laptop.
  }
}

/** The person the status names once it has answered, else the last one this window knew. */
export function knownPerson(status: SyncStatusView | null): KnownPerson {
  return status ? { userId: status.userId, role: status.userRole } : lastKnown();
}

useSyncStore.subscribe((state) => {
  if (state.status) remember(knownPerson(state.status));
});

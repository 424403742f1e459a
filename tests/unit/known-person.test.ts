/// <reference types="vite/client" />
// The store this test drives reads import.meta.env, which Vite (and so Vitest) provides.
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../shared/ipc/contract';

// The renderer's window.localStorage, as the browser gives it, for modules that run in Node here.
const stored = new Map<string, string>();
Object.assign(globalThis, {
  window: {
    localStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, String(value)),
      removeItem: (key: string) => void stored.delete(key),
    },
  },
});
const { knownPerson } = await import('../../renderer/src/state/known-person');
const { useSyncStore } = await import('../../renderer/src/state/sync-store');

const status = (person: { userId: string; userRole: SyncStatusView['userRole'] } | null): SyncStatusView => ({
  enrolled: person !== null,
  hqUrl: person ? 'https://hq.example.gov' : null,
  userId: person?.userId ?? null,
  userName: person ? 'Pat Nguyen' : null,
  userRole: person?.userRole ?? null,
  state: 'idle',
  lastSuccessAt: null,
  lastError: null,
  pending: 0,
  refused: 0,
  progress: null,
});
const PAT = { userId: '5b0c7f1e-2f7a-4c1e-9d3b-0a6f4b8e2c11', userRole: 'SUPERVISOR' } as const;

describe('knownPerson: who is enrolled before the sync status has answered', () => {
  beforeEach(() => {
    stored.clear();
    useSyncStore.setState({ status: null });
  });

  it('knows nobody on a window that never heard a status', () => {
    expect(knownPerson(null)).toEqual({ userId: null, role: null });
  });

  it('goes by the status once it answers, and by the last person it named until the next answer', () => {
    useSyncStore.setState({ status: status(PAT) });
    expect(knownPerson(useSyncStore.getState().status)).toEqual({ userId: PAT.userId, role: 'SUPERVISOR' });
    // A reload: the store starts empty again, the window still knows her.
    useSyncStore.setState({ status: null });
    expect(knownPerson(null)).toEqual({ userId: PAT.userId, role: 'SUPERVISOR' });
  });

  it('forgets the person when the status says nobody is enrolled', () => {
    useSyncStore.setState({ status: status(PAT) });
    useSyncStore.setState({ status: status(null) });
    expect(knownPerson(null)).toEqual({ userId: null, role: null });
  });

  it('treats what it cannot read as nobody: broken JSON, a role HQ has not got, an id that is not text', () => {
    for (const raw of ['{', '"x"', JSON.stringify({ userId: PAT.userId, role: 'ADMIN' }), '{"userId":7,"role":null}']) {
      stored.set('ctpat:last-person', raw);
      expect(knownPerson(null), raw).toEqual({ userId: null, role: null });
    }
  });
});

import { useCallback, useEffect, useState } from 'react';
import { type MembersView, membersViewHref, parseMembersView } from './member-search';

/**
 * The Members table's search and sort, read from the address and written back to it without a history entry per
 * keystroke (replaceState fires no hashchange, so the screen does not re-route while the SCSS types).
 */
export function useMembersView(): [MembersView, (next: MembersView) => void] {
  const [view, setView] = useState<MembersView>(() => parseMembersView(window.location.hash));
  useEffect(() => {
    // The Members link in the header, Back and Forward put a new address: follow it.
    const follow = () => setView(parseMembersView(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const update = useCallback((next: MembersView) => {
    setView(next);
    window.history.replaceState(window.history.state, '', membersViewHref(next));
  }, []);
  return [view, update];
}

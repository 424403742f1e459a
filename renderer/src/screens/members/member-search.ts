import type { Member } from '../../../../shared/domain/validation';

/** What the Members table is showing: a search, a sort, kept in the address so a reload keeps them. */
export type MemberSortKey = 'name' | 'account' | 'activity';
export type SortDirection = 'ascending' | 'descending';
export type MembersView = { search: string; sort: MemberSortKey; direction: SortDirection };

export const DEFAULT_MEMBERS_VIEW: MembersView = { search: '', sort: 'name', direction: 'ascending' };
/** The first click on a column sorts it this way: names A–Z, most recent activity first. */
export const FIRST_DIRECTION: Record<MemberSortKey, SortDirection> = {
  name: 'ascending',
  account: 'ascending',
  activity: 'descending',
};

const SORT_KEYS: readonly MemberSortKey[] = ['name', 'account', 'activity'];

/** The view from the query part of "#/members?q=acme&sort=activity&dir=descending". */
export function parseMembersView(hash: string): MembersView {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const sort = SORT_KEYS.find((key) => key === params.get('sort')) ?? DEFAULT_MEMBERS_VIEW.sort;
  const dir = params.get('dir');
  const direction = dir === 'ascending' || dir === 'descending' ? dir : FIRST_DIRECTION[sort];
  return { search: params.get('q') ?? '', sort, direction };
}

/** The address of a view; the defaults are left out so the plain Members link stays "#/members". */
export function membersViewHref(view: MembersView): string {
  const params = new URLSearchParams();
  if (view.search) params.set('q', view.search);
  if (view.sort !== DEFAULT_MEMBERS_VIEW.sort) params.set('sort', view.sort);
  if (view.direction !== FIRST_DIRECTION[view.sort]) params.set('dir', view.direction);
  const query = params.toString();
  return query ? `#/members?${query}` : '#/members';
}

/** "Houston, United States"; a Member HQ assigned may have no city or country yet: what is known, never a lone comma. */
export const memberPlace = (member: Pick<Member, 'city' | 'country'>): string =>
  [member.city.trim(), member.country.trim()].filter(Boolean).join(', ');

/** Lower case without accents or punctuation, so "manufacturas del norte" finds "Manufacturas del Norte S.A." */
const searchable = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether a Member matches every word typed, in its legal name or account number (in any order). */
export function memberMatcher(search: string): (member: Pick<Member, 'legalName' | 'accountNumber'>) => boolean {
  const words = searchable(search).split(' ').filter(Boolean);
  if (words.length === 0) {
    // Nothing but symbols ("&", an emoji): look for them as typed, rather than match everyone.
    const typed = search.trim().toLowerCase();
    if (typed === '') return () => true;
    return (member) =>
      member.legalName.toLowerCase().includes(typed) || member.accountNumber.toLowerCase().includes(typed);
  }
  return (member) => {
    const name = searchable(member.legalName);
    const account = searchable(member.accountNumber);
    // "demoimp10421" finds "DEMO-IMP-10421": account numbers are typed with or without their dashes.
    const compactAccount = account.replaceAll(' ', '');
    return words.every((word) => name.includes(word) || account.includes(word) || compactAccount.includes(word));
  };
}

const byName = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });

/**
 * Members in the chosen order; `lastActivity` is each Member's latest change (ISO timestamp) or null when it has
 * no validation, and those come last whichever way activity is sorted. Ties fall back to the name.
 */
export function sortMembers<M extends Pick<Member, 'id' | 'legalName' | 'accountNumber'>>(
  members: readonly M[],
  view: Pick<MembersView, 'sort' | 'direction'>,
  lastActivity: ReadonlyMap<string, string>,
): M[] {
  const sign = view.direction === 'ascending' ? 1 : -1;
  return [...members].sort((a, b) => {
    if (view.sort === 'activity') {
      const at = lastActivity.get(a.id) ?? null;
      const bt = lastActivity.get(b.id) ?? null;
      if (at !== bt) {
        if (at === null) return 1;
        if (bt === null) return -1;
        return sign * (at < bt ? -1 : 1);
      }
      return byName.compare(a.legalName, b.legalName);
    }
    const primary =
      view.sort === 'account'
        ? byName.compare(a.accountNumber, b.accountNumber)
        : byName.compare(a.legalName, b.legalName);
    return primary !== 0 ? sign * primary : byName.compare(a.accountNumber, b.accountNumber);
  });
}

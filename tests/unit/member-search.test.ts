import { describe, expect, it } from 'vitest';
import {
  memberMatcher,
  memberPlace,
  membersViewHref,
  parseMembersView,
  sortMembers,
} from '../../renderer/src/screens/members/member-search';
import { isOpenValidation } from '../../renderer/src/screens/members/open-validations';

const member = (id: string, legalName: string, accountNumber: string) => ({ id, legalName, accountNumber });
const ACME = member('a', 'Acme Logistics', 'CT-200');
const PACIFICO = member('p', 'Pacífico Electronics Assembly S. de R.L.', 'DEMO-FM-51903');
const ZETA = member('z', 'Zeta Freight', 'CT-100');

describe('Members search', () => {
  it('finds a Member by any part of its name or account, ignoring case, accents and dashes', () => {
    expect(memberMatcher('pacifico')(PACIFICO)).toBe(true);
    expect(memberMatcher('ELECTRONICS assembly')(PACIFICO)).toBe(true);
    expect(memberMatcher('demofm51903')(PACIFICO)).toBe(true);
    expect(memberMatcher('FM-519')(PACIFICO)).toBe(true);
    expect(memberMatcher('acme')(PACIFICO)).toBe(false);
  });

  it('needs every word typed, and an empty search keeps everyone', () => {
    expect(memberMatcher('acme ct-200')(ACME)).toBe(true);
    expect(memberMatcher('acme ct-100')(ACME)).toBe(false);
    expect(memberMatcher('   ')(ZETA)).toBe(true);
  });

  it('looks for a search of symbols alone as typed, instead of keeping everyone', () => {
    const smith = member('s', 'Smith & Sons Cartage', 'CT-300');
    expect(memberMatcher('&')(smith)).toBe(true);
    expect(memberMatcher('&')(ZETA)).toBe(false);
    expect(memberMatcher('😀')(ZETA)).toBe(false);
  });
});

describe('a Member’s place', () => {
  it('joins city and country, and leaves out what is not known instead of showing a lone comma', () => {
    expect(memberPlace({ city: 'Houston, TX', country: 'United States' })).toBe('Houston, TX, United States');
    expect(memberPlace({ city: '', country: 'Mexico' })).toBe('Mexico');
    expect(memberPlace({ city: '', country: '' })).toBe('');
  });
});

describe('Members sort', () => {
  const activity = new Map([
    ['a', '2026-11-02T10:00:00.000Z'],
    ['z', '2026-11-03T10:00:00.000Z'],
  ]);
  const ids = (list: { id: string }[]) => list.map((m) => m.id);

  it('sorts by name or account either way', () => {
    expect(ids(sortMembers([ZETA, PACIFICO, ACME], { sort: 'name', direction: 'ascending' }, activity))).toEqual([
      'a',
      'p',
      'z',
    ]);
    expect(ids(sortMembers([ACME, ZETA, PACIFICO], { sort: 'account', direction: 'descending' }, activity))).toEqual([
      'p',
      'a',
      'z',
    ]);
  });

  it('puts the latest activity first and Members with none last, whichever the direction', () => {
    expect(ids(sortMembers([PACIFICO, ACME, ZETA], { sort: 'activity', direction: 'descending' }, activity))).toEqual([
      'z',
      'a',
      'p',
    ]);
    expect(ids(sortMembers([PACIFICO, ZETA, ACME], { sort: 'activity', direction: 'ascending' }, activity))).toEqual([
      'a',
      'z',
      'p',
    ]);
  });
});

describe('Members address', () => {
  it('keeps the search and sort in the address and reads them back', () => {
    const view = { search: 'acme co', sort: 'activity', direction: 'descending' } as const;
    const href = membersViewHref(view);
    expect(href).toBe('#/members?q=acme+co&sort=activity');
    expect(parseMembersView(href)).toEqual(view);
  });

  it('leaves the defaults out and ignores what it does not know', () => {
    expect(membersViewHref({ search: '', sort: 'name', direction: 'ascending' })).toBe('#/members');
    expect(parseMembersView('#/members?sort=colour&dir=up')).toEqual({
      search: '',
      sort: 'name',
      direction: 'ascending',
    });
  });
});

describe('open validations', () => {
  it('counts every validation not closed as open, a withdrawn (in progress again) or never-sent one included', () => {
    expect(isOpenValidation({ workflowState: null })).toBe(true);
    expect(isOpenValidation({ workflowState: 'IN_PROGRESS' })).toBe(true);
    expect(isOpenValidation({ workflowState: 'AWAITING_RESPONSE' })).toBe(true);
    expect(isOpenValidation({ workflowState: 'CLOSED' })).toBe(false);
  });
});

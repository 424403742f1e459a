import { afterEach, describe, expect, it } from 'vitest';
import { getMember } from '../../db/queries/members';
import { changeMemberRecord } from '../../electron/services/member-record-service';
import { applyPulledMember } from '../../electron/sync/member-records';
import { pullFromHq } from '../../electron/sync/pull';
import { createHttpPullTransport } from '../../electron/sync/pull-transport';
import { createAssignment } from '../../hq/assignments';
import { updateMemberDetails } from '../../hq/members';
import { testUserId } from '../hq/helpers';
import { type EnrolledLaptop, enrolledLaptop, type Person } from './enrolled-laptop';
import { BACKENDS, sharedHqPerTest } from './sync-harness';

/**
 * A Member's legal name, entity type, city and country follow HQ's copy on laptops that already hold the Member,
 * when HQ's copy is newer; its language is the record's, and a language change waiting here is never replaced.
 */

type Laptop = EnrolledLaptop;
const PAT = { name: 'Pat Lane', role: 'SUPERVISOR', fieldOffice: 'Houston' } as const;
const DANA = { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' } as const;
const ACCOUNT = 'ACCT-99';

describe.each(BACKENDS)('a Member’s details follow HQ, HQ on %s', (backend) => {
  const hq = sharedHqPerTest(backend, { listen: true });
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });

  const enrolled = (user: Person): Promise<Laptop> => enrolledLaptop(hq, user, cleanups);
  const memberOn = (l: Laptop) => {
    const id = l.services.ctx.db.prepare('SELECT id FROM members WHERE account_number = ?').pluck().get(ACCOUNT);
    const member = getMember(l.services.ctx.db, id as string);
    if (!member) throw new Error(`${ACCOUNT} is not on this laptop`);
    return member;
  };
  async function syncOk(l: Laptop): Promise<void> {
    expect(await l.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null });
  }
  /** Only the pull step of a sync: what a pull does while a change made here still waits to be sent. */
  async function pullOnly(l: Laptop): Promise<void> {
    const connection = l.sync.hqConnection();
    if (!connection) throw new Error('not enrolled');
    await pullFromHq(l.services.ctx.db, createHttpPullTransport(connection), {
      now: l.services.ctx.now,
      actor: l.services.ctx.actor,
    });
  }

  it('a laptop that holds the Member takes HQ’s corrected name and city; a language change waiting here is kept', async () => {
    await createAssignment(hq.db, {
      'member-name': 'Gulf Importers LLC',
      account: ACCOUNT,
      'entity-type': 'IMP',
      mode: 'IN_PERSON',
      'target-date': '2027-01-15',
      scss: await testUserId(hq.db, DANA),
      city: 'Houston, TX',
      country: 'United States',
    });
    const pat = await enrolled(PAT);
    const dana = await enrolled(DANA);
    await syncOk(pat);
    await syncOk(dana);
    expect(memberOn(pat)).toMatchObject({ legalName: 'Gulf Importers LLC', city: 'Houston, TX' });

    // Pat changes the language here; before it reaches HQ, HQ corrects the Member's name and city.
    changeMemberRecord(pat.services.ctx, {
      memberId: memberOn(pat).id,
      baseVersion: 0,
      change: { kind: 'DETAILS_SET', correspondenceLanguage: 'es', contacts: [] },
    });
    await updateMemberDetails(hq.db, ACCOUNT, { legalName: 'Gulf Importers Holdings LLC', city: 'Galveston, TX' });
    await pullOnly(pat);
    expect(memberOn(pat)).toMatchObject({
      legalName: 'Gulf Importers Holdings LLC',
      city: 'Galveston, TX',
      country: 'United States',
      correspondenceLanguage: 'es',
    });
    const audit = pat.services.ctx.db
      .prepare(`SELECT actor, before_json, after_json FROM audit_log WHERE action = 'member.details-from-hq'`)
      .all() as { actor: string; before_json: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.before_json ?? '{}')).toEqual({
      legalName: 'Gulf Importers LLC',
      city: 'Houston, TX',
    });

    // The language reaches HQ; the SCSS's laptop takes HQ's name, city and language.
    await syncOk(pat);
    await syncOk(dana);
    expect(memberOn(dana)).toMatchObject({
      legalName: 'Gulf Importers Holdings LLC',
      city: 'Galveston, TX',
      correspondenceLanguage: 'es',
    });
  });

  it('a copy of the Member older than the one the laptop took changes nothing', async () => {
    await createAssignment(hq.db, {
      'member-name': 'Gulf Importers LLC',
      account: ACCOUNT,
      'entity-type': 'IMP',
      mode: 'IN_PERSON',
      'target-date': '2027-01-15',
      scss: await testUserId(hq.db, DANA),
    });
    const dana = await enrolled(DANA);
    await syncOk(dana);
    const [atHq] = await hq.db.query<{ id: string; updated_at: Date | string }>(
      'SELECT id, updated_at FROM members WHERE account_number = $1',
      [ACCOUNT],
    );
    if (!atHq) throw new Error('HQ has no Member');
    const taken = new Date(atHq.updated_at);
    const stale = {
      id: atHq.id,
      accountNumber: ACCOUNT,
      legalName: 'An old name',
      entityType: 'EXP',
      city: 'Nowhere',
      country: 'United States',
      correspondenceLanguage: 'en',
      fieldOffice: 'Houston',
    } as const;
    const db = dana.services.ctx.db;
    const at = new Date().toISOString();
    applyPulledMember(db, { ...stale, updatedAt: new Date(taken.getTime() - 60_000).toISOString() }, at, 'HQ sync');
    applyPulledMember(db, { ...stale, updatedAt: taken.toISOString() }, at, 'HQ sync');
    applyPulledMember(db, { ...stale, updatedAt: undefined }, at, 'HQ sync');
    expect(memberOn(dana)).toMatchObject({ legalName: 'Gulf Importers LLC', entityType: 'IMP' });
    applyPulledMember(db, { ...stale, updatedAt: new Date(taken.getTime() + 1).toISOString() }, at, 'HQ sync');
    expect(memberOn(dana)).toMatchObject({ legalName: 'An old name', entityType: 'EXP', city: 'Nowhere' });
  });
});

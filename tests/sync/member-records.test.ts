import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../electron/services/app-services';
import { changeMemberRecord, getMemberRecord } from '../../electron/services/member-record-service';
import type { SyncService } from '../../electron/services/sync-service';
import { createAssignment } from '../../hq/assignments';
import { issueEnrolmentCode } from '../../hq/identity';
import type { MemberRecordChange } from '../../shared/domain/member-record/events';
import type { UserRole } from '../../shared/sync/protocol';
import { testUserId } from '../hq/helpers';
import { certifiedTier1History } from '../member-record-fixtures';
import { unenrolledLaptop } from './enrolled-laptop';
import { sharedHqPerTest } from './sync-harness';

type Laptop = { services: AppServices; sync: SyncService };

const hq = sharedHqPerTest('pglite', { listen: true });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const DANA = { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' } as const;
const PAT = { name: 'Pat Lane', role: 'SUPERVISOR', fieldOffice: 'Houston' } as const;
const LOU = { name: 'Lou Ames', role: 'SUPERVISOR', fieldOffice: 'Houston' } as const;
const ACCOUNT = 'ACCT-77';

const HISTORY = certifiedTier1History('From CBP’s records');

function laptop(): Laptop {
  const { services, sync } = unenrolledLaptop(cleanups);
  return { services, sync };
}

async function enrolled(user: { name: string; role: UserRole; fieldOffice: string }): Promise<Laptop> {
  const l = laptop();
  const { code } = await issueEnrolmentCode(hq.db, await testUserId(hq.db, user));
  await l.sync.enroll({ hqUrl: hq.baseUrl, code, deviceName: `${user.name}'s laptop` });
  return l;
}

/** HQ assigns the Member to Dana: it belongs to Houston, and every Houston laptop gets it by pull. */
async function houstonMember(): Promise<void> {
  await createAssignment(hq.db, {
    'member-name': 'Gulf Importers LLC',
    account: ACCOUNT,
    'entity-type': 'IMP',
    mode: 'IN_PERSON',
    'target-date': '2027-01-15',
    scss: await testUserId(hq.db, DANA),
  });
}

const memberIdOn = (l: Laptop): string => {
  const id = l.services.ctx.db.prepare('SELECT id FROM members WHERE account_number = ?').pluck().get(ACCOUNT);
  if (typeof id !== 'string') throw new Error(`${ACCOUNT} is not on this laptop`);
  return id;
};
const recordOn = (l: Laptop) => getMemberRecord(l.services.ctx, memberIdOn(l));
const change = (l: Laptop, baseVersion: number, c: MemberRecordChange) =>
  changeMemberRecord(l.services.ctx, { memberId: memberIdOn(l), baseVersion, change: c });

async function syncOk(l: Laptop): Promise<void> {
  const status = await l.sync.syncNow();
  expect(status).toMatchObject({ state: 'idle', lastError: null });
}

describe('a Member’s CTPAT record between laptops and HQ', () => {
  it('a supervisor’s change reaches another laptop of the office by pull, and is shown as waiting until sent', async () => {
    await houstonMember();
    const pat = await enrolled(PAT);
    await syncOk(pat);
    const waiting = change(pat, 0, HISTORY);
    expect(waiting.sync.unsent).toBe(1);

    await syncOk(pat);
    expect(recordOn(pat).sync).toEqual({ unsent: 0, refused: [] });

    const dana = await enrolled(DANA);
    await syncOk(dana);
    const onDana = recordOn(dana);
    expect(onDana).toMatchObject({ version: 1, status: 'CERTIFIED', tier: 1, certifiedOn: '2022-03-01' });
    expect(onDana.history.map((h) => [h.change.kind, h.actorName])).toEqual([['HISTORY_SET', 'Pat Lane (Supervisor)']]);
    expect(onDana.sync).toEqual({ unsent: 0, refused: [] });
  });

  it('a new laptop gets the Member and its whole history', async () => {
    await houstonMember();
    const pat = await enrolled(PAT);
    await syncOk(pat);
    change(pat, 0, HISTORY);
    change(pat, 1, {
      kind: 'SUSPENDED',
      effectiveOn: '2026-11-02',
      reason: 'Seal log',
      reinstatementCondition: 'Fix it',
    });
    await syncOk(pat);

    const fresh = await enrolled(DANA);
    await syncOk(fresh);
    const record = recordOn(fresh);
    expect(record).toMatchObject({ version: 2, status: 'SUSPENDED', suspension: { reason: 'Seal log' } });
    expect(record.history.map((h) => [h.version, h.change.kind, h.actorName])).toEqual([
      [2, 'SUSPENDED', 'Pat Lane (Supervisor)'],
      [1, 'HISTORY_SET', 'Pat Lane (Supervisor)'],
    ]);
    expect(record.sync).toEqual({ unsent: 0, refused: [] });
  });

  it('two laptops change the same record: the later one is refused, shown with HQ’s reason, and HQ’s change kept', async () => {
    await houstonMember();
    const pat = await enrolled(PAT);
    const lou = await enrolled(LOU);
    await syncOk(pat);
    await syncOk(lou);
    change(pat, 0, HISTORY);
    change(lou, 0, { ...HISTORY, status: 'APPLICANT', tier: null, certifiedOn: null, note: 'Lou’s view' });

    await syncOk(pat);
    await syncOk(lou);

    const onLou = recordOn(lou);
    expect(onLou).toMatchObject({ version: 1, status: 'CERTIFIED' });
    expect(onLou.history.map((h) => h.actorName)).toEqual(['Pat Lane (Supervisor)']);
    expect(onLou.sync.unsent).toBe(0);
    expect(onLou.sync.refused).toHaveLength(1);
    expect(onLou.sync.refused[0]).toMatchObject({
      actorName: expect.stringContaining(LOU.name),
      change: { kind: 'HISTORY_SET', note: 'Lou’s view' },
      reason: { key: 'memberRecord.staleAtHq', message: expect.stringContaining('HQ kept its changes, not yours') },
    });
    // HQ holds Pat's change only.
    const rows = await hq.db.query<{ actor_name: string }>('SELECT actor_name FROM member_record_events');
    expect(rows.map((r) => r.actor_name)).toEqual([PAT.name]);
    // Lou can make the change again on the record as it is now, and it reaches HQ.
    change(lou, 1, { kind: 'DETAILS_SET', correspondenceLanguage: 'es', contacts: [] });
    await syncOk(lou);
    expect(recordOn(lou).sync.unsent).toBe(0);
    await syncOk(pat);
    expect(recordOn(pat).version).toBe(2);
  });

  it('a Member each laptop already held under its own id is matched by account number, both ways', async () => {
    const pat = await enrolled(PAT);
    const lou = await enrolled(LOU);
    const DEMO = 'DEMO-IMP-10421';
    const localId = (l: Laptop) =>
      l.services.ctx.db.prepare('SELECT id FROM members WHERE account_number = ?').pluck().get(DEMO) as string;
    // Both laptops hold the demo Member under ids of their own; HQ assigns it under a third.
    await createAssignment(hq.db, {
      'member-name': 'Demo Importer',
      account: DEMO,
      'entity-type': 'IMP',
      mode: 'IN_PERSON',
      'target-date': '2027-01-15',
      scss: await testUserId(hq.db, DANA),
    });
    const [atHq] = await hq.db.query<{ id: string }>('SELECT id FROM members WHERE account_number = $1', [DEMO]);
    expect(new Set([localId(pat), localId(lou), atHq?.id]).size).toBe(3);

    changeMemberRecord(pat.services.ctx, { memberId: localId(pat), baseVersion: 0, change: HISTORY });
    await syncOk(pat);
    await syncOk(lou);
    const onLou = getMemberRecord(lou.services.ctx, localId(lou));
    expect(onLou).toMatchObject({ version: 1, status: 'CERTIFIED' });

    changeMemberRecord(lou.services.ctx, {
      memberId: localId(lou),
      baseVersion: 1,
      change: { kind: 'DETAILS_SET', correspondenceLanguage: 'es', contacts: [] },
    });
    await syncOk(lou);
    await syncOk(pat);
    expect(getMemberRecord(pat.services.ctx, localId(pat))).toMatchObject({
      version: 2,
      member: { correspondenceLanguage: 'es' },
      sync: { unsent: 0, refused: [] },
    });
    const rows = await hq.db.query<{ member_id: string }>('SELECT DISTINCT member_id FROM member_record_events');
    expect(rows.map((r) => r.member_id)).toEqual([atHq?.id]);
  });
});

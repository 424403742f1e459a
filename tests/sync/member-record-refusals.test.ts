import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../electron/services/app-services';
import {
  sendRefusedMemberChangeAgain,
  withdrawRefusedMemberChange,
} from '../../electron/services/member-record-refusals';
import { changeMemberRecord, getMemberRecord } from '../../electron/services/member-record-service';
import type { SyncService } from '../../electron/services/sync-service';
import { createAssignment } from '../../hq/assignments';
import type { MemberRecordChange } from '../../shared/domain/member-record/events';
import type { SyncProgressView } from '../../shared/ipc/contract';
import { testUserId } from '../hq/helpers';
import { certifiedTier1History } from '../member-record-fixtures';
import { enrolledLaptop, type Person } from './enrolled-laptop';
import { BACKENDS, manualClock, sharedHqPerTest } from './sync-harness';

/**
 * Send again / Don't send for a Member record change HQ refused, against the real HQ on PGlite and PostgreSQL:
 * a change made on a version another laptop moved HQ past is refused, sent again on HQ's version and kept; the
 * other is withdrawn and never reaches HQ.
 */

type Laptop = {
  services: AppServices;
  sync: SyncService;
  clock: ReturnType<typeof manualClock>;
  synced: () => Promise<void>;
};

const PAT = { name: 'Pat Lane', role: 'SUPERVISOR', fieldOffice: 'Houston' } as const;
const LOU = { name: 'Lou Ames', role: 'SUPERVISOR', fieldOffice: 'Houston' } as const;
const DANA = { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' } as const;
const ACCOUNT = 'ACCT-88';
const HISTORY = certifiedTier1History('CTPAT Portal');
const SPANISH: MemberRecordChange = { kind: 'DETAILS_SET', correspondenceLanguage: 'es', contacts: [] };

describe.each(BACKENDS)('a Member record change HQ refused, sent again or not sent, HQ on %s', (backend) => {
  const hq = sharedHqPerTest(backend, { listen: true });
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  });

  async function enrolled(user: Person): Promise<Laptop> {
    const clock = manualClock();
    let ended: (() => void)[] = [];
    const laptop = await enrolledLaptop(hq, user, cleanups, {
      setTimer: clock.setTimer,
      emit: (event, payload) => {
        if (event === 'sync:progress' && (payload as SyncProgressView | null) === null) {
          for (const resolve of ended.splice(0)) resolve();
        }
      },
    });
    const synced = () =>
      new Promise<void>((resolve) => {
        ended = [...ended, resolve];
      });
    return { ...laptop, clock, synced };
  }

  const memberIdOn = (l: Laptop): string =>
    l.services.ctx.db.prepare('SELECT id FROM members WHERE account_number = ?').pluck().get(ACCOUNT) as string;
  const recordOn = (l: Laptop) => getMemberRecord(l.services.ctx, memberIdOn(l));
  const change = (l: Laptop, baseVersion: number, c: MemberRecordChange) =>
    changeMemberRecord(l.services.ctx, { memberId: memberIdOn(l), baseVersion, change: c });
  async function syncOk(l: Laptop): Promise<void> {
    expect(await l.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null });
  }
  const heldAtHq = async () =>
    (
      await hq.db.query<{ version: number; kind: string; actor_name: string }>(
        'SELECT version, kind, actor_name FROM member_record_events ORDER BY version',
      )
    ).map((r) => [r.version, r.kind, r.actor_name]);

  it('the stale change sent again is re-based on HQ’s version and kept; the one not sent never reaches HQ', async () => {
    await createAssignment(hq.db, {
      'member-name': 'Gulf Importers LLC',
      account: ACCOUNT,
      'entity-type': 'IMP',
      mode: 'IN_PERSON',
      'target-date': '2027-01-15',
      scss: await testUserId(hq.db, DANA),
    });
    const pat = await enrolled(PAT);
    const lou = await enrolled(LOU);
    await syncOk(pat);
    await syncOk(lou);
    // Both supervisors record on version 0; Pat's reaches HQ first.
    change(pat, 0, HISTORY);
    change(lou, 0, { ...HISTORY, note: 'Lou’s spreadsheet' });
    change(lou, 1, SPANISH);
    await syncOk(pat);
    await syncOk(lou);
    const refused = recordOn(lou).sync.refused;
    expect(refused.map((r) => [r.change.kind, r.reason.key]).sort()).toEqual([
      ['DETAILS_SET', 'memberRecord.staleAtHq'],
      ['HISTORY_SET', 'memberRecord.staleAtHq'],
    ]);
    const language = refused.find((r) => r.change.kind === 'DETAILS_SET');
    const history = refused.find((r) => r.change.kind === 'HISTORY_SET');
    if (!language || !history) throw new Error('both changes should be refused');

    // Send again queues it on HQ's version 1, and the next background sync takes it to HQ by itself.
    const started = lou.synced();
    lou.sync.startBackground();
    await started;
    expect(sendRefusedMemberChangeAgain(lou.services.ctx, language.id).sync).toMatchObject({ unsent: 1 });
    expect(lou.clock.pendingTimers()).toBe(2); // periodic and network probe
    lou.sync.noteRequestHandled();
    expect(lou.clock.pendingTimers()).toBe(3);
    const sent = lou.synced();
    lou.clock.advance(5_000);
    await sent;
    expect(await heldAtHq()).toEqual([
      [1, 'HISTORY_SET', PAT.name],
      [2, 'DETAILS_SET', LOU.name],
    ]);
    expect(recordOn(lou)).toMatchObject({ version: 2, sync: { unsent: 0 } });

    // Don't send: gone from the laptop's list, the record stays HQ's, HQ never gets it.
    withdrawRefusedMemberChange(lou.services.ctx, history.id, 'Pat’s history is the right one');
    await syncOk(lou);
    expect(recordOn(lou)).toMatchObject({ version: 2, certifiedOn: '2022-03-01', sync: { unsent: 0, refused: [] } });
    expect(await heldAtHq()).toHaveLength(2);

    await syncOk(pat);
    expect(recordOn(pat)).toMatchObject({
      version: 2,
      member: { correspondenceLanguage: 'es' },
      sync: { unsent: 0, refused: [] },
    });
  });
});

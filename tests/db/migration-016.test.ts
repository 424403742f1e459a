import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { insertMemberRecordEvent, listMemberRecordEvents } from '../../db/queries/member-record';
import {
  countUnsentChanges,
  hqMemberIdOf,
  listRefusedChanges,
  localMemberIdOf,
  markChangesSent,
  membersWithUnsentChanges,
  refuseUnsentChanges,
  setHqMemberId,
} from '../../db/queries/member-record-sync';
import { getMemberRecord } from '../../electron/services/member-record-service';
import type { MemberRecordChange } from '../../shared/domain/member-record/events';
import { message } from '../../shared/messages';
import {
  AT,
  capturePreparedSql,
  cleanupTempDbs,
  columns,
  createMigratedDb,
  insertMemberRow,
  queryPlan,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

const HQ_MEMBER = '33333333-3333-4333-8333-333333333333';
const APPLICANT: MemberRecordChange = {
  kind: 'HISTORY_SET',
  status: 'APPLICANT',
  tier: null,
  certifiedOn: null,
  lastValidatedOn: null,
  note: '',
};
const CERTIFIED: MemberRecordChange = { kind: 'CERTIFIED', certifiedOn: '2026-02-01' };

const record = (db: Db, id: string, memberId: string, version: number, change: MemberRecordChange, at = AT) =>
  insertMemberRecordEvent(db, { id, memberId, version, at, actor: null, actorName: 'Not enrolled', change });

/** A version-15 store: two Members, three changes to their records that HQ has never seen; upgraded to 16. */
function storeUpgradedTo16(): Db {
  const db = createMigratedDb(15);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertMemberRow(db, UUIDS.member2, 'IMP-2', 'Bajío Logística');
  record(db, 'e1111111-1111-4111-8111-111111111111', UUIDS.member1, 1, APPLICANT);
  record(db, 'e2222222-2222-4222-8222-222222222222', UUIDS.member1, 2, CERTIFIED);
  record(db, 'e3333333-3333-4333-8333-333333333333', UUIDS.member2, 1, APPLICANT, '2026-03-01T09:00:00.000Z');
  expect(migrate(db, MIGRATIONS, 16)).toBe(16);
  return db;
}

const person = {
  userId: '44444444-4444-4444-8444-444444444444',
  name: 'Dana Ruiz',
  role: 'SCSS',
  fieldOffice: 'Houston',
} as const;

describe('migration 016: a Member’s record syncs with HQ', () => {
  it('marks every change made before the upgrade as not yet at HQ, and each Member as known by its own id', () => {
    const db = storeUpgradedTo16();
    expect(schemaVersion(db)).toBe(16);
    expect(columns(db, 'member_record_events').find((c) => c.name === 'sync_state')).toMatchObject({
      notnull: 1,
      dflt_value: "'UNSENT'",
    });
    expect(db.prepare('SELECT DISTINCT sync_state FROM member_record_events').pluck().all()).toEqual(['UNSENT']);
    expect(membersWithUnsentChanges(db)).toEqual([UUIDS.member2, UUIDS.member1]);
    expect(db.prepare('SELECT hq_member_id FROM members').pluck().all()).toEqual([null, null]);
    expect(hqMemberIdOf(db, UUIDS.member1)).toBe(UUIDS.member1);
    const ctx = { db, dataDir: '', actor: 'Dana Ruiz (SCSS)', person, now: () => new Date(AT) };
    expect(getMemberRecord(ctx, UUIDS.member1)).toMatchObject({
      version: 2,
      status: 'CERTIFIED',
      sync: { unsent: 2, refused: [] },
    });
  });

  it('sends, refuses and matches by HQ id: one HQ id per Member, sync states and base versions checked', () => {
    const db = storeUpgradedTo16();
    markChangesSent(db, ['e3333333-3333-4333-8333-333333333333']);
    expect(membersWithUnsentChanges(db)).toEqual([UUIDS.member1]);
    expect(refuseUnsentChanges(db, UUIDS.member1, 2, message('memberRecord.stale', { current: 3, seen: 1 }), AT)).toBe(
      1,
    );
    expect(listMemberRecordEvents(db, UUIDS.member1).map((e) => e.version)).toEqual([1]);
    expect(listRefusedChanges(db, UUIDS.member1)).toMatchObject([{ baseVersion: 1, change: CERTIFIED, refusedAt: AT }]);
    setHqMemberId(db, UUIDS.member1, HQ_MEMBER);
    expect(localMemberIdOf(db, HQ_MEMBER)).toBe(UUIDS.member1);
    expect(() => setHqMemberId(db, UUIDS.member2, HQ_MEMBER)).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare(`UPDATE member_record_events SET sync_state = 'LOST'`).run()).toThrow(
      /CHECK constraint failed/,
    );
    expect(() =>
      db
        .prepare(
          `INSERT INTO member_record_refused (id, member_id, base_version, kind, change_json, at, actor_name, refused_at,
                                              reason_json)
           VALUES ('r', ?, -1, 'CERTIFIED', '{}', ?, 'Dana Ruiz', ?, '{}')`,
        )
        .run(UUIDS.member1, AT, AT),
    ).toThrow(/CHECK constraint failed/);
  });

  it('counts a Member’s unsent changes and lists its refused ones through the new indexes', () => {
    const db = storeUpgradedTo16();
    const sql = capturePreparedSql(db, () => {
      countUnsentChanges(db, UUIDS.member1);
      listRefusedChanges(db, UUIDS.member1);
    });
    const unsent = sql.find((s) => s.includes('FROM member_record_events')) ?? '';
    const refused = sql.find((s) => s.includes('FROM member_record_refused')) ?? '';
    expect(queryPlan(db, unsent, [UUIDS.member1]).join('\n')).toContain('member_record_events_unsent');
    expect(queryPlan(db, refused, [UUIDS.member1]).join('\n')).toContain('member_record_refused_member');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { insertMemberRecordEvent, listMemberRecordEvents } from '../../db/queries/member-record';
import { getMember } from '../../db/queries/members';
import type { MemberRecordEvent } from '../../shared/domain/member-record/events';
import { foldMemberRecord } from '../../shared/domain/member-record/fold';
import {
  AT,
  cleanupTempDbs,
  columns,
  createMigratedDb,
  insertMemberRow,
  queryPlan,
  tableNames,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

/** A version-14 store holding a Member written to in Spanish, upgraded to version 15. */
function storeUpgradedTo15(): Db {
  const db = createMigratedDb(14);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Bajío Logística');
  db.prepare(`UPDATE members SET correspondence_language = 'es' WHERE id = ?`).run(UUIDS.member1);
  expect(migrate(db, MIGRATIONS, 15)).toBe(15);
  return db;
}

const history = (id: string, version: number): MemberRecordEvent => ({
  id,
  memberId: UUIDS.member1,
  version,
  at: AT,
  actor: null,
  actorName: 'Not enrolled',
  change: {
    kind: 'HISTORY_SET',
    status: 'VALIDATED',
    tier: 2,
    certifiedOn: '2019-05-01',
    lastValidatedOn: '2023-06-15',
    note: 'From the CTPAT portal.',
  },
});

const EVENT_1 = 'e1111111-1111-4111-8111-111111111111';
const EVENT_2 = 'e2222222-2222-4222-8222-222222222222';

describe('migration 015: a Member’s record as its changes', () => {
  it('gives a Member held before the upgrade an empty record, keeping its details', () => {
    const db = storeUpgradedTo15();
    expect(schemaVersion(db)).toBe(15);
    expect(tableNames(db)).toContain('member_record_events');
    expect(columns(db, 'member_record_events').map((c) => c.name)).toEqual([
      'id',
      'member_id',
      'version',
      'kind',
      'change_json',
      'at',
      'actor_json',
      'actor_name',
    ]);
    expect(listMemberRecordEvents(db, UUIDS.member1)).toEqual([]);
    expect(getMember(db, UUIDS.member1)).toMatchObject({ legalName: 'Bajío Logística', correspondenceLanguage: 'es' });
  });

  it('records the first change as version 1 and refuses a second change at the same version or at version 0', () => {
    const db = storeUpgradedTo15();
    insertMemberRecordEvent(db, history(EVENT_1, 1));
    expect(listMemberRecordEvents(db, UUIDS.member1)).toEqual([history(EVENT_1, 1)]);
    expect(foldMemberRecord(listMemberRecordEvents(db, UUIDS.member1)).state).toMatchObject({
      version: 1,
      status: 'VALIDATED',
      tier: 2,
      lastValidatedOn: '2023-06-15',
    });
    expect(() => insertMemberRecordEvent(db, history(EVENT_2, 1))).toThrow(/UNIQUE constraint failed/);
    expect(() => insertMemberRecordEvent(db, history(EVENT_2, 0))).toThrow(/CHECK constraint failed/);
  });

  it('reads one Member’s changes in version order from the (member_id, version) key, with no sort', () => {
    const db = storeUpgradedTo15();
    const plan = queryPlan(db, 'SELECT * FROM member_record_events WHERE member_id = ? ORDER BY version', [
      UUIDS.member1,
    ]).join('\n');
    expect(plan).toMatch(
      /SEARCH member_record_events USING INDEX sqlite_autoindex_member_record_events_\d \(member_id=\?\)/,
    );
    expect(plan).not.toContain('TEMP B-TREE');
  });
});

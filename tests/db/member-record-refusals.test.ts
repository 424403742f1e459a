import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { storeHqChange } from '../../db/queries/member-record-sync';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import type { AppServices } from '../../electron/services/app-services';
import type { MemberRecordChange } from '../../shared/domain/member-record/events';
import type { Member } from '../../shared/domain/validation';
import type { Envelope } from '../../shared/ipc/envelope';
import type { MemberRecordView } from '../../shared/ipc/member-record-contract';
import { message } from '../../shared/messages';
import { appServicesFixture } from './services-fixture';
import { enrolAs, person } from './workflow-fixture';

/** Send again / Don't send for a Member record change HQ refused, through the dispatcher the window uses. */
const fixture = appServicesFixture('ctpat-member-record-refusals-', '2026-12-03T15:00:00.000Z');
const GULF = 'Gulf Coast Home Goods Imports, Inc.';
const PAT = person('Pat Nguyen', 'SUPERVISOR');

function dispatcherOf(s: AppServices) {
  const dispatch = createDispatcher(
    createHandlers(s.ctx, { version: '0.0.0-test', dataDir: s.ctx.dataDir, transport: 'web-harness' }),
    () => {},
  );
  return async <T>(channel: string, request: unknown): Promise<T> => {
    const answer = (await dispatch(channel, request)) as Envelope<T>;
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error);
    return answer.value;
  };
}

const HISTORY = {
  kind: 'HISTORY_SET',
  status: 'CERTIFIED',
  tier: 1,
  certifiedOn: '2023-05-02',
  lastValidatedOn: null,
  note: 'Lou’s spreadsheet',
} satisfies MemberRecordChange;
const SPANISH: MemberRecordChange = { kind: 'DETAILS_SET', correspondenceLanguage: 'es', contacts: [] };

const auditOf = (s: AppServices, action: string) =>
  s.ctx.db
    .prepare('SELECT actor, entity_id, before_json, after_json FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { actor: string; entity_id: string; before_json: string; after_json: string }[];

/**
 * Pat made a history and a language change on version 0 and 1; HQ already held another supervisor's history at
 * version 1, so a pull moved both of Pat's out of the record, as refused.
 */
async function twoRefusedChanges(s: AppServices): Promise<{ member: Member; view: MemberRecordView }> {
  const call = dispatcherOf(s);
  const member = (await call<Member[]>('members:list', {})).find((m) => m.legalName === GULF);
  if (!member) throw new Error('no demo Member');
  enrolAs(s, PAT);
  await call('members:change', { memberId: member.id, baseVersion: 0, change: HISTORY });
  await call('members:change', { memberId: member.id, baseVersion: 1, change: SPANISH });
  storeHqChange(
    s.ctx.db,
    member.id,
    {
      id: randomUUID(),
      memberId: member.id,
      version: 1,
      at: '2026-12-02T10:00:00.000Z',
      actor: { userId: randomUUID(), name: 'Lou Ames', role: 'SUPERVISOR' },
      actorName: 'Lou Ames (Supervisor)',
      change: { ...HISTORY, note: 'CTPAT Portal' },
    },
    () => message('memberRecord.staleAtHq', { current: 1, seen: 0 }),
    '2026-12-03T15:00:00.000Z',
  );
  const view = await call<MemberRecordView>('members:record', { memberId: member.id });
  return { member, view };
}

describe('a Member record change HQ refused: Send again / Don’t send', () => {
  it('sends a change again on the record as it is now: it waits for HQ on the next version, and the audit log says who', async () => {
    const s = fixture.open();
    const call = dispatcherOf(s);
    const { view } = await twoRefusedChanges(s);
    expect(view).toMatchObject({ version: 1, sync: { unsent: 0 } });
    expect(view.sync.refused.map((r) => r.change.kind).sort()).toEqual(['DETAILS_SET', 'HISTORY_SET']);
    const language = view.sync.refused.find((r) => r.change.kind === 'DETAILS_SET');
    if (!language) throw new Error('no refused language change');

    const after = await call<MemberRecordView>('members:sendagain', { changeId: language.id });

    expect(after).toMatchObject({ version: 2, member: { correspondenceLanguage: 'es' }, sync: { unsent: 1 } });
    expect(after.sync.refused.map((r) => r.change.kind)).toEqual(['HISTORY_SET']);
    expect(after.history.map((h) => [h.version, h.change.kind, h.actorName])).toEqual([
      [2, 'DETAILS_SET', 'Pat Nguyen (Supervisor)'],
      [1, 'HISTORY_SET', 'Lou Ames (Supervisor)'],
    ]);
    const [audit] = auditOf(s, 'member-record.send_again');
    expect(audit).toMatchObject({ actor: 'Pat Nguyen (Supervisor)', entity_id: language.id });
    expect(JSON.parse(audit?.after_json ?? '{}')).toEqual({ queuedAs: after.history[0]?.id, version: 2 });
    // Gone from the refused list: a second click is told so, and nothing more is queued.
    await expect(call('members:sendagain', { changeId: language.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      key: 'memberRecord.refusedChangeGone',
    });
  });

  it('keeps a change the record no longer allows refused, with the record’s reason, and queues nothing', async () => {
    const s = fixture.open();
    const call = dispatcherOf(s);
    const { member, view } = await twoRefusedChanges(s);
    const history = view.sync.refused.find((r) => r.change.kind === 'HISTORY_SET');
    if (!history) throw new Error('no refused history');
    const events = () => s.ctx.db.prepare('SELECT count(*) FROM member_record_events').pluck().get();
    const before = events();

    const after = await call<MemberRecordView>('members:sendagain', { changeId: history.id });

    expect(events()).toBe(before);
    expect(after).toMatchObject({ version: 1, sync: { unsent: 0 } });
    const still = after.sync.refused.find((r) => r.id === history.id);
    expect(still?.reason).toMatchObject({
      key: 'memberRecord.notSentAgain',
      message:
        'Not sent again: the record as it is now does not allow it. The record’s history can only be entered first, before any other change is recorded.',
    });
    expect(auditOf(s, 'member-record.send_again_refused')).toHaveLength(1);
    expect((await call<MemberRecordView>('members:record', { memberId: member.id })).history).toHaveLength(1);
  });

  it('withdraws a change for good with the person’s reason: off the list, the record unchanged, kept in the audit log', async () => {
    const s = fixture.open();
    const call = dispatcherOf(s);
    const { member, view } = await twoRefusedChanges(s);
    const history = view.sync.refused.find((r) => r.change.kind === 'HISTORY_SET');
    if (!history) throw new Error('no refused history');

    await expect(call('members:dontsend', { changeId: history.id, reason: 'no' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const after = await call<MemberRecordView>('members:dontsend', {
      changeId: history.id,
      reason: 'HQ’s history is the right one',
    });

    expect(after.sync.refused.map((r) => r.change.kind)).toEqual(['DETAILS_SET']);
    expect(after).toMatchObject({ version: 1, certifiedOn: '2023-05-02', sync: { unsent: 0 } });
    expect(after.history.map((h) => h.actorName)).toEqual(['Lou Ames (Supervisor)']);
    const [audit] = auditOf(s, 'member-record.dont_send');
    expect(audit).toMatchObject({ actor: 'Pat Nguyen (Supervisor)', entity_id: history.id });
    expect(JSON.parse(audit?.before_json ?? '{}')).toMatchObject({
      memberId: member.id,
      change: { kind: 'HISTORY_SET', note: 'Lou’s spreadsheet' },
      refusedReason: { key: 'memberRecord.staleAtHq' },
    });
    expect(JSON.parse(audit?.after_json ?? '{}')).toEqual({ withdrawn: true, reason: 'HQ’s history is the right one' });
    await expect(call('members:dontsend', { changeId: history.id, reason: 'again' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

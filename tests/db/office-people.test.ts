import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import type { AppServices } from '../../electron/services/app-services';
import { pullFromHq } from '../../electron/sync/pull';
import type { Member } from '../../shared/domain/validation';
import type { Envelope } from '../../shared/ipc/envelope';
import type { MemberRecordView, OfficePeople, WorkPlan } from '../../shared/ipc/member-record-contract';
import type { OfficePerson } from '../../shared/sync/pull-protocol';
import { appServicesFixture } from './services-fixture';
import { enrolAs, person } from './workflow-fixture';

/** The field office's people come down with the pull; a supervisor assigns one of its SCSSs from the plan. */
const fixture = appServicesFixture('ctpat-office-people-', '2026-12-03T15:00:00.000Z');

function dispatcherOf(s: AppServices) {
  const dispatch = createDispatcher(
    createHandlers(s.ctx, { version: '0.0.0-test', dataDir: s.ctx.dataDir, transport: 'web-harness' }),
    () => {},
  );
  return async <T>(channel: string, request: unknown): Promise<T> => {
    const answer = (await dispatch(channel, request)) as Envelope<T>;
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.value;
  };
}

const supervisor = person('Pat Nguyen', 'SUPERVISOR');
const dana = person('Dana Ruiz', 'SCSS');
const reviewer = person('Sam Ortiz', 'FIELD_OFFICE_REVIEWER');
const asListed = (u: typeof dana): OfficePerson => ({ id: u.id, name: u.name, role: u.role });

/** One pull page carrying only the office's people (and no rows). */
const pullPeople = (s: AppServices, officePeople: OfficePerson[]) =>
  pullFromHq(
    s.ctx.db,
    {
      pull: async () => ({
        catalogEditions: [],
        assignments: [],
        validations: [],
        cursor: 'c1',
        hasMore: false,
        officePeople,
        members: [],
        memberRecordEvents: [],
      }),
    },
    { now: s.ctx.now },
  );

async function gulf(s: AppServices): Promise<Member> {
  const members = await dispatcherOf(s)<Member[]>('members:list', {});
  const member = members.find((m) => m.legalName.startsWith('Gulf Coast'));
  if (!member) throw new Error('no demo Member');
  return member;
}

describe('the field office’s people on the laptop', () => {
  it('are stored from the pull, replaced whole by the next list, and kept when an older HQ sends none', async () => {
    const s = fixture.open();
    const call = dispatcherOf(s);
    expect(await call<OfficePeople>('people:office', {})).toEqual({ fieldOffice: null, people: [] });
    enrolAs(s, supervisor);
    await pullPeople(s, [asListed(supervisor), asListed(dana), asListed(reviewer)]);
    const listed = await call<OfficePeople>('people:office', {});
    expect(listed.fieldOffice).toBe('Houston');
    expect(listed.people.map((p) => [p.name, p.role])).toEqual([
      ['Dana Ruiz', 'SCSS'],
      ['Pat Nguyen', 'SUPERVISOR'],
      ['Sam Ortiz', 'FIELD_OFFICE_REVIEWER'],
    ]);
    await pullPeople(s, [asListed(supervisor), asListed(dana)]);
    expect((await call<OfficePeople>('people:office', {})).people).toHaveLength(2);
    await pullPeople(s, []);
    expect((await call<OfficePeople>('people:office', {})).people).toHaveLength(2);
  });

  it('lets an enrolled supervisor assign only a listed SCSS; the plan then shows the assignee', async () => {
    const s = fixture.open();
    const call = dispatcherOf(s);
    enrolAs(s, supervisor);
    await pullPeople(s, [asListed(supervisor), asListed(dana), asListed(reviewer)]);
    const member = await gulf(s);
    const record = await call<MemberRecordView>('members:change', {
      memberId: member.id,
      baseVersion: 0,
      change: { kind: 'CERTIFIED', certifiedOn: '2026-03-01' },
    });
    const assign = (scss: typeof dana, baseVersion: number) =>
      call<MemberRecordView>('members:change', {
        memberId: member.id,
        baseVersion,
        change: {
          kind: 'SCSS_ASSIGNED',
          scss: { userId: scss.id, name: scss.name },
          work: 'VALIDATION',
          mode: 'VIRTUAL',
          targetDate: '2027-01-15',
        },
      });
    await expect(assign(reviewer, record.version)).rejects.toThrow(
      'Sam Ortiz is not an SCSS of your field office on this computer',
    );
    await expect(assign(person('Lee Park', 'SCSS'), record.version)).rejects.toThrow('Lee Park is not an SCSS');
    const assigned = await assign(dana, record.version);
    expect(assigned.history[0]?.change).toMatchObject({ kind: 'SCSS_ASSIGNED', scss: { name: 'Dana Ruiz' } });

    const plan = await call<WorkPlan>('workplan:get', { year: 2027 });
    expect(plan.canAssign).toBe(true);
    expect(plan.rows.find((r) => r.kind === 'VALIDATION')).toMatchObject({
      state: 'ASSIGNED',
      assignee: 'Dana Ruiz',
      assignedUserId: dana.id,
      targetDate: '2027-01-15',
      mode: 'VIRTUAL',
      mine: false,
    });
    // On Dana's own laptop the same record makes it hers.
    enrolAs(s, dana);
    const hers = await call<WorkPlan>('workplan:get', { year: 2027 });
    expect(hers.canAssign).toBe(false);
    expect(hers.rows.find((r) => r.kind === 'VALIDATION')?.mine).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MemberRecordChange } from '../../shared/domain/member-record/events';
import { MEMBER_RECORD_CHANGES_PATH, type MemberRecordMember } from '../../shared/sync/member-record-protocol';
import { type PullResponse, PullResponseSchema } from '../../shared/sync/pull-protocol';
import { BACKENDS, DANA, type Enrolled, enrol, type HqTestContext, LEE, SUPERVISOR, useHqBackend } from './helpers';

/**
 * A supervisor reassigns a Member's validation from the work plan: HQ withdraws the earlier SCSS's
 * assignment, keeping who and when, and that SCSS's next pull carries the withdrawal.
 */
const CERTIFIED: MemberRecordChange = {
  kind: 'HISTORY_SET',
  status: 'CERTIFIED',
  tier: 1,
  certifiedOn: '2026-01-20',
  lastValidatedOn: null,
  note: '',
};
const assign = (
  scss: Enrolled,
  name: string,
  work: 'VALIDATION' | 'REVALIDATION' = 'VALIDATION',
  targetDate = '2027-01-10',
): MemberRecordChange => ({
  kind: 'SCSS_ASSIGNED',
  scss: { userId: scss.userId, name },
  work,
  mode: 'VIRTUAL',
  targetDate,
});

const FIRST_AT = '2026-11-20T15:00:00.000Z';
const REASSIGNED_AT = '2026-11-24T09:30:00.000Z';

describe.each(BACKENDS)('a reassignment at HQ on %s', (backend) => {
  const ctx: HqTestContext = useHqBackend(backend);
  const member: MemberRecordMember = {
    id: randomUUID(),
    accountNumber: 'ACCT-500',
    legalName: 'Bayou Freight LLC',
    entityType: 'IMP',
    city: 'Houston, TX',
    country: 'United States',
    correspondenceLanguage: 'en',
  };
  let version = 0;

  const send = async (token: string, changes: MemberRecordChange[], at = FIRST_AT) => {
    const events = changes.map((change) => ({ id: randomUUID(), at, baseVersion: version++, change }));
    const response = await ctx.app.inject({
      method: 'POST',
      url: MEMBER_RECORD_CHANGES_PATH,
      headers: { authorization: `Bearer ${token}` },
      payload: { member, events },
    });
    expect(response.statusCode, response.body).toBe(200);
    return events.map((e) => e.id);
  };

  const pull = async (token: string, cursor?: string): Promise<PullResponse> => {
    const query = cursor ? `?limit=200&cursor=${cursor}` : '?limit=200';
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/v1/pull${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    return PullResponseSchema.parse(response.json());
  };

  async function team() {
    version = 0;
    member.id = randomUUID();
    return { pat: await enrol(ctx, SUPERVISOR), dana: await enrol(ctx, DANA), lee: await enrol(ctx, LEE) };
  }

  it('withdraws the first SCSS’s assignment, naming the supervisor and when; her pull carries it, the new SCSS’s is open', async () => {
    const { pat, dana, lee } = await team();
    await send(pat.token, [CERTIFIED, assign(dana, DANA.name)]);
    const first = await pull(dana.token);
    expect(first.assignments).toHaveLength(1);
    const [hers] = first.assignments;
    expect(hers?.withdrawn).toBeNull();

    const [reassignId] = await send(pat.token, [assign(lee, LEE.name, 'VALIDATION', '2027-01-12')], REASSIGNED_AT);

    // Dana's next pull, from where she was, brings the same assignment back, withdrawn.
    const next = await pull(dana.token, first.cursor);
    expect(next.assignments).toEqual([
      { ...hers, withdrawn: { at: REASSIGNED_AT, byName: SUPERVISOR.name, reason: 'REASSIGNED' } },
    ]);
    // From the start, too: one row, withdrawn.
    expect((await pull(dana.token)).assignments.map((a) => [a.id, a.withdrawn?.reason])).toEqual([
      [hers?.id, 'REASSIGNED'],
    ]);
    const leeAssignments = (await pull(lee.token)).assignments;
    expect(leeAssignments).toHaveLength(1);
    expect(leeAssignments[0]).toMatchObject({ assignedUserId: lee.userId, targetDate: '2027-01-12', withdrawn: null });

    const [row] = await ctx.db.query<{ withdrawn_by_user_id: string; withdrawn_by_event_id: string }>(
      'SELECT withdrawn_by_user_id, withdrawn_by_event_id FROM assignments WHERE id = $1',
      [hers?.id],
    );
    expect(row).toEqual({ withdrawn_by_user_id: pat.userId, withdrawn_by_event_id: reassignId });
  });

  it('withdraws each earlier one in turn: Dana, then Lee, then back to Dana with a new assignment', async () => {
    const { pat, dana, lee } = await team();
    await send(pat.token, [CERTIFIED, assign(dana, DANA.name), assign(lee, LEE.name)]);
    await send(pat.token, [assign(dana, DANA.name, 'VALIDATION', '2027-01-15')], REASSIGNED_AT);
    const hers = (await pull(dana.token)).assignments;
    expect(hers.map((a) => [a.targetDate, a.withdrawn?.byName ?? null])).toEqual([
      ['2027-01-10', SUPERVISOR.name],
      ['2027-01-15', null],
    ]);
    expect((await pull(lee.token)).assignments.map((a) => a.withdrawn?.at)).toEqual([REASSIGNED_AT]);
  });

  it('given to the same SCSS again, keeps one assignment with the new target date and withdraws nothing', async () => {
    const { pat, dana } = await team();
    await send(pat.token, [CERTIFIED, assign(dana, DANA.name)]);
    const [first] = (await pull(dana.token)).assignments;
    await send(pat.token, [assign(dana, DANA.name, 'VALIDATION', '2027-01-18')], REASSIGNED_AT);
    const after = (await pull(dana.token)).assignments;
    expect(after).toEqual([{ ...first, targetDate: '2027-01-18', withdrawn: null }]);
  });

  it('an approval ends the assignment: the next cycle’s assignment to another SCSS withdraws nothing', async () => {
    const { pat, dana, lee } = await team();
    const validationId = randomUUID();
    await ctx.db.query(
      `INSERT INTO validations (id, owner_user_id, field_office, status, workflow_state, version, payload, updated_at)
       VALUES ($1, $2, 'Houston', 'SUBMITTED', 'APPROVED', 1, $3::jsonb, now())`,
      [validationId, dana.userId, JSON.stringify({ memberId: member.id, reportDate: '2026-11-20' })],
    );
    await send(pat.token, [
      CERTIFIED,
      assign(dana, DANA.name),
      { kind: 'VALIDATION_APPROVED', validationId, approvedOn: '2026-11-20' },
    ]);
    await send(pat.token, [assign(lee, LEE.name, 'REVALIDATION', '2027-06-01')], REASSIGNED_AT);
    expect((await pull(dana.token)).assignments.map((a) => a.withdrawn)).toEqual([null]);
    expect((await pull(lee.token)).assignments.map((a) => a.withdrawn)).toEqual([null]);
  });
});

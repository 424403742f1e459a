import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAssignment } from '../../hq/assignments';
import type { MemberRecordChange } from '../../shared/domain/member-record/events';
import { MEMBER_RECORD_CHANGES_PATH } from '../../shared/sync/member-record-protocol';
import { PullResponseSchema } from '../../shared/sync/pull-protocol';
import { certifiedTier1History } from '../member-record-fixtures';
import {
  ANALYST,
  BACKENDS,
  countRows,
  DANA,
  enrol,
  type HqTestContext,
  REVIEWER,
  SCSS_ELSEWHERE,
  SUPERVISOR,
  SUPERVISOR_ELSEWHERE,
  testUserId,
  useHqBackend,
} from './helpers';

const AT = '2026-11-20T15:00:00.000Z';
const HISTORY = certifiedTier1History();
const SUSPEND: MemberRecordChange = {
  kind: 'SUSPENDED',
  effectiveOn: '2026-11-01',
  reason: 'Seal log falsified',
  reinstatementCondition: 'New seal procedure',
};
const REVIEW: MemberRecordChange = {
  kind: 'PROFILE_REVIEW',
  anniversaryOn: '2026-03-01',
  outcome: 'RECEIVED',
  on: '2026-03-02',
  comments: '',
};

type Pushed = { id?: string; baseVersion: number; change: MemberRecordChange; at?: string };

describe.each(BACKENDS)('HQ Member records on %s', (backend) => {
  const ctx: HqTestContext = useHqBackend(backend);

  /** A Member HQ holds in Houston, as an assignment to Dana made it. */
  async function houstonMember(account = 'ACCT-100') {
    const assignment = await createAssignment(ctx.db, {
      'member-name': 'Gulf Importers LLC',
      account,
      'entity-type': 'IMP',
      mode: 'IN_PERSON',
      'target-date': '2027-01-15',
      scss: await testUserId(ctx.db, DANA),
    });
    const { id, accountNumber, legalName, entityType, city, country, correspondenceLanguage } = assignment.member;
    return { id, accountNumber, legalName, entityType, city, country, correspondenceLanguage };
  }
  type HqMember = Awaited<ReturnType<typeof houstonMember>>;

  const send = async (token: string, member: HqMember, events: Pushed[]) => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: MEMBER_RECORD_CHANGES_PATH,
      headers: { authorization: `Bearer ${token}` },
      payload: {
        member,
        events: events.map((e) => ({
          id: e.id ?? randomUUID(),
          at: e.at ?? AT,
          baseVersion: e.baseVersion,
          change: e.change,
        })),
      },
    });
    return { status: response.statusCode, body: response.json() };
  };

  const pull = async (token: string) => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/v1/pull?limit=200',
      headers: { authorization: `Bearer ${token}` },
    });
    return PullResponseSchema.parse(response.json());
  };

  /** A validation of `member` HQ holds as approved by its workflow (or in `state`), on the report date given. */
  async function approvedValidationAtHq(member: { id: string }, state = 'APPROVED', reportDate = '2026-11-19') {
    const id = randomUUID();
    await ctx.db.query(
      `INSERT INTO validations (id, owner_user_id, field_office, status, workflow_state, version, payload, updated_at)
       VALUES ($1, $2, 'Houston', 'SUBMITTED', $3, 1, $4::jsonb, now())`,
      [id, await testUserId(ctx.db, DANA), state, JSON.stringify({ memberId: member.id, reportDate })],
    );
    return id;
  }

  it('keeps a supervisor’s change, naming the enrolled supervisor whatever the laptop says, and every office laptop pulls it', async () => {
    const member = await houstonMember();
    const pat = await enrol(ctx, SUPERVISOR);
    const kept = await send(pat.token, member, [
      { baseVersion: 0, change: HISTORY },
      { baseVersion: 1, change: SUSPEND },
    ]);
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ memberId: member.id, version: 2 });
    const [row] = await ctx.db.query<{ version: number }>('SELECT version FROM members WHERE id = $1', [member.id]);
    expect(row?.version).toBe(2);

    const dana = await enrol(ctx, DANA);
    const page = await pull(dana.token);
    expect(page.members.map((m) => m.accountNumber)).toEqual(['ACCT-100']);
    expect(page.memberRecordEvents.map((e) => [e.version, e.change.kind, e.actorName, e.actor?.role])).toEqual([
      [1, 'HISTORY_SET', SUPERVISOR.name, 'SUPERVISOR'],
      [2, 'SUSPENDED', SUPERVISOR.name, 'SUPERVISOR'],
    ]);
    // Another office sees neither the Member nor its history; an HQ analyst sees both.
    const jo = await enrol(ctx, SCSS_ELSEWHERE);
    const elsewhere = await pull(jo.token);
    expect([elsewhere.members, elsewhere.memberRecordEvents]).toEqual([[], []]);
    const ari = await enrol(ctx, ANALYST);
    expect((await pull(ari.token)).memberRecordEvents).toHaveLength(2);
  });

  it('turns a supervisor’s assignment into the SCSS’s pulled assignment, refusing an SCSS of another office', async () => {
    const member = await houstonMember();
    const pat = await enrol(ctx, SUPERVISOR);
    const dana = await enrol(ctx, DANA);
    const before = (await pull(dana.token)).assignments.length;
    const certified: MemberRecordChange = { ...HISTORY, certifiedOn: '2026-01-20' };
    const assign = (userId: string, name: string): MemberRecordChange => ({
      kind: 'SCSS_ASSIGNED',
      scss: { userId, name },
      work: 'VALIDATION',
      mode: 'VIRTUAL',
      targetDate: '2027-01-10',
    });
    const elsewhere = await send(pat.token, member, [
      { baseVersion: 0, change: certified },
      { baseVersion: 1, change: assign(await testUserId(ctx.db, SCSS_ELSEWHERE), SCSS_ELSEWHERE.name) },
    ]);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toMatch(/^events\.1\.change\.scss\.userId: /);
    expect(await countRows(ctx.db, 'member_record_events')).toBe(0);

    const kept = await send(pat.token, member, [
      { baseVersion: 0, change: certified },
      { baseVersion: 1, change: assign(dana.userId, DANA.name) },
    ]);
    expect(kept.status).toBe(200);
    const assignments = (await pull(dana.token)).assignments;
    expect(assignments).toHaveLength(before + 1);
    expect(assignments.at(-1)).toMatchObject({
      member: { id: member.id, accountNumber: 'ACCT-100' },
      mode: 'VIRTUAL',
      targetDate: '2027-01-10',
      assignedUserId: dana.userId,
    });
  });

  it('refuses an SCSS suspending and an analyst recording a review, keeping nothing', async () => {
    const member = await houstonMember();
    const pat = await enrol(ctx, SUPERVISOR);
    expect((await send(pat.token, member, [{ baseVersion: 0, change: HISTORY }])).status).toBe(200);

    const dana = await enrol(ctx, DANA);
    const suspended = await send(dana.token, member, [{ baseVersion: 1, change: SUSPEND }]);
    expect(suspended.status).toBe(403);
    expect(suspended.body.error.message).toMatch(/Only a supervisor/);
    expect(suspended.body.told).toEqual({ key: 'memberRecord.supervisorOnly' });

    const ari = await enrol(ctx, ANALYST);
    const reviewed = await send(ari.token, member, [{ baseVersion: 1, change: REVIEW }]);
    expect(reviewed.status).toBe(403);
    expect(reviewed.body.error.message).toMatch(/analyst reads Member records/);
    expect(await countRows(ctx.db, 'member_record_events')).toBe(1);

    // The SCSS may record the review.
    expect((await send(dana.token, member, [{ baseVersion: 1, change: REVIEW }])).status).toBe(200);
  });

  it('refuses a supervisor of another field office', async () => {
    const member = await houstonMember();
    const rae = await enrol(ctx, SUPERVISOR_ELSEWHERE);
    const refused = await send(rae.token, member, [{ baseVersion: 0, change: HISTORY }]);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/belongs to the Houston field office/);
    expect(await countRows(ctx.db, 'member_record_events')).toBe(0);
  });

  it('refuses a stale change with HQ’s version and the changes the laptop lacks', async () => {
    const member = await houstonMember();
    const pat = await enrol(ctx, SUPERVISOR);
    const dana = await enrol(ctx, DANA);
    const history = randomUUID();
    expect((await send(pat.token, member, [{ id: history, baseVersion: 0, change: HISTORY }])).status).toBe(200);
    // Dana's laptop had not pulled: her first change was made on version 0 too.
    const stale = await send(dana.token, member, [{ baseVersion: 0, change: HISTORY }]);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: { code: 'STALE', message: expect.stringContaining('HQ is at version 1') },
      told: { key: 'memberRecord.staleAtHq', params: { current: 1, seen: 0 } },
      current: { memberId: member.id, version: 1 },
    });
    expect(stale.body.current.events.map((e: { id: string }) => e.id)).toEqual([history]);
    expect(await countRows(ctx.db, 'member_record_events')).toBe(1);
  });

  it('acknowledges the same change sent twice once, and refuses another change under a used id', async () => {
    const member = await houstonMember();
    const pat = await enrol(ctx, SUPERVISOR);
    const id = randomUUID();
    expect((await send(pat.token, member, [{ id, baseVersion: 0, change: HISTORY }])).status).toBe(200);
    const again = await send(pat.token, member, [{ id, baseVersion: 0, change: HISTORY }]);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 1, events: [{ id, version: 1, outcome: 'duplicate' }] });
    expect(await countRows(ctx.db, 'member_record_events')).toBe(1);

    const clash = await send(pat.token, member, [{ id, baseVersion: 0, change: { ...HISTORY, note: 'other' } }]);
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('ID_REUSED');
  });

  it('refuses a malformed change naming the field', async () => {
    const member = await houstonMember();
    const pat = await enrol(ctx, SUPERVISOR);
    const refused = await send(pat.token, member, [
      { baseVersion: 0, change: { ...HISTORY, certifiedOn: '2022-02-30', extra: 1 } as unknown as MemberRecordChange },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^events\.0\.change\./);
    expect(await countRows(ctx.db, 'member_record_events')).toBe(0);
  });

  it('refuses impossible transitions: a removed Member validated, Tier 3 without a validation, an approval HQ does not hold', async () => {
    const member = await houstonMember();
    const pat = await enrol(ctx, SUPERVISOR);
    const validationId = await approvedValidationAtHq(member);
    const tier3 = await send(pat.token, member, [
      { baseVersion: 0, change: HISTORY },
      { baseVersion: 1, change: { kind: 'TIER_SET', tier: 3, validationId, bestPractices: [] } },
    ]);
    expect(tier3.status).toBe(400);
    expect(tier3.body.error.message).toMatch(
      /^events\.1\.change\.validationId: Tier 3 is set from an approved validation/,
    );
    expect(await countRows(ctx.db, 'member_record_events')).toBe(0);

    const inReview = await approvedValidationAtHq(member, 'IN_REVIEW');
    const notApproved = await send(pat.token, member, [
      { baseVersion: 0, change: HISTORY },
      { baseVersion: 1, change: { kind: 'VALIDATION_APPROVED', validationId: inReview, approvedOn: '2026-11-19' } },
    ]);
    expect(notApproved.status).toBe(400);
    expect(notApproved.body.told).toEqual({ key: 'memberRecord.notApprovedAtHq' });

    const removed = await send(pat.token, member, [
      { baseVersion: 0, change: HISTORY },
      {
        baseVersion: 1,
        change: { kind: 'REMOVED', effectiveOn: '2026-11-01', reason: 'Fraud', reinstatementCondition: '' },
      },
      { baseVersion: 2, change: { kind: 'VALIDATION_APPROVED', validationId, approvedOn: '2026-11-19' } },
    ]);
    expect(removed.status).toBe(400);
    expect(removed.body.error.message).toMatch(/removed from CTPAT/);
    // Nothing half-saved: the first two of the three were refused with the third.
    expect(await countRows(ctx.db, 'member_record_events')).toBe(0);
    const [row] = await ctx.db.query<{ version: number }>('SELECT version FROM members WHERE id = $1', [member.id]);
    expect(row?.version).toBe(0);
  });

  it('checks dates: a suspension dated after the change was made is refused', async () => {
    const member = await houstonMember();
    const pat = await enrol(ctx, SUPERVISOR);
    const refused = await send(pat.token, member, [
      { baseVersion: 0, change: HISTORY },
      { baseVersion: 1, change: { ...SUSPEND, effectiveOn: '2027-06-01' } },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(
      /^events\.1\.change\.effectiveOn: The suspension date cannot be in the future/,
    );
  });

  it('takes a Member HQ does not know into the sender’s office, and a new laptop gets it by pull', async () => {
    const pat = await enrol(ctx, SUPERVISOR);
    const local: HqMember = {
      id: randomUUID(),
      accountNumber: 'ACCT-NEW',
      legalName: 'Bayou Freight',
      entityType: 'HC',
      city: 'Houston',
      country: 'US',
      correspondenceLanguage: 'es',
    };
    expect((await send(pat.token, local, [{ baseVersion: 0, change: HISTORY }])).status).toBe(200);
    const reviewer = await enrol(ctx, REVIEWER);
    const page = await pull(reviewer.token);
    expect(page.members).toEqual([{ ...local, fieldOffice: 'Houston', updatedAt: expect.any(String) }]);
    expect(page.memberRecordEvents.map((e) => e.memberId)).toEqual([local.id]);
  });
});

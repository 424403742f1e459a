import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAssignment } from '../../hq/assignments';
import type { MemberRecordChange } from '../../shared/domain/member-record/events';
import type { Validation } from '../../shared/domain/validation';
import { MEMBER_RECORD_CHANGES_PATH, type MemberRecordMember } from '../../shared/sync/member-record-protocol';
import { certifiedTier1History } from '../member-record-fixtures';
import {
  BACKENDS,
  change,
  completed,
  countRows,
  DANA,
  type Enrolled,
  enrol,
  type HqTestContext,
  makeValidation,
  personOf,
  push,
  SUPERVISOR,
  submitChange,
  testUserId,
  useHqBackend,
  workflowEventChange,
} from './helpers';

/**
 * A validation's approval goes on a Member's record only as HQ holds it: a validation of that Member (by HQ's
 * Member id, or by the CTPAT account number of a laptop-created Member), on the report date its approval fixed.
 */

const SUBMITTED_AT = '2026-11-20T15:00:00.000Z';
const APPROVED_AT = '2026-11-24T09:00:00.000Z';
const REPORT_DATE = '2026-11-24';
/** The supervisor's laptop records the approval in the same transaction, a moment after the event. */
const RECORDED_AT = '2026-11-24T09:00:01.000Z';

const HISTORY = certifiedTier1History();

describe.each(BACKENDS)('an approval on a Member’s record at HQ, on %s', (backend) => {
  const ctx: HqTestContext = useHqBackend(backend);

  /** A Member HQ holds in Houston, as an assignment to Dana made it. */
  async function houstonMember(account: string, legalName: string): Promise<MemberRecordMember> {
    const assignment = await createAssignment(ctx.db, {
      'member-name': legalName,
      account,
      'entity-type': 'IMP',
      mode: 'IN_PERSON',
      'target-date': '2027-01-15',
      scss: await testUserId(ctx.db, DANA),
    });
    const { id, accountNumber, entityType, city, country, correspondenceLanguage } = assignment.member;
    return { id, accountNumber, legalName, entityType, city, country, correspondenceLanguage };
  }

  /**
   * A validation Dana's laptop creates, completes and submits (its Member's id as her laptop knows it, and the
   * Member snapshot the create carries), which Pat reviews and approves through HQ's workflow.
   */
  async function approvedThroughHq(
    team: { dana: Enrolled; pat: Enrolled },
    memberId: string,
    accountNumber: string,
  ): Promise<Validation> {
    const v = makeValidation(randomUUID(), { memberId });
    const create = change('validation', v.id, 'create', {
      ...v,
      member: { legalName: 'As Dana typed it', accountNumber, city: 'Houston', country: 'US' },
    });
    const content = completed(v);
    const submitted = await push(ctx, team.dana.token, {
      changes: [create, ...content, submitChange(v, content, SUBMITTED_AT)],
    });
    expect(submitted.body.receipts.map((r) => r.outcome)).toEqual(Array(content.length + 2).fill('applied'));
    const asPat = personOf(team.pat, SUPERVISOR);
    const approved = await push(ctx, team.pat.token, {
      changes: [
        workflowEventChange(v.id, 'START_REVIEW', asPat, { at: '2026-11-23T09:00:00.000Z' }),
        workflowEventChange(v.id, 'APPROVE', asPat, { at: APPROVED_AT, reportDate: REPORT_DATE }),
      ],
    });
    expect(approved.body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    return v;
  }

  /** The changes as the laptop sends them, the first made on version `from`. */
  const send = async (token: string, member: MemberRecordMember, changes: MemberRecordChange[], from = 0) => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: MEMBER_RECORD_CHANGES_PATH,
      headers: { authorization: `Bearer ${token}` },
      payload: {
        member,
        events: changes.map((c, i) => ({ id: randomUUID(), at: RECORDED_AT, baseVersion: from + i, change: c })),
      },
    });
    return { status: response.statusCode, body: response.json() };
  };

  const approval = (validationId: string, approvedOn = REPORT_DATE): MemberRecordChange => ({
    kind: 'VALIDATION_APPROVED',
    validationId,
    approvedOn,
  });
  const tier3 = (validationId: string): MemberRecordChange => ({
    kind: 'TIER_SET',
    tier: 3,
    validationId,
    bestPractices: [
      {
        description: 'Seal verification by two people, logged',
        meets: [
          'SENIOR_MANAGEMENT_SUPPORT',
          'INNOVATION',
          'DOCUMENTED_PROCESS',
          'VERIFIABLE_EVIDENCE',
          'CHECKS_AND_BALANCES',
        ],
      },
    ],
  });

  async function team() {
    return { dana: await enrol(ctx, DANA), pat: await enrol(ctx, SUPERVISOR) };
  }

  it('refuses another Member’s approved validation on this Member’s record, whatever date it names', async () => {
    const gulf = await houstonMember('ACCT-100', 'Gulf Importers LLC');
    const bayou = await houstonMember('ACCT-200', 'Bayou Freight LLC');
    const t = await team();
    const bayous = await approvedThroughHq(t, bayou.id, bayou.accountNumber);

    for (const approvedOn of [REPORT_DATE, '2031-01-10']) {
      const refused = await send(t.pat.token, gulf, [HISTORY, approval(bayous.id, approvedOn), tier3(bayous.id)]);
      expect(refused.status).toBe(400);
      expect(refused.body.told).toEqual({
        key: 'memberRecord.approvalOtherMember',
        params: { legalName: 'Gulf Importers LLC', accountNumber: 'ACCT-100' },
      });
      expect(refused.body.error.message).toMatch(
        /^events\.1\.change\.validationId: HQ holds this validation as a validation of another Member, not of Gulf Importers LLC \(ACCT-100\)/,
      );
    }
    expect(await countRows(ctx.db, 'member_record_events')).toBe(0);

    // A Member snapshot naming this Member's account does not make it this Member's when its id is another's.
    const relabelled = await approvedThroughHq(t, bayou.id, gulf.accountNumber);
    const byLabel = await send(t.pat.token, gulf, [HISTORY, approval(relabelled.id)]);
    expect(byLabel.status).toBe(400);
    expect(byLabel.body.told.key).toBe('memberRecord.approvalOtherMember');

    // Nor does a laptop's own id for a Member HQ holds under another account.
    const elsewhere = await approvedThroughHq(t, randomUUID(), bayou.accountNumber);
    const byAccount = await send(t.pat.token, gulf, [HISTORY, approval(elsewhere.id)]);
    expect(byAccount.status).toBe(400);
    expect(byAccount.body.told.key).toBe('memberRecord.approvalOtherMember');
    expect(await countRows(ctx.db, 'member_record_events')).toBe(0);

    // On its own Member's record the same approval is kept.
    expect((await send(t.pat.token, bayou, [HISTORY, approval(bayous.id), tier3(bayous.id)])).status).toBe(200);
  });

  it('refuses an approval dated other than the report date HQ holds, saying HQ’s date', async () => {
    const gulf = await houstonMember('ACCT-100', 'Gulf Importers LLC');
    const t = await team();
    const v = await approvedThroughHq(t, gulf.id, gulf.accountNumber);

    for (const approvedOn of ['2026-11-23', '2026-11-25', '2031-01-10']) {
      const refused = await send(t.pat.token, gulf, [HISTORY, approval(v.id, approvedOn), tier3(v.id)]);
      expect(refused.status).toBe(400);
      expect(refused.body.told).toEqual({
        key: 'memberRecord.approvalDateDiffers',
        params: { held: REPORT_DATE, sent: approvedOn },
      });
      expect(refused.body.error.message).toMatch(
        /^events\.1\.change\.approvedOn: HQ holds this validation as approved with the report date Nov 24, 2026/,
      );
    }
    expect(await countRows(ctx.db, 'member_record_events')).toBe(0);
  });

  it('refuses an approval dated after the change was made, even when HQ holds that date', async () => {
    const gulf = await houstonMember('ACCT-100', 'Gulf Importers LLC');
    const t = await team();
    const id = randomUUID();
    await ctx.db.query(
      `INSERT INTO validations (id, owner_user_id, field_office, status, workflow_state, version, payload, updated_at)
       VALUES ($1, $2, 'Houston', 'SUBMITTED', 'APPROVED', 1, $3::jsonb, now())`,
      [id, t.dana.userId, JSON.stringify({ memberId: gulf.id, reportDate: '2031-01-10' })],
    );
    const refused = await send(t.pat.token, gulf, [HISTORY, approval(id, '2031-01-10'), tier3(id)]);
    expect(refused.status).toBe(400);
    expect(refused.body.told).toEqual({ key: 'memberRecord.approvedFuture' });
    expect(refused.body.error.message).toMatch(/^events\.1\.change\.approvedOn: The approval date cannot be/);
    expect(await countRows(ctx.db, 'member_record_events')).toBe(0);
  });

  it('refuses an approval HQ cannot place: no Member named, or no report date held', async () => {
    const gulf = await houstonMember('ACCT-100', 'Gulf Importers LLC');
    const t = await team();
    const heldAs = async (payload: Record<string, unknown>) => {
      const id = randomUUID();
      await ctx.db.query(
        `INSERT INTO validations (id, owner_user_id, field_office, status, workflow_state, version, payload, updated_at)
         VALUES ($1, $2, 'Houston', 'SUBMITTED', 'APPROVED', 1, $3::jsonb, now())`,
        [id, t.dana.userId, JSON.stringify(payload)],
      );
      return id;
    };
    const noMember = await heldAs({ reportDate: REPORT_DATE });
    const unplaced = await send(t.pat.token, gulf, [HISTORY, approval(noMember)]);
    expect(unplaced.status).toBe(400);
    expect(unplaced.body.told).toEqual({
      key: 'memberRecord.approvalMemberUnknown',
      params: { legalName: 'Gulf Importers LLC', accountNumber: 'ACCT-100' },
    });
    expect(unplaced.body.error.message).toMatch(/^events\.1\.change\.validationId: HQ cannot tell which Member/);

    const noDate = await heldAs({ memberId: gulf.id });
    const undated = await send(t.pat.token, gulf, [HISTORY, approval(noDate)]);
    expect(undated.status).toBe(400);
    expect(undated.body.told).toEqual({ key: 'memberRecord.approvalDateUnknown' });
    expect(undated.body.error.message).toMatch(/^events\.1\.change\.approvedOn: HQ holds no report date/);
    expect(await countRows(ctx.db, 'member_record_events')).toBe(0);
  });

  it('keeps the approval the supervisor’s laptop records, by HQ’s Member id or by account for a laptop-created Member', async () => {
    const gulf = await houstonMember('ACCT-100', 'Gulf Importers LLC');
    const t = await team();
    // Dana's validation of the Member HQ assigned her, under HQ's id.
    const byId = await approvedThroughHq(t, gulf.id, gulf.accountNumber);
    const kept = await send(t.pat.token, gulf, [HISTORY, approval(byId.id), tier3(byId.id)]);
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body).toMatchObject({ memberId: gulf.id, version: 3 });

    // Dana's laptop created the Member before HQ knew it (its own id); Pat's laptop holds it under yet another id.
    const byAccount = await approvedThroughHq(t, randomUUID(), gulf.accountNumber);
    const patsCopy = { ...gulf, id: randomUUID() };
    const next = await send(t.pat.token, patsCopy, [approval(byAccount.id)], 3);
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body).toMatchObject({ memberId: gulf.id, version: 4 });
    const [row] = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM member_record_events WHERE member_id = $1 AND kind = 'VALIDATION_APPROVED'`,
      [gulf.id],
    );
    expect(row?.n).toBe(2);
  });
});

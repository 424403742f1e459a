import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { listAssignments, startValidationFromAssignment } from '../../electron/services/assignment-service';
import { changeMemberRecord, getMemberRecord, getWorkPlan } from '../../electron/services/member-record-service';
import { saveResponse } from '../../electron/services/response-service';
import { listValidationSummaries, openWorksheet } from '../../electron/services/validation-service';
import type { MemberRecordChange } from '../../shared/domain/member-record/events';
import { testUserId } from '../hq/helpers';
import { type EnrolledLaptop, enrolledLaptop, type Person } from './enrolled-laptop';
import { sharedHqPerTest } from './sync-harness';

/**
 * A supervisor reassigns a Member's validation: the first SCSS's laptop stops offering the assignment
 * after its next pull, and a validation already started from it stays, with what was typed, marked withdrawn.
 */

type Laptop = EnrolledLaptop;

const hq = sharedHqPerTest('pglite', { listen: true });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const DANA: Person = { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' };
const LEE: Person = { name: 'Lee Refuse', role: 'SCSS', fieldOffice: 'Houston' };
const PAT: Person = { name: 'Pat Lane', role: 'SUPERVISOR', fieldOffice: 'Houston' };
const ACCOUNT = 'ACCT-515';
const CERTIFIED: MemberRecordChange = {
  kind: 'HISTORY_SET',
  status: 'CERTIFIED',
  tier: 1,
  certifiedOn: '2026-01-20',
  lastValidatedOn: null,
  note: 'From CBP’s records',
};

const enrolled = (user: Person): Promise<Laptop> => enrolledLaptop(hq, user, cleanups);

async function syncOk(l: Laptop): Promise<void> {
  expect(await l.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null });
}

const memberIdOn = (l: Laptop): string =>
  l.services.ctx.db.prepare('SELECT id FROM members WHERE account_number = ?').pluck().get(ACCOUNT) as string;

/** Pat gives the Member's validation to an SCSS from the work plan, on the record as his laptop holds it. */
async function assignFromPlan(pat: Laptop, scss: Person, targetDate = '2027-01-10'): Promise<void> {
  const record = getMemberRecord(pat.services.ctx, memberIdOn(pat));
  changeMemberRecord(pat.services.ctx, {
    memberId: memberIdOn(pat),
    baseVersion: record.version,
    change: {
      kind: 'SCSS_ASSIGNED',
      scss: { userId: await testUserId(hq.db, scss), name: scss.name },
      work: 'VALIDATION',
      mode: 'IN_PERSON',
      targetDate,
    },
  });
  await syncOk(pat);
}

/** A certified Houston Member at HQ, assigned by Pat to Dana; Dana's and Lee's laptops have pulled. */
async function assignedToDana() {
  await hq.db.query(
    `INSERT INTO members (id, account_number, legal_name, entity_type, field_office)
     VALUES ($1, $2, 'Bayou Freight LLC', 'IMP', 'Houston')`,
    [randomUUID(), ACCOUNT],
  );
  const dana = await enrolled(DANA);
  const lee = await enrolled(LEE);
  const pat = await enrolled(PAT);
  await syncOk(pat);
  changeMemberRecord(pat.services.ctx, { memberId: memberIdOn(pat), baseVersion: 0, change: CERTIFIED });
  await assignFromPlan(pat, DANA);
  await syncOk(dana);
  await syncOk(lee);
  return { dana, lee, pat };
}

const planRowOn = (l: Laptop) =>
  getWorkPlan(l.services.ctx, 2027).rows.find((r) => r.accountNumber === ACCOUNT && r.kind === 'VALIDATION');

describe('a reassignment reaches the first SCSS’s laptop', () => {
  it('a validation Dana started stays, with what she typed, marked withdrawn; her list and plan no longer offer the work', async () => {
    const { dana, lee, pat } = await assignedToDana();
    const [offered] = listAssignments(dana.services.ctx);
    expect(offered?.member.accountNumber).toBe(ACCOUNT);
    const validation = startValidationFromAssignment(dana.services.ctx, offered?.id ?? '');
    saveResponse(dana.services.ctx, {
      validationId: validation.id,
      criterionId: '1.1',
      result: 'COMPLIANT',
      notes: 'Security vision statement signed by the CEO',
    });
    expect(planRowOn(dana)).toMatchObject({ state: 'IN_PROGRESS', mine: true });
    await syncOk(dana);

    await assignFromPlan(pat, LEE, '2027-01-12');
    await syncOk(dana);

    const row = listValidationSummaries(dana.services.ctx, {}).find((v) => v.id === validation.id);
    expect(row?.assignmentWithdrawn).toMatchObject({ byName: PAT.name, reason: 'REASSIGNED' });
    const worksheet = openWorksheet(dana.services.ctx, validation.id);
    expect(worksheet.assignmentWithdrawn?.byName).toBe(PAT.name);
    expect(worksheet.responses.find((r) => r.criterionId === '1.1')).toMatchObject({
      result: 'COMPLIANT',
      notes: 'Security vision statement signed by the CEO',
    });
    expect(listAssignments(dana.services.ctx)).toEqual([]);
    // The plan now names Lee, as the record does; Dana's withdrawn validation is not the plan's work.
    expect(planRowOn(dana)).toMatchObject({ state: 'ASSIGNED', assignee: LEE.name, mine: false, validationId: null });
    const audit = dana.services.ctx.db
      .prepare(`SELECT count(*) FROM audit_log WHERE action = 'assignment.withdrawn'`)
      .pluck()
      .get();
    expect(audit).toBe(1);

    await syncOk(lee);
    expect(listAssignments(lee.services.ctx).map((a) => [a.member.accountNumber, a.targetDate])).toEqual([
      [ACCOUNT, '2027-01-12'],
    ]);
    expect(planRowOn(lee)).toMatchObject({ state: 'ASSIGNED', mine: true });
  });

  it('an assignment Dana never started leaves her list, and starting it from a list shown before the pull is refused', async () => {
    const { dana, pat } = await assignedToDana();
    const [offered] = listAssignments(dana.services.ctx);
    expect(offered).toBeDefined();

    await assignFromPlan(pat, LEE);
    await syncOk(dana);

    expect(listAssignments(dana.services.ctx)).toEqual([]);
    expect(() => startValidationFromAssignment(dana.services.ctx, offered?.id ?? '')).toThrow(
      'HQ withdrew this assignment: Pat Lane gave the work to another SCSS. Nothing was started.',
    );
    expect(dana.services.ctx.db.prepare('SELECT count(*) FROM validations').pluck().get()).toBe(0);
    expect(planRowOn(dana)).toMatchObject({ assignee: LEE.name, mine: false });
  });
});

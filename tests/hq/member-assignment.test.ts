import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemberAssignment, type ScssAssignedChange } from '../../hq/member-assignment';
import type { HqUser } from '../../shared/sync/protocol';
import type { AssignedMember, PullResponse } from '../../shared/sync/pull-protocol';
import {
  BACKENDS,
  countRows,
  DANA,
  enrol,
  type HqTestContext,
  LEE,
  REVIEWER,
  SCSS_ELSEWHERE,
  SUPERVISOR,
  testUserId,
  useHqBackend,
} from './helpers';

/**
 * An SCSS_ASSIGNED change HQ accepted on a Member's record becomes the assignment the SCSS's laptop pulls; a user
 * who is not an SCSS of the supervisor's field office is refused and nothing is written.
 */
const MEMBER: AssignedMember = {
  id: randomUUID(),
  legalName: 'Gulf Coast Home Goods Imports, Inc.',
  accountNumber: 'IMP-10421',
  entityType: 'IMP',
  city: 'Houston, TX',
  country: 'United States',
  correspondenceLanguage: 'es',
};

async function userOf(ctx: HqTestContext, user: Omit<HqUser, 'id'>): Promise<HqUser> {
  return { ...user, id: await testUserId(ctx.db, user) };
}

const assignedTo = (scss: HqUser): ScssAssignedChange => ({
  kind: 'SCSS_ASSIGNED',
  scss: { userId: scss.id, name: scss.name },
  work: 'REVALIDATION',
  mode: 'VIRTUAL',
  targetDate: '2027-02-15',
});

async function pullAll(ctx: HqTestContext, token: string): Promise<PullResponse> {
  const response = await ctx.app.inject({
    method: 'GET',
    url: '/v1/pull?limit=200',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode).toBe(200);
  return response.json() as PullResponse;
}

describe.each(BACKENDS)('a supervisor’s assignment from the work plan, at HQ on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('creates the assignment the SCSS’s laptop pulls, with the Member as HQ knows it; no one else gets it', async () => {
    const supervisor = await userOf(ctx, SUPERVISOR);
    const dana = await enrol(ctx, DANA);
    const lee = await enrol(ctx, LEE);
    const danaUser = await userOf(ctx, DANA);
    const outcome = await ctx.db.transaction((tx) =>
      createMemberAssignment(tx, { member: MEMBER, change: assignedTo(danaUser), supervisor }),
    );
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    expect(outcome.assignment).toMatchObject({
      member: MEMBER,
      entityType: 'IMP',
      mode: 'VIRTUAL',
      targetDate: '2027-02-15',
      assignedUserId: dana.userId,
      fieldOffice: 'Houston',
    });

    const hers = await pullAll(ctx, dana.token);
    expect(hers.assignments).toEqual([outcome.assignment]);
    expect((await pullAll(ctx, lee.token)).assignments).toEqual([]);
  });

  it('sends each puller the people of their own field office, whole, with their roles', async () => {
    const dana = await enrol(ctx, DANA);
    await userOf(ctx, SUPERVISOR);
    await userOf(ctx, REVIEWER);
    await userOf(ctx, SCSS_ELSEWHERE);
    const people = (await pullAll(ctx, dana.token)).officePeople;
    expect(people.map((p) => [p.name, p.role])).toEqual([
      ['Dana Ruiz', 'SCSS'],
      ['Pat Lane', 'SUPERVISOR'],
      ['Sam Ortiz', 'FIELD_OFFICE_REVIEWER'],
    ]);
    expect(people.find((p) => p.name === 'Dana Ruiz')?.id).toBe(dana.userId);
  });

  it('refuses an SCSS of another field office, a user who is not an SCSS, an unknown user and a non-supervisor', async () => {
    const supervisor = await userOf(ctx, SUPERVISOR);
    const refusalOf = async (change: ScssAssignedChange, by = supervisor) => {
      const outcome = await createMemberAssignment(ctx.db, { member: MEMBER, change, supervisor: by });
      return outcome.ok ? null : outcome.refusal.message;
    };
    expect(await refusalOf(assignedTo(await userOf(ctx, SCSS_ELSEWHERE)))).toBe(
      'Jo Park works in the Miami field office; assign an SCSS of Houston.',
    );
    expect(await refusalOf(assignedTo(await userOf(ctx, REVIEWER)))).toBe(
      'Sam Ortiz is not an SCSS; validations are assigned to an SCSS.',
    );
    const nobody = { id: randomUUID(), name: 'Nobody', role: 'SCSS', fieldOffice: 'Houston' } as const;
    expect(await refusalOf(assignedTo(nobody))).toBe(
      `HQ has no user ${nobody.id}; validations are assigned to an SCSS HQ knows.`,
    );
    const danaUser = await userOf(ctx, DANA);
    expect(await refusalOf(assignedTo(danaUser), await userOf(ctx, LEE))).toBe(
      'Only a supervisor can change a Member’s status, tier, dates or extensions.',
    );
    expect(await countRows(ctx.db, 'assignments')).toBe(0);
  });
});

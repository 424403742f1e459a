import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listUsers } from '../../hq/assignments';
import { createUser, issueEnrolmentCode, UnknownUserError } from '../../hq/identity';
import {
  BACKENDS,
  countRows,
  createValidation,
  DANA,
  type HqTestContext,
  makeValidation,
  push,
  responseChange,
  useHqBackend,
} from './helpers';

async function enrolUser(ctx: HqTestContext, userId: string) {
  const { code } = await issueEnrolmentCode(ctx.db, userId);
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/v1/enroll',
    payload: { code, deviceName: 'Field laptop' },
  });
  expect(response.statusCode).toBe(200);
  return response.json() as { token: string; user: { id: string } };
}

describe.each(BACKENDS)('HQ users are told apart by id, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('keeps two SCSSs with the same name, role and office apart: neither can touch the other’s validation', async () => {
    const first = await createUser(ctx.db, DANA);
    const second = await createUser(ctx.db, DANA);
    expect(first.id).not.toBe(second.id);
    expect((await listUsers(ctx.db)).map((u) => u.id).sort()).toEqual([first.id, second.id].sort());

    const firstLaptop = await enrolUser(ctx, first.id);
    const secondLaptop = await enrolUser(ctx, second.id);
    expect(firstLaptop.user.id).toBe(first.id);
    expect(secondLaptop.user.id).toBe(second.id);

    const v = makeValidation();
    expect((await push(ctx, firstLaptop.token, { changes: [createValidation(v)] })).body.receipts[0]?.outcome).toBe(
      'applied',
    );
    const intrusion = await push(ctx, secondLaptop.token, {
      changes: [responseChange(v.id, '1.1', 1, 0, 'written by the other Dana')],
    });
    expect(intrusion.body.receipts[0]?.outcome).toBe('forbidden');
    const receipt = await ctx.app.inject({
      method: 'GET',
      url: `/v1/validations/${v.id}/receipt`,
      headers: { authorization: `Bearer ${secondLaptop.token}` },
    });
    expect(receipt.statusCode).toBe(403);
    expect(await countRows(ctx.db, 'records')).toBe(0);
    const [owner] = await ctx.db.query<{ owner_user_id: string }>('SELECT owner_user_id FROM validations');
    expect(owner?.owner_user_id).toBe(first.id);
  });

  it('issues a code only for a user HQ knows, and writes no code otherwise', async () => {
    for (const userId of [randomUUID(), 'not-a-uuid']) {
      await expect(issueEnrolmentCode(ctx.db, userId)).rejects.toBeInstanceOf(UnknownUserError);
    }
    expect(await countRows(ctx.db, 'enrolment_codes')).toBe(0);
  });
});

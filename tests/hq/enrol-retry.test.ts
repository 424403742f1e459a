import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueEnrolmentCode, revokeDevice } from '../../hq/identity';
import { BACKENDS, countRows, createValidation, DANA, LEE, makeValidation, push, useHqBackend } from './helpers';

describe.each(BACKENDS)('enrolment retried after a lost answer, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  const enrolWith = (code: string, installationId?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/v1/enroll',
      payload: { code, deviceName: 'Field laptop 7', ...(installationId ? { installationId } : {}) },
    });
  const canPush = async (token: string) =>
    (await push(ctx, token, { changes: [createValidation(makeValidation())] })).status;

  it('gives the same laptop its device back with a new token; the lost token stops working', async () => {
    const { code, user } = await issueEnrolmentCode(ctx.db, DANA);
    const laptop = randomUUID();
    const lost = await enrolWith(code, laptop);
    expect(lost.statusCode).toBe(200);

    const retried = await enrolWith(code, laptop);

    expect(retried.statusCode).toBe(200);
    expect(retried.json().deviceId).toBe(lost.json().deviceId);
    expect(retried.json().user).toEqual({ id: user.id, name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' });
    expect(retried.json().token).not.toBe(lost.json().token);
    expect(await canPush(lost.json().token)).toBe(401);
    expect(await canPush(retried.json().token)).toBe(200);
    expect(await countRows(ctx.db, 'devices')).toBe(1);
  });

  it('still refuses a spent code from another installation, or from one that sends none', async () => {
    const { code } = await issueEnrolmentCode(ctx.db, DANA);
    const first = await enrolWith(code, randomUUID());

    const other = await enrolWith(code, randomUUID());
    const anonymous = await enrolWith(code);

    expect([other.statusCode, anonymous.statusCode]).toEqual([401, 401]);
    expect(other.json().error.message).toBe('This enrolment code is unknown, used or expired');
    expect(await canPush(first.json().token)).toBe(200);
    expect(await countRows(ctx.db, 'devices')).toBe(1);
  });

  it('refuses the retry once the code has expired, or after the device was revoked', async () => {
    const laptop = randomUUID();
    const expiring = await issueEnrolmentCode(ctx.db, DANA);
    const kept = await enrolWith(expiring.code, laptop);
    await ctx.db.query(`UPDATE enrolment_codes SET expires_at = now() - interval '1 minute'`);
    expect((await enrolWith(expiring.code, laptop)).statusCode).toBe(401);
    expect(await canPush(kept.json().token)).toBe(200);

    const revoked = await issueEnrolmentCode(ctx.db, DANA);
    const enrolled = await enrolWith(revoked.code, laptop);
    expect(await revokeDevice(ctx.db, enrolled.json().deviceId)).toBe(true);
    expect((await enrolWith(revoked.code, laptop)).statusCode).toBe(401);
    expect(await countRows(ctx.db, 'devices')).toBe(2);
  });

  it('revokes the devices a laptop enrolled as before when it enrols with a new code, and no other laptop’s', async () => {
    const laptop = randomUUID();
    const first = await enrolWith((await issueEnrolmentCode(ctx.db, DANA)).code, laptop);
    const otherLaptop = await enrolWith((await issueEnrolmentCode(ctx.db, DANA)).code, randomUUID());
    const noInstallation = await enrolWith((await issueEnrolmentCode(ctx.db, DANA)).code);
    expect(await canPush(first.json().token)).toBe(200);

    // Handed over: the laptop keeps only the new person's token, so the first one's must stop working.
    const handedOver = await enrolWith((await issueEnrolmentCode(ctx.db, LEE)).code, laptop);

    expect(handedOver.statusCode).toBe(200);
    expect(await canPush(first.json().token)).toBe(401);
    expect(await canPush(handedOver.json().token)).toBe(200);
    expect(await canPush(otherLaptop.json().token)).toBe(200);
    expect(await canPush(noInstallation.json().token)).toBe(200);
    const active = await ctx.db.query<{ id: string }>('SELECT id FROM devices WHERE revoked_at IS NULL ORDER BY id');
    const stillActive = [handedOver, otherLaptop, noInstallation].map((r) => r.json().deviceId as string).sort();
    expect(active.map((d) => d.id)).toEqual(stillActive);
  });

  it('refuses an installation id that is not a UUID with 400', async () => {
    const { code } = await issueEnrolmentCode(ctx.db, DANA);
    const response = await enrolWith(code, 'laptop-7');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/^installationId/);
    expect(await countRows(ctx.db, 'devices')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { issueEnrolmentCode, revokeDevice } from '../../hq/identity';
import { BACKENDS, countRows, createValidation, DANA, enrol, makeValidation, push, useHqBackend } from './helpers';

describe.each(BACKENDS)('HQ identity on %s', (backend) => {
  const ctx = useHqBackend(backend);

  const enrolWith = (code: string) =>
    ctx.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceName: 'Field laptop 7' } });

  it('enrols a device with a valid code once, and refuses the same code a second time', async () => {
    const { code, user } = await issueEnrolmentCode(ctx.db, DANA);
    const first = await enrolWith(code.toLowerCase());
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.user).toEqual({ id: user.id, name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' });
    expect(body.token.length).toBeGreaterThanOrEqual(32);

    const again = await enrolWith(code);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('UNAUTHORIZED');
    expect(await countRows(ctx.db, 'devices')).toBe(1);
  });

  it('keeps only hashes of codes and tokens', async () => {
    const { code } = await issueEnrolmentCode(ctx.db, DANA);
    const { token } = (await enrolWith(code)).json();
    const stored = JSON.stringify([
      await ctx.db.query('SELECT * FROM enrolment_codes'),
      await ctx.db.query('SELECT * FROM devices'),
    ]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(code.replace(/-/g, ''));
  });

  it('refuses unknown and expired codes and writes no device', async () => {
    const unknown = await enrolWith('ZZZZ-ZZZZ-ZZZZ');
    expect(unknown.statusCode).toBe(401);
    const { code } = await issueEnrolmentCode(ctx.db, DANA, -60_000);
    const expired = await enrolWith(code);
    expect(expired.statusCode).toBe(401);
    expect(await countRows(ctx.db, 'devices')).toBe(0);
  });

  it('refuses a malformed enrolment body with 400', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: 'short' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('BAD_REQUEST');
    expect(await countRows(ctx.db, 'devices')).toBe(0);
  });

  it('refuses requests with no token or an unknown token with 401 and writes nothing', async () => {
    const batch = { changes: [createValidation(makeValidation())] };
    const none = await push(ctx, null, batch);
    expect(none.status).toBe(401);
    const unknown = await push(ctx, 'x'.repeat(43), batch);
    expect(unknown.status).toBe(401);
    expect(await countRows(ctx.db, 'changes')).toBe(0);
    expect(await countRows(ctx.db, 'validations')).toBe(0);
  });

  it('takes the token with the scheme in any case', async () => {
    const dana = await enrol(ctx, DANA);
    for (const scheme of ['bearer', 'BEARER']) {
      const pulled = await ctx.app.inject({
        method: 'GET',
        url: '/v1/pull',
        headers: { authorization: `${scheme} ${dana.token}` },
      });
      expect(pulled.statusCode, scheme).toBe(200);
    }
    const noSpace = await ctx.app.inject({
      method: 'GET',
      url: '/v1/pull',
      headers: { authorization: `Bearer${dana.token}` },
    });
    expect(noSpace.statusCode).toBe(401);
  });

  it('stops a revoked device at once', async () => {
    const dana = await enrol(ctx, DANA);
    const before = await push(ctx, dana.token, { changes: [createValidation(makeValidation())] });
    expect(before.status).toBe(200);

    expect(await revokeDevice(ctx.db, dana.deviceId)).toBe(true);
    const after = await push(ctx, dana.token, { changes: [createValidation(makeValidation())] });
    expect(after.status).toBe(401);
    expect(await countRows(ctx.db, 'validations')).toBe(1);
    expect(await revokeDevice(ctx.db, dana.deviceId)).toBe(false);
  });
});

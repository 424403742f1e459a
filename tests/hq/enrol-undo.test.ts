import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueEnrolmentCode, normaliseEnrolmentCode, revokeDevice, sha256Hex } from '../../hq/identity';
import { message } from '../../shared/messages';
import { UndoEnrolmentResponseSchema } from '../../shared/sync/protocol';
import { BACKENDS, createValidation, DANA, LEE, makeValidation, push, useHqBackend } from './helpers';

/**
 * A laptop that cannot keep the enrolment it was just given (the first person saved work while the new person's
 * code travelled) hands it back: the new device is revoked, the laptop's earlier enrolment works again, and the
 * code can be used again.
 */
describe.each(BACKENDS)('undoing an enrolment just made, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  const enrolWith = async (code: string, installationId: string) => {
    const answer = await ctx.app.inject({
      method: 'POST',
      url: '/v1/enroll',
      payload: { code, deviceName: 'Field laptop 7', installationId },
    });
    expect(answer.statusCode).toBe(200);
    return answer.json() as { deviceId: string; token: string; user: { id: string } };
  };
  const undo = (token: string, code: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/v1/enroll/undo',
      headers: { authorization: `Bearer ${token}` },
      payload: { code },
    });
  const canPush = async (token: string) =>
    (await push(ctx, token, { changes: [createValidation(makeValidation())] })).status;
  const deviceStates = async () =>
    (
      await ctx.db.query<{ id: string; active: boolean }>(
        'SELECT id, revoked_at IS NULL AS active FROM devices ORDER BY enrolled_at, id',
      )
    ).map((d) => [d.id, d.active]);
  const codeState = async (code: string) => {
    const [row] = await ctx.db.query<{ used: boolean; device_id: string | null }>(
      'SELECT used_at IS NOT NULL AS used, device_id FROM enrolment_codes WHERE code_sha256 = $1',
      [sha256Hex(normaliseEnrolmentCode(code))],
    );
    return row;
  };

  it('revokes the new device, makes the laptop’s earlier one work again, and the code enrols again', async () => {
    const laptop = randomUUID();
    const dana = await enrolWith((await issueEnrolmentCode(ctx.db, DANA)).code, laptop);
    const { code: leesCode } = await issueEnrolmentCode(ctx.db, LEE);
    const lee = await enrolWith(leesCode, laptop);
    expect(await canPush(dana.token)).toBe(401);

    const undone = await undo(lee.token, leesCode);

    expect(undone.statusCode).toBe(200);
    expect(UndoEnrolmentResponseSchema.parse(undone.json())).toEqual({ undone: true, restoredDevices: 1 });
    expect(await canPush(dana.token)).toBe(200);
    expect(await canPush(lee.token)).toBe(401);
    expect(await codeState(leesCode)).toEqual({ used: false, device_id: null });
    expect(await deviceStates()).toEqual([
      [dana.deviceId, true],
      [lee.deviceId, false],
    ]);

    // Once Dana's work is sent, Lee's same code enrols the laptop as usual.
    const again = await enrolWith(leesCode, laptop);
    expect(again.user.id).toBe(lee.user.id);
    expect(await canPush(dana.token)).toBe(401);
    expect(await canPush(again.token)).toBe(200);
  });

  it('refuses, changing nothing, a code that did not make this device, an expired one, or a device that pushed', async () => {
    const laptop = randomUUID();
    const dana = await enrolWith((await issueEnrolmentCode(ctx.db, DANA)).code, laptop);
    const { code: leesCode } = await issueEnrolmentCode(ctx.db, LEE);
    const lee = await enrolWith(leesCode, laptop);
    const { code: unusedCode } = await issueEnrolmentCode(ctx.db, LEE);
    const before = await deviceStates();
    const notUndoable = message('hqReason.enrolmentNotUndoable').message;

    const otherCode = await undo(lee.token, unusedCode);
    expect(otherCode.statusCode).toBe(409);
    expect(otherCode.json().error.message).toBe(notUndoable);

    // A laptop's push records its audit-chain head: after that, the device has been used.
    const pushed = await push(ctx, lee.token, {
      changes: [createValidation(makeValidation())],
      auditChain: { head: { seq: 1, hash: 'a'.repeat(64) }, anchor: null },
    });
    expect(pushed.status).toBe(200);
    expect((await undo(lee.token, leesCode)).statusCode).toBe(409);

    const { code: expired } = await issueEnrolmentCode(ctx.db, DANA);
    const enrolledThenExpired = await enrolWith(expired, randomUUID());
    await ctx.db.query(`UPDATE enrolment_codes SET expires_at = now() - interval '1 minute' WHERE device_id = $1`, [
      enrolledThenExpired.deviceId,
    ]);
    expect((await undo(enrolledThenExpired.token, expired)).statusCode).toBe(409);

    expect((await deviceStates()).slice(0, 2)).toEqual(before);
    expect(await canPush(dana.token)).toBe(401);
    expect(await canPush(enrolledThenExpired.token)).toBe(200);
    expect(await codeState(leesCode)).toMatchObject({ used: true, device_id: lee.deviceId });
  });

  it('never restores a device an administrator revoked, and a second undo is refused as unauthorised', async () => {
    const laptop = randomUUID();
    const dana = await enrolWith((await issueEnrolmentCode(ctx.db, DANA)).code, laptop);
    expect(await revokeDevice(ctx.db, dana.deviceId)).toBe(true);
    const { code: leesCode } = await issueEnrolmentCode(ctx.db, LEE);
    const lee = await enrolWith(leesCode, laptop);

    const undone = await undo(lee.token, leesCode);

    expect(undone.json()).toEqual({ undone: true, restoredDevices: 0 });
    expect(await canPush(dana.token)).toBe(401);
    expect((await undo(lee.token, leesCode)).statusCode).toBe(401);
    expect(await codeState(leesCode)).toEqual({ used: false, device_id: null });
  });

  it('never restores a device an administrator revoked after the enrolment had revoked it', async () => {
    const laptop = randomUUID();
    const dana = await enrolWith((await issueEnrolmentCode(ctx.db, DANA)).code, laptop);
    const { code: leesCode } = await issueEnrolmentCode(ctx.db, LEE);
    const lee = await enrolWith(leesCode, laptop);
    expect(await revokeDevice(ctx.db, dana.deviceId)).toBe(true);
    expect(await revokeDevice(ctx.db, dana.deviceId)).toBe(false);

    expect((await undo(lee.token, leesCode)).json()).toEqual({ undone: true, restoredDevices: 0 });
    expect(await canPush(dana.token)).toBe(401);
  });
});

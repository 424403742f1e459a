import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueEnrolmentCode } from '../../hq/identity';
import { message } from '../../shared/messages';
import { EnrollOtherPersonSchema } from '../../shared/sync/protocol';
import {
  BACKENDS,
  countRows,
  createValidation,
  DANA,
  LEE,
  makeValidation,
  push,
  testUserId,
  useHqBackend,
} from './helpers';

/**
 * A laptop holding one person's unsent work names them (`holdsWorkOf`) when it enrols: HQ then spends only that
 * person's code, and leaves another person's code unspent with no device made for it.
 */
describe.each(BACKENDS)('enrolment from a laptop holding unsent work, on %s', (backend) => {
  const ctx = useHqBackend(backend);

  const enrolWith = (code: string, installationId: string, holdsWorkOf?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/v1/enroll',
      payload: { code, deviceName: 'Field laptop 7', installationId, ...(holdsWorkOf ? { holdsWorkOf } : {}) },
    });
  const unusedCodes = async () =>
    (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM enrolment_codes WHERE used_at IS NULL'))[0]?.n;

  it('answers 409 naming whose code it is, spends nothing, and the same code enrols once asked plainly', async () => {
    const { code: danasCode, user: dana } = await issueEnrolmentCode(ctx.db, DANA);
    const laptop = randomUUID();
    expect((await enrolWith(danasCode, laptop)).statusCode).toBe(200);
    const leesCode = await issueEnrolmentCode(ctx.db, LEE);

    const refused = await enrolWith(leesCode.code, laptop, dana.id);

    expect(refused.statusCode).toBe(409);
    const body = EnrollOtherPersonSchema.parse(refused.json());
    expect(body.codeOf).toEqual(leesCode.user);
    expect(body.told?.key).toBe('hqReason.codeOfAnotherPerson');
    expect(body.error.message).toBe(message('hqReason.codeOfAnotherPerson', { name: LEE.name }).message);
    expect(await countRows(ctx.db, 'devices')).toBe(1);
    expect(await unusedCodes()).toBe(1);

    const enrolled = await enrolWith(leesCode.code, laptop);
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json().user.id).toBe(leesCode.user.id);
    expect(await countRows(ctx.db, 'devices')).toBe(2);
  });

  it('enrols the person it names, with a new code or the retry of one whose answer was lost', async () => {
    const { code, user: dana } = await issueEnrolmentCode(ctx.db, DANA);
    const laptop = randomUUID();

    const first = await enrolWith(code, laptop, dana.id);
    const retried = await enrolWith(code, laptop, dana.id);

    expect([first.statusCode, retried.statusCode]).toEqual([200, 200]);
    expect(retried.json().deviceId).toBe(first.json().deviceId);
    expect(retried.json().user.id).toBe(await testUserId(ctx.db, DANA));
  });

  it('leaves a device it would reissue to another person as it was: its token keeps working', async () => {
    const { code: leesCode, user: lee } = await issueEnrolmentCode(ctx.db, LEE);
    const laptop = randomUUID();
    const kept = await enrolWith(leesCode, laptop);
    const { user: dana } = await issueEnrolmentCode(ctx.db, DANA);

    const refused = await enrolWith(leesCode, laptop, dana.id);

    expect(refused.statusCode).toBe(409);
    expect(refused.json().codeOf.id).toBe(lee.id);
    const pushed = await push(ctx, kept.json().token, { changes: [createValidation(makeValidation())] });
    expect(pushed.status).toBe(200);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Policy } from '../../shared/domain/policy';
import {
  ANALYST,
  BACKENDS,
  createValidation,
  DANA,
  enrol,
  findingChange,
  makeValidation,
  push,
  REVIEWER,
  SUPERVISOR,
  SUPERVISOR_ELSEWHERE,
  useHqBackend,
} from './helpers';

describe.each(BACKENDS)('HQ policy on %s', (backend) => {
  const ctx = useHqBackend(backend);

  const getPolicy = (token: string) =>
    ctx.app.inject({ method: 'GET', url: '/v1/policy', headers: { authorization: `Bearer ${token}` } });
  const putPolicy = (token: string, baseVersion: number, policy: Policy | Record<string, unknown>) =>
    ctx.app.inject({
      method: 'PUT',
      url: '/v1/policy',
      headers: { authorization: `Bearer ${token}` },
      payload: { baseVersion, policy },
    });
  const sixtyDays = { ...DEFAULT_POLICY, responseDays: 60 };

  it('gives every enrolled device the defaults as version 0 until a supervisor sets a policy', async () => {
    for (const who of [DANA, REVIEWER, ANALYST, SUPERVISOR]) {
      const response = await getPolicy((await enrol(ctx, who)).token);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ version: 0, updatedAt: null, updatedBy: null, policy: DEFAULT_POLICY });
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/v1/policy' })).statusCode).toBe(401);
  });

  it('lets a supervisor set a new version that every device then reads, naming who set it', async () => {
    const pat = await enrol(ctx, SUPERVISOR);
    const saved = await putPolicy(pat.token, 0, sixtyDays);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, updatedBy: SUPERVISOR.name, policy: { responseDays: 60 } });
    const dana = await enrol(ctx, DANA);
    expect((await getPolicy(dana.token)).json()).toMatchObject({ version: 1, policy: { responseDays: 60 } });
    // A supervisor of another field office may change it too: the policy is national.
    const rae = await enrol(ctx, SUPERVISOR_ELSEWHERE);
    const second = await putPolicy(rae.token, 1, { ...sixtyDays, reportMarking: 'CUI//SP-LEI' });
    expect(second.json()).toMatchObject({ version: 2, updatedBy: SUPERVISOR_ELSEWHERE.name });
  });

  it('refuses a policy change from anyone but a supervisor, and keeps the policy as it was', async () => {
    for (const who of [DANA, REVIEWER, ANALYST]) {
      const token = (await enrol(ctx, who)).token;
      // A malformed body is refused for who sent it too, not for its form.
      for (const policy of [sixtyDays, { responseDays: 'ninety' }]) {
        const refused = await putPolicy(token, 0, policy);
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error.message).toMatch(/Only a supervisor/);
      }
    }
    const pat = await enrol(ctx, SUPERVISOR);
    expect((await getPolicy(pat.token)).json()).toMatchObject({ version: 0, policy: { responseDays: 90 } });
  });

  it('refuses a stale change with HQ’s current version, and takes the same request again after a lost answer', async () => {
    const pat = await enrol(ctx, SUPERVISOR);
    const rae = await enrol(ctx, SUPERVISOR_ELSEWHERE);
    expect((await putPolicy(pat.token, 0, sixtyDays)).statusCode).toBe(200);
    // Retried (the answer was lost): the version it made, not a refusal, and no third version.
    const retried = await putPolicy(pat.token, 0, sixtyDays);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ version: 1 });
    // Rae edited version 0 too: refused with what HQ holds now.
    const stale = await putPolicy(rae.token, 0, { ...DEFAULT_POLICY, responseDays: 30 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: 'STALE', message: expect.stringContaining('now version 1') },
      current: { version: 1, updatedBy: SUPERVISOR.name, policy: { responseDays: 60 } },
    });
    expect((await getPolicy(rae.token)).json()).toMatchObject({ version: 1, policy: { responseDays: 60 } });
  });

  it('refuses a malformed policy naming the field, and the removal of a reason a finding at HQ uses', async () => {
    const pat = await enrol(ctx, SUPERVISOR);
    const bad = await putPolicy(pat.token, 0, { ...DEFAULT_POLICY, responseDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^policy\.responseDays: /);
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    await push(ctx, dana.token, { changes: [createValidation(v), findingChange(v.id, randomUUID())] });
    const withoutNotImplemented = {
      ...DEFAULT_POLICY,
      deficiencyReasons: DEFAULT_POLICY.deficiencyReasons.filter((r) => r.code !== 'NOT_IMPLEMENTED'),
    };
    const inUse = await putPolicy(pat.token, 0, withoutNotImplemented);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toMatchObject({
      code: 'REASON_IN_USE',
      message: expect.stringContaining('NOT_IMPLEMENTED'),
    });
    const retired = {
      ...DEFAULT_POLICY,
      deficiencyReasons: DEFAULT_POLICY.deficiencyReasons.map((r) =>
        r.code === 'NOT_IMPLEMENTED' ? { ...r, active: false } : r,
      ),
    };
    expect((await putPolicy(pat.token, 0, retired)).statusCode).toBe(200);
  });
});

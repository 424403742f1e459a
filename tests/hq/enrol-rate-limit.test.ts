import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildHqApp } from '../../hq/app';
import type { HqDb } from '../../hq/db/types';
import { createEnrolFailureLimiter, createEnrolmentGuard } from '../../hq/enrol-rate-limit';
import { issueEnrolmentCode } from '../../hq/identity';
import { BACKENDS, countRows, DANA, openTestDb } from './helpers';

const WINDOW_MS = 10 * 60 * 1000;

describe.each(BACKENDS)('enrolment attempts per laptop and per address, on %s', (backend) => {
  let db: HqDb;
  let dispose: () => Promise<void> = async () => {};
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    ({ db, dispose } = await openTestDb(backend));
  }, 60_000);
  beforeEach(async () => {
    await app?.close();
    // A fresh HQ each test: the counts live in its memory.
    app = buildHqApp({
      db,
      enrolFailureLimits: {
        perLaptop: { maxFailures: 3, windowMs: WINDOW_MS },
        perAddress: { maxFailures: 5, windowMs: WINDOW_MS },
      },
    });
    await db.exec('TRUNCATE devices, enrolment_codes, users CASCADE');
  });
  afterAll(async () => {
    await app?.close();
    await dispose();
  });

  const OFFICE_NAT = '203.0.113.9';
  const enrolFrom = (remoteAddress: string, code: string, installationId?: string) =>
    (app as FastifyInstance).inject({
      method: 'POST',
      url: '/v1/enroll',
      remoteAddress,
      payload: { code, deviceName: 'Field laptop 7', ...(installationId ? { installationId } : {}) },
    });
  const refuseCodes = async (count: number, installationIdOfTry: (n: number) => string | undefined) => {
    for (let n = 0; n < count; n += 1) {
      const guess = `AAAA-AAAA-AA${String(n).padStart(2, '0')}`;
      expect((await enrolFrom(OFFICE_NAT, guess, installationIdOfTry(n))).statusCode).toBe(401);
    }
  };

  it('holds back only the laptop that had its codes refused, not the others behind the same address', async () => {
    // Enrolments that succeed do not count: a field office enrolling many laptops from one address.
    for (let laptop = 0; laptop < 4; laptop += 1) {
      const { code } = await issueEnrolmentCode(db, DANA);
      expect((await enrolFrom(OFFICE_NAT, code, randomUUID())).statusCode).toBe(200);
    }
    const mistyping = randomUUID();
    await refuseCodes(3, () => mistyping);
    const { code } = await issueEnrolmentCode(db, DANA);

    const limited = await enrolFrom(OFFICE_NAT, code, mistyping);

    expect(limited.statusCode).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(limited.json().error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: /from this laptop/ });
    expect(await countRows(db, 'devices')).toBe(4);
    // A colleague's laptop at the same office is not held back, and the code was not spent by the refused try.
    expect((await enrolFrom(OFFICE_NAT, code, randomUUID())).statusCode).toBe(200);
    expect(await countRows(db, 'devices')).toBe(5);
  });

  it('holds back the whole address once codes from many installation ids were refused', async () => {
    await refuseCodes(5, () => randomUUID());
    const { code } = await issueEnrolmentCode(db, DANA);

    const limited = await enrolFrom(OFFICE_NAT, code, randomUUID());

    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: /from this address/ });
    expect(await countRows(db, 'devices')).toBe(0);
    expect((await enrolFrom('198.51.100.4', code, randomUUID())).statusCode).toBe(200);
  });

  it('counts attempts that send no installation id as one laptop of their address', async () => {
    await refuseCodes(3, () => undefined);
    const { code } = await issueEnrolmentCode(db, DANA);

    expect((await enrolFrom(OFFICE_NAT, code)).statusCode).toBe(429);
    expect((await enrolFrom(OFFICE_NAT, code, randomUUID())).statusCode).toBe(200);
  });
});

describe('the refused-code counter', () => {
  it('lets an address try again once its window has passed', () => {
    let now = 1_000_000;
    const limiter = createEnrolFailureLimiter({ maxFailures: 2, windowMs: 60_000 }, () => now);
    limiter.recordFailure('203.0.113.9');
    expect(limiter.retryAfterMs('203.0.113.9')).toBe(0);
    limiter.recordFailure('203.0.113.9');
    expect(limiter.retryAfterMs('203.0.113.9')).toBe(60_000);
    now += 45_000;
    expect(limiter.retryAfterMs('203.0.113.9')).toBe(15_000);
    now += 15_000;
    expect(limiter.retryAfterMs('203.0.113.9')).toBe(0);
    limiter.recordFailure('203.0.113.9');
    expect(limiter.retryAfterMs('203.0.113.9')).toBe(0);
  });

  it('refuses a limit that would never or always refuse', () => {
    expect(() => createEnrolFailureLimiter({ maxFailures: 0, windowMs: 1000 })).toThrow(/maxFailures/);
    expect(() => createEnrolFailureLimiter({ maxFailures: 3, windowMs: Number.NaN })).toThrow(/windowMs/);
  });
});

describe('the enrolment guard', () => {
  const limits = { perLaptop: { maxFailures: 2, windowMs: 60_000 }, perAddress: { maxFailures: 3, windowMs: 120_000 } };

  it('names the count that holds an attempt back and the longer wait when both do', () => {
    let now = 1_000_000;
    const guard = createEnrolmentGuard(limits, () => now);
    const laptop = { address: '203.0.113.9', installationId: 'laptop-a' };
    guard.recordFailure(laptop);
    expect(guard.holdOf(laptop)).toBeNull();
    guard.recordFailure(laptop);
    expect(guard.holdOf(laptop)).toEqual({ waitMs: 60_000, scope: 'laptop' });
    expect(guard.holdOf({ address: '203.0.113.9', installationId: 'laptop-b' })).toBeNull();

    now += 10_000;
    guard.recordFailure({ address: '203.0.113.9', installationId: 'laptop-b' });
    // The address's window began with laptop A's first failure and is longer than laptop A's own.
    expect(guard.holdOf({ address: '203.0.113.9', installationId: 'laptop-c' })).toEqual({
      waitMs: 110_000,
      scope: 'address',
    });
    expect(guard.holdOf(laptop)).toEqual({ waitMs: 110_000, scope: 'address' });
    expect(guard.holdOf({ address: '198.51.100.4', installationId: 'laptop-a' })).toBeNull();

    now += 110_000;
    expect(guard.holdOf(laptop)).toBeNull();
  });
});

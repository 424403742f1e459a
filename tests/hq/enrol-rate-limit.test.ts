import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildHqApp } from '../../hq/app';
import type { HqDb } from '../../hq/db/types';
import { createEnrolFailureLimiter } from '../../hq/enrol-rate-limit';
import { issueEnrolmentCode } from '../../hq/identity';
import { BACKENDS, countRows, DANA, openTestDb } from './helpers';

const WINDOW_MS = 10 * 60 * 1000;

describe.each(BACKENDS)('enrolment attempts per address, on %s', (backend) => {
  let db: HqDb;
  let dispose: () => Promise<void> = async () => {};
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    ({ db, dispose } = await openTestDb(backend));
  }, 60_000);
  beforeEach(async () => {
    await app?.close();
    // A fresh HQ each test: the counts live in its memory.
    app = buildHqApp({ db, enrolFailureLimit: { maxFailures: 3, windowMs: WINDOW_MS } });
    await db.exec('TRUNCATE devices, enrolment_codes, users CASCADE');
  });
  afterAll(async () => {
    await app?.close();
    await dispose();
  });

  const enrolFrom = (remoteAddress: string, code: string) =>
    (app as FastifyInstance).inject({
      method: 'POST',
      url: '/v1/enroll',
      remoteAddress,
      payload: { code, deviceName: 'Field laptop 7' },
    });

  it('answers 429 with Retry-After once an address has had too many codes refused, even for a good code', async () => {
    // Enrolments that succeed do not count: a field office enrolling many laptops from one address.
    for (let laptop = 0; laptop < 5; laptop += 1) {
      const { code } = await issueEnrolmentCode(db, DANA);
      expect((await enrolFrom('203.0.113.9', code)).statusCode).toBe(200);
    }
    for (const guess of ['AAAA-AAAA-AAAA', 'AAAA-AAAA-AAAB', 'AAAA-AAAA-AAAC']) {
      expect((await enrolFrom('203.0.113.9', guess)).statusCode).toBe(401);
    }
    const { code } = await issueEnrolmentCode(db, DANA);

    const limited = await enrolFrom('203.0.113.9', code);

    expect(limited.statusCode).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(limited.json().error.code).toBe('TOO_MANY_REQUESTS');
    expect(await countRows(db, 'devices')).toBe(5);
    // Another address is not held back, and the code was not spent by the refused attempt.
    expect((await enrolFrom('198.51.100.4', code)).statusCode).toBe(200);
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

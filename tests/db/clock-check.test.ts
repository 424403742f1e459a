import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listMembers } from '../../db/queries/members';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { CLOCK_TOLERANCE_MS, checkClock, noteHqClock } from '../../electron/services/clock-check';
import { createValidation } from '../../electron/services/validation-service';

const WORKED_AT = new Date('2026-12-04T15:30:00.000Z');
const RESET_CLOCK = new Date('2015-01-01T08:00:00.000Z');
/** What the check says on the reset clock, never synced since the store opened (HQ's clock not known). */
const RESET_CLOCK_UNSYNCED = {
  now: RESET_CLOCK.toISOString(),
  newestSavedAt: WORKED_AT.toISOString(),
  hqDifferenceMs: null,
  wrong: 'behind-saved',
};

let dataDir: string;
const open: AppServices[] = [];
const openAt = (now: () => Date) => {
  const services = openAppServices({ dataDir, actor: 'test.scss', now });
  open.push(services);
  return services;
};
const startValidation = (services: AppServices, scheduledDate: string) => {
  const member = listMembers(services.ctx.db).find((m) => m.entityType === 'IMP');
  if (!member) throw new Error('demo seed has no importer');
  return createValidation(services.ctx, { memberId: member.id, entityType: 'IMP', mode: 'IN_PERSON', scheduledDate });
};

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-clock-check-'));
  // Work saved with a good clock, then the store closed: the laptop is switched off.
  const before = openAt(() => WORKED_AT);
  startValidation(before, '2026-12-04');
  before.close();
  open.pop();
});
afterEach(() => {
  for (const services of open.splice(0)) services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the clock check', () => {
  it('says the clock is behind when it reads earlier than the newest work saved here', () => {
    const services = openAt(() => RESET_CLOCK);

    expect(checkClock(services.ctx)).toEqual(RESET_CLOCK_UNSYNCED);
  });

  it('keeps saying so after work is saved with the wrong clock, until the clock is set', () => {
    let now = RESET_CLOCK;
    const services = openAt(() => now);
    startValidation(services, '2015-01-02');

    // The last entry is now dated 2015; the newest saved time is still the one before the clock went wrong.
    expect(checkClock(services.ctx)).toMatchObject({ newestSavedAt: WORKED_AT.toISOString(), wrong: 'behind-saved' });

    now = new Date(WORKED_AT.getTime() + 60 * 60 * 1000);
    expect(checkClock(services.ctx)).toMatchObject({ newestSavedAt: WORKED_AT.toISOString(), wrong: null });
  });

  it('lets a clock a few minutes behind pass, as after a time-server correction', () => {
    const slightlyBehind = new Date(WORKED_AT.getTime() - CLOCK_TOLERANCE_MS + 1000);
    const services = openAt(() => slightlyBehind);

    expect(checkClock(services.ctx)).toMatchObject({
      newestSavedAt: WORKED_AT.toISOString(),
      wrong: null,
    });
  });

  it('trusts HQ once HQ has dated an answer: off either way is wrong, agreeing is right whatever was saved', () => {
    let now = RESET_CLOCK;
    const services = openAt(() => now);
    const hqSays = (iso: string) => noteHqClock(services.ctx, new Date(iso).toUTCString());

    hqSays('2026-12-06T09:00:00Z');
    expect(checkClock(services.ctx)).toMatchObject({
      hqDifferenceMs: RESET_CLOCK.getTime() - Date.parse('2026-12-06T09:00:00Z'),
      wrong: 'behind-hq',
    });

    now = new Date('2026-12-06T12:00:00Z');
    hqSays('2026-12-06T09:00:00Z');
    expect(checkClock(services.ctx)).toMatchObject({ hqDifferenceMs: 3 * 3_600_000, wrong: 'ahead-of-hq' });

    // The clock now agrees with HQ, though it reads 30 minutes earlier than the newest entry here (dated ahead before).
    now = new Date('2026-12-04T15:00:00Z');
    hqSays('2026-12-04T15:00:30Z');
    expect(checkClock(services.ctx)).toMatchObject({ newestSavedAt: WORKED_AT.toISOString(), wrong: null });

    // A date HQ's answer did not carry, or one that cannot be read, changes nothing.
    noteHqClock(services.ctx, null);
    noteHqClock(services.ctx, 'not a date');
    expect(checkClock(services.ctx).hqDifferenceMs).toBe(-30_000);
  });

  it('is answered on the app:clock channel', async () => {
    const services = openAt(() => RESET_CLOCK);

    const dispatch = createDispatcher(
      createHandlers(services.ctx, { version: '0.0.0-test', dataDir, transport: 'web-harness' }),
    );

    const answer = await dispatch('app:clock', {});

    expect(answer).toEqual({ ok: true, value: RESET_CLOCK_UNSYNCED });
  });
});

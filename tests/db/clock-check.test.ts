import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listMembers } from '../../db/queries/members';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { CLOCK_BEHIND_TOLERANCE_MS, checkClock } from '../../electron/services/clock-check';
import { createValidation } from '../../electron/services/validation-service';

const WORKED_AT = new Date('2026-12-04T15:30:00.000Z');
const RESET_CLOCK = new Date('2015-01-01T08:00:00.000Z');

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

    expect(checkClock(services.ctx)).toEqual({
      now: RESET_CLOCK.toISOString(),
      newestSavedAt: WORKED_AT.toISOString(),
      behind: true,
    });
  });

  it('keeps saying so after work is saved with the wrong clock, until the clock is set', () => {
    let now = RESET_CLOCK;
    const services = openAt(() => now);
    startValidation(services, '2015-01-02');

    // The last entry is now dated 2015; the newest saved time is still the one before the clock went wrong.
    expect(checkClock(services.ctx)).toMatchObject({ newestSavedAt: WORKED_AT.toISOString(), behind: true });

    now = new Date(WORKED_AT.getTime() + 60 * 60 * 1000);
    expect(checkClock(services.ctx).behind).toBe(false);
  });

  it('lets a clock a few minutes behind pass, as after a time-server correction', () => {
    const slightlyBehind = new Date(WORKED_AT.getTime() - CLOCK_BEHIND_TOLERANCE_MS + 1000);
    const services = openAt(() => slightlyBehind);

    expect(checkClock(services.ctx)).toMatchObject({ newestSavedAt: WORKED_AT.toISOString(), behind: false });
  });

  it('is answered on the app:clock channel', async () => {
    const services = openAt(() => RESET_CLOCK);

    const dispatch = createDispatcher(
      createHandlers(services.ctx, { version: '0.0.0-test', dataDir, transport: 'web-harness' }),
    );

    const answer = await dispatch('app:clock', {});

    expect(answer).toEqual({
      ok: true,
      value: { now: RESET_CLOCK.toISOString(), newestSavedAt: WORKED_AT.toISOString(), behind: true },
    });
  });
});

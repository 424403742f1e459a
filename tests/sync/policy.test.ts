import { afterEach, describe, expect, it } from 'vitest';
import { settingsHandlers } from '../../electron/ipc/handlers/settings';
import type { AppServices } from '../../electron/services/app-services';
import { getPolicyStatus, getSettings, updateSettings } from '../../electron/services/settings-service';
import type { SyncService } from '../../electron/services/sync-service';
import { openWorksheet } from '../../electron/services/validation-service';
import { issueEnrolmentCode } from '../../hq/identity';
import type { Settings } from '../../shared/domain/field-work';
import { AppError, type ErrorCode } from '../../shared/ipc/envelope';
import type { UserRole } from '../../shared/sync/protocol';
import { unenrolledLaptop } from './enrolled-laptop';
import { doFieldWork, sharedHqPerTest } from './sync-harness';

type Laptop = {
  services: AppServices;
  sync: SyncService;
  settings: ReturnType<typeof settingsHandlers>;
};

const hq = sharedHqPerTest('pglite', { listen: true });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const DANA = { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' } as const;
const PAT = { name: 'Pat Lane', role: 'SUPERVISOR', fieldOffice: 'Houston' } as const;
const RAE = { name: 'Rae Diaz', role: 'SUPERVISOR', fieldOffice: 'Miami' } as const;

function laptop(): Laptop {
  const { services, sync } = unenrolledLaptop(cleanups);
  return { services, sync, settings: settingsHandlers(services.ctx, sync) };
}

async function enrol(l: Laptop, user: { name: string; role: UserRole; fieldOffice: string }): Promise<void> {
  const { code } = await issueEnrolmentCode(hq.db, user);
  await l.sync.enroll({ hqUrl: hq.baseUrl, code, deviceName: `${user.name}'s laptop` });
}

/** Awaits a refusal: an AppError of `code` whose message matches. */
async function expectRefused(promise: Promise<unknown>, code: ErrorCode, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected a refusal').toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
}

const save = async (l: Laptop, change: Partial<Settings>) =>
  l.settings['settings:update']({ ...getSettings(l.services.ctx), ...change });

describe('the policy HQ sets for enrolled laptops', () => {
  it('a laptop never enrolled keeps its own values, editable', async () => {
    const alone = laptop();
    await save(alone, { responseDays: 30 });
    expect(getSettings(alone.services.ctx).responseDays).toBe(30);
    expect(getPolicyStatus(alone.services.ctx)).toMatchObject({ source: 'local', version: null, canEdit: true });
  });

  it('an SCSS laptop takes the supervisor’s policy on its next sync, in place of its own, and cannot change it', async () => {
    const dana = laptop();
    await save(dana, { responseDays: 30 });
    await enrol(dana, DANA);
    expect(getPolicyStatus(dana.services.ctx)).toMatchObject({ source: 'hq-pending', canEdit: false });

    const pat = laptop();
    await enrol(pat, PAT);
    await pat.sync.syncNow();
    expect(getPolicyStatus(pat.services.ctx)).toMatchObject({ source: 'hq', version: 0, canEdit: true });
    await save(pat, { responseDays: 45, reportMarking: 'CUI//SP-LEI' });
    expect(getPolicyStatus(pat.services.ctx)).toMatchObject({ source: 'hq', version: 1, updatedBy: PAT.name });
    const [held] = await hq.db.query<{ version: number }>('SELECT max(version) AS version FROM policy_versions');
    expect(held?.version).toBe(1);

    const status = await dana.sync.syncNow();
    expect(status.lastError).toBeNull();
    expect(getSettings(dana.services.ctx)).toMatchObject({ responseDays: 45, reportMarking: 'CUI//SP-LEI' });
    expect(getPolicyStatus(dana.services.ctx)).toMatchObject({
      source: 'hq',
      version: 1,
      updatedBy: PAT.name,
      updatedAt: expect.any(String),
      canEdit: false,
    });
    // What the worksheet gets, so a new finding's due date counts HQ's days.
    const validation = doFieldWork({ services: dana.services } as never, {});
    expect(openWorksheet(dana.services.ctx, validation.id).settings.responseDays).toBe(45);

    await expectRefused(save(dana, { responseDays: 10 }), 'FORBIDDEN', /only a supervisor can change them/);
    expect(() =>
      updateSettings(dana.services.ctx, { ...getSettings(dana.services.ctx), maxEvidenceBytes: 2048 }),
    ).toThrow(/only a supervisor/);
    expect(getSettings(dana.services.ctx).responseDays).toBe(45);
  });

  it('refuses a supervisor’s change made on a policy HQ has moved past, and shows HQ’s instead', async () => {
    const pat = laptop();
    const rae = laptop();
    await enrol(pat, PAT);
    await enrol(rae, RAE);
    await rae.sync.syncNow();
    await save(pat, { responseDays: 60 });
    await expectRefused(save(rae, { responseDays: 120 }), 'CONFLICT', /now version 1, set by Pat Lane/);
    expect(getSettings(rae.services.ctx).responseDays).toBe(60);
    expect(getPolicyStatus(rae.services.ctx)).toMatchObject({ version: 1 });
    // Made again on HQ's current version, it is taken.
    await save(rae, { responseDays: 120 });
    expect(getPolicyStatus(rae.services.ctx)).toMatchObject({ version: 2, updatedBy: RAE.name });
  });

  it('says HQ could not be reached and changes nothing when a supervisor saves offline', async () => {
    const pat = laptop();
    await enrol(pat, PAT);
    await pat.sync.syncNow();
    await hq.close();
    // HQ's words are said once, not wrapped in ours: "Nothing was saved: Could not reach HQ (ECONNREFUSED). The policy…"
    await expectRefused(
      save(pat, { responseDays: 15 }),
      'UNAVAILABLE',
      /^Nothing was saved: Could not reach HQ \([A-Z]+\)\. The policy lives at HQ: save again/,
    );
    expect(getSettings(pat.services.ctx).responseDays).toBe(90);
    expect(getPolicyStatus(pat.services.ctx)).toMatchObject({ version: 0 });
  });
});

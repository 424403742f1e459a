import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { startValidationFromAssignment } from '../../electron/services/assignment-service';
import { fileCredentialStore } from '../../electron/services/hq-credentials';
import { syncHostOptions } from '../../electron/services/sync-host';
import { createSyncService, type SyncService, type SyncServiceOptions } from '../../electron/services/sync-service';
import { createAssignment } from '../../hq/assignments';
import { issueEnrolmentCode } from '../../hq/identity';
import type { UserRole } from '../../shared/sync/protocol';
import { testUserId } from '../hq/helpers';
import type { SharedHq } from './sync-harness';

export type Person = { name: string; role: UserRole; fieldOffice: string };
export type EnrolledLaptop = { services: AppServices; sync: SyncService };

/**
 * A laptop as the app runs it (its own data folder, services and sync service with the host's steps), not enrolled
 * yet. Its tear-down goes on `cleanups`, which the test's afterEach runs; `options` add to the host's; `clock` runs
 * its services on another clock than the computer's.
 */
export function unenrolledLaptop(
  cleanups: (() => void)[],
  options: SyncServiceOptions = {},
  clock: { now?: () => Date } = {},
): EnrolledLaptop {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-sync-laptop-'));
  const services = openAppServices({ dataDir, ...clock });
  const sync = createSyncService(services.ctx, fileCredentialStore(dataDir), {
    ...syncHostOptions(services.ctx),
    ...options,
  });
  cleanups.push(() => {
    sync.stop();
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { services, sync };
}

/** unenrolledLaptop, enrolled at HQ as `user`. */
export async function enrolledLaptop(
  hq: SharedHq,
  user: Person,
  cleanups: (() => void)[],
  options: SyncServiceOptions = {},
  clock: { now?: () => Date } = {},
): Promise<EnrolledLaptop> {
  const { services, sync } = unenrolledLaptop(cleanups, options, clock);
  const { code } = await issueEnrolmentCode(hq.db, await testUserId(hq.db, user));
  await sync.enroll({ hqUrl: hq.baseUrl, code, deviceName: `${user.name}'s laptop` });
  return { services, sync };
}

/** Houston's SCSSs in the sync tests. */
export const DANA: Person = { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' };
export const SAM: Person = { name: 'Sam Ortiz', role: 'SCSS', fieldOffice: 'Houston' };

/** HQ assigns `person` a new Member (account `account`); the laptop pulls it and starts its validation. */
export async function startAssigned(laptop: EnrolledLaptop, hqDb: SharedHq['db'], person: Person, account: string) {
  const assignment = await createAssignment(hqDb, {
    'member-name': `Member ${account} LLC`,
    account,
    'entity-type': 'IMP',
    mode: 'in person',
    'target-date': '2027-01-10',
    scss: await testUserId(hqDb, person),
  });
  expect(await laptop.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null });
  return startValidationFromAssignment(laptop.services.ctx, assignment.id);
}

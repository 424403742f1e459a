import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { fileCredentialStore } from '../../electron/services/hq-credentials';
import { syncHostOptions } from '../../electron/services/sync-host';
import { createSyncService, type SyncService, type SyncServiceOptions } from '../../electron/services/sync-service';
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

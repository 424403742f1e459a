import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { installBundledEditions } from './catalog-service';
import { seedDemoMembersIfEmpty } from './demo-seed';
import type { ServiceContext } from './service-context';

export const DATABASE_FILE_NAME = 'ctpat-validator.sqlite3';

export type AppServicesOptions = {
  dataDir: string;
  actor: string;
  seedDemoData?: boolean;
  now?: () => Date;
};

export type AppServices = { ctx: ServiceContext; dataDir: string; close: () => void };

/** Opens the data folder's store, installs bundled catalogs, and seeds demo Members on first run. */
export function openAppServices(options: AppServicesOptions): AppServices {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(path.join(options.dataDir, DATABASE_FILE_NAME));
  const ctx: ServiceContext = {
    db,
    dataDir: options.dataDir,
    actor: options.actor,
    now: options.now ?? (() => new Date()),
  };
  installBundledEditions(ctx);
  if (options.seedDemoData !== false) seedDemoMembersIfEmpty(ctx);
  return { ctx, dataDir: options.dataDir, close: () => db.close() };
}

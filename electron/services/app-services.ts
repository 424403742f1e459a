import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Db, openDatabase } from '../../db/connection';
import { type CheckpointLog, checkpointBetweenSaves } from '../../db/idle-checkpoint';
import { verifyAuditLogAtStartup } from './audit-verify';
import { installBundledEditions } from './catalog-service';
import { seedDemoMembersIfEmpty } from './demo-seed';
import { keepDemoValidationsLocal } from './demo-validations';
import { sweepUnreferencedEvidence } from './evidence-service';
import type { CredentialStore } from './hq-credentials';
import { actAsStoredUser, NOT_ENROLLED_ACTOR } from './identity';
import type { ServiceContext } from './service-context';
import { storeFailureOnOpen } from './store-errors';

export const DATABASE_FILE_NAME = 'ctpat-validator.sqlite3';

export type AppServicesOptions = {
  dataDir: string;
  /** Who acts before enrolment (tests name their laptops); "Not enrolled" when omitted. Never the OS account. */
  actor?: string;
  /** Where the HQ enrolment is kept: once enrolled, the enrolled person acts (identity.ts). */
  credentials?: CredentialStore;
  seedDemoData?: boolean;
  /**
   * Demo Members' validations never leave this computer (demo-validations.ts). The app and the web harness
   * set it; it is off by default only because test fixtures still sync validations of seeded demo Members.
   */
  demoValidationsStayLocal?: boolean;
  now?: () => Date;
};

export type AppServices = {
  ctx: ServiceContext;
  dataDir: string;
  /** The WAL checkpoints run between saves so far (the benchmarks print them). */
  checkpoints: CheckpointLog;
  close: () => void;
};

/** The data folder's database, opened: a full disk, a read-only folder or a damaged file is said in words. */
function openDataFolder(dataDir: string): Db {
  try {
    mkdirSync(dataDir, { recursive: true });
    return openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  } catch (error) {
    throw storeFailureOnOpen(error, dataDir) ?? error;
  }
}

/** Opens the data folder's store, installs bundled catalogs, seeds demo Members, clears attach leftovers. */
export function openAppServices(options: AppServicesOptions): AppServices {
  const db = openDataFolder(options.dataDir);
  const ctx: ServiceContext = {
    db,
    dataDir: options.dataDir,
    actor: options.actor ?? NOT_ENROLLED_ACTOR,
    person: null,
    now: options.now ?? (() => new Date()),
  };
  if (options.credentials) actAsStoredUser(ctx, options.credentials);
  if (options.demoValidationsStayLocal) keepDemoValidationsLocal(db);
  installBundledEditions(ctx);
  if (options.seedDemoData !== false) seedDemoMembersIfEmpty(ctx);
  // After the start-up writes to the store: a broken chain makes what it affects read-only, the rest keeps working.
  verifyAuditLogAtStartup(ctx);
  sweepUnreferencedEvidence(ctx);
  const checkpoints = checkpointBetweenSaves(db);
  return {
    ctx,
    dataDir: options.dataDir,
    checkpoints: checkpoints.log,
    close: () => {
      checkpoints.stop();
      db.close();
    },
  };
}

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { appendAudit } from '../../db/audit-log';
import { insertMember } from '../../db/queries/members';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { fileCredentialStore } from '../../electron/services/hq-credentials';
import { actAsEnrolledUser } from '../../electron/services/identity';
import { syncHostOptions } from '../../electron/services/sync-host';
import { createSyncService, type SyncService } from '../../electron/services/sync-service';
import { type PullSummary, pullFromHq } from '../../electron/sync/pull';
import { type PullTransport, pullPath, pullResponseFrom } from '../../electron/sync/pull-transport';
import { type PushSummary, pushOutbox } from '../../electron/sync/push-outbox';
import type { SyncTransport } from '../../electron/sync/transport';
import { enrolDevice, issueEnrolmentCode } from '../../hq/identity';
import type { UserRole } from '../../shared/domain/lifecycle';
import type { Member } from '../../shared/domain/validation';
import { type Hq, inProcessTransport, manualClock } from './sync-harness';

/**
 * Laptops of every role for the review loop: each enrolled at a real in-process HQ as a named
 * person of a field office, acting as that person (stored credentials, as after enrolment in Settings),
 * pushing and pulling through HQ's real routes. Demo Members' validations stay local on them, as in the app.
 */

export type Laptop = {
  name: string;
  role: UserRole;
  userId: string;
  token: string;
  services: AppServices;
  transport: SyncTransport;
  push: () => Promise<PushSummary>;
  pull: () => Promise<PullSummary>;
  /** Push then pull, as one sync does. */
  sync: () => Promise<{ push: PushSummary; pull: PullSummary }>;
  close: () => void;
};

/** GET /v1/pull handed to the real HQ app, read back by the same status mapping the HTTP transport uses. */
export function inProcessPull(hq: Hq, token: string): PullTransport {
  return {
    async pull(cursor, limit) {
      const response = await hq.app.inject({
        method: 'GET',
        url: `/v1/${pullPath(cursor, limit)}`,
        headers: { authorization: `Bearer ${token}` },
      });
      return pullResponseFrom(response.statusCode, response.body);
    },
  };
}

const dataDirs: string[] = [];

/**
 * One clock for every laptop of a test, as wall time is: each read moves it a second, so every step is
 * later than the one before it on whichever laptop it was taken.
 */
const WORLD_START_MS = Date.parse('2026-03-02T09:00:00.000Z');
let worldMs = WORLD_START_MS;
export const worldNow = (): Date => {
  worldMs += 1000;
  return new Date(worldMs);
};
/** Moves the shared clock on, e.g. past a response due date. */
export const advanceWorldClock = (days: number): void => {
  worldMs += days * 86_400_000;
};

export async function enrolLaptop(
  hq: Hq,
  user: { name: string; role: UserRole; fieldOffice?: string },
): Promise<Laptop> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ctpat-loop-${user.role.toLowerCase()}-`));
  dataDirs.push(dataDir);
  const { code } = await issueEnrolmentCode(hq.db, {
    name: user.name,
    role: user.role,
    fieldOffice: user.fieldOffice ?? 'Houston',
  });
  const enrolled = await enrolDevice(hq.db, code, `${user.name}'s laptop`);
  if (!enrolled) throw new Error(`enrolment of ${user.name} failed`);
  const credentials = fileCredentialStore(dataDir);
  credentials.save({
    hqUrl: 'http://127.0.0.1:9',
    deviceId: enrolled.deviceId,
    token: enrolled.token,
    user: enrolled.user,
  });
  const now = worldNow;
  const services = openAppServices({ dataDir, credentials, demoValidationsStayLocal: true, now });
  const transport = inProcessTransport(hq, enrolled.token);
  const pullTransport = inProcessPull(hq, enrolled.token);
  const push = () => pushOutbox(services.ctx.db, transport, { batchSize: 500, now, random: () => 0.5 });
  const pull = () => pullFromHq(services.ctx.db, pullTransport, { now, actor: services.ctx.actor });
  return {
    name: user.name,
    role: user.role,
    userId: enrolled.user.id,
    token: enrolled.token,
    services,
    transport,
    push,
    pull,
    sync: async () => ({ push: await push(), pull: await pull() }),
    close: () => services.close(),
  };
}

/** Acts as someone else on the same laptop, as a re-enrolment would. */
export const actAs = (laptop: Laptop, user: Parameters<typeof actAsEnrolledUser>[1]) =>
  actAsEnrolledUser(laptop.services.ctx, user);

/** A real (non-demo) Member of the SCSS, as an assignment from HQ would bring it. */
export function addMember(laptop: Laptop, legalName = 'Bayou Logistics Imports LLC', accountNumber = 'IMP-77123') {
  const { ctx } = laptop.services;
  const member: Member = {
    id: randomUUID(),
    legalName,
    accountNumber,
    entityType: 'IMP',
    city: 'Houston, TX',
    country: 'United States',
    correspondenceLanguage: 'en',
    createdAt: ctx.now().toISOString(),
  };
  ctx.db.transaction(() => {
    insertMember(ctx.db, member);
    appendAudit(ctx.db, {
      at: member.createdAt,
      actor: ctx.actor,
      action: 'member.add',
      entity: 'member',
      entityId: member.id,
      before: null,
      after: member,
    });
  })();
  return member;
}

/** Removes the laptops' data folders and sets the shared clock back for the next test. */
export function removeLaptopDirs(): void {
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  worldMs = WORLD_START_MS;
}

/**
 * Laptops at a listening HQ for one test: `enrol` as in lifecycle tests, and `appSync`, the app's own sync
 * (push, evidence upload, receipts, pull, evidence download) over HTTP. Everything is closed after each test.
 */
export function laptopsAt(hq: { readonly baseUrl: string } & Hq) {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    removeLaptopDirs();
  });
  return {
    async enrol(user: Parameters<typeof enrolLaptop>[1]): Promise<Laptop> {
      const laptop = await enrolLaptop(hq, user);
      cleanups.push(() => laptop.close());
      return laptop;
    },
    appSync(laptop: Laptop): SyncService {
      const credentials = fileCredentialStore(laptop.services.dataDir);
      const saved = credentials.load();
      if (!saved) throw new Error(`${laptop.name} is not enrolled`);
      credentials.save({ ...saved, hqUrl: hq.baseUrl });
      const sync = createSyncService(laptop.services.ctx, credentials, {
        ...syncHostOptions(laptop.services.ctx),
        setTimer: manualClock().setTimer,
      });
      cleanups.push(() => sync.stop());
      return sync;
    },
  };
}

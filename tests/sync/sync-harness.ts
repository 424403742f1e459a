import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect } from 'vitest';
import { listOutbox } from '../../db/outbox';
import { listMembers } from '../../db/queries/members';
import { type AppServices, DATABASE_FILE_NAME, openAppServices } from '../../electron/services/app-services';
import { saveResponse } from '../../electron/services/response-service';
import { createValidation } from '../../electron/services/validation-service';
import { type PushSummary, pushOutbox } from '../../electron/sync/push-outbox';
import { createSyncEngine, type SetTimer, type SyncEngine } from '../../electron/sync/sync-engine';
import { NetworkError, pushResponseFrom, type SyncTransport } from '../../electron/sync/transport';
import { buildHqApp } from '../../hq/app';
import { migrateHqDb } from '../../hq/db/migrate';
import { createPgliteDb } from '../../hq/db/pglite-adapter';
import type { HqDb } from '../../hq/db/types';
import { enrolDevice, issueEnrolmentCode } from '../../hq/identity';
import type { Validation } from '../../shared/domain/validation';

/** The real HQ service, in this process, on in-memory PGlite. */
export type Hq = { db: HqDb; app: FastifyInstance; close: () => Promise<void> };

export async function startHq(): Promise<Hq> {
  const db = await createPgliteDb();
  await migrateHqDb(db);
  const app = buildHqApp({ db });
  await app.ready();
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/**
 * The in-process transport: the same request the HTTP transport sends, handed to HQ's Fastify app with
 * inject(), and its answer read by the same status mapping the HTTP transport uses.
 */
export function inProcessTransport(hq: Hq, token: string): SyncTransport {
  return {
    async push(changes) {
      const response = await hq.app.inject({
        method: 'POST',
        url: '/v1/push',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ changes }),
      });
      return pushResponseFrom(response.statusCode, response.body);
    },
  };
}

/** A clock the test moves by hand; timers fire only when the test advances past them. */
export function manualClock(startIso = '2026-03-02T14:00:00.000Z') {
  let nowMs = Date.parse(startIso);
  let timers: { at: number; fn: () => void }[] = [];
  const setTimer: SetTimer = (ms, fn) => {
    const timer = { at: nowMs + ms, fn };
    timers.push(timer);
    return () => {
      timers = timers.filter((t) => t !== timer);
    };
  };
  return {
    now: () => new Date(nowMs),
    setTimer,
    pendingTimers: () => timers.length,
    /** Moves time forward by ms and fires every timer that became due. */
    advance(ms: number) {
      nowMs += ms;
      const due = timers.filter((t) => t.at <= nowMs);
      timers = timers.filter((t) => t.at > nowMs);
      for (const t of due) t.fn();
    },
  };
}

/** One desktop: its own data folder and store, enrolled at HQ as its own SCSS. */
export type Client = {
  name: string;
  services: AppServices;
  deviceId: string;
  token: string;
  transport: SyncTransport;
  clock: ReturnType<typeof manualClock>;
  engine: (transport?: SyncTransport) => SyncEngine;
  push: (transport?: SyncTransport) => Promise<PushSummary>;
  close: () => void;
};

const tempDirs: string[] = [];

/**
 * Enrols a laptop as the SCSS `name`. `copyOf` starts its data folder as a copy of another laptop's
 * store (the same SCSS's second laptop, restored from the first: there is no pull yet).
 */
export async function enrolClient(hq: Hq, name: string, copyOf?: Client): Promise<Client> {
  const fieldOffice = 'Houston';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ctpat-sync-${name}-`));
  tempDirs.push(dataDir);
  if (copyOf) copyOf.services.ctx.db.exec(`VACUUM INTO '${path.join(dataDir, DATABASE_FILE_NAME)}'`);
  const clock = manualClock();
  // The services' own clock ticks a second per read so timestamps differ; sync uses the manual clock.
  let serviceMs = Date.parse('2026-03-02T09:00:00.000Z');
  const services = openAppServices({
    dataDir,
    actor: name,
    now: () => {
      serviceMs += 1000;
      return new Date(serviceMs);
    },
  });
  const { code } = await issueEnrolmentCode(hq.db, { name, role: 'SCSS', fieldOffice });
  const enrolled = await enrolDevice(hq.db, code, `${name}'s laptop`);
  if (!enrolled) throw new Error('enrolment failed');
  const transport = inProcessTransport(hq, enrolled.token);
  return {
    name,
    services,
    deviceId: enrolled.deviceId,
    token: enrolled.token,
    transport,
    clock,
    engine: (t = transport) =>
      createSyncEngine({
        db: services.ctx.db,
        transport: t,
        now: clock.now,
        setTimer: clock.setTimer,
        random: () => 0.5,
      }),
    push: (t = transport) => pushOutbox(services.ctx.db, t, { batchSize: 500, now: clock.now, random: () => 0.5 }),
    close: () => services.close(),
  };
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A validation with a few answers, as an SCSS would leave it after an hour of field work. */
export function doFieldWork(client: Client, answers: Record<string, 'COMPLIANT' | 'DEFICIENT' | 'NOT_APPLICABLE'>) {
  const { ctx } = client.services;
  const member = listMembers(ctx.db)[0];
  if (!member) throw new Error('no member');
  const validation: Validation = createValidation(ctx, {
    memberId: member.id,
    entityType: member.entityType,
    mode: 'IN_PERSON',
    scheduledDate: '2026-03-10',
  });
  for (const [criterionId, result] of Object.entries(answers)) {
    saveResponse(ctx, {
      validationId: validation.id,
      criterionId,
      result,
      ...(result === 'NOT_APPLICABLE' ? { naJustification: 'No such operation at this site' } : {}),
    });
  }
  return validation;
}

export const outboxChangeIds = (client: Client): string[] =>
  listOutbox(client.services.ctx.db, 100_000).map((r) => r.changeId);

export function countOutbox(client: Client): { pending: number; parked: number } {
  return client.services.ctx.db
    .prepare(
      `SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending, count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked
       FROM sync_outbox`,
    )
    .get() as { pending: number; parked: number };
}

export function receiptOutcomes(client: Client): Record<string, string> {
  const rows = client.services.ctx.db.prepare('SELECT change_id, outcome FROM sync_receipts').all() as {
    change_id: string;
    outcome: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.change_id, r.outcome]));
}

/** Everything HQ holds, read straight from its tables. */
export async function hqContents(hq: Hq) {
  const changes = await hq.db.query<{ change_id: string }>('SELECT change_id FROM changes ORDER BY change_id');
  const validations = await hq.db.query<{ id: string; status: string }>(
    'SELECT id, status FROM validations ORDER BY id',
  );
  const records = await hq.db.query<{ entity: string; entity_id: string; version: number; result: string | null }>(
    `SELECT entity, entity_id, version, payload->>'result' AS result FROM records ORDER BY entity, entity_id`,
  );
  return { changeIds: changes.map((c) => c.change_id), validations, records };
}

/** The answers the client holds, in the shape HQ's records have, to compare the two. */
export function localResponseRecords(client: Client) {
  return client.services.ctx.db
    .prepare(
      `SELECT 'criterion_response' AS entity, validation_id || '/' || criterion_id AS entity_id, version, result
       FROM criterion_responses ORDER BY entity_id`,
    )
    .all() as { entity: string; entity_id: string; version: number; result: string | null }[];
}

/** Wraps a transport so its next `times` calls fail the way `fail` says; later calls pass through. */
export function faulty(
  inner: SyncTransport,
  fault: 'drop-before-hq' | 'lose-response' | 'server-error' | 'duplicate-request',
  times = 1,
): SyncTransport & { calls: number } {
  const wrapper = {
    calls: 0,
    async push(changes: Parameters<SyncTransport['push']>[0]) {
      wrapper.calls += 1;
      if (wrapper.calls > times) return inner.push(changes);
      switch (fault) {
        case 'drop-before-hq':
          throw new NetworkError('Could not reach HQ (ECONNREFUSED).');
        case 'lose-response':
          await inner.push(changes);
          throw new NetworkError('Could not reach HQ (ECONNRESET).');
        case 'server-error':
          // Through the real status mapping, as HQ's error handler words a 500.
          return pushResponseFrom(
            500,
            JSON.stringify({
              error: { code: 'INTERNAL', message: 'HQ could not handle this request; try again later' },
            }),
          );
        case 'duplicate-request': {
          // The same request delivered twice at once (a proxy retrying): HQ must apply each change once.
          const [first, second] = await Promise.all([inner.push(changes), inner.push(changes)]);
          return first.receipts.length > 0 ? second : first;
        }
      }
    },
  };
  return wrapper;
}

/**
 * HQ holds exactly what the laptops queued (every change once, every answer at the laptop's version),
 * every outbox is empty, and every change has a receipt saying HQ holds it. Returns the receipts.
 */
export async function expectHqHoldsExactly(hq: Hq, clients: Client[], queued: string[]) {
  const held = await hqContents(hq);
  expect(held.changeIds).toEqual([...queued].sort());
  const localAnswers = clients
    .flatMap((c) => localResponseRecords(c))
    .sort((a, b) => a.entity_id.localeCompare(b.entity_id));
  expect(held.records.filter((r) => r.entity === 'criterion_response')).toEqual(localAnswers);
  for (const client of clients) expect(countOutbox(client), client.name).toEqual({ pending: 0, parked: 0 });
  const receipts: Record<string, string> = Object.assign({}, ...clients.map(receiptOutcomes));
  expect(Object.keys(receipts).sort()).toEqual([...queued].sort());
  expect(Object.values(receipts).filter((o) => o !== 'applied' && o !== 'duplicate')).toEqual([]);
  return receipts;
}

/** One HQ and two enrolled laptops, Alice's and Bob's, made fresh for every test and closed after it. */
export function twoLaptopsAndHq(): { hq: Hq; alice: Client; bob: Client } {
  const world = {} as { hq: Hq; alice: Client; bob: Client };
  beforeEach(async () => {
    world.hq = await startHq();
    world.alice = await enrolClient(world.hq, 'alice');
    world.bob = await enrolClient(world.hq, 'bob');
  });
  afterEach(async () => {
    world.alice.close();
    world.bob.close();
    await world.hq.close();
    removeTempDirs();
  });
  return world;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { listOutbox } from '../../db/outbox';
import { listMembers } from '../../db/queries/members';
import { listResponses } from '../../db/queries/responses';
import { type AppServices, DATABASE_FILE_NAME, openAppServices } from '../../electron/services/app-services';
import { getEdition, worksheetCriteria } from '../../electron/services/catalog-service';
import { attachEvidence, PickedFileRegistry } from '../../electron/services/evidence-service';
import { saveResponse } from '../../electron/services/response-service';
import { createValidation } from '../../electron/services/validation-service';
import { type PushSummary, pushOutbox } from '../../electron/sync/push-outbox';
import { createSyncEngine, type SetTimer, type SyncEngine } from '../../electron/sync/sync-engine';
import { NetworkError, pushResponseFrom, type SyncTransport } from '../../electron/sync/transport';
import { buildHqApp } from '../../hq/app';
import type { HqDb, HqQueryable } from '../../hq/db/types';
import { enrolDevice, issueEnrolmentCode } from '../../hq/identity';
import type { Evidence } from '../../shared/domain/field-work';
import type { Validation } from '../../shared/domain/validation';
import { type Backend, emptyHqDb, expectHqTablesListed, openTestDb } from '../hq/helpers';

export type { Backend } from '../hq/helpers';
export { BACKENDS } from '../hq/helpers';

/** The real HQ service, in this process, on in-memory PGlite or on a fresh schema of the PostgreSQL server. */
export type Hq = { db: HqDb; app: FastifyInstance; close: () => Promise<void> };

/**
 * An HQ with a database of its own, opened and migrated for it: for the Playwright specs and anything
 * outside Vitest. Vitest files share one database per file or describe block instead: sharedHqPerTest.
 */
export async function startHq(backend: Backend = 'pglite'): Promise<Hq> {
  const { db, dispose } = await openTestDb(backend);
  const app = buildHqApp({ db });
  try {
    await app.ready();
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}

/** Opening and migrating a database takes seconds on a busy machine (PGlite above all): once per block. */
const OPEN_DB_TIMEOUT_MS = 60_000;

/**
 * Registers Vitest hooks in the calling file or describe block (call it there, never at import time):
 * one migrated HQ database opened before its first test, emptied before each test, closed after the
 * last. Each teardown undoes only what its setup made, so a failed setup reports its own error.
 */
export function sharedHqDbPerBlock(backend: Backend = 'pglite'): { readonly db: HqDb } {
  let opened: Awaited<ReturnType<typeof openTestDb>> | undefined;
  // A failing beforeAll makes Vitest skip the tests; an HQ database that cannot be opened must fail each one.
  let unavailable: Error | undefined;
  beforeAll(async () => {
    try {
      opened = await openTestDb(backend);
      await expectHqTablesListed(opened.db);
    } catch (error) {
      unavailable = error as Error;
    }
  }, OPEN_DB_TIMEOUT_MS);
  beforeEach(async () => {
    if (unavailable) throw unavailable;
    if (!opened) throw new Error('The shared HQ database was not opened');
    await emptyHqDb(opened.db);
  });
  afterAll(async () => {
    const closing = opened;
    opened = undefined;
    await closing?.dispose();
  });
  return {
    get db(): HqDb {
      if (!opened) throw unavailable ?? new Error('The shared HQ database is open only while its tests run');
      return opened.db;
    },
  };
}

export type SharedHqOptions = {
  /** HQ listens on 127.0.0.1 (a free port) for each test; `baseUrl` says where. */
  listen?: boolean;
  /** HQ keeps the evidence it receives in a folder made for each test (`evidenceDir`) and removed after it. */
  evidenceDir?: boolean;
  /** Called with each test's app before it starts: hooks that fake an outage, drop an answer, note requests. */
  configure?: (app: FastifyInstance) => void;
};

/** The HQ of the running test: a fresh app over the shared database, emptied for this test. */
export type SharedHq = Hq & {
  /** http://127.0.0.1:<port> (with `listen`). */
  readonly baseUrl: string;
  /** Where HQ keeps this test's evidence files (with `evidenceDir`). */
  readonly evidenceDir: string;
};

/**
 * Registers Vitest hooks (see sharedHqDbPerBlock) giving each test of the block a fresh, empty HQ: a new
 * Fastify app per test, closed after it, over one database for the block. `close()` stops the test's
 * app early (HQ going away); the database stays open for the next test.
 */
export function sharedHqPerTest(backend: Backend = 'pglite', options: SharedHqOptions = {}): SharedHq {
  const shared = sharedHqDbPerBlock(backend);
  let app: FastifyInstance | undefined;
  let baseUrl: string | undefined;
  let evidenceDir: string | undefined;
  const current = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`No ${what}: the shared HQ exists only while a test runs`);
    return value;
  };
  beforeEach(async () => {
    const db = shared.db;
    if (options.evidenceDir) evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-sync-hq-evidence-'));
    app = buildHqApp({ db, ...(evidenceDir ? { evidenceDir } : {}) });
    options.configure?.(app);
    if (options.listen) baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    else await app.ready();
  });
  afterEach(async () => {
    const closing = app;
    const dir = evidenceDir;
    app = baseUrl = evidenceDir = undefined;
    try {
      await closing?.close();
    } finally {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    get db() {
      return shared.db;
    },
    get app() {
      return current(app, 'HQ app');
    },
    get baseUrl() {
      return current(baseUrl, 'HQ address (sharedHqPerTest with listen)');
    },
    get evidenceDir() {
      return current(evidenceDir, 'HQ evidence folder (sharedHqPerTest with evidenceDir)');
    },
    close: async () => {
      await app?.close();
    },
  };
}

/**
 * Where a crash stops HQ: inside its nth push transaction, right after the statement that writes its
 * ledger rows (nothing of it committed yet), or right after that transaction commits (before the answer
 * leaves).
 */
export type CrashPoint = { push: number; at: 'mid-batch' | 'after-commit' };
/** The change ids HQ's ledger held as seen from where HQ froze (mid-batch: inside the open transaction). */
export type CrashMoment = { ledgerSeen: string[] };

/** HQ listening on 127.0.0.1 over a database that outlives it, so it can be killed and started again. */
export type ServingHq = Hq & {
  backend: Backend;
  /** http://127.0.0.1:<port>: the same port after a restart. */
  baseUrl: string;
  /** Resolves when HQ reaches the crash point and freezes there. */
  crashPointReached: Promise<CrashMoment>;
  /** Stops HQ as a crash does: it stops listening, open connections are cut (no answer leaves), and its
   *  open transaction and database connections end without committing. */
  kill: () => Promise<void>;
  /** A new HQ app on the same port over the same database (PGlite: the same data folder), as after a restart. */
  restart: () => Promise<void>;
  /** How many pushes that wrote to its ledger HQ has committed since it started (restarts included). */
  committedPushes: () => number;
  /** Resolves once committedPushes() reaches `count`. */
  pushesCommitted: (count: number) => Promise<void>;
};

/**
 * `db`: serve a database the caller opened and keeps (sharedHqDbPerBlock) instead of one of its own; such an
 * HQ cannot be restarted, and neither kill nor close closes that database.
 */
export async function startServingHq(
  backend: Backend,
  options: { crashAt?: CrashPoint; restartable?: boolean; db?: HqDb } = {},
): Promise<ServingHq> {
  const borrowed = options.db;
  // PGlite must be on disk to outlive the process that had it open; in memory it starts faster.
  const onDisk = !borrowed && backend === 'pglite' && (options.restartable ?? true);
  const dataDir = onDisk ? fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-hq-pglite-')) : undefined;
  if (dataDir) tempDirs.push(dataDir);
  const storage = borrowed
    ? {
        db: borrowed,
        reopen: () => Promise.reject(new Error('An HQ serving a shared database cannot be restarted')),
        dispose: async () => {},
      }
    : await openTestDb(backend, dataDir ? { dataDir } : {});
  let committed = 0;
  const commitWaiters: { count: number; resolve: () => void }[] = [];
  const pushCommitted = () => {
    committed += 1;
    for (const waiter of commitWaiters.filter((w) => w.count <= committed)) {
      commitWaiters.splice(commitWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  let raw = storage.db;
  let hqProcess = hqProcessDb(raw, pushCommitted, options.crashAt);
  let alive = false;
  let port = 0;

  const listen = async () => {
    const app = buildHqApp({ db: hqProcess.db });
    const url = await app.listen({ host: '127.0.0.1', port });
    port = Number(new URL(url).port);
    hq.app = app;
    hq.db = hqProcess.db;
    alive = true;
  };
  const hq: ServingHq = {
    backend,
    baseUrl: '',
    db: hqProcess.db,
    app: undefined as unknown as FastifyInstance,
    crashPointReached: hqProcess.crashPointReached,
    kill: async () => {
      if (!alive) return;
      alive = false;
      hq.app.server.close();
      hq.app.server.closeAllConnections();
      hqProcess.kill();
      await hqProcess.settled();
      await hq.app.close();
      if (!borrowed) await raw.close();
    },
    restart: async () => {
      await hq.kill();
      raw = await storage.reopen();
      hqProcess = hqProcessDb(raw, pushCommitted);
      await listen();
    },
    close: async () => {
      if (alive) {
        await hq.app.close();
      } else if (!borrowed) {
        await storage.reopen();
      }
      await storage.dispose();
    },
    committedPushes: () => committed,
    pushesCommitted: (count) =>
      committed >= count ? Promise.resolve() : new Promise((resolve) => commitWaiters.push({ count, resolve })),
  };
  try {
    await listen();
  } catch (error) {
    await storage.dispose();
    throw error;
  }
  hq.baseUrl = `http://127.0.0.1:${port}`;
  return hq;
}

/**
 * The database as one HQ process sees it. After kill() every statement fails, as none can leave a dead
 * process, and a statement frozen at the crash point fails too, so its transaction is rolled back.
 */
function hqProcessDb(db: HqDb, onPushCommitted: () => void, crashAt?: CrashPoint) {
  let dead = false;
  let inFlight = 0;
  let pushes = 0;
  const onDeath: Array<() => void> = [];
  const onIdle: Array<() => void> = [];
  let reached: (moment: CrashMoment) => void = () => {};
  const crashPointReached = new Promise<CrashMoment>((resolve) => {
    reached = resolve;
  });
  const gone = () => new Error('HQ was killed');
  /** Notes the ledger as HQ sees it at the crash point, then waits there until HQ is killed. */
  const freeze = async (q: HqQueryable): Promise<never> => {
    const ledger = await q.query<{ change_id: string }>('SELECT change_id FROM changes ORDER BY change_id');
    reached({ ledgerSeen: ledger.map((row) => row.change_id) });
    return new Promise<never>((_, reject) => {
      if (dead) reject(gone());
      else onDeath.push(() => reject(gone()));
    });
  };
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    if (dead) throw gone();
    inFlight += 1;
    try {
      return await work();
    } finally {
      inFlight -= 1;
      if (inFlight === 0) for (const resolve of onIdle.splice(0)) resolve();
    }
  };
  const guarded = (tx: HqQueryable, afterStatement: (sql: string) => Promise<void>): HqQueryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      if (dead) throw gone();
      const rows = await tx.query<T>(sql, params);
      await afterStatement(sql);
      return rows;
    },
    async exec(sql: string) {
      if (dead) throw gone();
      await tx.exec(sql);
    },
  });
  const wrapped: HqDb = {
    kind: db.kind,
    query: (sql, params) => track(() => db.query(sql, params)),
    exec: (sql) => track(() => db.exec(sql)),
    transaction: (fn) =>
      track(async () => {
        let push = 0;
        const value = await db.transaction((tx) =>
          fn(
            guarded(tx, async (sql) => {
              if (push > 0 || !/\bINSERT INTO changes\b/.test(sql)) return;
              pushes += 1;
              push = pushes;
              if (crashAt?.at === 'mid-batch' && crashAt.push === push) await freeze(tx);
            }),
          ),
        );
        if (push > 0) onPushCommitted();
        if (push > 0 && crashAt?.at === 'after-commit' && crashAt.push === push) await freeze(db);
        return value;
      }),
    close: () => db.close(),
  };
  return {
    db: wrapped,
    crashPointReached,
    kill() {
      dead = true;
      for (const fail of onDeath.splice(0)) fail();
    },
    settled: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => onIdle.push(resolve))),
  };
}

/**
 * The in-process transport: the same request the HTTP transport sends, handed to HQ's Fastify app with
 * inject(), and its answer read by the same status mapping the HTTP transport uses.
 */
export function inProcessTransport(hq: Hq, token: string): SyncTransport {
  return {
    async push(changes, auditChain) {
      const response = await hq.app.inject({
        method: 'POST',
        url: '/v1/push',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify(auditChain ? { changes, auditChain } : { changes }),
      });
      return pushResponseFrom(response.statusCode, response.body);
    },
    async isHealthy() {
      return (await hq.app.inject({ method: 'GET', url: '/healthz' })).statusCode === 200;
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
  userId: string;
  token: string;
  transport: SyncTransport;
  clock: ReturnType<typeof manualClock>;
  engine: (transport?: SyncTransport, options?: { batchSize?: number }) => SyncEngine;
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
  let enrolled: Awaited<ReturnType<typeof enrolDevice>>;
  try {
    // A copy is the same SCSS's second laptop: the same HQ user, not a namesake.
    const { code } = await issueEnrolmentCode(hq.db, copyOf ? copyOf.userId : { name, role: 'SCSS', fieldOffice });
    enrolled = await enrolDevice(hq.db, code, `${name}'s laptop`);
    if (!enrolled) throw new Error('enrolment failed');
  } catch (error) {
    // Nobody else holds this laptop yet to close it.
    services.close();
    throw error;
  }
  const transport = inProcessTransport(hq, enrolled.token);
  return {
    name,
    services,
    deviceId: enrolled.deviceId,
    userId: enrolled.user.id,
    token: enrolled.token,
    transport,
    clock,
    engine: (t = transport, engineOptions = {}) =>
      createSyncEngine({
        db: services.ctx.db,
        transport: t,
        now: clock.now,
        setTimer: clock.setTimer,
        random: () => 0.5,
        ...engineOptions,
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

/** A validation with the first `count` criteria of its worksheet answered Compliant, each with a note. */
export function doFieldWorkOnCriteria(client: Client, count: number): Validation {
  const { ctx } = client.services;
  const validation = doFieldWork(client, {});
  const criteria = worksheetCriteria(getEdition(ctx, validation.catalogEditionId), validation.entityType);
  if (criteria.length < count) throw new Error(`the worksheet has only ${criteria.length} criteria`);
  for (const criterion of criteria.slice(0, count)) {
    saveResponse(ctx, {
      validationId: validation.id,
      criterionId: criterion.id,
      result: 'COMPLIANT',
      verificationMethods: ['OBSERVED_ON_SITE'],
      notes: `${client.name} checked ${criterion.id} on site: procedure written, followed and signed off.`,
    });
  }
  return validation;
}

export const outboxChangeIds = (client: Client): string[] =>
  listOutbox(client.services.ctx.db, 100_000).map((r) => r.changeId);

export function countOutbox(client: Client): { pending: number; refused: number } {
  return client.services.ctx.db
    .prepare(
      `SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending, count(*) FILTER (WHERE parked_at IS NOT NULL) AS refused
       FROM sync_outbox`,
    )
    .get() as { pending: number; refused: number };
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
  for (const client of clients) expect(countOutbox(client), client.name).toEqual({ pending: 0, refused: 0 });
  const receipts: Record<string, string> = Object.assign({}, ...clients.map(receiptOutcomes));
  expect(Object.keys(receipts).sort()).toEqual([...queued].sort());
  expect(Object.values(receipts).filter((o) => o !== 'applied' && o !== 'duplicate')).toEqual([]);
  return receipts;
}

/**
 * Every answer HQ holds is the laptop's own copy field for field (HQ's record payload against the store's
 * row), and HQ holds one validation per validation the laptops synced.
 */
export async function expectHqAnswersEqualLaptops(hq: Hq, clients: Client[]) {
  const held = await hq.db.query<{ entity_id: string; version: number; payload: unknown }>(
    `SELECT entity_id, version, payload FROM records WHERE entity = 'criterion_response' ORDER BY entity_id`,
  );
  const validationIds = clients.flatMap(
    (c) =>
      c.services.ctx.db
        .prepare(`SELECT DISTINCT entity_id FROM sync_receipts WHERE entity = 'validation' ORDER BY entity_id`)
        .pluck()
        .all() as string[],
  );
  const local = clients
    .flatMap((c) => validationIds.flatMap((id) => listResponses(c.services.ctx.db, id)))
    .map((r) => ({ entity_id: `${r.validationId}/${r.criterionId}`, version: r.version, payload: r }))
    .sort((a, b) => a.entity_id.localeCompare(b.entity_id));
  expect(held).toEqual(local);
  const heldValidations = await hq.db.query<{ id: string }>('SELECT id FROM validations ORDER BY id');
  expect(heldValidations.map((v) => v.id)).toEqual([...validationIds].sort());
}

/**
 * One HQ and two enrolled laptops, Alice's and Bob's, made fresh for every test and closed after it; HQ's
 * database is shared by the block's tests and emptied before each (sharedHqPerTest).
 */
export function twoLaptopsAndHq(backend: Backend = 'pglite'): { hq: Hq; alice: Client; bob: Client } {
  const world = {} as { hq: Hq; alice: Client; bob: Client };
  world.hq = sharedHqPerTest(backend);
  const laptops: Client[] = [];
  beforeEach(async () => {
    world.alice = await enrolClient(world.hq, 'alice');
    laptops.push(world.alice);
    world.bob = await enrolClient(world.hq, 'bob');
    laptops.push(world.bob);
  });
  afterEach(() => {
    for (const laptop of laptops.splice(0)) laptop.close();
    removeTempDirs();
  });
  return world;
}

/** Attaches a file's bytes to criterion 1.1 of a validation, as the evidence panel does with a pasted file. */
export function attachBytes(
  owner: { services: AppServices },
  validation: Validation,
  fileName: string,
  bytes: Buffer,
): Promise<Evidence> {
  return attachEvidence(
    owner.services.ctx,
    {
      validationId: validation.id,
      criterionId: '1.1',
      findingId: null,
      fileName,
      mediaType: '',
      caption: '',
      source: { kind: 'bytes', base64: bytes.toString('base64') },
    },
    new PickedFileRegistry(),
  );
}

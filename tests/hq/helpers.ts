import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { buildHqApp } from '../../hq/app';
import { migrateHqDb } from '../../hq/db/migrate';
import { HQ_MIGRATIONS } from '../../hq/db/migrations/index';
import type { HqDbEnv } from '../../hq/db/open';
import { createPgDb } from '../../hq/db/pg-adapter';
import { createPgliteDb } from '../../hq/db/pglite-adapter';
import type { HqDb } from '../../hq/db/types';
import { createUser, issueEnrolmentCode } from '../../hq/identity';
import { expectedReportSha256 } from '../../hq/lifecycle';
import type { Person } from '../../shared/domain/lifecycle';
import { DEFAULT_POLICY, type HqPolicy, HqPolicySchema } from '../../shared/domain/policy';
import type { Validation } from '../../shared/domain/validation';
import type { UserRole } from '../../shared/sync/protocol';
import { AT, change } from './changes';

/** Every HQ test runs against both: embedded PGlite and a real PostgreSQL server. */
export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export const TEST_DATABASE_URL = process.env.HQ_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ctpat_hq_test';
/** Every table the HQ migrations create (schema_migrations aside): what a test sharing a database empties. */
export const HQ_TABLES = [
  'changes',
  'member_record_events',
  'members',
  'review_snapshots',
  'records',
  'validations',
  'device_audit_heads',
  'devices',
  'enrolment_codes',
  'evidence_file_holders',
  'evidence_files',
  'assignments',
  'catalog_editions',
  'policy_versions',
  'users',
] as const;

/**
 * Empties every HQ table, so the next test starts from a freshly migrated HQ. Sequences are not reset:
 * pull_stamp_seq only orders rows within a pull cursor (beside transaction ids, which never go back
 * either), so no test may depend on its values.
 */
export async function emptyHqDb(db: HqDb): Promise<void> {
  await db.exec(`TRUNCATE ${HQ_TABLES.join(', ')}`);
}

/** Fails when a migration added a table that HQ_TABLES lacks: emptyHqDb would carry its rows into the next test. */
export async function expectHqTablesListed(db: HqDb): Promise<void> {
  const rows = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`,
  );
  const listed = new Set<string>(HQ_TABLES);
  const missing = rows.map((row) => row.name).filter((name) => !listed.has(name));
  if (missing.length > 0) {
    throw new Error(`Add ${missing.join(', ')} to HQ_TABLES in tests/hq/helpers.ts: tests sharing a database empty it`);
  }
}

async function ensureTestDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The HQ tests need PostgreSQL at ${target.host} (tried ${admin.toString()}: ${(error as Error).message}). ` +
        'Start it with `pg_ctlcluster --skip-systemctl-redirect 15 main start` (as root) or run .ci/run, ' +
        'or point HQ_TEST_DATABASE_URL at a server you can use.',
    );
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // another test file created it meanwhile
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * A migrated database of the given kind: PGlite in memory (or in `dataDir`), or a fresh schema on the
 * PostgreSQL server. `reopen` opens the same database again as a restarted HQ would (PGlite: only with a
 * dataDir; close the earlier handle first); `dispose` closes the handle opened last.
 */
export async function openTestDb(
  backend: Backend,
  options: { dataDir?: string } = {},
): Promise<{ db: HqDb; dispose: () => Promise<void>; reopen: () => Promise<HqDb>; cliEnv: HqDbEnv }> {
  if (backend === 'pglite') {
    let db = await createPgliteDb(options.dataDir);
    await migrateHqDb(db);
    const reopen = async () => {
      if (!options.dataDir) throw new Error('PGlite in memory cannot be reopened: pass a dataDir');
      db = await createPgliteDb(options.dataDir);
      await migrateHqDb(db);
      return db;
    };
    return { db, reopen, dispose: () => db.close(), cliEnv: { HQ_DATA_DIR: options.dataDir } };
  }
  await ensureTestDatabase(TEST_DATABASE_URL);
  const schema = `hq_test_${randomUUID().replace(/-/g, '')}`;
  const setup = createPgDb({ connectionString: TEST_DATABASE_URL, max: 1 });
  await setup.exec(`CREATE SCHEMA ${schema}`);
  let db = createPgDb({ connectionString: TEST_DATABASE_URL, searchPath: schema });
  await migrateHqDb(db);
  const cliUrl = new URL(TEST_DATABASE_URL);
  cliUrl.searchParams.set('options', `-c search_path=${schema}`);
  return {
    db,
    // What `npm run hq -- <command>` needs to reach this database (PGlite: only with a dataDir, once closed).
    cliEnv: { DATABASE_URL: cliUrl.toString() },
    reopen: async () => {
      db = createPgDb({ connectionString: TEST_DATABASE_URL, searchPath: schema });
      await migrateHqDb(db);
      return db;
    },
    dispose: async () => {
      await db.close();
      await setup.exec(`DROP SCHEMA ${schema} CASCADE`);
      await setup.close();
    },
  };
}

/** A database with only the first `version` migrations, as an HQ that has not upgraded yet holds it. */
export async function openDbMigratedTo(
  backend: Backend,
  version: number,
): Promise<{ db: HqDb; dispose: () => Promise<void> }> {
  const migrations = HQ_MIGRATIONS.slice(0, version);
  if (backend === 'pglite') {
    const db = await createPgliteDb();
    await migrateHqDb(db, migrations);
    return { db, dispose: () => db.close() };
  }
  await ensureTestDatabase(TEST_DATABASE_URL);
  const schema = `hq_test_${randomUUID().replace(/-/g, '')}`;
  const setup = createPgDb({ connectionString: TEST_DATABASE_URL, max: 1 });
  await setup.exec(`CREATE SCHEMA ${schema}`);
  const db = createPgDb({ connectionString: TEST_DATABASE_URL, searchPath: schema });
  await migrateHqDb(db, migrations);
  return {
    db,
    dispose: async () => {
      await db.close();
      await setup.exec(`DROP SCHEMA ${schema} CASCADE`);
      await setup.close();
    },
  };
}

export type HqTestContext = { db: HqDb; app: FastifyInstance };

/** Registers hooks for one backend: one database per describe block, emptied before each test. */
export function useHqBackend(backend: Backend): HqTestContext {
  const ctx = {} as HqTestContext;
  let dispose: () => Promise<void> = async () => {};
  // A failing beforeAll makes Vitest skip the tests; an unreachable server must fail each one instead.
  let unavailable: Error | null = null;
  beforeAll(async () => {
    try {
      const opened = await openTestDb(backend);
      ctx.db = opened.db;
      dispose = opened.dispose;
      await expectHqTablesListed(ctx.db);
    } catch (error) {
      unavailable = error as Error;
      return;
    }
    ctx.app = buildHqApp({ db: ctx.db });
    await ctx.app.ready();
  }, 60_000);
  beforeEach(async () => {
    if (unavailable) throw unavailable;
    await emptyHqDb(ctx.db);
  });
  afterAll(async () => {
    await ctx.app?.close();
    await dispose();
  });
  return ctx;
}

export type Enrolled = { token: string; deviceId: string; userId: string };

/**
 * The test's user with this name, role and office, created on first use: within a test, two enrolments of
 * DANA are two laptops of one SCSS (HQ itself tells users apart by id only).
 */
export async function testUserId(db: HqDb, user: { name: string; role: UserRole; fieldOffice: string }) {
  const [found] = await db.query<{ id: string }>(
    'SELECT id FROM users WHERE name = $1 AND role = $2 AND field_office = $3 ORDER BY created_at, id LIMIT 1',
    [user.name, user.role, user.fieldOffice],
  );
  return found?.id ?? (await createUser(db, user)).id;
}

export async function enrol(
  ctx: HqTestContext,
  user: { name: string; role: UserRole; fieldOffice: string },
): Promise<Enrolled> {
  return enrolUser(ctx, await testUserId(ctx.db, user), `${user.name}'s laptop`);
}

/** A laptop enrolled for the HQ user with this id. */
export async function enrolUser(ctx: HqTestContext, userId: string, deviceName: string): Promise<Enrolled> {
  const { code } = await issueEnrolmentCode(ctx.db, userId);
  const response = await ctx.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code, deviceName } });
  if (response.statusCode !== 200) throw new Error(`enrol failed: ${response.statusCode} ${response.body}`);
  const body = response.json() as { token: string; deviceId: string; user: { id: string } };
  return { token: body.token, deviceId: body.deviceId, userId: body.user.id };
}

export const DANA = { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' } as const;
export const LEE = { name: 'Lee Refuse', role: 'SCSS', fieldOffice: 'Houston' } as const;
export const REVIEWER = { name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER', fieldOffice: 'Houston' } as const;
export const REVIEWER_ELSEWHERE = { name: 'Kim Chen', role: 'FIELD_OFFICE_REVIEWER', fieldOffice: 'Miami' } as const;
export const ANALYST = { name: 'Ari Cole', role: 'HQ_ANALYST', fieldOffice: 'Washington' } as const;
export const SUPERVISOR = { name: 'Pat Lane', role: 'SUPERVISOR', fieldOffice: 'Houston' } as const;
export const SUPERVISOR_ELSEWHERE = { name: 'Rae Diaz', role: 'SUPERVISOR', fieldOffice: 'Miami' } as const;
export const SCSS_ELSEWHERE = { name: 'Jo Park', role: 'SCSS', fieldOffice: 'Miami' } as const;

/** An enrolled user as HQ names them in workflow events and assessments. */
export const personOf = (enrolled: Enrolled, user: { name: string; role: UserRole }): Person => ({
  userId: enrolled.userId,
  name: user.name,
  role: user.role,
});

export {
  AT,
  answersCompleting,
  change,
  completed,
  evidenceChange,
  findingChange,
  fingerprintOf,
  issuedReportSha256,
  makeValidation,
  memberResponseChange,
  reopenChange,
  reviewChange,
  siteChange,
  submitChange,
  workflowEventChange,
} from './changes';

export const createValidation = (validation: Validation) =>
  change('validation', validation.id, 'create', validation as unknown as Record<string, unknown>);

export function responseChange(
  validationId: string,
  criterionId: string,
  version: number,
  baseVersion: number,
  notes = '',
) {
  return change('criterion_response', `${validationId}/${criterionId}`, 'upsert', {
    validationId,
    criterionId,
    result: 'COMPLIANT',
    notes,
    siteId: null,
    verificationMethods: ['OBSERVED_ON_SITE'],
    naJustification: '',
    version,
    updatedAt: AT,
    updatedBy: 'Dana Ruiz',
    baseVersion,
  });
}

export async function push(ctx: HqTestContext, token: string | null, body: unknown) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/v1/push',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    payload: body as object,
  });
  return {
    status: response.statusCode,
    body: response.json() as { receipts: Array<Record<string, unknown>>; auditChain?: Record<string, unknown> } & {
      error?: { code: string };
    },
  };
}

/** One change's answer in a push's receipts. */
export type PushReceipt = { outcome: string; reason?: string; current?: Record<string, unknown> };

/** When each step of a validation's workflow happens in the tests that walk it, all before HQ's clock. */
export const WORKFLOW_AT = {
  submitted: '2026-11-20T15:00:00.000Z',
  reviewStarted: '2026-11-21T09:00:00.000Z',
  returned: '2026-11-21T10:00:00.000Z',
  resubmitted: '2026-11-22T09:00:00.000Z',
  reviewRestarted: '2026-11-23T09:00:00.000Z',
  approved: '2026-11-24T09:00:00.000Z',
  issued: '2026-11-25T09:00:00.000Z',
  closed: '2026-12-01T09:00:00.000Z',
} as const;

/** Pushes changes as who's laptop would; HQ answers 200, or 409 when a change conflicts. */
export async function sendChanges(ctx: HqTestContext, who: Enrolled, ...changes: object[]): Promise<PushReceipt[]> {
  const { status, body } = await push(ctx, who.token, { changes });
  expect([200, 409]).toContain(status);
  return body.receipts as PushReceipt[];
}

/** Pushes changes HQ must apply, every one. */
export async function sendApplied(ctx: HqTestContext, who: Enrolled, ...changes: object[]): Promise<void> {
  const { status, body } = await push(ctx, who.token, { changes });
  expect(status).toBe(200);
  expect(body.receipts.map((r) => `${r.outcome} ${r.reason ?? ''}`.trim())).toEqual(changes.map(() => 'applied'));
}

export async function countRows(db: HqDb, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row?.n ?? 0;
}

/** Rows that content changes write: nothing here may move when a request is refused. */
export async function contentCounts(db: HqDb) {
  return {
    changes: await countRows(db, 'changes'),
    records: await countRows(db, 'records'),
    validations: await countRows(db, 'validations'),
  };
}

/** The fingerprint HQ expects an issued report of this validation to carry, from what HQ holds now. */
export async function reportShaAtHq(ctx: { db: HqDb }, validationId: string): Promise<string> {
  const [v] = await ctx.db.query<{ content_sha256: string | null; payload: Record<string, unknown> }>(
    'SELECT content_sha256, payload FROM validations WHERE id = $1',
    [validationId],
  );
  const records = await ctx.db.query<{ entity: string; payload: unknown }>(
    'SELECT entity, payload FROM records WHERE validation_id = $1',
    [validationId],
  );
  const sha = v && expectedReportSha256(validationId, { contentSha256: v.content_sha256, payload: v.payload }, records);
  if (!sha) throw new Error(`validation ${validationId} is not approved at HQ`);
  return sha;
}

/** A supervisor's device sets HQ's response period (PUT /v1/policy on `baseVersion`); HQ's answer, the new policy. */
export async function setResponseDaysAtHq(
  app: FastifyInstance,
  token: string,
  baseVersion: number,
  responseDays: number,
): Promise<HqPolicy> {
  const put = await app.inject({
    method: 'PUT',
    url: '/v1/policy',
    headers: { authorization: `Bearer ${token}` },
    payload: { baseVersion, policy: { ...DEFAULT_POLICY, responseDays } },
  });
  expect(put.statusCode, put.body).toBe(200);
  return HqPolicySchema.parse(put.json());
}

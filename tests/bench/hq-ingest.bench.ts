import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildHqApp } from '../../hq/app';
import { migrateHqDb } from '../../hq/db/migrate';
import { createPgDb } from '../../hq/db/pg-adapter';
import type { HqDb } from '../../hq/db/types';
import { enrolDevice, issueEnrolmentCode } from '../../hq/identity';
import type { Change } from '../../shared/sync/protocol';
import { AT, change, makeValidation, worksheetCriterionIds } from '../hq/changes';

const BENCH_DATABASE_URL =
  process.env.HQ_BENCH_DATABASE_URL ??
  process.env.HQ_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/ctpat_hq_test';
const BATCH = 500;
const NOTE =
  'Reviewed the written procedure with the security manager and sampled five shipments from the last quarter.';

export type BenchHqDb = { db: HqDb; where: string; dispose: () => Promise<void> };

/** A migrated HQ database in a fresh schema of the bench PostgreSQL server; dispose drops the schema. */
export async function openBenchHqDb(): Promise<BenchHqDb> {
  const url = new URL(BENCH_DATABASE_URL);
  await ensureDatabase(url);
  const schema = `hq_bench_${randomUUID().replace(/-/g, '')}`;
  const admin = createPgDb({ connectionString: BENCH_DATABASE_URL, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = createPgDb({ connectionString: BENCH_DATABASE_URL, searchPath: schema });
  const [{ server_version: version = '' } = {}] = await db.query<{ server_version: string }>('SHOW server_version');
  try {
    await migrateHqDb(db);
  } catch (error) {
    await db.close();
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
    throw error;
  }
  return {
    db,
    where: `PostgreSQL ${version} at ${url.host}${url.pathname}, schema ${schema}`,
    dispose: async () => {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

async function ensureDatabase(url: URL): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The HQ benchmarks need PostgreSQL at ${url.host} (${(error as Error).message}); set HQ_BENCH_DATABASE_URL.`,
    );
  }
  try {
    const name = url.pathname.slice(1);
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** An enrolled SCSS device: the token a laptop would hold. */
export async function enrolBenchDevice(db: HqDb, name = 'Bench SCSS'): Promise<string> {
  const { code } = await issueEnrolmentCode(db, { name, role: 'SCSS', fieldOffice: 'Houston' });
  const enrolled = await enrolDevice(db, code, `${name}'s laptop`);
  if (!enrolled) throw new Error('bench enrolment failed');
  return enrolled.token;
}

/** A highway carrier's worksheet on the bundled edition: HQ takes answers only to its criteria. */
const CARRIER_WORKSHEET = worksheetCriterionIds('HC');

function validationCreate(): Change {
  const validation = makeValidation(randomUUID(), { entityType: 'HC' });
  return change('validation', validation.id, 'create', validation as unknown as Record<string, unknown>);
}

/** One change per criterion of each worksheet, as a desktop sends them: an answer, or on every tenth a finding. */
function fieldWorkChanges(validationIds: string[], total: number): Change[] {
  const changes: Change[] = [];
  for (const validationId of validationIds) {
    for (const [n, criterionId] of CARRIER_WORKSHEET.entries()) {
      if (changes.length >= total) break;
      if (n % 10 === 9) {
        const id = randomUUID();
        changes.push(
          change('finding', id, 'upsert', {
            id,
            validationId,
            criterionId,
            classification: 'ACTION_REQUIRED',
            reasonCode: 'NOT_IMPLEMENTED',
            description: `The Member could not show that criterion ${criterionId} is implemented at this site.`,
            dueDate: '2027-02-18',
            version: 1,
            createdAt: AT,
            updatedAt: AT,
            baseVersion: 0,
          }),
        );
      } else {
        changes.push(
          change('criterion_response', `${validationId}/${criterionId}`, 'upsert', {
            validationId,
            criterionId,
            result: 'COMPLIANT',
            notes: NOTE,
            siteId: null,
            verificationMethods: ['OBSERVED_ON_SITE', 'DOCUMENT_REVIEWED'],
            naJustification: '',
            version: 1,
            updatedAt: AT,
            updatedBy: 'bench.scss',
            baseVersion: 0,
          }),
        );
      }
    }
  }
  return changes;
}

const batchesOf = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

type Push = (body: string) => Promise<{ status: number; body: string }>;

const injectPush =
  (app: FastifyInstance, token: string): Push =>
  async (body) => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: body,
    });
    return { status: response.statusCode, body: response.body };
  };

const socketPush =
  (baseUrl: string, token: string): Push =>
  async (body) => {
    const response = await fetch(`${baseUrl}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    return { status: response.status, body: await response.text() };
  };

/** Sends one batch and checks HQ applied all of it: a benchmark of refusals would measure nothing. */
async function pushApplied(send: Push, body: string, expected: number): Promise<void> {
  const answer = await send(body);
  if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  const receipts = (JSON.parse(answer.body) as { receipts: { outcome: string; reason?: string }[] }).receipts;
  const refused = receipts.filter((r) => r.outcome !== 'applied');
  if (receipts.length !== expected || refused.length > 0) {
    throw new Error(`push did not apply everything: ${JSON.stringify(refused[0] ?? receipts.length)}`);
  }
}

/** Untimed: creates the validations the field-work changes belong to, and returns the serialized batches. */
async function prepareRound(send: Push, changeCount: number): Promise<{ bodies: string[]; rows: unknown[][][] }> {
  const creates = Array.from({ length: Math.ceil(changeCount / CARRIER_WORKSHEET.length) }, validationCreate);
  for (const batch of batchesOf(creates, BATCH))
    await pushApplied(send, JSON.stringify({ changes: batch }), batch.length);
  const changes = fieldWorkChanges(
    creates.map((c) => c.entityId),
    changeCount,
  );
  const batches = batchesOf(changes, BATCH);
  return {
    bodies: batches.map((batch) => JSON.stringify({ changes: batch })),
    // The rows HQ's records table ends up with, for the raw INSERT of the same data.
    rows: batches.map((batch) =>
      batch.map(({ entity, entityId, payload }) => {
        const { baseVersion: _base, ...stored } = payload;
        return [entity, entityId, stored.validationId, 1, JSON.stringify(stored), AT];
      }),
    ),
  };
}

async function timedRound(send: Push, bodies: string[]): Promise<number> {
  let ms = 0;
  for (const body of bodies) {
    const started = performance.now();
    await pushApplied(send, body, (JSON.parse(body) as { changes: unknown[] }).changes.length);
    ms += performance.now() - started;
  }
  return ms;
}

export type HqIngestResult = {
  where: string;
  changes: number;
  hqMs: number;
  rawMs: number;
  /** The raw INSERT of both rows HQ stores per change (record and ledger entry), one transaction per batch. */
  rawWithLedgerMs: number;
  /** The same number of changes pushed by two devices at once (wall time): not comparable with the ratio. */
  twoDevicesMs: number;
  socketMs: number;
  /** Records' user triggers (migration 002's pull stamps), or null when there are none. */
  withoutTriggersMs: number | null;
  triggers: string[];
};

/**
 * HQ ingest through the real Fastify app (auth, zod, at-most-once ledger, records) beside a raw batched
 * INSERT of the same rows into a plain table with the records table's columns and key, in the same database,
 * batch by batch in turn so both see the same server state.
 */
export async function benchHqIngest(changeCount = 20_000): Promise<HqIngestResult> {
  const bench = await openBenchHqDb();
  const { db } = bench;
  const app = buildHqApp({ db });
  try {
    await app.ready();
    const token = await enrolBenchDevice(db);
    const viaInject = injectPush(app, token);
    await db.exec(`CREATE TABLE raw_records (
      entity text NOT NULL, entity_id text NOT NULL, validation_id uuid NOT NULL, version integer NOT NULL,
      payload jsonb NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (entity, entity_id))`);
    const rawInsert = (rows: unknown[][]) =>
      db.query(
        `INSERT INTO raw_records (entity, entity_id, validation_id, version, payload, updated_at) VALUES ${rows
          .map((_, r) => `(${[1, 2, 3, 4, 5, 6].map((c) => `$${r * 6 + c}`).join(', ')})`)
          .join(', ')}`,
        rows.flat(),
      );

    // What HQ persists per change is two rows: the record and its at-most-once ledger entry. A second baseline
    // writes both, raw, in one transaction per batch, to show how much of the gap is that second row.
    await db.exec(`CREATE TABLE raw_changes (
      change_id uuid PRIMARY KEY, content_sha256 text NOT NULL, device_id uuid NOT NULL, validation_id uuid NOT NULL,
      entity text NOT NULL, entity_id text NOT NULL, operation text NOT NULL, received_at timestamptz NOT NULL,
      outcome text NOT NULL)`);
    const rawInsertWithLedger = (rows: unknown[][]) =>
      db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO raw_records_2 (entity, entity_id, validation_id, version, payload, updated_at) VALUES ${rows
            .map((_, r) => `(${[1, 2, 3, 4, 5, 6].map((c) => `$${r * 6 + c}`).join(', ')})`)
            .join(', ')}`,
          rows.flat(),
        );
        const ledger = rows.map(([entity, entityId, validationId]) => [
          randomUUID(),
          'f'.repeat(64),
          randomUUID(),
          validationId,
          entity,
          entityId,
          'upsert',
          AT,
          'applied',
        ]);
        await tx.query(
          `INSERT INTO raw_changes VALUES ${ledger
            .map((_, r) => `(${Array.from({ length: 9 }, (_c, c) => `$${r * 9 + c + 1}`).join(', ')})`)
            .join(', ')}`,
          ledger.flat(),
        );
      });
    await db.exec('CREATE TABLE raw_records_2 (LIKE raw_records INCLUDING ALL)');

    // Warm-up, untimed: one batch each way, so neither side pays for first-use planning and caches.
    const warm = await prepareRound(viaInject, BATCH);
    await timedRound(viaInject, warm.bodies);
    for (const rows of warm.rows) {
      await rawInsert(rows.map(([e, id, ...rest]) => [e, `warm/${id}`, ...rest]));
      await rawInsertWithLedger(rows.map(([e, id, ...rest]) => [e, `warm/${id}`, ...rest]));
    }

    const round = await prepareRound(viaInject, changeCount);
    let hqMs = 0;
    let rawMs = 0;
    let rawWithLedgerMs = 0;
    for (const [i, body] of round.bodies.entries()) {
      hqMs += await timedRound(viaInject, [body]);
      const started = performance.now();
      await rawInsert(round.rows[i] ?? []);
      rawMs += performance.now() - started;
      const startedBoth = performance.now();
      await rawInsertWithLedger(round.rows[i] ?? []);
      rawWithLedgerMs += performance.now() - startedBoth;
    }

    // A separate figure, not the ratio's: two devices pushing at once, half the changes each, so one push's Node
    // work can overlap the other's PostgreSQL work, as when two laptops sync together.
    const viaSecondDevice = injectPush(app, await enrolBenchDevice(db, 'Second bench SCSS'));
    const halves = [
      await prepareRound(viaInject, changeCount / 2),
      await prepareRound(viaSecondDevice, changeCount / 2),
    ];
    const bothStarted = performance.now();
    await Promise.all([
      timedRound(viaInject, halves[0]?.bodies ?? []),
      timedRound(viaSecondDevice, halves[1]?.bodies ?? []),
    ]);
    const twoDevicesMs = performance.now() - bothStarted;

    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const viaSocket = socketPush(baseUrl, token);
    const socketRound = await prepareRound(viaSocket, changeCount);
    const socketMs = await timedRound(viaSocket, socketRound.bodies);

    const triggers = (
      await db.query<{ tgname: string }>(
        `SELECT tgname FROM pg_trigger WHERE tgrelid = 'records'::regclass AND NOT tgisinternal ORDER BY tgname`,
      )
    ).map((t) => t.tgname);
    let withoutTriggersMs: number | null = null;
    if (triggers.length > 0) {
      const bare = await prepareRound(viaInject, changeCount);
      await db.exec('ALTER TABLE records DISABLE TRIGGER USER');
      withoutTriggersMs = await timedRound(viaInject, bare.bodies);
      await db.exec('ALTER TABLE records ENABLE TRIGGER USER');
    }
    return {
      where: bench.where,
      changes: changeCount,
      hqMs,
      rawMs,
      rawWithLedgerMs,
      twoDevicesMs,
      socketMs,
      withoutTriggersMs,
      triggers,
    };
  } finally {
    await app.close();
    await bench.dispose();
  }
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000).toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function printHqIngest(result: HqIngestResult): void {
  const { changes } = result;
  console.log(
    `HQ ingest: ${changes.toLocaleString('en-US')} answer and finding changes in batches of ${BATCH} (${result.where})`,
  );
  const line = (label: string, text: string) => console.log(`  ${label.padEnd(52)} ${text}`);
  line(
    'HQ push through the Fastify app (inject)',
    `${perSecond(changes, result.hqMs)} changes/s  (${seconds(result.hqMs)})`,
  );
  line(
    `raw batched INSERT, ${BATCH} rows per statement, same rows`,
    `${perSecond(changes, result.rawMs)} rows/s  (${seconds(result.rawMs)})`,
  );
  line('ratio (HQ changes/s ÷ raw rows/s)', `${(result.rawMs / result.hqMs).toFixed(2)}   goal ≥ 0.5`);
  line(
    'raw record + ledger row per change, 1 tx per batch',
    `${perSecond(changes, result.rawWithLedgerMs)} changes/s  (${seconds(result.rawWithLedgerMs)})`,
  );
  line('ratio against what HQ stores per change', (result.rawWithLedgerMs / result.hqMs).toFixed(2));
  line(
    'HQ push, two devices at once, half each (inject)',
    `${perSecond(changes, result.twoDevicesMs)} changes/s  (${seconds(result.twoDevicesMs)})`,
  );
  line(
    'HQ push over a real socket (HTTP/1.1 keep-alive)',
    `${perSecond(changes, result.socketMs)} changes/s  (${seconds(result.socketMs)})`,
  );
  if (result.withoutTriggersMs !== null) {
    line(
      `the same, records' ${result.triggers.length} user triggers disabled`,
      `${perSecond(changes, result.withoutTriggersMs)} changes/s  (${seconds(result.withoutTriggersMs)})`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printHqIngest(await benchHqIngest(Number(process.env.HQ_BENCH_CHANGES ?? 20_000)));
}

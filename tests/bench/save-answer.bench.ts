import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyPragmas, type Db } from '../../db/connection';
import { listMembers } from '../../db/queries/members';
import { openAppServices } from '../../electron/services/app-services';
import { getEdition, worksheetCriteria } from '../../electron/services/catalog-service';
import { saveResponse } from '../../electron/services/response-service';
import type { ServiceContext } from '../../electron/services/service-context';
import { createValidation, requireValidation } from '../../electron/services/validation-service';
import type { ResponseResult } from '../../shared/domain/validation';
import { fmt, type Stats, summarize, timeMs } from './stats';

const RESULTS: ResponseResult[] = ['COMPLIANT', 'DEFICIENT', 'NOT_APPLICABLE', 'NOT_VERIFIED'];

export type SaveAnswerResult = {
  service: Stats;
  raw: Stats;
  /** Median service ÷ median raw. */
  ratio: number;
  /** p99 service ÷ p99 raw. */
  p99Ratio: number;
  /**
   * The same three rows a save stores (the response, its audit row, its outbox row) written by plain SQL in one
   * transaction into copies of the app's tables, with no reads, checks, hashing or JSON building: what storing
   * them durably costs by itself, so the service's own share can be told from the rows' share.
   */
  sameRows: Stats;
  /** Median and p99 service ÷ the same-rows transaction. */
  sameRowsRatio: { median: number; p99: number };
  /** The WAL checkpoints the app ran between the timed saves (ms each): real work, not inside any save. */
  checkpointsMs: number[];
  /** WAL pages appended per save (4 KiB each): a figure that does not depend on the disk or the machine's load. */
  pagesPerSave: { service: number; raw: number; sameRows: number };
};

export type SaveAnswerComparison = {
  /** An open app store; answers are saved through the service layer into `validationId`. */
  ctx: ServiceContext;
  validationId: string;
  /**
   * Connection holding the raw table: its own file (the skeleton's figure) or `ctx.db` itself, so that the raw
   * upsert shares the big store's file, WAL, page cache and checkpoints.
   */
  raw: Db;
  iterations?: number;
  warmup?: number;
  /** The app's checkpoint log, so what ran between saves is printed beside them. */
  checkpoints?: { durationsMs: number[] };
  /**
   * Grow each WAL to the size the timed run needs first, untimed (a store in use): its commits then overwrite
   * the file instead of lengthening it. Without it the first store's WAL grows through the whole run.
   */
  preGrowWal?: boolean;
};

/** Each save is its own task in the app (an IPC message); timers such as the WAL checkpoint run between them. */
const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Saving one answer through the service layer (response + status + hash-chained audit row + outbox row,
 * one fsync'd transaction) beside a raw single-row upsert with the same pragmas, interleaved in the same run.
 */
export async function compareSaveAnswer({
  ctx,
  validationId,
  raw,
  iterations = 2000,
  warmup = 200,
  checkpoints,
  preGrowWal = false,
}: SaveAnswerComparison): Promise<SaveAnswerResult> {
  const validation = requireValidation(ctx, validationId);
  const criteria = worksheetCriteria(getEdition(ctx, validation.catalogEditionId), validation.entityType);
  raw.exec(`CREATE TABLE IF NOT EXISTS raw_responses (validation_id TEXT NOT NULL, criterion_id TEXT NOT NULL,
      result TEXT, notes TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
      PRIMARY KEY (validation_id, criterion_id)) STRICT, WITHOUT ROWID`);
  const insert = raw.prepare(
    `INSERT INTO raw_responses VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (validation_id, criterion_id) DO UPDATE SET result = excluded.result, notes = excluded.notes,
     version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );

  const sameRows = sameRowsWriter(raw, validationId);
  if (preGrowWal) {
    for (let i = 0; i < warmup + iterations; i++) {
      const criterion = criteria[i % criteria.length];
      if (!criterion) throw new Error('no criteria');
      const result = RESULTS[(i + 2) % RESULTS.length] ?? 'COMPLIANT';
      saveResponse(ctx, { validationId, criterionId: criterion.id, result, notes: `grow ${i}` });
      insert.run(validationId, criterion.id, result, `grow ${i}`, i + 1, new Date().toISOString(), 'bench');
      sameRows.save(criterion.id, result, `grow ${i}`, i + 1);
    }
    // Copied into the database; the next write starts each WAL from its beginning, as after the app's checkpoint.
    for (const db of new Set([ctx.db, raw])) db.pragma('wal_checkpoint(RESTART)');
  }

  // Interleaved, so all three see the same disk and the same background load.
  const serviceSamples: number[] = [];
  const rawSamples: number[] = [];
  const sameRowsSamples: number[] = [];
  let checkpointsBefore = 0;
  for (let i = 0; i < warmup + iterations; i++) {
    await nextTask();
    if (i === warmup) checkpointsBefore = checkpoints?.durationsMs.length ?? 0;
    const criterion = criteria[i % criteria.length];
    if (!criterion) throw new Error('no criteria');
    const result = RESULTS[i % RESULTS.length] ?? 'COMPLIANT';
    const serviceMs = timeMs(() =>
      saveResponse(ctx, { validationId, criterionId: criterion.id, result, notes: `note ${i}` }),
    );
    await nextTask();
    const rawMs = timeMs(() =>
      insert.run(validationId, criterion.id, result, `note ${i}`, i + 1, new Date().toISOString(), 'bench'),
    );
    await nextTask();
    const sameRowsMs = timeMs(() => sameRows.save(criterion.id, result, `note ${i}`, i + 1));
    if (i >= warmup) {
      serviceSamples.push(serviceMs);
      rawSamples.push(rawMs);
      sameRowsSamples.push(sameRowsMs);
    }
  }
  const service = summarize(serviceSamples);
  const rawStats = summarize(rawSamples);
  const sameRowsStats = summarize(sameRowsSamples);
  const checkpointsMs = checkpoints?.durationsMs.slice(checkpointsBefore) ?? [];

  // Untimed: how many pages each kind of save appends to the WAL (each is written, then fsync'd, at commit).
  const walPages = (db: Db, saves: number, save: (i: number) => void): number => {
    const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    db.pragma('wal_autocheckpoint = 0');
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      for (let i = 0; i < saves; i++) save(i);
      const [frames] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
      return (frames?.log ?? Number.NaN) / saves;
    } finally {
      db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    }
  };
  const pageSaves = Math.min(200, criteria.length);
  const pagesPerSave = {
    service: walPages(ctx.db, pageSaves, (i) => {
      const criterion = criteria[i % criteria.length];
      if (!criterion) throw new Error('no criteria');
      saveResponse(ctx, { validationId, criterionId: criterion.id, result: RESULTS[(i + 1) % RESULTS.length] });
    }),
    raw: walPages(raw, pageSaves, (i) => {
      const criterion = criteria[i % criteria.length];
      if (!criterion) throw new Error('no criteria');
      insert.run(
        validationId,
        criterion.id,
        RESULTS[(i + 1) % RESULTS.length],
        'page count',
        i,
        new Date().toISOString(),
        'bench',
      );
    }),
    sameRows: walPages(raw, pageSaves, (i) => {
      const criterion = criteria[i % criteria.length];
      if (!criterion) throw new Error('no criteria');
      sameRows.save(criterion.id, RESULTS[(i + 1) % RESULTS.length] ?? 'COMPLIANT', 'page count', i);
    }),
  };
  return {
    service,
    raw: rawStats,
    ratio: service.median / rawStats.median,
    p99Ratio: service.p99 / rawStats.p99,
    sameRows: sameRowsStats,
    sameRowsRatio: { median: service.median / sameRowsStats.median, p99: service.p99 / sameRowsStats.p99 },
    checkpointsMs,
    pagesPerSave,
  };
}

/**
 * Copies of the app's response, audit and outbox tables (same columns, same partial index, no foreign keys) and
 * one transaction writing a save's three rows into them, with values shaped like the service's: the response
 * upsert, an audit row of the changed fields with 64-character hashes, an outbox row with the answer as JSON.
 */
function sameRowsWriter(db: Db, validationId: string) {
  db.exec(`CREATE TABLE IF NOT EXISTS same_rows_responses (validation_id TEXT NOT NULL, criterion_id TEXT NOT NULL,
      result TEXT, notes TEXT NOT NULL DEFAULT '', version INTEGER NOT NULL DEFAULT 1, updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL, site_id TEXT, verification_methods TEXT NOT NULL DEFAULT '[]',
      na_justification TEXT NOT NULL DEFAULT '', PRIMARY KEY (validation_id, criterion_id)) STRICT, WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS same_rows_responses_assessed ON same_rows_responses (criterion_id, result, validation_id)
      WHERE result IN ('COMPLIANT', 'DEFICIENT');
    CREATE TABLE IF NOT EXISTS same_rows_audit (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
      action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, before_json TEXT, after_json TEXT,
      prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
    CREATE TABLE IF NOT EXISTS same_rows_outbox (seq INTEGER PRIMARY KEY, change_id TEXT NOT NULL, entity TEXT NOT NULL,
      entity_id TEXT NOT NULL, operation TEXT NOT NULL, payload_json TEXT NOT NULL, created_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, parked_at TEXT, parked_reason TEXT, next_attempt_at TEXT)
      STRICT;`);
  const upsert = db.prepare(
    `INSERT INTO same_rows_responses (validation_id, criterion_id, result, notes, version, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (validation_id, criterion_id) DO UPDATE SET result = excluded.result, notes = excluded.notes,
     version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const audit = db.prepare(
    `INSERT INTO same_rows_audit (at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash)
     VALUES (?, 'bench.scss', 'response.save', 'criterion_response', ?, ?, ?, ?, ?)`,
  );
  const outbox = db.prepare(
    `INSERT INTO same_rows_outbox (change_id, entity, entity_id, operation, payload_json, created_at)
     VALUES (?, 'criterion_response', ?, 'upsert', ?, ?)`,
  );
  const hash = 'a'.repeat(64);
  const write = db.transaction((criterionId: string, result: ResponseResult, notes: string, version: number) => {
    const at = new Date().toISOString();
    const entityId = `${validationId}/${criterionId}`;
    upsert.run(validationId, criterionId, result, notes, version, at, 'bench.scss');
    audit.run(
      at,
      entityId,
      `{"result":"COMPLIANT","notes":"note"}`,
      `{"version":${version},"result":"${result}","notes":"${notes}"}`,
      hash,
      hash,
    );
    outbox.run(
      randomUUID(),
      entityId,
      `{"validationId":"${validationId}","criterionId":"${criterionId}","result":"${result}","notes":"${notes}","siteId":null,"verificationMethods":[],"naJustification":"","version":${version},"updatedAt":"${at}","updatedBy":"bench.scss","baseVersion":${version - 1}}`,
      at,
    );
  });
  return {
    save: (criterionId: string, result: ResponseResult, notes: string, version: number) =>
      write.immediate(criterionId, result, notes, version),
  };
}

/** The skeleton's figure: a fresh store with the demo Members; the raw table in a file of its own. */
export async function benchSaveAnswer(iterations = 2000, warmup = 200, preGrowWal = false): Promise<SaveAnswerResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ctpat-bench-save-'));
  try {
    const services = openAppServices({ dataDir: path.join(dir, 'app'), actor: 'bench.scss' });
    const { ctx } = services;
    const member = listMembers(ctx.db).find((m) => m.entityType === 'IMP');
    if (!member) throw new Error('demo seed has no importer');
    const validation = createValidation(ctx, {
      memberId: member.id,
      entityType: 'IMP',
      mode: 'IN_PERSON',
      scheduledDate: '2026-12-01',
    });
    const raw = new Database(path.join(dir, 'raw.sqlite3'));
    applyPragmas(raw);
    try {
      return await compareSaveAnswer({
        ctx,
        validationId: validation.id,
        raw,
        iterations,
        warmup,
        checkpoints: services.checkpoints,
        preGrowWal,
      });
    } finally {
      services.close();
      raw.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printSaveAnswer(
  result: SaveAnswerResult,
  title = 'Save one answer (durable: WAL, synchronous=FULL)',
  rawLabel = 'raw better-sqlite3 upsert, same pragmas:  ',
): void {
  console.log(title);
  console.log(
    `  service layer (response + audit + outbox): median ${fmt(result.service.median)}, p99 ${fmt(result.service.p99)}  (n=${result.service.n})`,
  );
  console.log(`  ${rawLabel} median ${fmt(result.raw.median)}, p99 ${fmt(result.raw.p99)}  (n=${result.raw.n})`);
  console.log(
    `  ratio service / raw: median ${result.ratio.toFixed(2)}, p99 ${result.p99Ratio.toFixed(2)}   goal ≤ 1.2 at both; budget: median ≤ 2 ms, p99 ≤ 10 ms`,
  );
  console.log(
    `  the same three rows (response, audit, outbox) by plain SQL in one transaction: median ${fmt(result.sameRows.median)}, p99 ${fmt(result.sameRows.p99)}; it alone is ${(result.sameRows.median / result.raw.median).toFixed(2)}× raw at median`,
  );
  console.log(
    `  ratio service / same rows: median ${result.sameRowsRatio.median.toFixed(2)}, p99 ${result.sameRowsRatio.p99.toFixed(2)}   (the service's reads, checks, hashing and JSON)`,
  );
  const cps = summarize(result.checkpointsMs);
  console.log(
    result.checkpointsMs.length === 0
      ? '  WAL checkpoints between the timed saves: none'
      : `  WAL checkpoints between the timed saves (not inside one): ${cps.n}, median ${fmt(cps.median)}, max ${fmt(cps.max)}`,
  );
  console.log(
    `  WAL pages written per save (untimed, 4 KiB each): service ${result.pagesPerSave.service.toFixed(2)}, raw ${result.pagesPerSave.raw.toFixed(2)}, same rows ${result.pagesPerSave.sameRows.toFixed(2)}`,
  );
}

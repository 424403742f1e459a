import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyPragmas } from '../../db/connection';
import { listMembers } from '../../db/queries/members';
import { openAppServices } from '../../electron/services/app-services';
import { getEdition, worksheetCriteria } from '../../electron/services/catalog-service';
import { saveResponse } from '../../electron/services/response-service';
import { createValidation } from '../../electron/services/validation-service';
import type { ResponseResult } from '../../shared/domain/validation';
import { fmt, summarize, timeMs } from './stats';

const RESULTS: ResponseResult[] = ['COMPLIANT', 'DEFICIENT', 'NOT_APPLICABLE', 'NOT_VERIFIED'];

/**
 * Saving one answer through the service layer (response + status + hash-chained audit row + outbox row,
 * one fsync'd transaction) beside a raw single-row insert with the same pragmas, in the same run.
 */
export function benchSaveAnswer(iterations = 2000, warmup = 200) {
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
    const criteria = worksheetCriteria(getEdition(ctx, validation.catalogEditionId), 'IMP');
    const raw = new Database(path.join(dir, 'raw.sqlite3'));
    applyPragmas(raw);
    raw.exec(`CREATE TABLE raw_responses (validation_id TEXT NOT NULL, criterion_id TEXT NOT NULL, result TEXT,
      notes TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
      PRIMARY KEY (validation_id, criterion_id)) STRICT, WITHOUT ROWID`);
    const insert = raw.prepare(
      `INSERT INTO raw_responses VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (validation_id, criterion_id) DO UPDATE SET result = excluded.result, notes = excluded.notes,
       version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );

    // Interleaved, so both see the same disk and the same background load.
    const serviceSamples: number[] = [];
    const rawSamples: number[] = [];
    for (let i = 0; i < warmup + iterations; i++) {
      const criterion = criteria[i % criteria.length];
      if (!criterion) throw new Error('no criteria');
      const result = RESULTS[i % RESULTS.length] ?? 'COMPLIANT';
      const serviceMs = timeMs(() =>
        saveResponse(ctx, { validationId: validation.id, criterionId: criterion.id, result, notes: `note ${i}` }),
      );
      const rawMs = timeMs(() =>
        insert.run(validation.id, criterion.id, result, `note ${i}`, i + 1, new Date().toISOString(), 'bench'),
      );
      if (i >= warmup) {
        serviceSamples.push(serviceMs);
        rawSamples.push(rawMs);
      }
    }
    services.close();
    raw.close();

    const service = summarize(serviceSamples);
    const rawStats = summarize(rawSamples);
    return { service, raw: rawStats, ratio: service.median / rawStats.median };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printSaveAnswer(result: ReturnType<typeof benchSaveAnswer>): void {
  console.log('Save one answer (durable: WAL, synchronous=FULL)');
  console.log(
    `  service layer (response + audit + outbox): median ${fmt(result.service.median)}, p99 ${fmt(result.service.p99)}  (n=${result.service.n})`,
  );
  console.log(
    `  raw better-sqlite3 upsert, same pragmas:   median ${fmt(result.raw.median)}, p99 ${fmt(result.raw.p99)}  (n=${result.raw.n})`,
  );
  console.log(
    `  ratio (median service / median raw): ${result.ratio.toFixed(2)}   budget: median ≤ 2 ms, p99 ≤ 10 ms, ratio ≤ 1.5`,
  );
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../db/migrations/index';
import { listValidations, type ValidationFilter } from '../../db/queries/validations';
import { openAppServices } from '../../electron/services/app-services';
import { saveResponse } from '../../electron/services/response-service';
import { createValidation } from '../../electron/services/validation-service';
import {
  capturePreparedSql,
  cleanupTempDbs,
  columns,
  createMigratedDb,
  insertEditionRow,
  insertMemberRow,
  insertResponseRow,
  insertValidationRow,
  queryPlan,
  UUIDS,
} from './helpers';

afterEach(cleanupTempDbs);

/** A version-4 store: one validation with two answered criteria and one with notes only, and a draft. */
function storeUpgradedTo5(): Db {
  const db = createMigratedDb(4);
  insertMemberRow(db, UUIDS.member1, 'IMP-1', 'Gulf Coast Imports');
  insertMemberRow(db, UUIDS.member2, 'IMP-2', 'Great Lakes Auto');
  insertEditionRow(db);
  insertValidationRow(db, {
    id: UUIDS.validation1,
    memberId: UUIDS.member1,
    status: 'IN_PROGRESS',
    scheduledDate: '2026-02-01',
  });
  insertValidationRow(db, { id: UUIDS.validation2, memberId: UUIDS.member2, scheduledDate: '2026-04-01' });
  insertResponseRow(db, UUIDS.validation1, '1.1', 'COMPLIANT');
  insertResponseRow(db, UUIDS.validation1, '4.1', 'DEFICIENT');
  insertResponseRow(db, UUIDS.validation1, '4.2', null);
  insertResponseRow(db, UUIDS.validation2, '1.1', null);
  expect(migrate(db, MIGRATIONS, 5)).toBe(5);
  return db;
}

function planOf(db: Db, filter: ValidationFilter): string {
  const sql = capturePreparedSql(db, () => listValidations(db, filter)).find((s) => s.includes('FROM validations'));
  if (!sql) throw new Error('listValidations prepared no statement');
  return queryPlan(db, sql, {
    memberId: filter.memberId ?? null,
    status: filter.status ?? null,
    scheduledFrom: filter.scheduledFrom ?? null,
    scheduledTo: filter.scheduledTo ?? null,
  }).join('\n');
}

describe('migration 005: answered counts kept on each validation', () => {
  it('counts the answers already recorded when it upgrades a store', () => {
    const db = storeUpgradedTo5();
    expect(schemaVersion(db)).toBe(5);
    expect(columns(db, 'validations').map((c) => c.name)).toContain('answered_count');
    const counts = db.prepare('SELECT id, answered_count FROM validations ORDER BY scheduled_date').all();
    expect(counts).toEqual([
      { id: UUIDS.validation1, answered_count: 2 },
      { id: UUIDS.validation2, answered_count: 0 },
    ]);
    expect(() => db.prepare('UPDATE validations SET answered_count = -1').run()).toThrow(/CHECK constraint failed/);
  });

  it('lists validations without reading their answers', () => {
    const db = storeUpgradedTo5();
    for (const filter of [{}, { memberId: UUIDS.member1 }, { status: 'IN_PROGRESS' as const }]) {
      expect(planOf(db, filter)).not.toMatch(/criterion_responses/);
    }
    expect(listValidations(db, {}).map((v) => v.answeredCount)).toEqual([0, 2]);
  });

  it('follows answers through the service: +1 when a criterion gets a result, -1 when it is cleared, 0 otherwise', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-m5-'));
    const services = openAppServices({ dataDir, actor: 'test.scss' });
    try {
      const { ctx } = services;
      const member = ctx.db.prepare("SELECT id FROM members WHERE entity_type = 'IMP' LIMIT 1").get() as { id: string };
      const v = createValidation(ctx, {
        memberId: member.id,
        entityType: 'IMP',
        mode: 'IN_PERSON',
        scheduledDate: '2026-05-01',
      });
      const count = () => listValidations(ctx.db, { memberId: member.id })[0]?.answeredCount;
      saveResponse(ctx, { validationId: v.id, criterionId: '1.1', notes: 'notes only' });
      expect(count()).toBe(0);
      saveResponse(ctx, { validationId: v.id, criterionId: '1.1', result: 'COMPLIANT' });
      saveResponse(ctx, { validationId: v.id, criterionId: '1.2', result: 'DEFICIENT' });
      expect(count()).toBe(2);
      saveResponse(ctx, { validationId: v.id, criterionId: '1.2', result: 'NOT_APPLICABLE' });
      expect(count()).toBe(2);
      saveResponse(ctx, { validationId: v.id, criterionId: '1.1', result: null });
      expect(count()).toBe(1);
      const truth = ctx.db
        .prepare('SELECT count(*) AS n FROM criterion_responses WHERE validation_id = ? AND result IS NOT NULL')
        .get(v.id) as { n: number };
      expect(count()).toBe(truth.n);
    } finally {
      services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

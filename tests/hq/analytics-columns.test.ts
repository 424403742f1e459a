import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deficiencyReasons, keyStatistics, topDeficiencies } from '../../hq/analytics';
import { migrateHqDb } from '../../hq/db/migrate';
import { HQ_MIGRATIONS } from '../../hq/db/migrations';
import type { HqQueryable } from '../../hq/db/types';
import type { HqUser } from '../../shared/sync/protocol';
import {
  answersCompleting,
  BACKENDS,
  change,
  createValidation,
  DANA,
  enrol,
  makeValidation,
  openDbMigratedTo,
  REVIEWER,
  reviewChange,
  sendApplied,
  submitChange,
  useHqBackend,
} from './helpers';

/**
 * The typed analytics columns of migration 008 follow the documents: filled for rows HQ held before the
 * migration, and kept in step as pushed changes insert and rewrite records, so the views see each change.
 */

const ANALYST: HqUser = { id: randomUUID(), name: 'Ari Cole', role: 'HQ_ANALYST', fieldOffice: 'Washington' };
const TODAY = { today: '2026-12-01' };

function findingChange(
  validationId: string,
  id: string,
  fields: { criterionId: string; classification: string; reasonCode: string | null; version?: number },
) {
  const version = fields.version ?? 1;
  return change('finding', id, 'upsert', {
    id,
    validationId,
    criterionId: fields.criterionId,
    classification: fields.classification,
    reasonCode: fields.reasonCode,
    description: `Finding on ${fields.criterionId}`,
    dueDate: null,
    version,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: `2026-03-0${version}T10:00:00.000Z`,
    baseVersion: version - 1,
  });
}

function answerChange(validationId: string, criterionId: string, result: string, version = 1) {
  return change('criterion_response', `${validationId}/${criterionId}`, 'upsert', {
    validationId,
    criterionId,
    result,
    notes: '',
    siteId: null,
    verificationMethods: ['DOCUMENT_REVIEWED'],
    naJustification: result === 'NOT_APPLICABLE' ? 'No such operations at this Member' : '',
    version,
    updatedAt: `2026-03-0${version}T10:00:00.000Z`,
    updatedBy: 'Dana Ruiz',
    baseVersion: version - 1,
  });
}

/** What the views say about the one validation: counted, deficiencies, reasons, and 4.1's assessed count. */
async function figures(db: HqQueryable) {
  const stats = await keyStatistics(db, ANALYST, {}, TODAY);
  const reasons = await deficiencyReasons(db, ANALYST, {});
  const top = await topDeficiencies(db, ANALYST, { limit: 10 });
  return {
    validations: stats.validationsSubmitted,
    deficiencies: stats.deficiencies,
    actionRequiredShare: stats.shareWithActionRequired,
    reasons: reasons.rows.map((r) => `${r.reasonCode} ${r.count}`),
    top: top.rows.map((r) => `${r.criterionId} ${r.timesDeficient}/${r.timesAssessed}`),
  };
}

describe.each(BACKENDS)('HQ analytics columns on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it('follows each pushed change: an edited finding and answer, the submission, and a review ruling the finding out', async () => {
    const dana = await enrol(ctx, DANA);
    const sam = await enrol(ctx, REVIEWER);
    const v = makeValidation(randomUUID(), { catalogEditionId: 'MSC-2019-11' });
    const findingId = randomUUID();
    const first = [
      answerChange(v.id, '4.1', 'DEFICIENT'),
      answerChange(v.id, '4.4', 'NOT_APPLICABLE'),
      findingChange(v.id, findingId, {
        criterionId: '4.1',
        classification: 'ACTION_REQUIRED',
        reasonCode: 'NOT_IMPLEMENTED',
      }),
    ];
    await sendApplied(ctx, dana, createValidation(v), ...first);
    // Not submitted yet: nothing counts.
    expect(await figures(ctx.db)).toMatchObject({ validations: 0, deficiencies: 0 });

    // The SCSS rewrites the finding (classification, reason, criterion) and both answers before submitting.
    const second = [
      answerChange(v.id, '4.1', 'COMPLIANT', 2),
      answerChange(v.id, '4.4', 'DEFICIENT', 2),
      findingChange(v.id, findingId, {
        criterionId: '4.4',
        classification: 'RECOMMENDATION',
        reasonCode: 'NO_WRITTEN_PROCEDURE',
        version: 2,
      }),
    ];
    const rest = answersCompleting(v, [...first, ...second]);
    await sendApplied(ctx, dana, ...second, ...rest);
    await sendApplied(ctx, dana, submitChange(v, [...first, ...second, ...rest], '2026-03-10T14:00:00.000Z'));
    expect(await figures(ctx.db)).toEqual({
      validations: 1,
      deficiencies: 1,
      actionRequiredShare: 0,
      reasons: ['NO_WRITTEN_PROCEDURE 1'],
      top: ['4.4 1/1'],
    });
    const [columns] = await ctx.db.query<Record<string, unknown>>(
      `SELECT criterion_id, category, classification, reason_code FROM records WHERE entity = 'finding' AND entity_id = $1`,
      [findingId],
    );
    expect(columns).toEqual({
      criterion_id: '4.4',
      category: 4,
      classification: 'RECOMMENDATION',
      reason_code: 'NO_WRITTEN_PROCEDURE',
    });

    // The reviewer rules it no finding, then changes their mind: the finding drops out, then counts again.
    const ruling = {
      reviewedBy: REVIEWER.name,
      decision: 'NON_CONCUR',
      proposedClassification: 'NO_FINDING',
      comment: 'The written procedure exists; this is no finding.',
      findingVersion: 2,
    } as const;
    await sendApplied(ctx, sam, reviewChange(v.id, findingId, ruling));
    expect(await figures(ctx.db)).toMatchObject({ validations: 1, deficiencies: 0, reasons: [], top: [] });
    await sendApplied(
      ctx,
      sam,
      reviewChange(v.id, findingId, { reviewedBy: REVIEWER.name, decision: 'CONCUR', version: 2, findingVersion: 2 }),
    );
    expect(await figures(ctx.db)).toMatchObject({ deficiencies: 1, reasons: ['NO_WRITTEN_PROCEDURE 1'] });
  });

  it('008 fills the columns for everything HQ held before it, and the views count it', async () => {
    const older = await openDbMigratedTo(backend, 7);
    try {
      const [user] = await older.db.query<{ id: string }>(
        `INSERT INTO users (id, name, role, field_office) VALUES ($1, 'Dana Ruiz', 'SCSS', 'Houston') RETURNING id`,
        [randomUUID()],
      );
      const v = makeValidation(randomUUID(), {
        mode: 'VIRTUAL',
        entityType: 'EXP',
        catalogEditionId: 'MSC-2019-11',
        status: 'SUBMITTED',
        submittedAt: '2026-06-15T23:30:00.000Z',
      });
      await older.db.query(
        `INSERT INTO validations (id, owner_user_id, field_office, status, workflow_state, version, payload, updated_at)
         VALUES ($1, $2, 'Houston', 'SUBMITTED', 'SUBMITTED', 1, $3::jsonb, now())`,
        [v.id, user?.id, JSON.stringify(v)],
      );
      const findingId = randomUUID();
      const rows = [
        answerChange(v.id, '12.3', 'DEFICIENT'),
        findingChange(v.id, findingId, {
          criterionId: '12.3',
          classification: 'ACTION_REQUIRED',
          reasonCode: 'NO_EVIDENCE',
        }),
      ];
      for (const r of rows) {
        await older.db.query(
          `INSERT INTO records (entity, entity_id, validation_id, version, payload, updated_at)
           VALUES ($1, $2, $3, 1, $4::jsonb, now())`,
          [r.entity, r.entityId, v.id, JSON.stringify(r.payload)],
        );
      }
      const [before] = await older.db.query<{ seq: string }>('SELECT pull_seq::text AS seq FROM validations');

      // 008 and every migration after it run on the older database.
      expect(await migrateHqDb(older.db)).toEqual(HQ_MIGRATIONS.slice(7).map((m) => m.version));
      const [validation] = await older.db.query<Record<string, unknown>>(
        `SELECT ever_submitted, submitted_at, submitted_day, member_id, entity_type, mode, edition, report_date,
           pull_seq::text AS seq FROM validations`,
      );
      expect(validation).toEqual({
        ever_submitted: true,
        submitted_at: '2026-06-15T23:30:00.000Z',
        submitted_day: '2026-06-15',
        member_id: v.memberId,
        entity_type: 'EXP',
        mode: 'VIRTUAL',
        edition: 'MSC-2019-11',
        report_date: null,
        // Added columns are computed in the table rewrite, not by an UPDATE: no pull sends the row again.
        seq: before?.seq,
      });
      const records = await older.db.query<Record<string, unknown>>(
        `SELECT entity, criterion_id, category, result, classification, reason_code FROM records ORDER BY entity`,
      );
      expect(records).toEqual([
        {
          entity: 'criterion_response',
          criterion_id: '12.3',
          category: 12,
          result: 'DEFICIENT',
          classification: null,
          reason_code: null,
        },
        {
          entity: 'finding',
          criterion_id: '12.3',
          category: 12,
          result: null,
          classification: 'ACTION_REQUIRED',
          reason_code: 'NO_EVIDENCE',
        },
      ]);
      expect(await figures(older.db)).toEqual({
        validations: 1,
        deficiencies: 1,
        actionRequiredShare: 100,
        reasons: ['NO_EVIDENCE 1'],
        top: ['12.3 1/1'],
      });
    } finally {
      await older.dispose();
    }
  });
});

import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { getResponse } from '../../db/queries/responses';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type AppServices, DATABASE_FILE_NAME } from '../../electron/services/app-services';
import { saveResponse } from '../../electron/services/response-service';
import type { Member, Validation } from '../../shared/domain/validation';
import { buildCompleteValidation, importers, newValidation } from './complete-validation';
import { appServicesFixture } from './services-fixture';

const { open, close, dataDir } = appServicesFixture('ctpat-audit-startup-');

type Laptop = { s: AppServices; dispatch: Dispatch; internalErrors: unknown[] };

function dispatcherFor(s: AppServices): Laptop {
  const internalErrors: unknown[] = [];
  const handlers = createHandlers(s.ctx, { version: '0.0.0-test', dataDir: dataDir(), transport: 'web-harness' });
  return { s, dispatch: createDispatcher(handlers, (_m, e) => internalErrors.push(e)), internalErrors };
}

/** A validation ready to submit (A) and one with a single answer (B), of two different Members. */
function fieldWeek(): { a: Validation; b: Validation; memberA: Member } {
  const s = open();
  const [memberA, memberB] = importers(s);
  const { validation: a } = buildCompleteValidation(s, { member: memberA });
  const b = newValidation(s, { member: memberB });
  saveResponse(s.ctx, { validationId: b.id, criterionId: '1.1', result: 'COMPLIANT' });
  close();
  return { a, b, memberA };
}

/** Changes the store behind the app's back, with its own connection, as someone with the file would. */
function tamper(sql: string, ...params: unknown[]): void {
  const raw = new Database(path.join(dataDir(), DATABASE_FILE_NAME));
  try {
    raw.prepare(sql).run(...params);
  } finally {
    raw.close();
  }
}

const counts = (db: Db) =>
  db.prepare('SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM sync_outbox) AS outbox').get();

const refusedForAuditChain = {
  ok: false,
  error: {
    code: 'AUDIT_CHAIN_BROKEN',
    message: expect.stringMatching(
      /^This validation is read-only.*changed outside the app.*not saved.*field office.*do not re-enter the data/,
    ),
    key: 'errors.auditChain.validation',
    params: { seq: expect.any(Number) },
  },
};

describe('a store whose audit log was altered, opened again', () => {
  it('reports the break at start-up and makes only the affected validation read-only', async () => {
    const { a, b, memberA } = fieldWeek();
    tamper(
      `UPDATE audit_log SET after_json = replace(after_json, 'DEFICIENT', 'COMPLIANT')
       WHERE entity = 'criterion_response' AND entity_id = ?`,
      `${a.id}/4.1`,
    );
    const { s, dispatch, internalErrors } = dispatcherFor(open());

    const status = await dispatch('audit:status', {});
    expect(status).toMatchObject({
      ok: true,
      value: {
        intact: false,
        firstBreak: { kind: 'edited', entityId: `${a.id}/4.1` },
        affected: { wholeStore: false, validationIds: [a.id] },
        affectedValidations: [{ id: a.id, memberName: memberA.legalName, scheduledDate: a.scheduledDate }],
      },
    });

    // Every kind of save to A is refused, and nothing of it reaches the store.
    const before = counts(s.ctx.db);
    const answerBefore = getResponse(s.ctx.db, a.id, '1.1');
    expect(await dispatch('responses:save', { validationId: a.id, criterionId: '1.1', notes: 'changed' })).toEqual(
      refusedForAuditChain,
    );
    expect(
      await dispatch('sites:save', {
        validationId: a.id,
        name: 'Annex',
        address: '2 Dock Rd',
        siteType: 'WAREHOUSE',
        visitDate: null,
      }),
    ).toEqual(refusedForAuditChain);
    expect(
      await dispatch('validations:submit', { validationId: a.id, signedByName: 'Dana Ruiz', attestation: true }),
    ).toEqual(refusedForAuditChain);
    expect(getResponse(s.ctx.db, a.id, '1.1')).toEqual(answerBefore);
    expect(counts(s.ctx.db)).toEqual(before);
    expect(await dispatch('worksheet:open', { validationId: a.id })).toMatchObject({
      ok: true,
      value: { validation: { status: 'IN_PROGRESS' } },
    });

    // B, and the rest of the app, carry on.
    expect(
      await dispatch('responses:save', { validationId: b.id, criterionId: '1.2', result: 'DEFICIENT' }),
    ).toMatchObject({ ok: true, value: { result: 'DEFICIENT' } });
    expect(getResponse(s.ctx.db, b.id, '1.2')?.result).toBe('DEFICIENT');
    expect(internalErrors).toEqual([]);
  });

  it('a removed row names no validation: every validation is read-only, settings still save', async () => {
    const { a, b } = fieldWeek();
    // B's creation: a middle row (deleting the newest ones leaves a valid, shorter chain).
    tamper("DELETE FROM audit_log WHERE entity = 'validation' AND entity_id = ?", b.id);
    const { dispatch } = dispatcherFor(open());

    expect(await dispatch('audit:status', {})).toMatchObject({
      ok: true,
      value: { intact: false, firstBreak: { kind: 'unlinked' }, affected: { wholeStore: true } },
    });
    for (const v of [a, b]) {
      const refused = await dispatch('responses:save', { validationId: v.id, criterionId: '2.1', notes: 'Seen.' });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'AUDIT_CHAIN_BROKEN',
          message: expect.stringMatching(/^Every validation on this computer is read-only/),
        },
      });
    }
    const settings = await dispatch('settings:get', {});
    if (!settings.ok) throw new Error(settings.error.message);
    expect(await dispatch('settings:update', { ...(settings.value as object), responseDays: 45 })).toMatchObject({
      ok: true,
      value: { responseDays: 45 },
    });
  });

  it('an intact store opens with a clean report and every validation takes saves', async () => {
    const { a } = fieldWeek();
    const { dispatch } = dispatcherFor(open());
    expect(await dispatch('audit:status', {})).toMatchObject({
      ok: true,
      value: { intact: true, firstBreak: null, rows: expect.any(Number), affectedValidations: [] },
    });
    expect(await dispatch('responses:save', { validationId: a.id, criterionId: '1.1', notes: 'ok' })).toMatchObject({
      ok: true,
    });
  });

  it('Verify audit log on demand finds a change made while the app runs, and holds it from then on', async () => {
    const { a, b } = fieldWeek();
    const { s, dispatch } = dispatcherFor(open());
    expect(await dispatch('responses:save', { validationId: a.id, criterionId: '1.1', notes: 'before' })).toMatchObject(
      {
        ok: true,
      },
    );
    s.ctx.db
      .prepare("UPDATE audit_log SET actor = 'someone.else' WHERE entity = 'validation' AND entity_id = ?")
      .run(b.id);

    const verified = await dispatch('audit:verify', {});
    expect(verified).toMatchObject({
      ok: true,
      value: { intact: false, affected: { wholeStore: false, validationIds: [b.id] } },
    });
    expect(await dispatch('audit:status', {})).toEqual(verified);
    expect(await dispatch('responses:save', { validationId: b.id, criterionId: '1.1', notes: 'x' })).toEqual(
      refusedForAuditChain,
    );
    expect(await dispatch('responses:save', { validationId: a.id, criterionId: '1.1', notes: 'after' })).toMatchObject({
      ok: true,
    });
  });
});

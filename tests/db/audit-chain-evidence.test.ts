import { describe, expect, it } from 'vitest';
import { auditChainHead, checkAuditChain, GENESIS_HASH } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { listMembers } from '../../db/queries/members';
import type { AppServices } from '../../electron/services/app-services';
import { saveSite } from '../../electron/services/field-work-service';
import { saveResponse } from '../../electron/services/response-service';
import { getSettings, updateSettings } from '../../electron/services/settings-service';
import { createValidation } from '../../electron/services/validation-service';
import type { Validation } from '../../shared/domain/validation';
import { rechainFrom } from './audit-tamper';
import { appServicesFixture } from './services-fixture';

const { open } = appServicesFixture('ctpat-audit-evidence-');

/** Two validations of two demo Members, each with a few answers: the shape of a laptop mid-week. */
function twoValidations(s: AppServices): { a: Validation; b: Validation } {
  const [m1, m2] = listMembers(s.ctx.db).filter((m) => m.entityType === 'IMP');
  if (!m1 || !m2) throw new Error('expected two demo importers');
  const create = (memberId: string) =>
    createValidation(s.ctx, { memberId, entityType: 'IMP', mode: 'IN_PERSON', scheduledDate: '2026-03-10' });
  const a = create(m1.id);
  const b = create(m2.id);
  for (const v of [a, b]) {
    saveResponse(s.ctx, { validationId: v.id, criterionId: '1.1', result: 'COMPLIANT' });
    saveResponse(s.ctx, { validationId: v.id, criterionId: '1.2', result: 'DEFICIENT', notes: 'No written policy.' });
  }
  return { a, b };
}

const seqOf = (db: Db, where: string, ...params: unknown[]): number =>
  (db.prepare(`SELECT seq FROM audit_log WHERE ${where} ORDER BY seq LIMIT 1`).get(...params) as { seq: number }).seq;

describe('what a check of the audit chain reports', () => {
  it('an intact store: how many rows, the first and last, and the head hash the sync layer sends HQ', () => {
    const s = open();
    twoValidations(s);
    const db = s.ctx.db;
    const rows = db.prepare('SELECT seq, at, hash FROM audit_log ORDER BY seq').all() as {
      seq: number;
      at: string;
      hash: string;
    }[];
    const check = checkAuditChain(db);
    expect(check).toMatchObject({
      intact: true,
      rows: rows.length,
      first: { seq: rows[0]?.seq, at: rows[0]?.at },
      last: { seq: rows.at(-1)?.seq, at: rows.at(-1)?.at },
      headHash: rows.at(-1)?.hash,
      firstBreak: null,
      breakCount: 0,
      affected: { wholeStore: false, validationIds: [] },
    });
    expect(auditChainHead(db)).toEqual({ seq: rows.at(-1)?.seq, count: rows.length, hash: check.headHash });
  });

  it('an empty log has the genesis head', () => {
    const s = open({ seedDemoData: false });
    expect(auditChainHead(s.ctx.db)).toEqual({ seq: 0, count: 0, hash: GENESIS_HASH });
    expect(checkAuditChain(s.ctx.db)).toMatchObject({ intact: true, rows: 0, first: null, last: null });
  });

  it('an answer edited in the middle of the log is found at its row and blamed on its validation only', () => {
    const s = open();
    const { a } = twoValidations(s);
    const db = s.ctx.db;
    const seq = seqOf(db, 'entity_id = ?', `${a.id}/1.2`);
    db.prepare("UPDATE audit_log SET after_json = replace(after_json, 'DEFICIENT', 'COMPLIANT') WHERE seq = ?").run(
      seq,
    );
    const check = checkAuditChain(db);
    expect(check.intact).toBe(false);
    expect(check.firstBreak).toMatchObject({
      seq,
      kind: 'edited',
      entity: 'criterion_response',
      entityId: `${a.id}/1.2`,
    });
    expect(check.affected).toEqual({ wholeStore: false, validationIds: [a.id] });
  });

  it('a record that carries its validationId (a site) is blamed on that validation', () => {
    const s = open();
    const { b } = twoValidations(s);
    const site = saveSite(s.ctx, {
      validationId: b.id,
      name: 'Main warehouse',
      address: '1 Dock Rd',
      siteType: 'WAREHOUSE',
      visitDate: null,
    });
    s.ctx.db
      .prepare("UPDATE audit_log SET after_json = replace(after_json, '1 Dock Rd', '9 Other St') WHERE entity_id = ?")
      .run(site.id);
    expect(checkAuditChain(s.ctx.db).affected).toEqual({ wholeStore: false, validationIds: [b.id] });
  });

  it('carries on past the first break, so edits in two validations are both found', () => {
    const s = open();
    const { a, b } = twoValidations(s);
    const db = s.ctx.db;
    db.prepare("UPDATE audit_log SET actor = 'someone.else' WHERE entity_id IN (?, ?)").run(
      `${a.id}/1.1`,
      `${b.id}/1.2`,
    );
    const check = checkAuditChain(db);
    expect(check.breakCount).toBe(2);
    expect(check.breaks.map((x) => x.entityId)).toEqual([`${a.id}/1.1`, `${b.id}/1.2`]);
    expect(check.affected).toEqual({ wholeStore: false, validationIds: [a.id, b.id].sort() });
  });

  it('a removed middle row cannot be traced to a validation, so the whole store is affected', () => {
    const s = open();
    const { a } = twoValidations(s);
    const db = s.ctx.db;
    const seq = seqOf(db, 'entity_id = ?', `${a.id}/1.1`);
    db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
    expect(checkAuditChain(db)).toMatchObject({
      intact: false,
      firstBreak: { seq: seq + 1, kind: 'unlinked' },
      affected: { wholeStore: true, validationIds: [] },
    });
  });

  it('an edited row that names no validation (settings) affects the whole store', () => {
    const s = open();
    twoValidations(s);
    updateSettings(s.ctx, { ...getSettings(s.ctx), responseDays: 60 });
    s.ctx.db
      .prepare(
        `UPDATE audit_log SET after_json = replace(after_json, '"responseDays":60', '"responseDays":90') WHERE entity = 'settings'`,
      )
      .run();
    expect(checkAuditChain(s.ctx.db).affected).toEqual({ wholeStore: true, validationIds: [] });
  });

  it('an entity id edited to name a validation not on this computer does not shift the blame: whole store', () => {
    const s = open();
    const { a } = twoValidations(s);
    s.ctx.db
      .prepare('UPDATE audit_log SET entity_id = ? WHERE entity_id = ?')
      .run('ffffffff-ffff-4fff-8fff-ffffffffffff/1.1', `${a.id}/1.1`);
    expect(checkAuditChain(s.ctx.db).affected.wholeStore).toBe(true);
  });
});

describe('what only a head recorded elsewhere (HQ) can reveal', () => {
  it('truncation: deleting the newest rows leaves a valid shorter chain, caught against the recorded head', () => {
    const s = open();
    twoValidations(s);
    const db = s.ctx.db;
    const recorded = auditChainHead(db);
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(recorded.seq - 2);

    const local = checkAuditChain(db);
    expect(local).toMatchObject({ intact: true, rows: recorded.count - 2 });
    expect(local.headHash).not.toBe(recorded.hash);

    const held = checkAuditChain(db, { knownHead: recorded });
    expect(held).toMatchObject({
      intact: false,
      firstBreak: { seq: recorded.seq, kind: 'head-mismatch', at: null },
      affected: { wholeStore: true },
      comparedWithHead: { seq: recorded.seq, hash: recorded.hash },
    });
  });

  it('truncation followed by new saves reuses the seq: the recorded head no longer matches', () => {
    const s = open();
    const { a } = twoValidations(s);
    const db = s.ctx.db;
    const recorded = auditChainHead(db);
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(recorded.seq - 1);
    saveResponse(s.ctx, { validationId: a.id, criterionId: '1.3', result: 'COMPLIANT' });
    expect(auditChainHead(db).seq).toBe(recorded.seq);
    expect(checkAuditChain(db).intact).toBe(true);
    expect(checkAuditChain(db, { knownHead: recorded }).firstBreak).toMatchObject({ kind: 'head-mismatch' });
  });

  it('full rewrite: a row changed and every later hash recomputed passes locally, caught against the head', () => {
    const s = open();
    const { a } = twoValidations(s);
    const db = s.ctx.db;
    const recorded = auditChainHead(db);
    const seq = seqOf(db, 'entity_id = ?', `${a.id}/1.2`);
    db.prepare("UPDATE audit_log SET after_json = replace(after_json, 'DEFICIENT', 'COMPLIANT') WHERE seq = ?").run(
      seq,
    );
    rechainFrom(db, seq);

    expect(checkAuditChain(db).intact).toBe(true);
    expect(checkAuditChain(db, { knownHead: recorded })).toMatchObject({
      intact: false,
      firstBreak: { seq: recorded.seq, kind: 'head-mismatch' },
      affected: { wholeStore: true },
    });
  });

  it('an unchanged store matches the head it recorded', () => {
    const s = open();
    twoValidations(s);
    const recorded = auditChainHead(s.ctx.db);
    expect(checkAuditChain(s.ctx.db, { knownHead: recorded }).intact).toBe(true);
  });
});

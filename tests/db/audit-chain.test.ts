import { afterEach, describe, expect, it } from 'vitest';
import { type AuditEntry, appendAudit, GENESIS_HASH, verifyAuditChain } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { cleanupTempDbs, countRows, createMigratedDb, openTempDbFile } from './helpers';

afterEach(cleanupTempDbs);

const entry = (i: number): AuditEntry => ({
  at: `2026-03-02T14:00:0${i}.000Z`,
  actor: 'test.scss',
  action: 'response.save',
  entity: 'criterion_response',
  entityId: `v-1/4.${i}`,
  before: i === 1 ? null : { result: 'DEFICIENT', notes: '' },
  after: { result: 'COMPLIANT', notes: `Checked binder ${i}` },
});

function chainOf(n: number): { db: Db; hashes: string[] } {
  const db = createMigratedDb();
  const hashes: string[] = [];
  for (let i = 1; i <= n; i++) hashes.push(db.transaction(() => appendAudit(db, entry(i)))());
  return { db, hashes };
}

describe('audit log hash chain', () => {
  it('an empty log verifies', () => {
    const db = createMigratedDb();
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 0, headHash: GENESIS_HASH });
  });

  it('a chain of appended rows verifies, each row linked to the one before', () => {
    const { db, hashes } = chainOf(5);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 5, headHash: hashes[4] });
    const rows = db.prepare('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq').all() as {
      seq: number;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS_HASH, ...hashes.slice(0, 4)]);
    expect(new Set(hashes).size).toBe(5);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it('still verifies after the file is closed and reopened', () => {
    const { db, hashes } = chainOf(3);
    const file = db.name;
    db.close();
    expect(verifyAuditChain(openTempDbFile(file))).toEqual({ ok: true, rows: 3, headHash: hashes[2] });
  });

  it('detects an after_json edited with raw SQL at that row', () => {
    const { db } = chainOf(5);
    db.prepare('UPDATE audit_log SET after_json = ? WHERE seq = 3').run(
      JSON.stringify({ result: 'DEFICIENT', notes: 'Checked binder 3' }),
    );
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.brokenAtSeq).toBe(3);
    expect(report.reason).toMatch(/edited/);
  });

  it('detects an edit to who did it, not just what', () => {
    const { db } = chainOf(3);
    db.prepare("UPDATE audit_log SET actor = 'someone.else' WHERE seq = 1").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtSeq: 1 });
  });

  it('detects a before_json cleared with raw SQL', () => {
    const { db } = chainOf(3);
    db.prepare('UPDATE audit_log SET before_json = NULL WHERE seq = 2').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: expect.stringMatching(/edited/) });
  });

  it('detects a deleted middle row at the row that followed it', () => {
    const { db } = chainOf(5);
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(countRows(db, 'audit_log')).toBe(4);
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.brokenAtSeq).toBe(4);
    expect(report.reason).toMatch(/removed or inserted/);
  });

  it('keeps chaining correctly after new rows are appended to a verified log', () => {
    const { db } = chainOf(2);
    const head = db.transaction(() => appendAudit(db, entry(3)))();
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 3, headHash: head });
  });
});

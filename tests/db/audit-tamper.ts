import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '../../db/audit-log';
import type { Db } from '../../db/connection';

/** Rewrites every hash from `fromSeq` on, as someone who knows the (public) scheme would after an edit. */
export function rechainFrom(db: Db, fromSeq: number): void {
  type Row = { seq: number; at: string; actor: string; action: string; entity: string; entity_id: string };
  const rows = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(fromSeq) as (Row & {
    before_json: string | null;
    after_json: string | null;
  })[];
  let prev = (db.prepare('SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').pluck().get(fromSeq) ??
    GENESIS_HASH) as string;
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows) {
    const canonical = JSON.stringify([
      prev,
      r.at,
      r.actor,
      r.action,
      r.entity,
      r.entity_id,
      r.before_json,
      r.after_json,
    ]);
    const hash = createHash('sha256').update(canonical).digest('hex');
    update.run(prev, hash, r.seq);
    prev = hash;
  }
}

import { MemberRecordChangeSchema, type MemberRecordEvent } from '../../shared/domain/member-record/events';
import { foldMemberRecord } from '../../shared/domain/member-record/fold';
import { type Message, type MessageRef, MessageRefSchema } from '../../shared/messages';
import type { Db } from '../connection';
import { pluckStmt, stmt } from '../statements';
import { insertMemberRecordEvent, listMemberRecordEvents, setMemberCorrespondenceLanguage } from './member-record';

/** A Member's record changes on their way to HQ: which wait, which HQ refused and why. */

export type RefusedMemberChange = {
  id: string;
  baseVersion: number;
  at: string;
  actorName: string;
  change: MemberRecordEvent['change'];
  refusedAt: string;
  /** HQ's message for the person, by key. */
  reason: MessageRef;
};

/** Members with changes HQ does not hold yet, oldest change first. */
export function membersWithUnsentChanges(db: Db): string[] {
  return pluckStmt(
    db,
    `SELECT member_id FROM member_record_events WHERE sync_state = 'UNSENT'
     GROUP BY member_id ORDER BY min(at), member_id`,
  ).all() as string[];
}

/** The Member's changes HQ does not hold yet, in version order. */
export function unsentChanges(db: Db, memberId: string): MemberRecordEvent[] {
  const unsent = new Set(
    pluckStmt(db, `SELECT id FROM member_record_events WHERE member_id = ? AND sync_state = 'UNSENT'`).all(
      memberId,
    ) as string[],
  );
  return listMemberRecordEvents(db, memberId).filter((e) => unsent.has(e.id));
}

export const countUnsentChanges = (db: Db, memberId: string): number =>
  pluckStmt(db, `SELECT count(*) FROM member_record_events WHERE member_id = ? AND sync_state = 'UNSENT'`).get(
    memberId,
  ) as number;

/** Whether a change of the Member's language and contacts made here waits for HQ: HQ's language must not replace it. */
export const hasUnsentDetails = (db: Db, memberId: string): boolean =>
  stmt(
    db,
    `SELECT 1 FROM member_record_events WHERE member_id = ? AND sync_state = 'UNSENT' AND kind = 'DETAILS_SET' LIMIT 1`,
  ).get(memberId) !== undefined;

export function markChangesSent(db: Db, ids: readonly string[]): void {
  for (const id of ids) stmt(db, `UPDATE member_record_events SET sync_state = 'SENT' WHERE id = ?`).run(id);
}

/**
 * Takes the Member's changes HQ does not hold, from `fromVersion` on, out of the record into the refused list
 * with HQ's message: the record goes back to what HQ holds, the changes stay visible to be made again.
 */
export function refuseUnsentChanges(
  db: Db,
  memberId: string,
  fromVersion: number,
  reason: Message,
  at: string,
): number {
  const moving = unsentChanges(db, memberId).filter((e) => e.version >= fromVersion);
  const told: MessageRef = { key: reason.key, ...(reason.params ? { params: reason.params } : {}) };
  for (const e of moving) {
    stmt(
      db,
      `INSERT OR REPLACE INTO member_record_refused (id, member_id, base_version, kind, change_json, at, actor_json,
         actor_name, refused_at, reason_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.id,
      memberId,
      e.version - 1,
      e.change.kind,
      JSON.stringify(e.change),
      e.at,
      e.actor === null ? null : JSON.stringify(e.actor),
      e.actorName,
      at,
      JSON.stringify(told),
    );
    stmt(db, 'DELETE FROM member_record_events WHERE id = ?').run(e.id);
  }
  if (moving.some((e) => e.change.kind === 'DETAILS_SET')) restoreLanguage(db, memberId);
  return moving.length;
}

/**
 * A language change taken out of the record takes its language with it: the record's own, else HQ's (the next
 * pulled copy of the Member is taken whatever its time).
 */
function restoreLanguage(db: Db, memberId: string): void {
  const { correspondenceLanguage } = foldMemberRecord(listMemberRecordEvents(db, memberId)).state;
  if (correspondenceLanguage) setMemberCorrespondenceLanguage(db, memberId, correspondenceLanguage);
  else stmt(db, 'UPDATE members SET hq_updated_at = NULL WHERE id = ?').run(memberId);
}

type RefusedRow = {
  id: string;
  member_id: string;
  base_version: number;
  at: string;
  actor_name: string;
  change_json: string;
  refused_at: string;
  reason_json: string;
};

const toRefused = (r: RefusedRow): RefusedMemberChange => ({
  id: r.id,
  baseVersion: r.base_version,
  at: r.at,
  actorName: r.actor_name,
  change: MemberRecordChangeSchema.parse(JSON.parse(r.change_json)),
  refusedAt: r.refused_at,
  reason: MessageRefSchema.parse(JSON.parse(r.reason_json)),
});

/** The changes HQ refused for this Member, newest first. */
export function listRefusedChanges(db: Db, memberId: string): RefusedMemberChange[] {
  const rows = stmt(
    db,
    'SELECT * FROM member_record_refused WHERE member_id = ? ORDER BY refused_at DESC, at DESC',
  ).all(memberId) as RefusedRow[];
  return rows.map(toRefused);
}

/** One refused change with the Member it belongs to, or null when it is no longer waiting for a decision. */
export function findRefusedChange(db: Db, id: string): (RefusedMemberChange & { memberId: string }) | null {
  const row = stmt(db, 'SELECT * FROM member_record_refused WHERE id = ?').get(id) as RefusedRow | undefined;
  return row ? { ...toRefused(row), memberId: row.member_id } : null;
}

export function deleteRefusedChange(db: Db, id: string): void {
  stmt(db, 'DELETE FROM member_record_refused WHERE id = ?').run(id);
}

/** Keeps a refused change refused, with the newer reason (e.g. the record as it is now does not allow it). */
export function refuseChangeAgain(db: Db, id: string, reason: Message, at: string): void {
  const told: MessageRef = { key: reason.key, ...(reason.params ? { params: reason.params } : {}) };
  stmt(db, 'UPDATE member_record_refused SET refused_at = ?, reason_json = ? WHERE id = ?').run(
    at,
    JSON.stringify(told),
    id,
  );
}

/** The local Member HQ's id names: the same id, or the Member HQ matched by account number. */
export function localMemberIdOf(db: Db, hqMemberId: string): string | null {
  return (
    (pluckStmt(db, 'SELECT id FROM members WHERE id = ? OR hq_member_id = ? ORDER BY id = ? DESC LIMIT 1').get(
      hqMemberId,
      hqMemberId,
      hqMemberId,
    ) as string | undefined) ?? null
  );
}

/** The id HQ knows this Member by. */
export function hqMemberIdOf(db: Db, localMemberId: string): string {
  return (
    (pluckStmt(db, 'SELECT coalesce(hq_member_id, id) FROM members WHERE id = ?').get(localMemberId) as
      | string
      | undefined) ?? localMemberId
  );
}

export function setHqMemberId(db: Db, localMemberId: string, hqMemberId: string): void {
  stmt(db, 'UPDATE members SET hq_member_id = ? WHERE id = ?').run(
    hqMemberId === localMemberId ? null : hqMemberId,
    localMemberId,
  );
}

/**
 * Stores one of HQ's changes under the local Member. HQ is authoritative: a local change waiting at the same
 * version is stale and moves to the refused list with `staleReason`; one this laptop sent is marked held.
 * Returns whether the change was new here.
 */
export function storeHqChange(
  db: Db,
  localMemberId: string,
  event: MemberRecordEvent,
  staleReason: () => Message,
  at: string,
): boolean {
  const known = stmt(db, 'SELECT member_id, version FROM member_record_events WHERE id = ?').get(event.id) as
    | { member_id: string; version: number }
    | undefined;
  if (known) {
    stmt(db, `UPDATE member_record_events SET sync_state = 'SENT' WHERE id = ?`).run(event.id);
    return false;
  }
  const clash = stmt(db, 'SELECT id, sync_state FROM member_record_events WHERE member_id = ? AND version = ?').get(
    localMemberId,
    event.version,
  ) as { id: string; sync_state: 'UNSENT' | 'SENT' } | undefined;
  if (clash?.sync_state === 'UNSENT') refuseUnsentChanges(db, localMemberId, event.version, staleReason(), at);
  // A change marked held that HQ does not hold at this version: HQ's record wins.
  else if (clash) stmt(db, 'DELETE FROM member_record_events WHERE id = ?').run(clash.id);
  insertMemberRecordEvent(db, { ...event, memberId: localMemberId });
  stmt(db, `UPDATE member_record_events SET sync_state = 'SENT' WHERE id = ?`).run(event.id);
  return true;
}

import { type MemberRecordEvent, MemberRecordEventSchema } from '../../shared/domain/member-record/events';
import type { Db } from '../connection';
import { stmt } from '../statements';

type EventRow = {
  id: string;
  member_id: string;
  version: number;
  change_json: string;
  at: string;
  actor_json: string | null;
  actor_name: string;
};

const toEvent = (r: EventRow): MemberRecordEvent =>
  MemberRecordEventSchema.parse({
    id: r.id,
    memberId: r.member_id,
    version: r.version,
    at: r.at,
    actor: r.actor_json === null ? null : JSON.parse(r.actor_json),
    actorName: r.actor_name,
    change: JSON.parse(r.change_json),
  });

export function insertMemberRecordEvent(db: Db, e: MemberRecordEvent): void {
  stmt(
    db,
    `INSERT INTO member_record_events (id, member_id, version, kind, change_json, at, actor_json, actor_name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id,
    e.memberId,
    e.version,
    e.change.kind,
    JSON.stringify(e.change),
    e.at,
    e.actor === null ? null : JSON.stringify(e.actor),
    e.actorName,
  );
}

export function listMemberRecordEvents(db: Db, memberId: string): MemberRecordEvent[] {
  return (
    stmt(db, 'SELECT * FROM member_record_events WHERE member_id = ? ORDER BY version').all(memberId) as EventRow[]
  ).map(toEvent);
}

/** Every Member's changes, grouped by Member in version order: the work plan folds them all at once. */
export function listAllMemberRecordEvents(db: Db): Map<string, MemberRecordEvent[]> {
  const byMember = new Map<string, MemberRecordEvent[]>();
  const rows = stmt(db, 'SELECT * FROM member_record_events ORDER BY member_id, version').all() as EventRow[];
  for (const row of rows) {
    const list = byMember.get(row.member_id) ?? [];
    list.push(toEvent(row));
    byMember.set(row.member_id, list);
  }
  return byMember;
}

export function setMemberCorrespondenceLanguage(db: Db, memberId: string, language: 'en' | 'es'): void {
  stmt(db, 'UPDATE members SET correspondence_language = ? WHERE id = ?').run(language, memberId);
}

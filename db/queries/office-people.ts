import type { OfficePerson } from '../../shared/sync/pull-protocol';
import type { Db } from '../connection';
import { stmt } from '../statements';

/** Replaces the field office's people with HQ's list, in the caller's transaction; an empty list changes nothing. */
export function replaceOfficePeople(db: Db, people: readonly OfficePerson[], at: string): void {
  // An older HQ sends no list: keep the last one rather than forget everyone.
  if (people.length === 0) return;
  stmt(db, 'DELETE FROM office_people').run();
  const insert = stmt(db, 'INSERT INTO office_people (user_id, name, role, pulled_at) VALUES (?, ?, ?, ?)');
  for (const p of people) insert.run(p.id, p.name, p.role, at);
}

/** The field office's people as last pulled, by name. */
export function listOfficePeople(db: Db): OfficePerson[] {
  return (
    stmt(db, 'SELECT user_id, name, role FROM office_people ORDER BY name, role, user_id').all() as {
      user_id: string;
      name: string;
      role: OfficePerson['role'];
    }[]
  ).map((r) => ({ id: r.user_id, name: r.name, role: r.role }));
}

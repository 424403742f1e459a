import type { Member } from '../../shared/domain/validation';
import type { Db } from '../connection';
import { stmt } from '../statements';

type MemberRow = {
  id: string;
  legal_name: string;
  account_number: string;
  entity_type: Member['entityType'];
  city: string;
  country: string;
  correspondence_language: Member['correspondenceLanguage'];
  created_at: string;
};

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  legalName: r.legal_name,
  accountNumber: r.account_number,
  entityType: r.entity_type,
  city: r.city,
  country: r.country,
  correspondenceLanguage: r.correspondence_language,
  createdAt: r.created_at,
});

export function insertMember(db: Db, m: Member): void {
  stmt(
    db,
    `INSERT INTO members (id, legal_name, account_number, entity_type, city, country, correspondence_language, created_at)
     VALUES (@id, @legalName, @accountNumber, @entityType, @city, @country, @correspondenceLanguage, @createdAt)`,
  ).run(m);
}

export function listMembers(db: Db): Member[] {
  return (stmt(db, 'SELECT * FROM members ORDER BY legal_name COLLATE NOCASE').all() as MemberRow[]).map(toMember);
}

export function getMember(db: Db, id: string): Member | undefined {
  const row = stmt(db, 'SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
  return row && toMember(row);
}

export function countMembers(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM members').get() as { n: number }).n;
}

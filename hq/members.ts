import type { MemberRecordMember } from '../shared/sync/member-record-protocol';
import type { HqQueryable } from './db/types';

/**
 * The Member for an assignment: found by CTPAT account number, else created in the assigned SCSS's office.
 * The assignment keeps HQ's one id per account number.
 */
export async function ensureMemberForAssignment(
  tx: HqQueryable,
  member: Omit<MemberRecordMember, 'id'>,
  fieldOffice: string,
  newId: string,
): Promise<string> {
  const [known] = await tx.query<{ id: string }>('SELECT id FROM members WHERE account_number = $1', [
    member.accountNumber,
  ]);
  if (known) return known.id;
  await tx.query(
    `INSERT INTO members (id, account_number, legal_name, entity_type, city, country, correspondence_language,
                          field_office)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      newId,
      member.accountNumber,
      member.legalName,
      member.entityType,
      member.city,
      member.country,
      member.correspondenceLanguage,
      fieldOffice,
    ],
  );
  return newId;
}

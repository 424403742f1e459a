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

/** The descriptive details an admin corrects at HQ (each optional); the language is the record's (DETAILS_SET). */
export type MemberDetailsPatch = Partial<Pick<MemberRecordMember, 'legalName' | 'entityType' | 'city' | 'country'>>;

/**
 * Corrects a Member's details at HQ (found by CTPAT account number). `updated_at` moves, and the pull stamp with
 * it, so every laptop of the office takes the new details on its next pull. Null when HQ has no such Member.
 */
export async function updateMemberDetails(
  db: HqQueryable,
  accountNumber: string,
  patch: MemberDetailsPatch,
): Promise<{ id: string } | null> {
  const [row] = await db.query<{ id: string }>(
    `UPDATE members SET legal_name = COALESCE($2, legal_name), entity_type = COALESCE($3, entity_type),
       city = COALESCE($4, city), country = COALESCE($5, country), updated_at = now()
     WHERE account_number = $1 RETURNING id`,
    [accountNumber, patch.legalName ?? null, patch.entityType ?? null, patch.city ?? null, patch.country ?? null],
  );
  return row ?? null;
}

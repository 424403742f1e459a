import type { z } from 'zod';
import type { HqUser, ValidationReceiptSchema } from '../shared/sync/protocol';
import type { HqDb } from './db/types';

type ValidationReceipt = z.infer<typeof ValidationReceiptSchema>;
type ScopeRow = { owner_user_id: string; field_office: string };

/** An SCSS sees their own validations; reviewers and supervisors their field office's; HQ analysts all. */
export function canSeeValidation(user: HqUser, row: ScopeRow): boolean {
  switch (user.role) {
    case 'SCSS':
      return row.owner_user_id === user.id;
    case 'FIELD_OFFICE_REVIEWER':
    case 'SUPERVISOR':
      return row.field_office === user.fieldOffice;
    case 'HQ_ANALYST':
      return true;
  }
}

/** Whether HQ holds the validation whole: submitted, and every file it names (evidence, Member responses) received. */
export async function getValidationReceipt(
  db: HqDb,
  user: HqUser,
  validationId: string,
): Promise<ValidationReceipt | 'not_found' | 'forbidden'> {
  const [row] = await db.query<ScopeRow & { status: 'IN_PROGRESS' | 'SUBMITTED'; content_sha256: string | null }>(
    'SELECT owner_user_id, field_office, status, content_sha256 FROM validations WHERE id = $1',
    [validationId],
  );
  if (!row) return 'not_found';
  if (!canSeeValidation(user, row)) return 'forbidden';
  // Every file it names (its evidence records' and the files the Member sent with a response), sent by its SCSS:
  // a file another SCSS sent is not one its reviewers can fetch (hq/evidence-upload.ts).
  const missing = await db.query<{ sha256: string }>(
    `SELECT DISTINCT named.sha256 FROM (
       SELECT r.payload->>'sha256' AS sha256 FROM records r WHERE r.entity = 'evidence' AND r.validation_id = $1
       UNION ALL
       SELECT jsonb_array_elements_text(r.payload->'evidenceSha256') FROM records r
       WHERE r.entity = 'member_response' AND r.validation_id = $1
     ) named
     WHERE named.sha256 IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM evidence_file_holders h WHERE h.sha256 = named.sha256 AND h.user_id = $2)
     ORDER BY 1`,
    [validationId, row.owner_user_id],
  );
  const missingEvidence = missing.map((m) => m.sha256);
  return {
    validationId,
    status: row.status,
    contentSha256: row.content_sha256,
    missingEvidence,
    complete: row.status === 'SUBMITTED' && missingEvidence.length === 0,
  };
}

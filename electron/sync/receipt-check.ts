import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { ValidationReceiptSchema } from '../../shared/sync/protocol';
import { isDemoValidation } from '../services/demo-validations';
import { hasQueuedChanges, queuedRowsByValidation } from './push-outbox';
import type { SyncProgress } from './sync-engine';
import { ClientError } from './transport';
import { FILES_NOT_HELD_FROM } from './upload-evidence';

export type ValidationReceipt = z.infer<typeof ValidationReceiptSchema>;
export { ValidationReceiptSchema };

/** How the receipt step asks HQ about one validation (HTTP in the app, inject in tests). */
export type FetchValidationReceipt = (validationId: string) => Promise<ValidationReceipt>;

export type ReceiptCheckSummary = { checked: number; safeToArchive: number; incomplete: number; notHeld: number };

type Candidate = { id: string; content_sha256: string };

/**
 * Asks HQ for its receipt of every submitted validation whose changes have all been sent, and records it.
 * Safe to archive = HQ holds it SUBMITTED with the same fingerprint and every evidence file: only then may
 * the laptop's copy be archived. A validation already confirmed for its current fingerprint is not asked again.
 */
export async function checkValidationReceipts(
  db: Db,
  fetchReceipt: FetchValidationReceipt,
  options: { now: () => Date; report?: (progress: SyncProgress) => void },
): Promise<ReceiptCheckSummary> {
  const candidates = stmt(
    db,
    `SELECT v.id, v.content_sha256 FROM validations v
     LEFT JOIN hq_validation_receipts r ON r.validation_id = v.id
     WHERE v.status = 'SUBMITTED' AND v.content_sha256 IS NOT NULL
       AND (r.safe_to_archive_at IS NULL OR r.content_sha256 IS NOT v.content_sha256)
     ORDER BY v.submitted_at`,
  ).all() as Candidate[];
  // Any outbox row (waiting or refused) or evidence file not yet held means HQ cannot hold all of it yet.
  // A demo Member's validation never goes to HQ: there is nothing to ask about.
  const queued = candidates.length > 0 ? queuedRowsByValidation(db) : new Map();
  const sent = candidates.filter(
    (c) => !isDemoValidation(db, c.id) && !queued.has(c.id) && !hasEvidenceNotHeld(db, c.id),
  );
  const summary: ReceiptCheckSummary = { checked: 0, safeToArchive: 0, incomplete: 0, notHeld: 0 };
  options.report?.({ phase: 'receipts', done: 0, total: sent.length });
  for (const candidate of sent) {
    let receipt: ValidationReceipt;
    try {
      receipt = await fetchReceipt(candidate.id);
    } catch (error) {
      // HQ does not hold it (or not for this user): it simply is not safe to archive; other errors stop the step.
      if (!(error instanceof ClientError)) throw error;
      summary.notHeld += 1;
      continue;
    }
    const safe =
      receipt.status === 'SUBMITTED' && receipt.complete && receipt.contentSha256 === candidate.content_sha256;
    recordReceipt(db, receipt, safe ? options.now().toISOString() : null, options.now().toISOString());
    summary.checked += 1;
    if (safe) summary.safeToArchive += 1;
    else summary.incomplete += 1;
    options.report?.({ phase: 'receipts', done: summary.checked, total: sent.length });
  }
  return summary;
}

/**
 * An attached file of this validation HQ is not known to hold (waiting, refused, or kept off HQ): evidence,
 * or a file the Member sent that a response lists.
 */
export function hasEvidenceNotHeld(db: Db, validationId: string): boolean {
  return stmt(db, `SELECT 1 ${FILES_NOT_HELD_FROM} AND e.validation_id = ? LIMIT 1`).get(validationId) !== undefined;
}

function recordReceipt(db: Db, receipt: ValidationReceipt, safeAt: string | null, checkedAt: string): void {
  stmt(
    db,
    `INSERT INTO hq_validation_receipts
       (validation_id, hq_status, content_sha256, complete, missing_evidence_json, checked_at, safe_to_archive_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (validation_id) DO UPDATE SET hq_status = excluded.hq_status,
       content_sha256 = excluded.content_sha256, complete = excluded.complete,
       missing_evidence_json = excluded.missing_evidence_json, checked_at = excluded.checked_at,
       safe_to_archive_at = excluded.safe_to_archive_at`,
  ).run(
    receipt.validationId,
    receipt.status,
    receipt.contentSha256,
    receipt.complete ? 1 : 0,
    JSON.stringify(receipt.missingEvidence),
    checkedAt,
    safeAt,
  );
}

/** The archive verdict for one validation: safe only while the local fingerprint is still the one HQ confirmed. */
export function archiveStateOf(
  db: Db,
  validationId: string,
): { safeToArchiveAt: string | null; missingEvidence: number } | null {
  const row = stmt(
    db,
    `SELECT r.safe_to_archive_at, r.content_sha256 AS hq_sha, r.missing_evidence_json, v.content_sha256 AS local_sha, v.status
     FROM hq_validation_receipts r JOIN validations v ON v.id = r.validation_id WHERE r.validation_id = ?`,
  ).get(validationId) as
    | {
        safe_to_archive_at: string | null;
        hq_sha: string | null;
        missing_evidence_json: string;
        local_sha: string | null;
        status: string;
      }
    | undefined;
  if (!row) return null;
  // Safe only while nothing of it waits or was refused since HQ's receipt: a later reopen, change or file clears it.
  const current =
    row.status === 'SUBMITTED' &&
    row.local_sha !== null &&
    row.hq_sha === row.local_sha &&
    !hasQueuedChanges(db, validationId) &&
    !hasEvidenceNotHeld(db, validationId);
  return {
    safeToArchiveAt: current ? row.safe_to_archive_at : null,
    missingEvidence: current ? (JSON.parse(row.missing_evidence_json) as string[]).length : 0,
  };
}

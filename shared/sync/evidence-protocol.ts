import { z } from 'zod';

/**
 * Evidence files travel to HQ apart from the outbox, over the tus resumable-upload protocol (tus.io, v1.0.0),
 * addressed by their SHA-256. HQ takes a file only from the SCSS whose validation references it, hashes it
 * on arrival, and counts a validation complete only when every file it references is held.
 * Every request carries `Authorization: Bearer <device token>`.
 */

/** tus creation endpoint (POST); each upload then lives at `<this>/<upload id>` (HEAD, PATCH, DELETE). */
export const EVIDENCE_UPLOADS_PATH = '/v1/evidence/uploads';

/**
 * HEAD answers 200 when HQ holds the file, 404 when it does not (or it is outside the caller's scope); GET sends
 * its bytes to a caller whose scope holds a validation naming it (a reviewer's laptop fetching what it judges).
 */
export const evidenceFileUrlPath = (sha256: string): string => `/v1/evidence/files/${sha256}`;

/** On a 200 from the HEAD above: the size in bytes of the file HQ holds. */
export const EVIDENCE_SIZE_HEADER = 'evidence-size-bytes';

/** The tus status for "the bytes received do not match the declared checksum" (tus checksum extension). */
export const CHECKSUM_MISMATCH_STATUS = 460;

/** The largest evidence file HQ accepts: the desktop's own ceiling for the evidence size setting. */
export const MAX_EVIDENCE_UPLOAD_BYTES = 500 * 1024 * 1024;

export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Must be a lowercase hex SHA-256' });

/** tus Upload-Metadata the desktop sends when it creates an upload (keys as sent; values base64 on the wire). */
export const EvidenceUploadMetadataSchema = z.object({
  sha256: Sha256HexSchema,
  filename: z.string().min(1).max(255).optional(),
  filetype: z.string().min(1).max(255).optional(),
});
export type EvidenceUploadMetadata = z.infer<typeof EvidenceUploadMetadataSchema>;

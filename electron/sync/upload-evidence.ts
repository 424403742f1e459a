import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type DetailedError, Upload } from 'tus-js-client';
import type { Db } from '../../db/connection';
import { pluckStmt, stmt } from '../../db/statements';
import { message } from '../../shared/messages';
import {
  CHECKSUM_MISMATCH_STATUS,
  EVIDENCE_UPLOADS_PATH,
  type EvidenceUploadMetadata,
  evidenceFileUrlPath,
} from '../../shared/sync/evidence-protocol';
import { ApiErrorSchema } from '../../shared/sync/protocol';
import { evidenceFilePath } from '../services/evidence-store';
import { FetchHttpStack } from './fetch-http-stack';
import type { UnfinishedStep } from './sync-engine';
import { AuthError } from './transport';

/**
 * Sends evidence files to HQ over tus (tus-js-client), after HQ holds their evidence records; the files a
 * Member sent with a response go the same way, after HQ holds a response listing them. Each upload's
 * URL and acknowledged offset are kept in evidence_uploads, so a dropped connection or a restart resumes
 * where HQ stopped instead of sending the file again. Plain Node: the sync engine calls it.
 */

/** One PATCH request's worth: a connection dropped mid-chunk costs at most this much again. */
export const DEFAULT_UPLOAD_CHUNK_BYTES = 1024 * 1024;
const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000];
const DEFAULT_STALL_TIMEOUT_MS = 60_000;

export type EvidenceUploadProgress = {
  /** Files finished in this run: now held at HQ, or refused by it. */
  filesDone: number;
  filesTotal: number;
  /** Never decreases, even when a retry resends bytes HQ had not acknowledged. */
  bytesDone: number;
  bytesTotal: number;
  currentSha256: string | null;
};

export type EvidenceUploadOptions = {
  /** HQ's origin, e.g. https://hq.example.gov. */
  baseUrl: string;
  token: string;
  /** Electron's net.fetch in the app (system proxy and trust store); Node's fetch elsewhere. Carries every request,
   *  tus uploads included. */
  fetch?: typeof fetch;
  now: () => Date;
  onProgress?: (progress: EvidenceUploadProgress) => void;
  /** Stops after the current request; the upload resumes from its offset next time. */
  signal?: AbortSignal;
  chunkSize?: number;
  /** Quick retries inside this run after a network error or 5xx (tus-js-client's retryDelays). */
  retryDelaysMs?: number[];
  /** A connection with no progress for this long counts as lost. */
  stallTimeoutMs?: number;
  /** A manual "Try again": send files HQ refused before too. */
  retryRefused?: boolean;
};

export type EvidenceUploadSummary = {
  uploaded: number;
  alreadyHeld: number;
  failed: { sha256: string; reason: string }[];
} & Partial<UnfinishedStep>;

type PendingFile = {
  sha256: string;
  size_bytes: number;
  file_name: string;
  media_type: string;
  upload_url: string | null;
};

/**
 * Every file this laptop sends to HQ, one row per record that carries it (alias e): kept evidence records
 * (kind 'evidence', id the record's), and the files the Member sent with a response (kind
 * 'member_response_file', id `<validationId>/<sha256>` as member_response_files is keyed) once a response
 * lists them. A file attached for a response but listed in none is not sent: HQ would refuse it.
 */
const FILES = `(
  SELECT 'evidence' AS kind, e.id, e.validation_id, e.sha256, e.file_name, e.media_type, e.size_bytes, e.created_at
  FROM evidence e WHERE e.deleted_at IS NULL
  UNION ALL
  SELECT 'member_response_file', f.validation_id || '/' || f.sha256, f.validation_id, f.sha256, f.file_name,
         f.media_type, f.size_bytes, f.created_at
  FROM member_response_files f
  WHERE EXISTS (SELECT 1 FROM member_responses m, json_each(m.evidence_sha256_json) j
                WHERE m.validation_id = f.validation_id AND j.value = f.sha256)
) e`;

/** Every file of this laptop's records that HQ is not known to hold (waiting, refused or kept off HQ). */
export const FILES_NOT_HELD_FROM = `FROM ${FILES} LEFT JOIN evidence_uploads u ON u.sha256 = e.sha256 WHERE u.held_at IS NULL`;

const HELD_OUTCOMES = `r.outcome IN ('applied', 'duplicate')`;
/**
 * HQ holds the record naming the file, so the file may follow (HQ takes no file it has no record of): the
 * evidence record's change is receipted applied or duplicate; for a Member's file, a response listing it is,
 * and no later version of that response still waits in the outbox (it may be the one that lists the file).
 */
const RECORD_HELD = `(
  (e.kind = 'evidence' AND EXISTS (SELECT 1 FROM sync_receipts r
                                   WHERE r.entity = 'evidence' AND r.entity_id = e.id AND ${HELD_OUTCOMES}))
  OR (e.kind = 'member_response_file' AND EXISTS (
    SELECT 1 FROM member_responses m, json_each(m.evidence_sha256_json) j
    WHERE m.validation_id = e.validation_id AND j.value = e.sha256
      AND EXISTS (SELECT 1 FROM sync_receipts r WHERE r.entity = 'member_response' AND r.entity_id = m.id AND ${HELD_OUTCOMES})
      AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.entity = 'member_response' AND o.entity_id = m.id))))`;

/**
 * The SCSS chose not to send this record's file after HQ refused it. Kept in sync_state (one key per record,
 * so the same file attached again later is sent) because evidence_uploads has no column for it.
 */
const NOT_SENT_KEY_PREFIX = 'evidence_not_sent:';
const NOT_KEPT_OFF_HQ = `NOT EXISTS (SELECT 1 FROM sync_state s WHERE s.key = '${NOT_SENT_KEY_PREFIX}' || e.id)`;

// Only once HQ holds the record naming a file may the file follow.
const PENDING_FROM = `${FILES_NOT_HELD_FROM} AND ${NOT_KEPT_OFF_HQ} AND ${RECORD_HELD}`;

// Files HQ refused that still wait for the SCSS to decide (not held since, not kept off HQ).
const REFUSED_FROM = `
  FROM evidence_uploads u JOIN ${FILES} ON e.sha256 = u.sha256
  WHERE u.refused_at IS NOT NULL AND u.held_at IS NULL AND ${NOT_KEPT_OFF_HQ}`;

function pendingFiles(db: Db, includeRefused: boolean): PendingFile[] {
  return stmt(
    db,
    `SELECT e.sha256, max(e.size_bytes) AS size_bytes, min(e.file_name) AS file_name,
            min(e.media_type) AS media_type, u.upload_url
     ${PENDING_FROM} AND (? = 1 OR u.refused_at IS NULL)
     GROUP BY e.sha256 ORDER BY min(e.created_at), e.sha256`,
  ).all(includeRefused ? 1 : 0) as PendingFile[];
}

/**
 * Files waiting to go to HQ (not those it refused): what the sync status line counts; of one validation, what keeps
 * it from being synced until they are there.
 */
export function pendingEvidenceCount(db: Db, validationId?: string): number {
  const pending = `SELECT count(DISTINCT e.sha256) AS n ${PENDING_FROM} AND u.refused_at IS NULL`;
  // Two statements, not one with "? IS NULL OR": a validation's count must use the index on its id.
  const row = (
    validationId === undefined
      ? stmt(db, pending).get()
      : stmt(db, `${pending} AND e.validation_id = ?`).get(validationId)
  ) as { n: number };
  return row.n;
}

/** Files HQ refused, with the reason to show; they are sent again only on a manual retry. */
export function refusedEvidenceUploads(db: Db): { sha256: string; fileName: string; reason: string }[] {
  return stmt(
    db,
    `SELECT u.sha256, min(e.file_name) AS fileName, u.last_error AS reason ${REFUSED_FROM}
     GROUP BY u.sha256 ORDER BY u.refused_at, u.sha256`,
  ).all() as { sha256: string; fileName: string; reason: string }[];
}

export type RefusedEvidenceFile = {
  sha256: string;
  fileName: string;
  reason: string;
  refusedAt: string;
  /**
   * The records that carry this file and wait on the SCSS's decision, oldest first: evidence records, and
   * Member response files (id `<validationId>/<sha256>`).
   */
  evidence: { kind: RefusedFileKind; id: string; validationId: string; fileName: string }[];
};
export type RefusedFileKind = 'evidence' | 'member_response_file';

/** Refused files with the evidence records they belong to: what Settings lists and the two actions work on. */
export function refusedEvidenceFiles(db: Db): RefusedEvidenceFile[] {
  const rows = stmt(
    db,
    `SELECT u.sha256, u.last_error AS reason, u.refused_at AS refusedAt, e.kind, e.id,
            e.validation_id AS validationId, e.file_name AS fileName
     ${REFUSED_FROM} ORDER BY u.refused_at, u.sha256, e.created_at, e.id`,
  ).all() as {
    sha256: string;
    reason: string;
    refusedAt: string;
    kind: RefusedFileKind;
    id: string;
    validationId: string;
    fileName: string;
  }[];
  const files = new Map<string, RefusedEvidenceFile>();
  for (const row of rows) {
    const file = files.get(row.sha256) ?? {
      sha256: row.sha256,
      fileName: row.fileName,
      reason: row.reason,
      refusedAt: row.refusedAt,
      evidence: [],
    };
    file.evidence.push({ kind: row.kind, id: row.id, validationId: row.validationId, fileName: row.fileName });
    files.set(row.sha256, file);
  }
  return [...files.values()];
}

/** HQ's reasons for the refused files of one validation still waiting on the SCSS, for its sync state. */
export function refusedEvidenceReasonsOf(db: Db, validationId: string): string[] {
  return pluckStmt(
    db,
    `SELECT DISTINCT u.last_error ${REFUSED_FROM} AND e.validation_id = ? ORDER BY u.last_error`,
  ).all(validationId) as string[];
}

/** "Send again": forgets HQ's refusal, so the next sync tries the file from its first byte. */
export function clearEvidenceRefusal(db: Db, sha256: string, at: string): void {
  stmt(
    db,
    `UPDATE evidence_uploads SET refused_at = NULL, last_error = NULL, upload_url = NULL, bytes_uploaded = 0,
       updated_at = ? WHERE sha256 = ? AND refused_at IS NOT NULL`,
  ).run(at, sha256);
}

/**
 * "Don't send": these records' file (evidence ids, or `<validationId>/<sha256>` of Member response files) is
 * never sent to HQ, and their refusal stops waiting.
 */
export function keepEvidenceOffHq(db: Db, evidenceIds: readonly string[], at: string): void {
  const insert = stmt(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const id of evidenceIds) insert.run(`${NOT_SENT_KEY_PREFIX}${id}`, at);
}

function rememberUploadUrl(db: Db, sha256: string, url: string, at: string): void {
  // A new URL means a new upload at HQ: its acknowledged offset starts again at zero.
  stmt(
    db,
    `INSERT INTO evidence_uploads (sha256, upload_url, bytes_uploaded, updated_at) VALUES (?, ?, 0, ?)
     ON CONFLICT (sha256) DO UPDATE SET
       bytes_uploaded = CASE WHEN upload_url IS excluded.upload_url THEN bytes_uploaded ELSE 0 END,
       upload_url = excluded.upload_url, updated_at = excluded.updated_at`,
  ).run(sha256, url, at);
}

function recordAcknowledged(db: Db, sha256: string, bytes: number, at: string): void {
  stmt(db, 'UPDATE evidence_uploads SET bytes_uploaded = ?, updated_at = ? WHERE sha256 = ?').run(bytes, at, sha256);
}

function markHeld(db: Db, sha256: string, sizeBytes: number, at: string): void {
  stmt(
    db,
    `INSERT INTO evidence_uploads (sha256, bytes_uploaded, held_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (sha256) DO UPDATE SET upload_url = NULL, bytes_uploaded = excluded.bytes_uploaded,
       held_at = excluded.held_at, refused_at = NULL, last_error = NULL, updated_at = excluded.updated_at`,
  ).run(sha256, sizeBytes, at, at);
}

function recordFailure(
  db: Db,
  sha256: string,
  failure: { reason: string; refused: boolean; forgetUpload: boolean },
  at: string,
): void {
  stmt(
    db,
    `INSERT INTO evidence_uploads (sha256, refused_at, last_error, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (sha256) DO UPDATE SET refused_at = excluded.refused_at, last_error = excluded.last_error,
       upload_url = CASE WHEN ? = 1 THEN NULL ELSE upload_url END,
       bytes_uploaded = CASE WHEN ? = 1 THEN 0 ELSE bytes_uploaded END, updated_at = excluded.updated_at`,
  ).run(
    sha256,
    failure.refused ? at : null,
    failure.reason,
    at,
    failure.forgetUpload ? 1 : 0,
    failure.forgetUpload ? 1 : 0,
  );
}

/** How a failed attempt is handled: auth stops the run; retry leaves the file pending; refused refuses it. */
type Failure = { kind: 'auth' | 'retry' | 'refused'; reason: string; forgetUpload?: boolean };

class UploadFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason);
  }
}

const isDetailedError = (error: unknown): error is DetailedError =>
  error instanceof Error && 'originalRequest' in error;

function hqMessage(body: string): string {
  try {
    const parsed = ApiErrorSchema.safeParse(JSON.parse(body));
    if (parsed.success) return parsed.data.error.message;
  } catch {
    /* tus's own answers are plain text */
  }
  return body.trim() || 'no reason given';
}

function networkDetail(error: unknown): string {
  let cause = isDetailedError(error) ? error.causingError : error;
  // Node's fetch wraps the socket's error: TypeError('fetch failed', { cause: ECONNRESET... }).
  if (cause instanceof TypeError && cause.cause instanceof Error) cause = cause.cause;
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  return code ?? (cause instanceof Error ? cause.message : 'connection lost');
}

/** Turns an HQ answer (or its absence) into what the user is told and whether to try again. */
function classify(status: number | null, body: string, error: unknown, fileName: string): Failure {
  if (status === null) {
    return {
      kind: 'retry',
      reason: message('evidenceUpload.unreachable', { detail: networkDetail(error), fileName }).message,
    };
  }
  const hq = hqMessage(body);
  if (status === 401) return { kind: 'auth', reason: message('evidenceUpload.tokenRefused', { hq }).message };
  if (status >= 500 || status === 409 || status === 423 || status === 429) {
    return { kind: 'retry', reason: message('evidenceUpload.busy', { fileName, status }).message };
  }
  if (status === 404 || status === 410) {
    // The unfinished upload is gone at HQ (expired or cleaned up): start a new one next time.
    return {
      kind: 'retry',
      reason: message('evidenceUpload.partialGone', { fileName }).message,
      forgetUpload: true,
    };
  }
  if (status === CHECKSUM_MISMATCH_STATUS) {
    return {
      kind: 'refused',
      forgetUpload: true,
      reason: message('evidenceUpload.checksum', { fileName }).message,
    };
  }
  return {
    kind: 'refused',
    forgetUpload: true,
    reason: message('evidenceUpload.refused', { fileName, status, hq }).message,
  };
}

const endpointOf = (baseUrl: string) => new URL(EVIDENCE_UPLOADS_PATH, baseUrl).toString();

/** Whether HQ already holds the file; throws an UploadFailure when HQ cannot be asked. */
async function hqHoldsFile(file: PendingFile, options: EvidenceUploadOptions): Promise<boolean> {
  const timeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(new URL(evidenceFileUrlPath(file.sha256), options.baseUrl), {
      method: 'HEAD',
      headers: { authorization: `Bearer ${options.token}` },
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new UploadFailure(classify(null, '', error, file.file_name));
  }
  if (response.status === 200) return true;
  if (response.status === 404) return false;
  throw new UploadFailure(classify(response.status, '', null, file.file_name));
}

/** Uploads one file with tus-js-client, resuming at the stored upload URL when there is one. */
function sendFile(
  db: Db,
  file: PendingFile,
  localPath: string,
  options: EvidenceUploadOptions,
  onBytes: (bytesSent: number) => void,
): Promise<void> {
  const endpoint = endpointOf(options.baseUrl);
  // A URL from another HQ address (the setting changed) cannot be resumed here.
  const resumeUrl = file.upload_url?.startsWith(`${endpoint}/`) ? file.upload_url : null;
  const at = () => options.now().toISOString();
  const metadata: EvidenceUploadMetadata = {
    sha256: file.sha256,
    filename: file.file_name,
    filetype: file.media_type,
  };
  const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const source = createReadStream(localPath);
  return new Promise<void>((resolve, reject) => {
    let stallTimer: NodeJS.Timeout | undefined;
    const finish = (error?: unknown) => {
      clearTimeout(stallTimer);
      options.signal?.removeEventListener('abort', onAbort);
      source.destroy();
      if (error === undefined) resolve();
      else reject(error);
    };
    const stillAlive = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        void upload.abort();
        finish(new UploadFailure(classify(null, '', new Error(`no answer for ${stallMs / 1000} s`), file.file_name)));
      }, stallMs);
    };
    const onAbort = () => {
      void upload.abort();
      finish(options.signal?.reason ?? new Error('aborted'));
    };
    // tus-js-client's Node file reader takes an fs.ReadStream (it re-reads by path); its typings list browser inputs.
    const upload = new Upload(source as unknown as Buffer, {
      endpoint,
      uploadUrl: resumeUrl,
      uploadSize: file.size_bytes,
      chunkSize: options.chunkSize ?? DEFAULT_UPLOAD_CHUNK_BYTES,
      retryDelays: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
      metadata,
      headers: { authorization: `Bearer ${options.token}` },
      httpStack: new FetchHttpStack(options.fetch ?? fetch),
      // The upload URL is kept in SQLite (evidence_uploads), not in tus-js-client's own URL storage.
      storeFingerprintForResuming: false,
      onUploadUrlAvailable: () => {
        if (upload.url) rememberUploadUrl(db, file.sha256, upload.url, at());
      },
      onChunkComplete: (_chunk, bytesAccepted) => {
        stillAlive();
        recordAcknowledged(db, file.sha256, bytesAccepted, at());
      },
      onProgress: (bytesSent) => {
        stillAlive();
        onBytes(bytesSent);
      },
      onSuccess: () => finish(),
      onError: (error) => {
        const response = isDetailedError(error) ? error.originalResponse : null;
        finish(
          new UploadFailure(classify(response?.getStatus() ?? null, response?.getBody() ?? '', error, file.file_name)),
        );
      },
    });
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    stillAlive();
    upload.start();
  });
}

/** The stored copy must be there, whole, before anything is sent. */
async function localFileProblem(dataDir: string, file: PendingFile): Promise<string | null> {
  const info = await stat(evidenceFilePath(dataDir, file.sha256)).catch(() => null);
  if (info?.isFile() && info.size === file.size_bytes) return null;
  return message(info ? 'evidenceUpload.localDamaged' : 'evidenceUpload.localMissing', { fileName: file.file_name })
    .message;
}

/**
 * Sends every pending evidence file to HQ, oldest first. A file HQ already holds is skipped; a network error
 * or 5xx stops the run and leaves the file pending (its upload resumes next time); a refusal (checksum
 * mismatch, forbidden, wrong size) is recorded with a reason for the user and not sent again until
 * `retryRefused`. A refused token throws AuthError: the device must enrol again.
 */
export async function uploadPendingEvidence(
  db: Db,
  dataDir: string,
  options: EvidenceUploadOptions,
): Promise<EvidenceUploadSummary> {
  const files = pendingFiles(db, options.retryRefused ?? false);
  const summary: EvidenceUploadSummary = { uploaded: 0, alreadyHeld: 0, failed: [] };
  const progress: EvidenceUploadProgress = {
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    bytesTotal: files.reduce((sum, f) => sum + f.size_bytes, 0),
    currentSha256: null,
  };
  let bytesBeforeFile = 0;
  const report = (bytesDone: number, currentSha256: string | null) => {
    progress.bytesDone = Math.max(progress.bytesDone, Math.min(bytesDone, progress.bytesTotal));
    progress.currentSha256 = currentSha256;
    options.onProgress?.({ ...progress });
  };
  const fileFinished = (file: PendingFile) => {
    bytesBeforeFile += file.size_bytes;
    progress.filesDone += 1;
    report(bytesBeforeFile, null);
  };
  const at = () => options.now().toISOString();
  report(0, null);

  for (const file of files) {
    if (options.signal?.aborted) break;
    report(bytesBeforeFile, file.sha256);
    try {
      if (await hqHoldsFile(file, options)) {
        markHeld(db, file.sha256, file.size_bytes, at());
        summary.alreadyHeld += 1;
        fileFinished(file);
        continue;
      }
      const localProblem = await localFileProblem(dataDir, file);
      if (localProblem) throw new UploadFailure({ kind: 'refused', reason: localProblem });
      await sendFile(db, file, evidenceFilePath(dataDir, file.sha256), options, (sent) =>
        report(bytesBeforeFile + sent, file.sha256),
      );
      markHeld(db, file.sha256, file.size_bytes, at());
      summary.uploaded += 1;
      fileFinished(file);
    } catch (error) {
      if (!(error instanceof UploadFailure)) {
        if (options.signal?.aborted) break;
        throw error;
      }
      const { kind, reason, forgetUpload = false } = error.failure;
      recordFailure(db, file.sha256, { reason, refused: kind === 'refused', forgetUpload }, at());
      if (kind === 'auth') throw new AuthError(reason);
      summary.failed.push({ sha256: file.sha256, reason });
      if (kind === 'retry') {
        // HQ is unreachable or struggling: the rest wait too, and the engine tries again after a backoff.
        const waiting = pendingEvidenceCount(db);
        summary.retryLater = message('sync.evidenceWaiting', { count: waiting }).message;
        break;
      }
      fileFinished(file);
    }
  }
  return summary;
}

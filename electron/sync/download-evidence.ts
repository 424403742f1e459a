import { Readable } from 'node:stream';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { message } from '../../shared/messages';
import { evidenceFileUrlPath, MAX_EVIDENCE_UPLOAD_BYTES } from '../../shared/sync/evidence-protocol';
import {
  discardStaged,
  ensureThumbnail,
  evidenceFilePath,
  isCompleteFile,
  StagedFileTooLargeError,
  stageFromStream,
  storeStaged,
} from '../services/evidence-store';
import type { UnfinishedStep } from './sync-engine';
import { AuthError } from './transport';

/**
 * Brings the evidence files of validations pulled for review (other SCSSs' validations this laptop's
 * person judges, approves or follows) from HQ, so a reviewer sees the photos the SCSS took. Each file is
 * streamed to a staging file, hashed, and kept only when its SHA-256 is the one the record names.
 * Plain Node: the sync engine runs it after the pull.
 */

const DEFAULT_STALL_TIMEOUT_MS = 60_000;

export type EvidenceDownloadOptions = {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  onProgress?: (progress: { filesDone: number; filesTotal: number }) => void;
  signal?: AbortSignal;
  /** A connection that delivers no bytes for this long counts as lost. */
  stallTimeoutMs?: number;
};

export type EvidenceDownloadSummary = {
  downloaded: number;
  /** Files whose SCSS has not finished sending them to HQ yet: asked for again on the next sync. */
  notYetAtHq: number;
  failed: { sha256: string; reason: string }[];
} & Partial<UnfinishedStep>;

type WantedFile = { sha256: string; size_bytes: number | null; media_type: string | null };

/**
 * Files named by pulled copies of validations that are not this laptop's own and not closed: evidence
 * records not removed, and files the Member sent with a response.
 */
const FILES_OF_PULLED_COPIES = `
  WITH copies AS (
    SELECT h.records_json FROM hq_validations h
    WHERE h.workflow_state IS NOT 'CLOSED' AND NOT EXISTS (SELECT 1 FROM validations v WHERE v.id = h.id)
  ), named AS (
    SELECT json_extract(r.value, '$.payload.sha256') AS sha256,
           json_extract(r.value, '$.payload.sizeBytes') AS size_bytes,
           json_extract(r.value, '$.payload.mediaType') AS media_type
    FROM copies c, json_each(c.records_json) r
    WHERE json_extract(r.value, '$.entity') = 'evidence' AND json_extract(r.value, '$.payload.deletedAt') IS NULL
    UNION ALL
    SELECT f.value, NULL, NULL
    FROM copies c, json_each(c.records_json) r, json_each(json_extract(r.value, '$.payload.evidenceSha256')) f
    WHERE json_extract(r.value, '$.entity') = 'member_response'
  )
  SELECT sha256, max(size_bytes) AS size_bytes, max(media_type) AS media_type FROM named
  WHERE sha256 IS NOT NULL GROUP BY sha256 ORDER BY sha256`;

/** Every file a pulled copy names: kept by the start-up sweep, which deletes files no record names. */
export function filesNamedByPulledCopies(db: Db): string[] {
  return (stmt(db, FILES_OF_PULLED_COPIES).all() as WantedFile[]).map((f) => f.sha256);
}

class DownloadFailure extends Error {
  constructor(
    readonly kind: 'retry' | 'auth' | 'not-at-hq' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

export async function downloadPulledEvidence(
  db: Db,
  dataDir: string,
  options: EvidenceDownloadOptions,
): Promise<EvidenceDownloadSummary> {
  const wanted = stmt(db, FILES_OF_PULLED_COPIES).all() as WantedFile[];
  const missing: WantedFile[] = [];
  for (const file of wanted) {
    if (!(await isCompleteFile(evidenceFilePath(dataDir, file.sha256), file.size_bytes ?? -1))) missing.push(file);
  }
  const summary: EvidenceDownloadSummary = { downloaded: 0, notYetAtHq: 0, failed: [] };
  let done = 0;
  options.onProgress?.({ filesDone: 0, filesTotal: missing.length });
  for (const file of missing) {
    if (options.signal?.aborted) break;
    try {
      await downloadOne(dataDir, file, options);
      summary.downloaded += 1;
    } catch (error) {
      if (!(error instanceof DownloadFailure)) throw error;
      if (error.kind === 'auth') throw new AuthError(error.message);
      if (error.kind === 'retry') {
        summary.failed.push({ sha256: file.sha256, reason: error.message });
        summary.retryLater = message('sync.reviewEvidenceWaiting', { count: missing.length - done }).message;
        break;
      }
      if (error.kind === 'not-at-hq') summary.notYetAtHq += 1;
      else summary.failed.push({ sha256: file.sha256, reason: error.message });
    }
    done += 1;
    options.onProgress?.({ filesDone: done, filesTotal: missing.length });
  }
  return summary;
}

async function downloadOne(dataDir: string, file: WantedFile, options: EvidenceDownloadOptions): Promise<void> {
  const stall = new AbortController();
  const stallMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  let timer = setTimeout(() => stall.abort(), stallMs);
  const resetStall = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stall.abort(), stallMs);
  };
  const signal = options.signal ? AbortSignal.any([options.signal, stall.signal]) : stall.signal;
  try {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(new URL(evidenceFileUrlPath(file.sha256), options.baseUrl), {
        headers: { authorization: `Bearer ${options.token}` },
        signal,
      });
    } catch (error) {
      throw new DownloadFailure('retry', `Could not reach HQ for an evidence file (${detail(error)})`);
    }
    if (response.status === 401) throw new DownloadFailure('auth', "HQ refused this device's token");
    if (response.status === 404) throw new DownloadFailure('not-at-hq', 'HQ does not hold the file yet');
    if (response.status >= 500 || response.status === 429) {
      throw new DownloadFailure('retry', `HQ could not send an evidence file just now (HTTP ${response.status})`);
    }
    if (response.status !== 200 || !response.body) {
      throw new DownloadFailure('refused', `HQ answered HTTP ${response.status} for evidence file ${file.sha256}`);
    }
    const limit = file.size_bytes ?? MAX_EVIDENCE_UPLOAD_BYTES;
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
    // Each chunk that arrives restarts the stall timer (a 'data' listener would steal chunks from the iterator).
    async function* watched(): AsyncIterable<Uint8Array> {
      for await (const chunk of body) {
        resetStall();
        yield chunk as Uint8Array;
      }
    }
    let staged: Awaited<ReturnType<typeof stageFromStream>>;
    try {
      staged = await stageFromStream(dataDir, watched(), limit);
    } catch (error) {
      if (error instanceof StagedFileTooLargeError) {
        throw new DownloadFailure('refused', `HQ sent more bytes than the evidence record of ${file.sha256} declares`);
      }
      throw new DownloadFailure('retry', `The download of an evidence file was cut off (${detail(error)})`);
    }
    if (staged.sha256 !== file.sha256 || (file.size_bytes !== null && staged.sizeBytes !== file.size_bytes)) {
      await discardStaged(staged);
      // Damaged on the way; asking again next sync is the remedy.
      throw new DownloadFailure('retry', `The bytes received for evidence file ${file.sha256} do not match it`);
    }
    await storeStaged(dataDir, staged);
    if (file.media_type?.startsWith('image/')) await ensureThumbnail(dataDir, file.sha256);
  } finally {
    clearTimeout(timer);
  }
}

const detail = (error: unknown): string =>
  error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);

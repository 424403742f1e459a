import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type Message, message } from '../shared/messages';
import {
  CHECKSUM_MISMATCH_STATUS,
  EVIDENCE_SIZE_HEADER,
  EVIDENCE_UPLOADS_PATH,
  EvidenceUploadMetadataSchema,
  MAX_EVIDENCE_UPLOAD_BYTES,
  Sha256HexSchema,
} from '../shared/sync/evidence-protocol';
import type { HqDb } from './db/types';
import type { Principal } from './identity';
import { errorBody } from './refusal';
import { canSeeValidation } from './validation-receipt';

export type EvidenceRoutesOptions = {
  db: HqDb;
  /** Where files live: uploads in progress under uploads/, received files under files/<sha256>. Absent: a temp dir per app. */
  evidenceDir?: string;
  /** Answers 401 itself and returns null when the bearer token is missing, unknown or revoked. */
  requirePrincipal: (request: FastifyRequest, reply: FastifyReply) => Promise<Principal | null>;
  /** An unfinished upload is removed this long after it was created (default 24 h). */
  unfinishedUploadExpiryMs?: number;
  /** How often expired uploads are swept, besides once at start-up (default hourly). */
  uploadSweepIntervalMs?: number;
  /** Told after each sweep how many unfinished uploads it removed. */
  onUploadSweep?: (removed: number) => void;
};

export const DEFAULT_UNFINISHED_UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_UPLOAD_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `naming`: the records that name the file $1 by its SHA-256, with the validation each belongs to: evidence
 * records (with the size they declare), and Member responses listing it among the files the Member sent.
 * Two branches, so each is found through its own index (records_evidence_sha256; the records key by entity).
 */
const RECORDS_NAMING_FILE = `WITH naming AS (
  SELECT r.validation_id, r.payload->>'sizeBytes' AS size_bytes FROM records r
  WHERE r.entity = 'evidence' AND r.payload->>'sha256' = $1
  UNION ALL
  SELECT r.validation_id, NULL FROM records r
  WHERE r.entity = 'member_response' AND r.payload->'evidenceSha256' @> jsonb_build_array($1::text)
)`;

/** HQ names every upload so (see namingFunction); anything else in an upload URL is refused before any disk access. */
const UPLOAD_ID_PATTERN = /^[0-9a-f]{32}$/;
const newUploadId = (): string => randomBytes(16).toString('hex');
const INTERNAL_ERROR_BODY = JSON.stringify(errorBody('INTERNAL', message('hqEvidence.tryLater')));

/** Upload-Metadata key HQ sets (overriding the client) so only the creating SCSS may resume an upload. */
const UPLOADER_KEY = 'uploader';

type TusRequest = Request & { runtime?: { node?: { req: IncomingMessage } } };
type TusUpload = Awaited<ReturnType<FileStore['getUpload']>>;
type TusRefusalBody = { status_code: number; body: string };
/** The part of @tus/server's `new Server(options)` HQ uses (its README documents each option). */
type TusServerOptions = {
  path: string;
  datastore: FileStore;
  relativeLocation?: boolean;
  maxSize?: number;
  namingFunction?: () => string;
  onIncomingRequest?: (req: TusRequest, uploadId: string) => Promise<void>;
  onUploadCreate?: (req: TusRequest, upload: TusUpload) => Promise<{ metadata?: TusUpload['metadata'] }>;
  onUploadFinish?: (req: TusRequest, upload: TusUpload) => Promise<Partial<TusRefusalBody>>;
  onResponseError?: (req: TusRequest, error: Error | TusRefusalBody) => TusRefusalBody | undefined;
};
type TusServerModule = {
  Server: new (
    options: TusServerOptions,
  ) => { handle(req: IncomingMessage, res: ServerResponse): Promise<void>; cleanUpExpiredUploads(): Promise<number> };
};
// @tus/server's typings import srvx's, which need Bun, Deno and Cloudflare typings this project does not install
// (skipLibCheck is off): it is loaded by a specifier tsc does not resolve, and typed above for what HQ uses.
const TUS_SERVER_MODULE = '@tus/server';
const loadTusServer = () => import(TUS_SERVER_MODULE) as Promise<TusServerModule>;
type Caller = { principal: Principal; log: FastifyBaseLogger };

/** A refusal in the form @tus/server sends: its status and an ApiError JSON body. */
class TusRefusal extends Error {
  readonly status_code: number;
  readonly body: string;
  constructor(status: number, code: string, told: Message) {
    super(told.message);
    this.status_code = status;
    this.body = JSON.stringify(errorBody(code, told));
  }
}

/** Streams the file through SHA-256: a 500 MB upload is never held in memory. */
async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

async function fsyncPath(target: string): Promise<void> {
  try {
    const handle = await open(target, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* a directory cannot be opened on Windows; the rename is still atomic */
  }
}

/**
 * The tus endpoint for evidence files and HEAD /v1/evidence/files/:sha256. An encapsulated plugin: its
 * content-type parser leaves tus bodies unread for @tus/server to stream to disk.
 */
export const evidenceUploadRoutes: FastifyPluginAsync<EvidenceRoutesOptions> = async (scope, options) => {
  const { db, requirePrincipal } = options;
  const evidenceDir = options.evidenceDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ctpat-hq-evidence-')));
  if (options.evidenceDir === undefined)
    scope.addHook('onClose', () => rm(evidenceDir, { recursive: true, force: true }));
  const uploadsDir = path.join(evidenceDir, 'uploads');
  const filesDir = path.join(evidenceDir, 'files');
  // FileStore creates its folder asynchronously and throws out of a callback on failure; create both here.
  mkdirSync(uploadsDir, { recursive: true });
  mkdirSync(filesDir, { recursive: true });
  const expiryMs = options.unfinishedUploadExpiryMs ?? DEFAULT_UNFINISHED_UPLOAD_EXPIRY_MS;
  // tus reads 0 as "never expires"; HQ always expires unfinished uploads.
  if (!Number.isSafeInteger(expiryMs) || expiryMs < 1) {
    throw new Error(`unfinishedUploadExpiryMs must be a positive number of milliseconds, not ${expiryMs}`);
  }
  const sweepEveryMs = options.uploadSweepIntervalMs ?? DEFAULT_UPLOAD_SWEEP_INTERVAL_MS;
  // Node turns an interval it cannot hold (over about 24.8 days, or not a number) into 1 ms.
  if (!Number.isSafeInteger(sweepEveryMs) || sweepEveryMs < 1 || sweepEveryMs > MAX_TIMER_MS) {
    throw new Error(`uploadSweepIntervalMs must be from 1 to ${MAX_TIMER_MS} milliseconds, not ${sweepEveryMs}`);
  }
  const datastore = new FileStore({ directory: uploadsDir, expirationPeriodInMilliseconds: expiryMs });
  const callers = new WeakMap<IncomingMessage, Caller>();

  const callerOf = (req: TusRequest): Caller => {
    const raw = req.runtime?.node?.req;
    const caller = raw ? callers.get(raw as IncomingMessage) : undefined;
    if (!caller) throw new TusRefusal(401, 'UNAUTHORIZED', message('hqEvidence.tokenMissing'));
    return caller;
  };

  const { Server } = await loadTusServer();
  const tus = new Server({
    path: EVIDENCE_UPLOADS_PATH,
    datastore,
    // Relative, so the client resolves it against the address it used (HQ may sit behind a TLS proxy).
    relativeLocation: true,
    maxSize: MAX_EVIDENCE_UPLOAD_BYTES,
    namingFunction: newUploadId,

    async onIncomingRequest(req, uploadId) {
      if (req.method === 'POST') return; // creation is checked in onUploadCreate
      const { principal } = callerOf(req);
      // Unknown, malformed and someone else's uploads get one answer, revealing nothing.
      const upload = UPLOAD_ID_PATTERN.test(uploadId) ? await datastore.getUpload(uploadId).catch(() => null) : null;
      if (upload?.metadata?.[UPLOADER_KEY] !== principal.user.id) {
        throw new TusRefusal(404, 'NOT_FOUND', message('hqEvidence.noSuchUpload'));
      }
    },

    async onUploadCreate(req, upload) {
      const { principal, log } = callerOf(req);
      const declared = Object.fromEntries(
        Object.entries(upload.metadata ?? {}).filter((entry): entry is [string, string] => entry[1] !== null),
      );
      const metadata = EvidenceUploadMetadataSchema.safeParse(declared);
      if (!metadata.success) {
        throw new TusRefusal(400, 'BAD_REQUEST', message('hqReason.uploadNeedsSha256'));
      }
      if (upload.sizeIsDeferred || upload.size === undefined) {
        throw new TusRefusal(400, 'BAD_REQUEST', message('hqReason.uploadNeedsLength'));
      }
      const { sha256 } = metadata.data;
      const records = await db.query<{ size_bytes: string | null }>(
        `${RECORDS_NAMING_FILE} SELECT n.size_bytes FROM naming n JOIN validations v ON v.id = n.validation_id
         WHERE v.owner_user_id = $2`,
        [sha256, principal.user.id],
      );
      if (records.length === 0) {
        log.info({ deviceId: principal.deviceId, sha256 }, 'evidence upload refused: not referenced');
        throw new TusRefusal(403, 'FORBIDDEN', message('hqEvidence.notReferenced', { sha256 }));
      }
      // Only evidence records declare a size; a Member response names its files by SHA-256 alone.
      const sizes = records
        .flatMap((r) => (r.size_bytes === null ? [] : [Number(r.size_bytes)]))
        .filter((n) => Number.isInteger(n));
      if (sizes.length > 0 && !sizes.includes(upload.size)) {
        throw new TusRefusal(
          400,
          'BAD_REQUEST',
          message('hqEvidence.sizeMismatch', { declared: upload.size, recorded: sizes[0] ?? 0 }),
        );
      }
      log.info(
        { deviceId: principal.deviceId, sha256, sizeBytes: upload.size, uploadId: upload.id },
        'evidence upload created',
      );
      return { metadata: { ...declared, [UPLOADER_KEY]: principal.user.id } };
    },

    async onUploadFinish(req, upload) {
      const { principal, log } = callerOf(req);
      const sha256 = upload.metadata?.sha256 ?? '';
      const received = path.join(uploadsDir, upload.id);
      const actual = await sha256OfFile(received);
      if (actual !== sha256) {
        await datastore.remove(upload.id).catch(() => {});
        log.warn(
          { deviceId: principal.deviceId, sha256, actual, uploadId: upload.id },
          'evidence upload refused: checksum mismatch',
        );
        throw new TusRefusal(
          CHECKSUM_MISMATCH_STATUS,
          'CHECKSUM_MISMATCH',
          message('hqEvidence.checksum', { actual, sha256 }),
        );
      }
      await fsyncPath(received);
      // Content-addressed: a concurrent upload of the same bytes renames identical content over it.
      await rename(received, path.join(filesDir, sha256));
      await fsyncPath(filesDir);
      // The uploader has proved they hold these bytes: their records now open the file to their readers.
      await db.query(
        `WITH file AS (INSERT INTO evidence_files (sha256, size_bytes, received_at) VALUES ($1, $2, now())
                       ON CONFLICT (sha256) DO NOTHING)
         INSERT INTO evidence_file_holders (sha256, user_id, received_at) VALUES ($1, $3, now())
         ON CONFLICT (sha256, user_id) DO NOTHING`,
        [sha256, upload.size ?? upload.offset, principal.user.id],
      );
      // A sweep may have taken the info file of an upload that outlived its expiry while finishing.
      await datastore.configstore.delete(upload.id).catch(() => {});
      log.info(
        { deviceId: principal.deviceId, sha256, sizeBytes: upload.size, uploadId: upload.id },
        'evidence file received',
      );
      return {};
    },

    onResponseError(req, error) {
      const raw = req.runtime?.node?.req;
      const log = raw ? callers.get(raw as IncomingMessage)?.log : undefined;
      const status = 'status_code' in error ? error.status_code : 500;
      if (status < 500) return undefined;
      // tus would append the error's message, which names HQ's files: the log keeps it, the client does not.
      log?.error({ err: error }, 'evidence upload failed');
      return { status_code: 500, body: INTERNAL_ERROR_BODY };
    },
  });

  // Leave tus bodies unread: @tus/server streams them from the raw request to disk.
  scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  const handleTus = async (request: FastifyRequest<{ Params: { uploadId?: string } }>, reply: FastifyReply) => {
    const principal = await requirePrincipal(request, reply);
    if (!principal) return reply;
    const { uploadId } = request.params;
    if (uploadId !== undefined && !UPLOAD_ID_PATTERN.test(uploadId)) {
      return reply.code(404).send(errorBody('NOT_FOUND', message('hqEvidence.noSuchUpload')));
    }
    callers.set(request.raw, { principal, log: request.log });
    reply.hijack();
    try {
      await tus.handle(request.raw, reply.raw);
    } catch (error) {
      request.log.error({ err: error }, 'evidence upload failed');
      answerInternalError(reply.raw);
    }
  };
  scope.all(EVIDENCE_UPLOADS_PATH, handleTus);
  scope.all(`${EVIDENCE_UPLOADS_PATH}/:uploadId`, handleTus);

  const sweepExpiredUploads = uploadSweeper({
    sweep: async () => (await tus.cleanUpExpiredUploads()) + (await removeOrphanedUploadFiles(uploadsDir, expiryMs)),
    log: scope.log,
    onSweep: options.onUploadSweep,
  });
  await sweepExpiredUploads();
  const sweepTimer = setInterval(() => void sweepExpiredUploads(), sweepEveryMs);
  sweepTimer.unref(); // the sweep alone never keeps HQ running
  scope.addHook('onClose', async () => clearInterval(sweepTimer));

  scope.head<{ Params: { sha256: string } }>('/v1/evidence/files/:sha256', async (request, reply) => {
    const principal = await requirePrincipal(request, reply);
    if (!principal) return reply;
    const sha256 = Sha256HexSchema.safeParse(request.params.sha256);
    if (!sha256.success) return reply.code(400).send();
    const held = await heldFileInScope(db, principal, sha256.data);
    request.log.debug(
      { deviceId: principal.deviceId, sha256: sha256.data, held: held !== null },
      'evidence file asked',
    );
    if (held === null) return reply.code(404).send();
    return reply.code(200).header(EVIDENCE_SIZE_HEADER, String(held)).send();
  });

  // A reviewer's or supervisor's laptop fetches the files of the validations it judges (same scope as HEAD).
  scope.get<{ Params: { sha256: string } }>('/v1/evidence/files/:sha256', async (request, reply) => {
    const principal = await requirePrincipal(request, reply);
    if (!principal) return reply;
    const sha256 = Sha256HexSchema.safeParse(request.params.sha256);
    if (!sha256.success) {
      return reply.code(400).send(errorBody('BAD_REQUEST', message('hqReason.fileNeedsSha256')));
    }
    const held = await heldFileInScope(db, principal, sha256.data);
    const file = path.join(filesDir, sha256.data);
    const onDisk = held === null ? null : await stat(file).catch(() => null);
    if (held !== null && onDisk?.size !== held) {
      request.log.error(
        { sha256: sha256.data, expected: held, found: onDisk?.size ?? null },
        'held evidence file missing',
      );
    }
    if (held === null || onDisk?.size !== held) {
      return reply.code(404).send(errorBody('NOT_FOUND', message('hqEvidence.noSuchFile')));
    }
    request.log.info({ deviceId: principal.deviceId, sha256: sha256.data }, 'evidence file sent');
    return reply
      .code(200)
      .header('content-type', 'application/octet-stream')
      .header('content-length', String(held))
      .header('x-content-type-options', 'nosniff')
      .header(EVIDENCE_SIZE_HEADER, String(held))
      .send(createReadStream(file));
  });
};

/** After a failure inside tus: a plain 500 if nothing was sent yet, else the connection is cut. */
function answerInternalError(res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(INTERNAL_ERROR_BODY);
}

/** One sweep at a time: a slow disk must not let sweeps pile up. Failures are logged and retried next time. */
function uploadSweeper(input: {
  sweep: () => Promise<number>;
  log: FastifyBaseLogger;
  onSweep: ((removed: number) => void) | undefined;
}): () => Promise<void> {
  let running: Promise<void> | null = null;
  const runOnce = async () => {
    try {
      const removed = await input.sweep();
      if (removed > 0) input.log.info({ removed }, 'expired evidence uploads removed');
      input.onSweep?.(removed);
    } catch (error) {
      input.log.warn({ err: error }, 'sweeping expired evidence uploads failed; trying again at the next sweep');
    } finally {
      running = null;
    }
  };
  return () => {
    running ??= runOnce();
    return running;
  };
}

/**
 * tus sweeps uploads that have both their data and their info file; this removes either half left alone
 * (a crash between two steps of creating or finishing an upload) once it is older than the expiry.
 */
async function removeOrphanedUploadFiles(uploadsDir: string, expiryMs: number): Promise<number> {
  const names = new Set(await readdir(uploadsDir));
  let removed = 0;
  for (const name of names) {
    const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : name;
    if (!UPLOAD_ID_PATTERN.test(id) || names.has(name === id ? `${id}.json` : id)) continue;
    const file = path.join(uploadsDir, name);
    const modified = await stat(file).then(
      (s) => s.mtimeMs,
      () => null,
    );
    if (modified === null || Date.now() - modified <= expiryMs) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}

/**
 * The size of a held file the caller may know about, or null: named by an evidence record or a Member response of
 * a validation in their scope whose SCSS has uploaded the file. Naming a SHA-256 proves nothing (a hash can be
 * learnt); uploading bytes that hash to it does, so a record counts only once its SCSS has done so. The SCSS's
 * own HEAD answers 404 until then, so their laptop uploads the file rather than skipping it.
 */
async function heldFileInScope(db: HqDb, principal: Principal, sha256: string): Promise<number | null> {
  const [file] = await db.query<{ size_bytes: string | number }>(
    'SELECT size_bytes FROM evidence_files WHERE sha256 = $1',
    [sha256],
  );
  if (!file) return null;
  const referencing = await db.query<{ owner_user_id: string; field_office: string }>(
    `${RECORDS_NAMING_FILE} SELECT DISTINCT v.owner_user_id, v.field_office FROM naming n
     JOIN validations v ON v.id = n.validation_id
     JOIN evidence_file_holders h ON h.sha256 = $1 AND h.user_id = v.owner_user_id`,
    [sha256],
  );
  return referencing.some((row) => canSeeValidation(principal.user, row)) ? Number(file.size_bytes) : null;
}

import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { EVIDENCE_FILE_TYPES } from '../../shared/domain/evidence-files';
import { detectEvidenceKind, withFileSource } from './evidence-file-type';

/**
 * Evidence files on disk, content-addressed: <dataDir>/evidence/<first 2 hex>/<sha256>, thumbnails at
 * <dataDir>/thumbnails/<sha256>.jpg. Every file is written to a staging file, fsync'd, then renamed into
 * place, so a stored file is always whole; the same bytes attached twice are stored once.
 */

export const SHA256_HEX = /^[0-9a-f]{64}$/;
const CHUNK_BYTES = 1024 * 1024;
const THUMBNAIL_EDGE = 320;

export const evidenceFilePath = (dataDir: string, sha256: string): string =>
  path.join(dataDir, 'evidence', sha256.slice(0, 2), sha256);
export const thumbnailFilePath = (dataDir: string, sha256: string): string =>
  path.join(dataDir, 'thumbnails', `${sha256}.jpg`);
const stagingDir = (dataDir: string): string => path.join(dataDir, 'evidence', '.staging');

export type StagedFile = { tempPath: string; sha256: string; sizeBytes: number };

/** The file grew past the limit while it was being copied (it was checked before). */
export class StagedFileTooLargeError extends Error {
  constructor(readonly sizeBytes: number) {
    super(`The file is larger than the limit (${sizeBytes} bytes read so far).`);
  }
}

async function newStagingFile(dataDir: string) {
  await mkdir(stagingDir(dataDir), { recursive: true });
  const tempPath = path.join(stagingDir(dataDir), `${randomUUID()}.part`);
  return { tempPath, handle: await open(tempPath, 'wx') };
}

/** Writes bytes to a staging file in 1 MB steps, hashing as it goes; the event loop stays free between steps. */
export async function stageBytes(dataDir: string, bytes: Uint8Array): Promise<StagedFile> {
  const { tempPath, handle } = await newStagingFile(dataDir);
  try {
    const hash = createHash('sha256');
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
      const chunk = bytes.subarray(at, at + CHUNK_BYTES);
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
    return { tempPath, sha256: hash.digest('hex'), sizeBytes: bytes.length };
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(tempPath, { force: true });
    throw error;
  }
}

/** Streams a file the SCSS picked on disk into a staging file, hashing while it copies. */
export function stageFromPath(dataDir: string, sourcePath: string, maxBytes: number): Promise<StagedFile> {
  return stageFromStream(dataDir, createReadStream(sourcePath, { highWaterMark: CHUNK_BYTES }), maxBytes);
}

/** Streams bytes (a file on disk, a download from HQ) into a staging file, hashing as it goes. */
export async function stageFromStream(
  dataDir: string,
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<StagedFile> {
  const { tempPath, handle } = await newStagingFile(dataDir);
  try {
    const hash = createHash('sha256');
    let sizeBytes = 0;
    for await (const bytes of chunks) {
      sizeBytes += bytes.length;
      if (sizeBytes > maxBytes) throw new StagedFileTooLargeError(sizeBytes);
      hash.update(bytes);
      await handle.write(bytes);
    }
    await handle.sync();
    await handle.close();
    return { tempPath, sha256: hash.digest('hex'), sizeBytes };
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(tempPath, { force: true });
    throw error;
  }
}

export const discardStaged = (staged: StagedFile): Promise<void> => rm(staged.tempPath, { force: true });

export async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable on POSIX; Windows cannot open a directory and needs no such step.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* not supported on this platform */
  }
}

export async function isCompleteFile(file: string, sizeBytes: number): Promise<boolean> {
  try {
    const info = await stat(file);
    return info.isFile() && info.size === sizeBytes;
  } catch {
    return false;
  }
}

/** Moves a staged file to its content address; when those bytes are already stored the copy is dropped. */
export async function storeStaged(
  dataDir: string,
  staged: StagedFile,
): Promise<{ path: string; alreadyStored: boolean }> {
  const target = evidenceFilePath(dataDir, staged.sha256);
  if (await isCompleteFile(target, staged.sizeBytes)) {
    await discardStaged(staged);
    return { path: target, alreadyStored: true };
  }
  await mkdir(path.dirname(target), { recursive: true });
  await rename(staged.tempPath, target);
  await syncDirectory(path.dirname(target));
  return { path: target, alreadyStored: false };
}

/** Younger leftovers may be an attach still running in another copy of the app on the same data folder. */
export const LEFTOVER_GRACE_MS = 60_000;
const THUMBNAIL_NAME = /^([0-9a-f]{64})\.jpg(\.[0-9a-f-]+\.part)?$/;

const listDir = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/**
 * Deletes what an attach cut short (a crash, a kill) left behind: staging files, and stored files and
 * thumbnails whose SHA-256 is not in `referenced` (every hash an evidence row names, removed rows included).
 * Files with other names are not the store's and stay. Returns the paths deleted.
 */
export function sweepEvidenceLeftovers(dataDir: string, referenced: ReadonlySet<string>, now = Date.now()): string[] {
  const removed: string[] = [];
  const removeIfStale = (file: string) => {
    try {
      const info = statSync(file);
      if (!info.isFile() || now - info.mtimeMs < LEFTOVER_GRACE_MS) return;
      rmSync(file);
      removed.push(file);
    } catch {
      // Already gone, or not ours to delete: a sweep never stops the app from opening.
    }
  };
  for (const name of listDir(stagingDir(dataDir))) {
    if (name.endsWith('.part')) removeIfStale(path.join(stagingDir(dataDir), name));
  }
  const evidenceDir = path.join(dataDir, 'evidence');
  for (const shard of listDir(evidenceDir)) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of listDir(path.join(evidenceDir, shard))) {
      if (SHA256_HEX.test(name) && !referenced.has(name)) removeIfStale(path.join(evidenceDir, shard, name));
    }
  }
  const thumbnailDir = path.join(dataDir, 'thumbnails');
  for (const name of listDir(thumbnailDir)) {
    const match = THUMBNAIL_NAME.exec(name);
    const isStaging = match?.[2] !== undefined;
    if (match && (isStaging || !referenced.has(match[1] ?? ''))) removeIfStale(path.join(thumbnailDir, name));
  }
  return removed;
}

export type Sharp = typeof import('sharp')['default'];
let loadSharpModule: () => Sharp | Promise<Sharp> = () => import('sharp').then((m) => m.default);
let sharpModule: Promise<Sharp | null> | undefined;

/**
 * How sharp is loaded. Electron's main process passes `() => require('sharp')`: require() is what Electron
 * resolves inside its asar archive (sharp itself sits in app.asar.unpacked); plain Node uses import().
 */
export function loadSharpWith(load: () => Sharp | Promise<Sharp>): void {
  loadSharpModule = load;
  sharpModule = undefined;
}

/** sharp is loaded on first use, so a machine where its native part is missing still attaches files. */
export function loadSharp(): Promise<Sharp | null> {
  sharpModule ??= Promise.resolve()
    .then(() => loadSharpModule())
    .catch((error: unknown) => {
      console.warn('Evidence thumbnails are off: the sharp module could not be loaded.', error);
      return null;
    });
  return sharpModule;
}

/**
 * A 320-pixel JPEG thumbnail of a stored photo, made in sharp's worker threads (the main process stays
 * responsive). Returns false when the image cannot be decoded here (e.g. HEIC); the file is still evidence.
 */
export async function ensureThumbnail(dataDir: string, sha256: string): Promise<boolean> {
  const target = thumbnailFilePath(dataDir, sha256);
  if (((await stat(target).catch(() => null))?.size ?? 0) > 0) return true;
  const sharp = await loadSharp();
  if (!sharp) return false;
  await mkdir(path.dirname(target), { recursive: true });
  const tempPath = `${target}.${randomUUID()}.part`;
  try {
    await sharp(evidenceFilePath(dataDir, sha256), { failOn: 'none', animated: false })
      .rotate() // honour the camera's EXIF orientation
      .resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 78, mozjpeg: true })
      .toFile(tempPath);
    const handle = await open(tempPath, 'r+');
    await handle.sync();
    await handle.close();
    await rename(tempPath, target);
    return true;
  } catch (error) {
    console.warn(`No thumbnail for evidence ${sha256}:`, error instanceof Error ? error.message : error);
    await rm(tempPath, { force: true });
    return false;
  }
}

const EVIDENCE_ROUTE = /^\/evidence-files\/([^/?#]*)$/;

/**
 * The stored file a renderer URL names, or null. Only `/evidence-files/<64 hex>` (the original) and
 * `/evidence-files/<64 hex>?thumb` (its thumbnail) are served, and only from the data folder.
 */
export function evidenceRequestFor(requestUrl: string): { sha256: string; thumbnail: boolean } | 'invalid' | null {
  // The raw path, as written: the URL parser would fold "/../" before it could be refused.
  const withoutOrigin = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const [rawPath = '', query = ''] = withoutOrigin.split('#')[0]?.split('?') ?? [];
  if (!rawPath.toLowerCase().startsWith('/evidence-files')) return null;
  const name = EVIDENCE_ROUTE.exec(rawPath)?.[1] ?? '';
  if (!SHA256_HEX.test(name)) return 'invalid';
  return { sha256: name, thumbnail: new URLSearchParams(query).has('thumb') };
}

export type ServedEvidenceFile = { path: string; contentType: string; sizeBytes: number };

/** Resolves an evidence URL to a file in the data folder with the content type its bytes show. */
export async function openEvidenceRequest(
  dataDir: string,
  request: { sha256: string; thumbnail: boolean },
): Promise<ServedEvidenceFile | null> {
  const file = request.thumbnail
    ? thumbnailFilePath(dataDir, request.sha256)
    : evidenceFilePath(dataDir, request.sha256);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  if (request.thumbnail) return { path: file, contentType: 'image/jpeg', sizeBytes: info.size };
  const kind = await withFileSource(file, detectEvidenceKind);
  const contentType =
    kind === 'TEXT'
      ? 'text/plain; charset=utf-8'
      : kind
        ? EVIDENCE_FILE_TYPES[kind].mediaType
        : 'application/octet-stream';
  return { path: file, contentType, sizeBytes: info.size };
}

/** Headers for a served evidence file: never executed, never sniffed, cached forever (content-addressed). */
export function evidenceResponseHeaders(served: ServedEvidenceFile): Record<string, string> {
  return {
    'content-type': served.contentType,
    'content-length': String(served.sizeBytes),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, max-age=31536000, immutable',
  };
}

import { stat } from 'node:fs/promises';
import { LRUCache } from 'lru-cache';
import { message } from '../../../shared/messages';
import type { EmbeddedPhoto } from '../../../shared/report/embedded-photo';
import type { ReportPhoto } from '../../../shared/report/model';
import { evidenceFilePath, type Sharp } from '../evidence-store';

/** Longest edge of an embedded photo: sharp on a Letter page at print resolution, small enough for 20 photos. */
export const REPORT_PHOTO_EDGE = 1200;

export type LoadedPhotos = { photos: Map<string, EmbeddedPhoto>; warnings: string[] };

export type PhotoLoadOptions = {
  /** How sharp is loaded; Electron's main process passes its require(). */
  loadSharp?: () => Sharp | Promise<Sharp>;
  edge?: number;
  /** Stops before the next photo (the export was cancelled): rejects with the signal's reason. */
  signal?: AbortSignal;
};

const defaultLoadSharp = () => import('sharp').then((m) => m.default);
const PHOTOS_AT_ONCE = 2;

/**
 * Photos already downscaled, by content hash and size: the preview on the Report screen loads them, and the export
 * that follows reuses them (sharp took about 0.9 s of a twenty-photo PDF). A stored file never changes under its
 * hash, so an entry never goes stale; the oldest are dropped past 64 MB of base64.
 */
const downscaled = new LRUCache<string, EmbeddedPhoto>({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (photo) => photo.dataUri.length,
});

/**
 * Downscales each stored photo to a JPEG for embedding. A photo that is missing from disk or cannot be
 * decoded is left out with a warning naming the file: the report is still produced, with a placeholder.
 */
export async function loadReportPhotos(
  dataDir: string,
  wanted: readonly ReportPhoto[],
  options: PhotoLoadOptions = {},
): Promise<LoadedPhotos> {
  const photos = new Map<string, EmbeddedPhoto>();
  const warnings: string[] = [];
  if (!wanted.length) return { photos, warnings };
  let sharp: Sharp | null;
  try {
    sharp = await (options.loadSharp ?? defaultLoadSharp)();
  } catch {
    sharp = null;
  }
  const edge = options.edge ?? REPORT_PHOTO_EDGE;
  const embed = async (photo: ReportPhoto): Promise<EmbeddedPhoto | string> => {
    const file = evidenceFilePath(dataDir, photo.sha256);
    if (!(await stat(file).catch(() => null))?.isFile()) {
      return message('reportWarning.photoMissing', { fileName: photo.fileName }).message;
    }
    const cached = downscaled.get(`${photo.sha256}@${edge}`);
    if (cached) return cached;
    if (!sharp) return message('reportWarning.photoNoLibrary', { fileName: photo.fileName }).message;
    try {
      const { data, info } = await sharp(file, { failOn: 'error', animated: false })
        .rotate() // honour the camera's EXIF orientation
        .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        // Plain libjpeg-turbo: mozjpeg's trellis search cost ~110 ms a photo (of ~160) for 10% fewer bytes.
        .jpeg({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      const embedded = {
        dataUri: `data:image/jpeg;base64,${data.toString('base64')}`,
        width: info.width,
        height: info.height,
      };
      downscaled.set(`${photo.sha256}@${edge}`, embedded);
      return embedded;
    } catch {
      return message('reportWarning.photoUnreadable', { fileName: photo.fileName }).message;
    }
  };
  // Two at a time: sharp decodes each image on one thread here, so a pair uses both cores of a field laptop,
  // while 20 full-size decodes at once would hold gigabytes of pixels.
  for (let at = 0; at < wanted.length; at += PHOTOS_AT_ONCE) {
    options.signal?.throwIfAborted();
    const batch = wanted.slice(at, at + PHOTOS_AT_ONCE);
    const results = await Promise.all(batch.map(embed));
    results.forEach((result, i) => {
      const photo = batch[i] as ReportPhoto;
      if (typeof result === 'string') warnings.push(result);
      else photos.set(photo.sha256, result);
    });
  }
  return { photos, warnings };
}

/** Forgets every downscaled photo: the next report downscales its photos again (a benchmark's cold start). */
export function forgetDownscaledPhotos(): void {
  downscaled.clear();
}

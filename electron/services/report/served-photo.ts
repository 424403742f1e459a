import { isEmbeddableDataUri, type PhotoLookup, servedPhotoUrl } from '../../../shared/report/embedded-photo';

const PHOTO_URL_PREFIX = servedPhotoUrl('');

/** The SHA-256 a served photo URL names, or undefined for any other URL. */
const servedHash = (url: string): string | undefined =>
  url.startsWith(PHOTO_URL_PREFIX) ? url.slice(PHOTO_URL_PREFIX.length) : undefined;

/** Whether a URL asks for one of the report's photos: a map lookup, without reading the photo. */
export const isServedPhotoUrl = (url: string, photos: PhotoLookup): boolean => {
  const hash = servedHash(url);
  return hash !== undefined && photos.has(hash);
};

/**
 * The photo a served URL names, as the bytes and type to answer with; undefined for any other URL. Both printers
 * (headless Chromium in the harness, Electron's print window) answer a report's photo requests with it.
 */
export function servedPhoto(url: string, photos: PhotoLookup): { contentType: string; body: Buffer } | undefined {
  const hash = servedHash(url);
  const photo = hash === undefined ? undefined : photos.get(hash);
  if (!photo || !isEmbeddableDataUri(photo.dataUri)) return undefined;
  const [head = '', base64 = ''] = photo.dataUri.split(',');
  return { contentType: head.slice('data:'.length, -';base64'.length), body: Buffer.from(base64, 'base64') };
}

import { isEmbeddableDataUri, type PhotoLookup, servedPhotoUrl } from '../../../shared/report/embedded-photo';

const PHOTO_URL_PREFIX = servedPhotoUrl('');

/** Whether a URL asks for one of the report's photos: a map lookup, without reading the photo. */
export const isServedPhotoUrl = (url: string, photos: PhotoLookup): boolean =>
  url.startsWith(PHOTO_URL_PREFIX) && photos.has(url.slice(PHOTO_URL_PREFIX.length));

/**
 * The photo a served URL names, as the bytes and type to answer with; undefined for any other URL. Both printers
 * (headless Chromium in the harness, Electron's print window) answer a report's photo requests with it.
 */
export function servedPhoto(url: string, photos: PhotoLookup): { contentType: string; body: Buffer } | undefined {
  const photo = url.startsWith(PHOTO_URL_PREFIX) ? photos.get(url.slice(PHOTO_URL_PREFIX.length)) : undefined;
  if (!photo || !isEmbeddableDataUri(photo.dataUri)) return undefined;
  const [head = '', base64 = ''] = photo.dataUri.split(',');
  return { contentType: head.slice('data:'.length, -';base64'.length), body: Buffer.from(base64, 'base64') };
}

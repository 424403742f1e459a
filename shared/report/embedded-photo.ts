/** A photo ready to embed: a downscaled JPEG as a data: URI, with its pixel size for layout. */
export type EmbeddedPhoto = { dataUri: string; width: number; height: number };

/** Photos by SHA-256; a photo the caller could not load is simply absent and renders as a placeholder. */
export type PhotoLookup = ReadonlyMap<string, EmbeddedPhoto>;

export const NO_PHOTOS: PhotoLookup = new Map();

/** Only JPEG and PNG data URIs are embedded: anything else (a javascript: URL, a remote file) is refused. */
export const isEmbeddableDataUri = (uri: string): boolean =>
  /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/.test(uri);

/** Where a page asks for a photo its printer serves: `.invalid` never resolves, so only the printer answers. */
export const SERVED_PHOTO_ORIGIN = 'https://report.invalid';

export const servedPhotoUrl = (sha256: string): string => `${SERVED_PHOTO_ORIGIN}/photo/${sha256}`;

import { type Message, message } from '../messages';
import { formatFileSize } from './file-size';

export { formatFileSize };

/**
 * Which files can be evidence, and the words used when one is refused. Shared so the page can refuse a
 * file before reading it with exactly the message the main process would give.
 */

export type EvidenceFileKind = 'JPEG' | 'PNG' | 'WEBP' | 'GIF' | 'HEIC' | 'PDF' | 'DOCX' | 'XLSX' | 'TEXT' | 'CSV';

export type EvidenceFileType = {
  kind: EvidenceFileKind;
  mediaType: string;
  /** Lower-case extensions without the dot; the first is the usual one. */
  extensions: readonly string[];
  /** How the type is named in a message: "a JPEG photo". */
  description: string;
  image: boolean;
};

export const EVIDENCE_FILE_TYPES: Record<EvidenceFileKind, EvidenceFileType> = {
  JPEG: {
    kind: 'JPEG',
    mediaType: 'image/jpeg',
    extensions: ['jpg', 'jpeg', 'jfif'],
    description: 'a JPEG photo',
    image: true,
  },
  PNG: { kind: 'PNG', mediaType: 'image/png', extensions: ['png'], description: 'a PNG image', image: true },
  WEBP: { kind: 'WEBP', mediaType: 'image/webp', extensions: ['webp'], description: 'a WEBP image', image: true },
  GIF: { kind: 'GIF', mediaType: 'image/gif', extensions: ['gif'], description: 'a GIF image', image: true },
  HEIC: {
    kind: 'HEIC',
    mediaType: 'image/heic',
    extensions: ['heic', 'heif'],
    description: 'a HEIC photo',
    image: true,
  },
  PDF: { kind: 'PDF', mediaType: 'application/pdf', extensions: ['pdf'], description: 'a PDF document', image: false },
  DOCX: {
    kind: 'DOCX',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    description: 'a Word document',
    image: false,
  },
  XLSX: {
    kind: 'XLSX',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    description: 'an Excel workbook',
    image: false,
  },
  TEXT: { kind: 'TEXT', mediaType: 'text/plain', extensions: ['txt'], description: 'a plain text file', image: false },
  CSV: { kind: 'CSV', mediaType: 'text/csv', extensions: ['csv'], description: 'a CSV file', image: false },
};

/** For the file picker's filter and the file input's accept attribute. */
export const EVIDENCE_EXTENSIONS: readonly string[] = Object.values(EVIDENCE_FILE_TYPES).flatMap((t) => t.extensions);

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** The type a file's name claims, or null when its extension is not one evidence may have. */
export function typeForFileName(fileName: string): EvidenceFileType | null {
  const ext = extensionOf(fileName);
  if (!ext) return null;
  return Object.values(EVIDENCE_FILE_TYPES).find((t) => t.extensions.includes(ext)) ?? null;
}

export type EvidenceRejection = 'EMPTY' | 'TOO_LARGE' | 'NOT_ALLOWED' | 'MISMATCH';

/** The message shown for a refused file: it names the file and says why. */
export function rejectionMessage(
  fileName: string,
  reason:
    | { kind: 'EMPTY' }
    | { kind: 'TOO_LARGE'; sizeBytes: number; maxBytes: number }
    | { kind: 'NOT_ALLOWED' }
    | { kind: 'MISMATCH'; claimed: EvidenceFileType; actual: EvidenceFileType | null },
): Message {
  switch (reason.kind) {
    case 'EMPTY':
      return message('errors.evidence.empty', { fileName });
    case 'TOO_LARGE': {
      const { sizeBytes: size, maxBytes: limit } = reason;
      // 25.04 MB must not read as "25 MB; the limit is 25 MB".
      const close = formatFileSize(size) === formatFileSize(limit);
      return message(close ? 'errors.evidence.tooLargeExact' : 'errors.evidence.tooLarge', { fileName, size, limit });
    }
    case 'NOT_ALLOWED':
      return message('errors.evidence.notAllowed', { fileName });
    case 'MISMATCH': {
      const extension = extensionOf(fileName);
      return reason.actual
        ? message('errors.evidence.mismatch', { fileName, extension, actual: reason.actual.kind })
        : message('errors.evidence.mismatchUnknown', { fileName, extension, claimed: reason.claimed.kind });
    }
  }
}

/** Name for a pasted screenshot, like the one macOS gives: "Screenshot 2026-11-23 10.42.05.png". */
export function screenshotFileName(at: Date, extension: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}.${pad(at.getMinutes())}.${pad(at.getSeconds())}`;
  return `Screenshot ${date} ${time}.${extension}`;
}

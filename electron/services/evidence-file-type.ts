import { open } from 'node:fs/promises';
import type { EvidenceFileKind } from '../../shared/domain/evidence-files';

/** A file or buffer read by position, so a 25 MB file is never read whole just to learn its type. */
export type ByteSource = { size: number; read(offset: number, length: number): Promise<Uint8Array> };

export function bufferSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

/** Runs `use` with the file at `filePath` opened as a ByteSource, and closes it. */
export async function withFileSource<T>(filePath: string, use: (source: ByteSource) => Promise<T>): Promise<T> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    return await use({
      size,
      read: async (offset, length) => {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        return buffer.subarray(0, bytesRead);
      },
    });
  } finally {
    await handle.close();
  }
}

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((b, i) => bytes[at + i] === b);

// ISO base media "ftyp" brands of HEIF stills and sequences coded with HEVC (what iPhones write).
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_GENERIC_BRANDS = new Set(['mif1', 'msf1']);

function isHeic(head: Uint8Array): boolean {
  if (head.length < 16 || ascii(head, 4, 8) !== 'ftyp') return false;
  const major = ascii(head, 8, 12);
  if (HEIC_BRANDS.has(major)) return true;
  if (!HEIF_GENERIC_BRANDS.has(major)) return false;
  // A generic HEIF major brand: HEVC-coded only if a compatible brand says so (AVIF would say "avif").
  const boxSize = Math.min(
    ((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0),
    head.length,
  );
  for (let at = 16; at + 4 <= boxSize; at += 4) if (HEIC_BRANDS.has(ascii(head, at, at + 4))) return true;
  return false;
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

const EOCD_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const MAX_CENTRAL_DIRECTORY_BYTES = 8 * 1024 * 1024;

/** The entry names in a zip's central directory, or null when it is not a readable zip. */
export async function zipEntryNames(source: ByteSource): Promise<string[] | null> {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  let eocd = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (startsWith(tail, EOCD_SIGNATURE, at)) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const entryCount = u16(tail, eocd + 10);
  const directorySize = u32(tail, eocd + 12);
  const directoryOffset = u32(tail, eocd + 16);
  if (directorySize > MAX_CENTRAL_DIRECTORY_BYTES || directoryOffset + directorySize > source.size) return null;
  const directory = await source.read(directoryOffset, directorySize);
  const names: string[] = [];
  const decoder = new TextDecoder();
  let at = 0;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > directory.length || u32(directory, at) !== CENTRAL_ENTRY_SIGNATURE) return null;
    const nameLength = u16(directory, at + 28);
    const extraLength = u16(directory, at + 30);
    const commentLength = u16(directory, at + 32);
    names.push(decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Office Open XML: a zip with [Content_Types].xml and the main part of a Word or Excel file. */
async function officeKind(source: ByteSource): Promise<'DOCX' | 'XLSX' | null> {
  const names = await zipEntryNames(source);
  if (!names?.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return 'DOCX';
  if (names.includes('xl/workbook.xml')) return 'XLSX';
  return null;
}

const TEXT_SAMPLE_BYTES = 64 * 1024;

/**
 * Plain text in any common encoding: UTF-16 with its byte-order mark, or an 8-bit encoding (UTF-8,
 * Windows-1252: CSV files from Excel) with no NUL and no control characters other than whitespace.
 */
function looksLikeText(sample: Uint8Array): boolean {
  if (
    sample.length >= 2 &&
    sample.length % 2 === 0 &&
    (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff]))
  ) {
    return true;
  }
  for (const byte of sample) {
    const whitespace = byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
    // 0x1a: the end-of-file mark old DOS tools leave; 0x1b: escape sequences in exported logs.
    if (byte < 0x20 && !whitespace && byte !== 0x1a && byte !== 0x1b) return false;
    if (byte === 0x7f) return false;
  }
  return true;
}

/**
 * What a file actually is, read from its bytes (never from its name). TEXT stands for any plain
 * text, CSV included. Null: not a kind evidence may be.
 */
export async function detectEvidenceKind(source: ByteSource): Promise<EvidenceFileKind | null> {
  if (source.size === 0) return null;
  const head = await source.read(0, Math.min(source.size, TEXT_SAMPLE_BYTES));
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'GIF';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'WEBP';
  if (isHeic(head)) return 'HEIC';
  if (ascii(head, 0, 5) === '%PDF-') return 'PDF';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return officeKind(source);
  if (looksLikeText(head)) return 'TEXT';
  // Readers accept a PDF header anywhere in the first 1,024 bytes (some scanners prepend a line).
  if (ascii(head, 0, 1024).includes('%PDF-')) return 'PDF';
  return null;
}

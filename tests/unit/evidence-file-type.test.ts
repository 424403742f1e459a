import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferSource, detectEvidenceKind, withFileSource } from '../../electron/services/evidence-file-type';
import { checkEvidenceType } from '../../electron/services/evidence-service';
import { evidenceRequestFor } from '../../electron/services/evidence-store';
import {
  formatFileSize,
  rejectionMessage,
  screenshotFileName,
  typeForFileName,
} from '../../shared/domain/evidence-files';
import { AppError } from '../../shared/ipc/envelope';
import { makeDocx, makeExe, makeFtyp, makeJpeg, makePdf, makePng, makeXlsx, makeZip } from './evidence-fixtures';

const detect = (bytes: Uint8Array) => detectEvidenceKind(bufferSource(bytes));
const riff = (format: string) =>
  Buffer.concat([Buffer.from(`RIFF\x10\x00\x00\x00${format}VP8 `, 'latin1'), Buffer.alloc(32)]);

describe('detectEvidenceKind reads the type from the bytes', () => {
  it('recognises real photos', async () => {
    expect(await detect(await makePng(8, 8))).toBe('PNG');
    expect(await detect(await makeJpeg(8, 8))).toBe('JPEG');
    expect(await detect(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBe('GIF');
    expect(await detect(Buffer.from('GIF87a\x01\x00\x01\x00', 'latin1'))).toBe('GIF');
    expect(await detect(riff('WEBP'))).toBe('WEBP');
  });

  it('recognises HEIC from its ftyp brands, and not AVIF or MP4 video', async () => {
    expect(await detect(makeFtyp('heic', ['mif1', 'heic']))).toBe('HEIC');
    expect(await detect(makeFtyp('heix', ['mif1']))).toBe('HEIC');
    expect(await detect(makeFtyp('mif1', ['mif1', 'heic', 'miaf']))).toBe('HEIC');
    expect(await detect(makeFtyp('avif', ['mif1', 'avif']))).toBeNull();
    expect(await detect(makeFtyp('mif1', ['mif1', 'avif', 'miaf']))).toBeNull();
    expect(await detect(makeFtyp('isom', ['isom', 'mp41']))).toBeNull();
  });

  it('recognises PDFs, also with a line before the header', async () => {
    expect(await detect(makePdf())).toBe('PDF');
    const prefixed = Buffer.concat([Buffer.from('SCANNER v2\r\n', 'latin1'), makePdf(), Buffer.from([0, 1, 2, 0xff])]);
    expect(await detect(prefixed)).toBe('PDF');
  });

  it('tells Word from Excel from any other zip by the parts inside', async () => {
    expect(await detect(makeDocx())).toBe('DOCX');
    expect(await detect(makeXlsx())).toBe('XLSX');
    expect(await detect(makeZip({ 'report.docx': 'x', 'readme.txt': 'hello' }))).toBeNull();
    expect(await detect(makeZip({ 'word/document.xml': '<w:document/>' }))).toBeNull(); // no [Content_Types].xml
    const truncated = makeDocx().subarray(0, 60);
    expect(await detect(truncated)).toBeNull();
  });

  it('takes UTF-8, Windows-1252 and UTF-16 text as text, and refuses binary', async () => {
    expect(await detect(Buffer.from('Seal log\nSeal,Time\r\nA123,08:00\tok\n', 'utf8'))).toBe('TEXT');
    expect(await detect(Buffer.from('Caf\xe9;Men\xfa\r\n', 'latin1'))).toBe('TEXT');
    expect(await detect(Buffer.from('\ufeffhello', 'utf16le'))).toBe('TEXT');
    expect(await detect(makeExe())).toBeNull();
    expect(await detect(Buffer.from([0x00, 0x01, 0x02, 0x03]))).toBeNull();
    expect(await detect(Buffer.alloc(0))).toBeNull();
  });

  it('reads a file by position without loading it whole', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-detect-'));
    try {
      const file = path.join(dir, 'big.xlsx');
      // A 3 MB workbook: only its head, its tail and its central directory are read.
      fs.writeFileSync(
        file,
        makeZip({
          '[Content_Types].xml': '<Types/>',
          'xl/media/photo.bin': 'x'.repeat(3_000_000),
          'xl/workbook.xml': '<workbook/>',
        }),
      );
      expect(await withFileSource(file, detectEvidenceKind)).toBe('XLSX');
      const reads: number[] = [];
      await withFileSource(file, async (source) => {
        const counting = {
          size: source.size,
          read: (offset: number, length: number) => {
            reads.push(length);
            return source.read(offset, length);
          },
        };
        return detectEvidenceKind(counting);
      });
      expect(reads.every((n) => n <= 64 * 1024 + 22)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function refusal(fileName: string, bytes: Uint8Array): Promise<string> {
  try {
    await checkEvidenceType(fileName, bufferSource(bytes));
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_REQUEST');
    return (error as AppError).message;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('checkEvidenceType compares the name with the content', () => {
  it('accepts each allowed type under its own extension, in any letter case', async () => {
    expect((await checkEvidenceType('dock.PNG', bufferSource(await makePng(4, 4)))).mediaType).toBe('image/png');
    expect((await checkEvidenceType('gate.jpeg', bufferSource(await makeJpeg(4, 4)))).mediaType).toBe('image/jpeg');
    expect((await checkEvidenceType('IMG_0042.HEIC', bufferSource(makeFtyp('heic', ['mif1'])))).kind).toBe('HEIC');
    expect((await checkEvidenceType('policy.pdf', bufferSource(makePdf()))).kind).toBe('PDF');
    expect((await checkEvidenceType('plan.docx', bufferSource(makeDocx()))).kind).toBe('DOCX');
    expect((await checkEvidenceType('seals.xlsx', bufferSource(makeXlsx()))).kind).toBe('XLSX');
    expect((await checkEvidenceType('seals.csv', bufferSource(Buffer.from('a,b\n1,2\n')))).mediaType).toBe('text/csv');
    expect((await checkEvidenceType('notes.txt', bufferSource(Buffer.from('ok')))).mediaType).toBe('text/plain');
  });

  it('takes a photo or document with no extension by its content', async () => {
    expect((await checkEvidenceType('IMG_0001', bufferSource(await makeJpeg(4, 4)))).kind).toBe('JPEG');
    expect(await refusal('README', Buffer.from('plain words'))).toMatch(/^"README" was not attached: only photos/);
  });

  it('refuses a type that is not allowed, naming the file', async () => {
    expect(await refusal('scan.exe', makeExe())).toBe(
      '"scan.exe" was not attached: only photos (JPEG, PNG, WEBP, GIF, HEIC) and documents (PDF, Word .docx, Excel .xlsx, plain text, CSV) can be evidence.',
    );
    // A real photo hidden behind a double extension is still refused by its name.
    expect(await refusal('photo.jpg.exe', await makeJpeg(4, 4))).toMatch(/^"photo\.jpg\.exe" was not attached: only/);
    expect(await refusal('clip.mp4', makeFtyp('isom', ['mp41']))).toMatch(/only photos/);
  });

  it('refuses a name that claims another type than the content', async () => {
    expect(await refusal('dock.pdf', await makePng(4, 4))).toBe(
      '"dock.pdf" was not attached: its name ends in .pdf but the file is a PNG image. Attach the original file, or correct its name.',
    );
    expect(await refusal('photo.png', await makeJpeg(4, 4))).toMatch(/ends in \.png but the file is a JPEG photo/);
    expect(await refusal('plan.docx', makeXlsx())).toMatch(/ends in \.docx but the file is an Excel workbook/);
    expect(await refusal('plan.docx', makeZip({ 'a.txt': 'x' }))).toMatch(
      /ends in \.docx but the file is not a Word document/,
    );
    expect(await refusal('log.txt', makeExe())).toMatch(/ends in \.txt but the file is not a plain text file/);
    expect(await refusal('photo.jpg', Buffer.from('just text'))).toMatch(
      /ends in \.jpg but the file is a plain text file/,
    );
  });
});

describe('evidence messages and names', () => {
  it('formats sizes the way the messages use them', () => {
    expect(formatFileSize(900)).toBe('900 bytes');
    expect(formatFileSize(1)).toBe('1 byte');
    expect(formatFileSize(512_000)).toBe('512 KB');
    expect(formatFileSize(25_000_000)).toBe('25 MB');
    expect(formatFileSize(48_200_000)).toBe('48.2 MB');
  });

  it('says how big a refused file is and what the limit is, never "25 MB; the limit is 25 MB"', () => {
    const limit = 25_000_000;
    expect(
      rejectionMessage('warehouse.mp4', {
        kind: 'TOO_LARGE',
        sizeBytes: 48_200_000,
        maxBytes: limit,
      }).message,
    ).toBe('"warehouse.mp4" was not attached: it is 48.2 MB; the limit is 25 MB.');
    expect(
      rejectionMessage('pano.jpg', { kind: 'TOO_LARGE', sizeBytes: limit + 19_000, maxBytes: limit }).message,
    ).toBe('"pano.jpg" was not attached: it is 25.019 MB; the limit is 25 MB.');
    expect(rejectionMessage('empty.txt', { kind: 'EMPTY' }).message).toBe(
      '"empty.txt" was not attached: the file is empty.',
    );
  });

  it('knows which extensions are evidence', () => {
    expect(typeForFileName('a.JPG')?.kind).toBe('JPEG');
    expect(typeForFileName('archive.tar.gz')).toBeNull();
    expect(typeForFileName('.png')).toBeNull();
    expect(typeForFileName('noext')).toBeNull();
  });

  it('names pasted screenshots by the local time', () => {
    expect(screenshotFileName(new Date(2026, 10, 23, 10, 42, 5), 'png')).toBe('Screenshot 2026-11-23 10.42.05.png');
  });
});

describe('evidenceRequestFor (the evidence-files route)', () => {
  const sha = 'ab'.repeat(32);
  it('accepts only a 64-hex name, with ?thumb for the thumbnail', () => {
    expect(evidenceRequestFor(`app://ctpat/evidence-files/${sha}`)).toEqual({ sha256: sha, thumbnail: false });
    expect(evidenceRequestFor(`app://ctpat/evidence-files/${sha}?thumb`)).toEqual({ sha256: sha, thumbnail: true });
    expect(evidenceRequestFor(`/evidence-files/${sha}?thumb`)).toEqual({ sha256: sha, thumbnail: true });
    expect(evidenceRequestFor('app://ctpat/index.html')).toBeNull();
    expect(evidenceRequestFor('app://ctpat/assets/app.js')).toBeNull();
  });

  it('refuses every other name under the route', () => {
    for (const url of [
      'app://ctpat/evidence-files/',
      `app://ctpat/evidence-files/${sha.toUpperCase()}`,
      `app://ctpat/evidence-files/${sha}0`,
      `app://ctpat/evidence-files/${sha.slice(1)}`,
      'app://ctpat/evidence-files/../ctpat-validator.sqlite3',
      'app://ctpat/evidence-files/..%2fctpat-validator.sqlite3',
      `app://ctpat/evidence-files/ab/${sha}`,
      `app://ctpat/evidence-files/${sha}%00`,
      'app://ctpat/evidence-files/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      expect(evidenceRequestFor(url), url).toBe('invalid');
    }
  });
});

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditForEntity, verifyAuditChain } from '../../db/audit-log';
import type { Db } from '../../db/connection';
import { listOutbox } from '../../db/outbox';
import { listEvidence } from '../../db/queries/evidence';
import { listMembers } from '../../db/queries/members';
import { writeSettings } from '../../db/queries/settings';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import {
  attachEvidence,
  deleteEvidence,
  PickedFileRegistry,
  pickEvidenceFiles,
  updateEvidence,
} from '../../electron/services/evidence-service';
import {
  evidenceFilePath,
  evidenceRequestFor,
  openEvidenceRequest,
  thumbnailFilePath,
} from '../../electron/services/evidence-store';
import { createValidation } from '../../electron/services/validation-service';
import { DEFAULT_SETTINGS, type Evidence } from '../../shared/domain/field-work';
import type { Validation } from '../../shared/domain/validation';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { AppError, type ErrorCode } from '../../shared/ipc/envelope';
import { makeDocx, makeExe, makeJpeg, makePdf, makePng, makeXlsx } from '../unit/evidence-fixtures';

const START = Date.parse('2026-11-23T15:00:00.000Z');
const ALLOWED =
  'only photos (JPEG, PNG, WEBP, GIF, HEIC) and documents (PDF, Word .docx, Excel .xlsx, plain text, CSV)';

let dataDir: string;
let outsideDir: string;
let services: AppServices;
let registry: PickedFileRegistry;
let clockMs: number;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-evidence-test-'));
  outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-evidence-picked-'));
  clockMs = START;
  services = openAppServices({
    dataDir,
    actor: 'test.scss',
    now: () => {
      const now = new Date(clockMs);
      clockMs += 1000;
      return now;
    },
  });
  registry = new PickedFileRegistry();
});

afterEach(() => {
  services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(outsideDir, { recursive: true, force: true });
});

function newValidation(mode: Validation['mode'] = 'IN_PERSON'): Validation {
  const member = listMembers(services.ctx.db).find((m) => m.entityType === 'IMP');
  if (!member) throw new Error('no demo importer');
  return createValidation(services.ctx, {
    memberId: member.id,
    entityType: 'IMP',
    mode,
    scheduledDate: '2026-11-23',
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function attachBytes(
  validation: Validation,
  fileName: string,
  bytes: Uint8Array,
  more: Partial<ParsedRequestOf<'evidence:attach'>> = {},
): Promise<Evidence> {
  return attachEvidence(
    services.ctx,
    {
      validationId: validation.id,
      criterionId: '9.6',
      findingId: null,
      fileName,
      mediaType: '',
      caption: '',
      source: { kind: 'bytes', base64: Buffer.from(bytes).toString('base64') },
      ...more,
    },
    registry,
  );
}

function attachPicked(validation: Validation, fileName: string, bytes: Uint8Array): Promise<Evidence> {
  const file = path.join(outsideDir, fileName);
  fs.writeFileSync(file, bytes);
  const token = registry.remember(validation.id, file);
  return attachEvidence(
    services.ctx,
    {
      validationId: validation.id,
      criterionId: '9.6',
      findingId: null,
      fileName,
      mediaType: '',
      caption: '',
      source: { kind: 'picked', token },
    },
    registry,
  );
}

/** Every file under the data folder's evidence/ and thumbnails/ (staging included), relative paths. */
function storedFiles(): string[] {
  const found: string[] = [];
  for (const top of ['evidence', 'thumbnails']) {
    const root = path.join(dataDir, top);
    if (!fs.existsSync(root)) continue;
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) found.push(path.relative(dataDir, path.join(entry.parentPath, entry.name)));
    }
  }
  return found.sort();
}

function counts(db: Db) {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { evidence: n('evidence'), audit: n('audit_log'), outbox: n('sync_outbox') };
}

async function expectRefused(attempt: () => Promise<unknown>, code: ErrorCode, message: string | RegExp) {
  let thrown: unknown;
  try {
    await attempt();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppError);
  expect((thrown as AppError).code).toBe(code);
  if (typeof message === 'string') expect((thrown as AppError).message).toBe(message);
  else expect((thrown as AppError).message).toMatch(message);
}

describe('attaching evidence', () => {
  it('stores the file under its SHA-256, makes a thumbnail, and records the row with audit and outbox rows', async () => {
    const validation = newValidation();
    const png = await makePng(1200, 900);
    const before = counts(services.ctx.db);

    const evidence = await attachBytes(validation, 'Dock door 4.png', png, { caption: '  Seal check at door 4 ' });

    expect(evidence).toMatchObject({
      validationId: validation.id,
      criterionId: '9.6',
      findingId: null,
      sha256: sha256(png),
      fileName: 'Dock door 4.png',
      mediaType: 'image/png',
      sizeBytes: png.length,
      caption: 'Seal check at door 4',
      observedRemotely: false,
      hasThumbnail: true,
    });
    const stored = path.join(dataDir, 'evidence', evidence.sha256.slice(0, 2), evidence.sha256);
    expect(evidenceFilePath(dataDir, evidence.sha256)).toBe(stored);
    expect(fs.readFileSync(stored).equals(png)).toBe(true);
    const thumb = await sharp(thumbnailFilePath(dataDir, evidence.sha256)).metadata();
    expect(thumb).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    expect(storedFiles()).toEqual([
      path.join('evidence', evidence.sha256.slice(0, 2), evidence.sha256),
      path.join('thumbnails', `${evidence.sha256}.jpg`),
    ]);

    expect(listEvidence(services.ctx.db, validation.id)).toEqual([evidence]);
    expect(counts(services.ctx.db)).toEqual({
      evidence: before.evidence + 1,
      audit: before.audit + 1,
      outbox: before.outbox + 1,
    });
    expect(listAuditForEntity(services.ctx.db, 'evidence', evidence.id)).toEqual([
      expect.objectContaining({ action: 'evidence.attach', actor: 'test.scss', before: null, after: evidence }),
    ]);
    expect(listOutbox(services.ctx.db).at(-1)).toMatchObject({
      entity: 'evidence',
      entityId: evidence.id,
      operation: 'upsert',
      payload: evidence,
    });
    expect(verifyAuditChain(services.ctx.db).ok).toBe(true);
  });

  it('stores the same bytes once however often they are attached, with one row each time', async () => {
    const validation = newValidation();
    const jpeg = await makeJpeg();
    const first = await attachBytes(validation, 'gate.jpg', jpeg);
    const second = await attachBytes(validation, 'gate (copy).jpg', jpeg, { criterionId: '9.1' });
    const third = await attachPicked(validation, 'gate.jpeg', jpeg);

    expect(new Set([first.sha256, second.sha256, third.sha256]).size).toBe(1);
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
    expect(storedFiles()).toEqual([
      path.join('evidence', first.sha256.slice(0, 2), first.sha256),
      path.join('thumbnails', `${first.sha256}.jpg`),
    ]);
    expect(listEvidence(services.ctx.db, validation.id).map((e) => e.fileName)).toEqual([
      'gate.jpg',
      'gate (copy).jpg',
      'gate.jpeg',
    ]);
  });

  it('keeps documents without thumbnails and records their real media type', async () => {
    const validation = newValidation();
    const pdf = await attachBytes(validation, 'Security policy.pdf', makePdf());
    const docx = await attachBytes(validation, 'Procedures.docx', makeDocx());
    const xlsx = await attachPicked(validation, 'Seal log.xlsx', makeXlsx());
    const csv = await attachBytes(validation, 'seals.csv', Buffer.from('seal,door\nA1,4\n'));
    expect([pdf, docx, xlsx, csv].map((e) => [e.mediaType, e.hasThumbnail])).toEqual([
      ['application/pdf', false],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
      ['text/csv', false],
    ]);
    expect(fs.existsSync(path.join(dataDir, 'thumbnails'))).toBe(false);
  });

  it('marks evidence captured in a virtual validation as observed remotely', async () => {
    const virtual = await attachBytes(newValidation('VIRTUAL'), 'screen share.png', await makePng(40, 30));
    const inPerson = await attachBytes(newValidation('IN_PERSON'), 'fence.png', await makePng(40, 30));
    expect(virtual.observedRemotely).toBe(true);
    expect(inPerson.observedRemotely).toBe(false);
    const row = services.ctx.db.prepare('SELECT observed_remotely FROM evidence WHERE id = ?').get(virtual.id);
    expect(row).toEqual({ observed_remotely: 1 });
  });

  it('attaches to a finding of the same validation and criterion only', async () => {
    const validation = newValidation();
    const findingId = '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b';
    services.ctx.db
      .prepare(
        `INSERT INTO findings (id, validation_id, criterion_id, classification, description, created_at, updated_at)
         VALUES (?, ?, '9.6', 'ACTION_REQUIRED', 'Broken fence', ?, ?)`,
      )
      .run(findingId, validation.id, '2026-11-23T15:00:00.000Z', '2026-11-23T15:00:00.000Z');
    const png = await makePng(20, 20);
    const onFinding = await attachBytes(validation, 'fence.png', png, { findingId });
    expect(onFinding).toMatchObject({ criterionId: '9.6', findingId });
    // The finding form sends no criterion: the evidence still records the finding's.
    const fromFindingForm = await attachBytes(validation, 'fence 2.png', png, { findingId, criterionId: null });
    expect(fromFindingForm).toMatchObject({ criterionId: '9.6', findingId });
    await expectRefused(
      () => attachBytes(validation, 'fence.png', png, { findingId, criterionId: '9.1' }),
      'BAD_REQUEST',
      'That finding belongs to criterion 9.6, not 9.1.',
    );
    await expectRefused(
      () => attachBytes(newValidation(), 'fence.png', png, { findingId }),
      'NOT_FOUND',
      /finding is not part of this validation/,
    );
    await expectRefused(
      () => attachBytes(validation, 'fence.png', png, { criterionId: '9.99' }),
      'BAD_REQUEST',
      /Criterion 9\.99 is not on this validation's worksheet/,
    );
  });
});

describe('refused files leave nothing behind', () => {
  it.each([
    ['a program', 'scan.exe', () => makeExe(), `"scan.exe" was not attached: ${ALLOWED} can be evidence.`],
    [
      'a name that claims another type',
      'dock.pdf',
      () => makePng(30, 30),
      '"dock.pdf" was not attached: its name ends in .pdf but the file is a PNG image. Attach the original file, or correct its name.',
    ],
    [
      'a file over the 25 MB default limit',
      'warehouse.mp4',
      () => Buffer.alloc(48_200_000, 7),
      '"warehouse.mp4" was not attached: it is 48.2 MB; the limit is 25 MB.',
    ],
  ])('refuses %s with a message naming the file', async (_what, fileName, make, message) => {
    const validation = newValidation();
    const before = counts(services.ctx.db);
    const bytes = await make();
    await expectRefused(() => attachBytes(validation, fileName, bytes), 'BAD_REQUEST', message);
    await expectRefused(() => attachPicked(validation, fileName, bytes), 'BAD_REQUEST', message);
    expect(counts(services.ctx.db)).toEqual(before);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses an empty file and one over a lowered limit, picked from disk', async () => {
    const validation = newValidation();
    writeSettings(services.ctx.db, { ...DEFAULT_SETTINGS, maxEvidenceBytes: 64_000 }, '2026-11-23T15:00:00.000Z');
    const before = counts(services.ctx.db);
    await expectRefused(
      () => attachPicked(validation, 'notes.txt', Buffer.alloc(0)),
      'BAD_REQUEST',
      '"notes.txt" was not attached: the file is empty.',
    );
    await expectRefused(
      () => attachPicked(validation, 'panorama.png', Buffer.alloc(200_000)),
      'BAD_REQUEST',
      '"panorama.png" was not attached: it is 200 KB; the limit is 64 KB.',
    );
    await expectRefused(
      () => attachBytes(validation, 'panorama.png', Buffer.alloc(200_000)),
      'BAD_REQUEST',
      '"panorama.png" was not attached: it is 200 KB; the limit is 64 KB.',
    );
    expect(counts(services.ctx.db)).toEqual(before);
    expect(storedFiles()).toEqual([]);
  });

  it('refuses bytes that did not arrive intact', async () => {
    const validation = newValidation();
    await expectRefused(
      () =>
        attachEvidence(
          services.ctx,
          {
            validationId: validation.id,
            criterionId: '9.6',
            findingId: null,
            fileName: 'gate.png',
            mediaType: 'image/png',
            caption: '',
            source: { kind: 'bytes', base64: 'iVBORw0KGgo*not base64*' },
          },
          registry,
        ),
      'BAD_REQUEST',
      '"gate.png" was not attached: its content did not arrive intact. Attach it again.',
    );
    expect(storedFiles()).toEqual([]);
  });

  it('refuses everything on a submitted validation (LOCKED) and writes nothing', async () => {
    const validation = newValidation();
    const png = await makePng(30, 30);
    const attached = await attachBytes(validation, 'before.png', png);
    services.ctx.db.prepare("UPDATE validations SET status = 'SUBMITTED' WHERE id = ?").run(validation.id);
    const before = counts(services.ctx.db);
    const filesBefore = storedFiles();

    const late = await makePng(31, 31);
    await expectRefused(() => attachBytes(validation, 'late.png', late), 'LOCKED', /submitted/);
    await expectRefused(() => attachPicked(validation, 'late.jpg', makeJpegSync()), 'LOCKED', /submitted/);
    await expectRefused(
      async () => updateEvidence(services.ctx, { validationId: validation.id, evidenceId: attached.id, caption: 'x' }),
      'LOCKED',
      /submitted/,
    );
    await expectRefused(
      async () =>
        deleteEvidence(services.ctx, { validationId: validation.id, evidenceId: attached.id, reason: 'wrong' }),
      'LOCKED',
      /submitted/,
    );
    await expectRefused(
      () => pickEvidenceFiles(services.ctx, registry, async () => [], validation.id),
      'LOCKED',
      /submitted/,
    );
    expect(counts(services.ctx.db)).toEqual(before);
    expect(storedFiles()).toEqual(filesBefore);
  });
});

// A JPEG header is enough where the test is refused before the type is read.
const makeJpegSync = () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

describe('captions and removal', () => {
  it('saves a caption with audit and outbox rows, and skips a save that changes nothing', async () => {
    const validation = newValidation();
    const evidence = await attachBytes(validation, 'seal.png', await makePng(30, 30));
    const before = counts(services.ctx.db);
    const updated = updateEvidence(services.ctx, {
      validationId: validation.id,
      evidenceId: evidence.id,
      caption: 'Seal 448812 intact',
    });
    expect(updated).toEqual({ ...evidence, caption: 'Seal 448812 intact' });
    expect(listEvidence(services.ctx.db, validation.id)).toEqual([updated]);
    expect(counts(services.ctx.db)).toEqual({ ...before, audit: before.audit + 1, outbox: before.outbox + 1 });
    expect(listAuditForEntity(services.ctx.db, 'evidence', evidence.id).at(-1)).toMatchObject({
      action: 'evidence.update',
      before: evidence,
      after: updated,
    });

    updateEvidence(services.ctx, {
      validationId: validation.id,
      evidenceId: evidence.id,
      caption: 'Seal 448812 intact ',
    });
    expect(counts(services.ctx.db).audit).toBe(before.audit + 1);
  });

  it('removes evidence softly: the row and file stay, the list hides it, the audit log says why', async () => {
    const validation = newValidation();
    const png = await makePng(50, 50);
    const kept = await attachBytes(validation, 'keep.png', await makePng(60, 60));
    const removed = await attachBytes(validation, 'wrong dock.png', png);
    const before = counts(services.ctx.db);

    expect(
      deleteEvidence(services.ctx, {
        validationId: validation.id,
        evidenceId: removed.id,
        reason: '  Photo of the wrong dock ',
      }),
    ).toEqual({ deleted: true });

    expect(listEvidence(services.ctx.db, validation.id)).toEqual([kept]);
    const row = services.ctx.db.prepare('SELECT * FROM evidence WHERE id = ?').get(removed.id) as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({ deleted_reason: 'Photo of the wrong dock', sha256: removed.sha256 });
    expect(row.deleted_at).toMatch(/^2026-11-23T15:/);
    expect(fs.readFileSync(evidenceFilePath(dataDir, removed.sha256)).equals(png)).toBe(true);
    expect(fs.existsSync(thumbnailFilePath(dataDir, removed.sha256))).toBe(true);
    expect(counts(services.ctx.db)).toEqual({ ...before, audit: before.audit + 1, outbox: before.outbox + 1 });
    expect(listAuditForEntity(services.ctx.db, 'evidence', removed.id).at(-1)).toMatchObject({
      action: 'evidence.delete',
      actor: 'test.scss',
      before: removed,
      after: { ...removed, deletedAt: row.deleted_at, deletedReason: 'Photo of the wrong dock' },
    });
    expect(listOutbox(services.ctx.db).at(-1)).toMatchObject({
      entity: 'evidence',
      entityId: removed.id,
      operation: 'delete',
      payload: { id: removed.id, validationId: validation.id, reason: 'Photo of the wrong dock' },
    });

    await expectRefused(
      async () =>
        deleteEvidence(services.ctx, { validationId: validation.id, evidenceId: removed.id, reason: 'again' }),
      'NOT_FOUND',
      /may have been removed/,
    );
    await expectRefused(
      async () => updateEvidence(services.ctx, { validationId: validation.id, evidenceId: removed.id, caption: 'x' }),
      'NOT_FOUND',
      /may have been removed/,
    );
    expect(verifyAuditChain(services.ctx.db).ok).toBe(true);
  });
});

describe('files chosen in the native dialog', () => {
  it('hands out tokens, attaches each once, and only to the validation it was chosen for', async () => {
    const validation = newValidation();
    const other = newValidation();
    const file = path.join(outsideDir, 'Fence line.jpg');
    fs.writeFileSync(file, await makeJpeg(300, 200));
    const picked = await pickEvidenceFiles(services.ctx, registry, async () => [file], validation.id);
    expect(picked).toEqual([
      { token: expect.any(String), fileName: 'Fence line.jpg', sizeBytes: fs.statSync(file).size },
    ]);
    const token = picked[0]?.token ?? '';
    const request = (validationId: string): ParsedRequestOf<'evidence:attach'> => ({
      validationId,
      criterionId: '9.6',
      findingId: null,
      fileName: 'anything.jpg',
      mediaType: '',
      caption: '',
      source: { kind: 'picked', token },
    });
    await expectRefused(
      () => attachEvidence(services.ctx, request(other.id), registry),
      'BAD_REQUEST',
      /choose the file again/,
    );
    const evidence = await attachEvidence(services.ctx, request(validation.id), registry);
    expect(evidence).toMatchObject({ fileName: 'Fence line.jpg', mediaType: 'image/jpeg', hasThumbnail: true });
    await expectRefused(
      () => attachEvidence(services.ctx, request(validation.id), registry),
      'BAD_REQUEST',
      /choose the file again/,
    );
  });

  it('forgets tokens after an hour', async () => {
    let now = 0;
    const clocked = new PickedFileRegistry(() => now);
    const token = clocked.remember('v', '/tmp/x.png');
    now = 61 * 60 * 1000;
    expect(clocked.take(token, 'v')).toBeUndefined();
  });
});

describe('serving stored files to the renderer', () => {
  it('serves originals and thumbnails by hash with the content type of their bytes', async () => {
    const validation = newValidation();
    const png = await attachBytes(validation, 'a.png', await makePng(64, 64));
    const pdf = await attachBytes(validation, 'b.pdf', makePdf());
    const request = (url: string) => {
      const parsed = evidenceRequestFor(url);
      if (!parsed || parsed === 'invalid') throw new Error(url);
      return openEvidenceRequest(dataDir, parsed);
    };
    expect(await request(`app://ctpat/evidence-files/${png.sha256}`)).toMatchObject({ contentType: 'image/png' });
    expect(await request(`app://ctpat/evidence-files/${png.sha256}?thumb`)).toMatchObject({
      contentType: 'image/jpeg',
      path: thumbnailFilePath(dataDir, png.sha256),
    });
    expect(await request(`app://ctpat/evidence-files/${pdf.sha256}`)).toMatchObject({ contentType: 'application/pdf' });
    expect(await request(`app://ctpat/evidence-files/${pdf.sha256}?thumb`)).toBeNull();
    expect(await request(`app://ctpat/evidence-files/${'0'.repeat(64)}`)).toBeNull();
  });
});

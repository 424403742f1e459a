import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attachEvidence,
  PickedFileRegistry,
  sweepUnreferencedEvidence,
} from '../../electron/services/evidence-service';
import { evidenceFilePath, thumbnailFilePath } from '../../electron/services/evidence-store';
import { reviewValidationView } from '../../electron/services/review-service';
import { submitValidation } from '../../electron/services/submission-service';
import { evidenceFileUrlPath } from '../../shared/sync/evidence-protocol';
import { buildCompleteValidation } from '../db/complete-validation';
import { makePng } from '../unit/evidence-fixtures';
import { addMember, type Laptop, laptopsAt } from './lifecycle-harness';
import { BACKENDS, sharedHqPerTest } from './sync-harness';

/**
 * A reviewer judges what the SCSS saw: the photos of a validation pulled for review come down from HQ with
 * the sync, checked against the SHA-256 their record names, thumbnailed, and kept by the start-up sweep.
 */

const DANA = { name: 'Dana Ruiz', role: 'SCSS' } as const;
const SAM = { name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER' } as const;
const OLGA = { name: 'Olga Reyes', role: 'FIELD_OFFICE_REVIEWER', fieldOffice: 'Laredo' } as const;

describe.each(BACKENDS)('evidence files reach the reviewer on %s', (backend) => {
  const hq = sharedHqPerTest(backend, { listen: true, evidenceDir: true });
  const { enrol, appSync } = laptopsAt(hq);

  /** Dana's submitted validation with a photo on its finding, its records at HQ but not yet its file. */
  async function submittedWithPhoto() {
    const dana = await enrol(DANA);
    const { validation, finding } = buildCompleteValidation(dana.services, {
      member: addMember(dana),
      signer: DANA.name,
    });
    const bytes = await makePng(640, 480, 21);
    const photo = await attachEvidence(
      dana.services.ctx,
      {
        validationId: validation.id,
        criterionId: null,
        findingId: finding.id,
        fileName: 'shared-login-terminal.png',
        mediaType: 'image/png',
        caption: 'One login taped to the monitor',
        source: { kind: 'bytes', base64: bytes.toString('base64') },
      },
      new PickedFileRegistry(),
    );
    submitValidation(dana.services.ctx, validation.id, DANA.name);
    expect((await dana.push()).refused).toBe(0);
    return { dana, validation, finding, photo, bytes };
  }

  const hasFile = (laptop: Laptop, sha256: string) => fs.existsSync(evidenceFilePath(laptop.services.dataDir, sha256));

  it('brings the photo once HQ holds it, byte for byte, with its thumbnail, and the sweep keeps it', async () => {
    const { dana, validation, photo, bytes } = await submittedWithPhoto();
    const sam = await enrol(SAM);
    const samSync = appSync(sam);

    // Dana has not sent the file yet: Sam's sync succeeds and the photo is simply not there yet.
    expect(await samSync.syncNow()).toMatchObject({ lastError: null });
    expect(hasFile(sam, photo.sha256)).toBe(false);
    const card = reviewValidationView(sam.services.ctx, validation.id).findings[0];
    expect(card?.evidence.map((e) => e.fileName)).toEqual(['shared-login-terminal.png']);

    expect(await appSync(dana).syncNow()).toMatchObject({ lastError: null, pending: 0, refused: 0 });
    expect(await samSync.syncNow()).toMatchObject({ lastError: null });
    const stored = evidenceFilePath(sam.services.dataDir, photo.sha256);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
    expect(fs.statSync(thumbnailFilePath(sam.services.dataDir, photo.sha256)).size).toBeGreaterThan(0);

    // Start-up's sweep deletes files no local evidence row names, but not those a pulled copy names.
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(stored, old, old);
    expect(sweepUnreferencedEvidence(sam.services.ctx)).toEqual([]);
    expect(hasFile(sam, photo.sha256)).toBe(true);
  });

  it('HQ sends a file only within the caller’s scope, and a laptop keeps no damaged copy', async () => {
    const { dana, photo } = await submittedWithPhoto();
    expect(await appSync(dana).syncNow()).toMatchObject({ lastError: null, pending: 0 });
    const olga = await enrol(OLGA);
    const sam = await enrol(SAM);

    const get = (token: string) =>
      fetch(new URL(evidenceFileUrlPath(photo.sha256), hq.baseUrl), { headers: { authorization: `Bearer ${token}` } });
    expect((await get(olga.token)).status).toBe(404);
    const samAnswer = await get(sam.token);
    expect(samAnswer.status).toBe(200);
    expect(samAnswer.headers.get('content-type')).toBe('application/octet-stream');
    expect(Number(samAnswer.headers.get('content-length'))).toBe(photo.sizeBytes);
    await samAnswer.arrayBuffer();
    expect((await appSync(olga).syncNow()).lastError).toBeNull();
    expect(hasFile(olga, photo.sha256)).toBe(false);

    // HQ's copy damaged on its disk (same size): Sam's laptop refuses the bytes and says it will try again.
    const atHq = path.join(hq.evidenceDir, 'files', photo.sha256);
    const original = fs.readFileSync(atHq);
    const damaged = Buffer.from(original);
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    fs.writeFileSync(atHq, damaged);
    const samSync = appSync(sam);
    const status = await samSync.syncNow();
    expect(status.lastError).toMatch(/evidence file for review could not be fetched from HQ/);
    expect(hasFile(sam, photo.sha256)).toBe(false);

    fs.writeFileSync(atHq, original);
    expect((await samSync.syncNow()).lastError).toBeNull();
    expect(hasFile(sam, photo.sha256)).toBe(true);
  });
});

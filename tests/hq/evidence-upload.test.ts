import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { revokeDevice } from '../../hq/identity';
import {
  CHECKSUM_MISMATCH_STATUS,
  EVIDENCE_SIZE_HEADER,
  EVIDENCE_UPLOADS_PATH,
  evidenceFileUrlPath,
} from '../../shared/sync/evidence-protocol';
import { evidenceHqOn, sha256Of, tusHeaders } from './evidence-helpers';
import {
  BACKENDS,
  completed,
  countRows,
  createValidation,
  DANA,
  type Enrolled,
  enrol,
  evidenceChange,
  LEE,
  makeValidation,
  push,
  REVIEWER,
  submitChange,
} from './helpers';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** A file as the desktop attaches it: bytes and the evidence record pushed through the outbox. */
function evidenceFile(validationId: string, bytes: Buffer, fileName = 'dock-door.jpg') {
  const sha256 = sha256Of(bytes);
  return { bytes, sha256, change: evidenceChange(validationId, sha256, fileName, bytes.length) };
}

describe.each(BACKENDS)('evidence upload to HQ on %s', (backend) => {
  const hq = evidenceHqOn(backend);

  /** POST: creates an upload; resolves the relative Location against HQ's address. */
  async function createUpload(token: string | null, sha256: string, sizeBytes: number) {
    const response = await fetch(`${hq.baseUrl}${EVIDENCE_UPLOADS_PATH}`, {
      method: 'POST',
      headers: tusHeaders(token, {
        'upload-length': String(sizeBytes),
        'upload-metadata': `sha256 ${base64(sha256)},filename ${base64('dock-door.jpg')}`,
      }),
    });
    const location = response.headers.get('location');
    return {
      status: response.status,
      body: await response.text(),
      url: location ? new URL(location, hq.baseUrl).toString() : null,
    };
  }

  async function patchBytes(token: string | null, url: string, offset: number, bytes: Uint8Array) {
    const response = await fetch(url, {
      method: 'PATCH',
      headers: tusHeaders(token, {
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      }),
      body: new Uint8Array(bytes),
    });
    return { status: response.status, offset: response.headers.get('upload-offset'), body: await response.text() };
  }

  async function uploadWhole(token: string, file: { sha256: string; bytes: Buffer }) {
    const created = await createUpload(token, file.sha256, file.bytes.length);
    expect(created.status, created.body).toBe(201);
    return patchBytes(token, created.url ?? '', 0, file.bytes);
  }

  const headFile = (token: string | null, sha256: string) =>
    fetch(`${hq.baseUrl}${evidenceFileUrlPath(sha256)}`, { method: 'HEAD', headers: tusHeaders(token) });

  async function receipt(token: string, validationId: string) {
    const response = await fetch(`${hq.baseUrl}/v1/validations/${validationId}/receipt`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await response.json()) as { missingEvidence: string[]; complete: boolean };
  }

  const heldFiles = () => fs.readdirSync(path.join(hq.evidenceDir, 'files')).sort();
  const uploadsInProgress = () => fs.readdirSync(path.join(hq.evidenceDir, 'uploads'));

  /** Dana's submitted validation referencing two files HQ does not hold yet. */
  async function submittedWithTwoFiles(dana: Enrolled) {
    const v = makeValidation();
    const photo = evidenceFile(v.id, randomBytes(200_000));
    const policy = evidenceFile(v.id, randomBytes(70_000), 'policy.pdf');
    const content = completed(v, [photo.change, policy.change]);
    const changes = [createValidation(v), ...content, submitChange(v, content)];
    const pushed = await push(hq, dana.token, { changes });
    expect(pushed.body.receipts.map((r) => r.outcome)).toEqual(changes.map(() => 'applied'));
    return { v, photo, policy };
  }

  it('keeps each file whole and counts the validation complete only once every file it references is held', async () => {
    const dana = await enrol(hq, DANA);
    const { v, photo, policy } = await submittedWithTwoFiles(dana);
    expect(await receipt(dana.token, v.id)).toEqual(
      expect.objectContaining({ missingEvidence: [photo.sha256, policy.sha256].sort(), complete: false }),
    );
    expect((await headFile(dana.token, photo.sha256)).status).toBe(404);

    expect(await uploadWhole(dana.token, photo)).toMatchObject({ status: 204, offset: String(photo.bytes.length) });
    expect(await receipt(dana.token, v.id)).toEqual(
      expect.objectContaining({ missingEvidence: [policy.sha256], complete: false }),
    );

    // The second file in two chunks, as a client sends it after a break.
    const created = await createUpload(dana.token, policy.sha256, policy.bytes.length);
    const url = created.url ?? '';
    expect(await patchBytes(dana.token, url, 0, policy.bytes.subarray(0, 30_000))).toMatchObject({
      status: 204,
      offset: '30000',
    });
    expect(await receipt(dana.token, v.id)).toMatchObject({ complete: false });
    const offset = await fetch(url, { method: 'HEAD', headers: tusHeaders(dana.token) });
    expect(offset.headers.get('upload-offset')).toBe('30000');
    expect(await patchBytes(dana.token, url, 30_000, policy.bytes.subarray(30_000))).toMatchObject({ status: 204 });

    expect(await receipt(dana.token, v.id)).toEqual(expect.objectContaining({ missingEvidence: [], complete: true }));
    expect(heldFiles()).toEqual([photo.sha256, policy.sha256].sort());
    for (const file of [photo, policy]) {
      expect(sha256Of(fs.readFileSync(path.join(hq.evidenceDir, 'files', file.sha256)))).toBe(file.sha256);
    }
    expect(await hq.db.query('SELECT sha256, size_bytes::int AS size FROM evidence_files ORDER BY sha256')).toEqual(
      [photo, policy]
        .map((f) => ({ sha256: f.sha256, size: f.bytes.length }))
        .sort((a, b) => a.sha256.localeCompare(b.sha256)),
    );
    expect(uploadsInProgress()).toEqual([]);

    const held = await headFile(dana.token, photo.sha256);
    expect(held.status).toBe(200);
    expect(held.headers.get(EVIDENCE_SIZE_HEADER)).toBe(String(photo.bytes.length));
    // The field office's reviewer may ask too; another SCSS, whose validations do not reference it, may not.
    expect((await headFile((await enrol(hq, REVIEWER)).token, photo.sha256)).status).toBe(200);
    expect((await headFile((await enrol(hq, LEE)).token, photo.sha256)).status).toBe(404);
  });

  it('refuses bytes that do not hash to the declared SHA-256 and keeps nothing of them', async () => {
    const dana = await enrol(hq, DANA);
    const { v, photo } = await submittedWithTwoFiles(dana);
    const damaged = Buffer.from(photo.bytes);
    damaged[100_000] = (damaged[100_000] ?? 0) ^ 0xff;

    const refused = await uploadWhole(dana.token, { sha256: photo.sha256, bytes: damaged });

    expect(refused.status).toBe(CHECKSUM_MISMATCH_STATUS);
    expect(JSON.parse(refused.body)).toEqual({
      error: {
        code: 'CHECKSUM_MISMATCH',
        message: `The bytes received hash to ${sha256Of(damaged)}, not ${photo.sha256}: the file was changed or damaged on the way. HQ kept nothing; upload the file again.`,
      },
      // The same words by key, so the laptop says them in its person's language.
      told: { key: 'hqEvidence.checksum', params: { actual: sha256Of(damaged), sha256: photo.sha256 } },
    });
    expect(await countRows(hq.db, 'evidence_files')).toBe(0);
    expect(heldFiles()).toEqual([]);
    expect(uploadsInProgress()).toEqual([]);
    expect((await headFile(dana.token, photo.sha256)).status).toBe(404);
    expect(await receipt(dana.token, v.id)).toMatchObject({ complete: false });

    // The intact bytes are still taken afterwards.
    expect(await uploadWhole(dana.token, photo)).toMatchObject({ status: 204 });
    expect(heldFiles()).toEqual([photo.sha256]);
  });

  it('answers 401 to a request without a token or with a revoked one, and stores nothing', async () => {
    const dana = await enrol(hq, DANA);
    const { photo } = await submittedWithTwoFiles(dana);
    const started = await createUpload(dana.token, photo.sha256, photo.bytes.length);
    const url = started.url ?? '';

    expect((await createUpload(null, photo.sha256, photo.bytes.length)).status).toBe(401);
    expect((await createUpload('not-a-real-token-at-all', photo.sha256, photo.bytes.length)).status).toBe(401);
    expect((await patchBytes(null, url, 0, photo.bytes)).status).toBe(401);
    expect((await headFile(null, photo.sha256)).status).toBe(401);

    expect(await revokeDevice(hq.db, dana.deviceId)).toBe(true);
    const afterRevoke = await createUpload(dana.token, photo.sha256, photo.bytes.length);
    expect(afterRevoke.status).toBe(401);
    expect(JSON.parse(afterRevoke.body).error.message).toMatch(/Enrol this device again/);
    expect((await patchBytes(dana.token, url, 0, photo.bytes)).status).toBe(401);
    expect((await headFile(dana.token, photo.sha256)).status).toBe(401);

    expect(await countRows(hq.db, 'evidence_files')).toBe(0);
    expect(heldFiles()).toEqual([]);
    // Only the upload Dana created before her device was revoked exists (its data file and its info file), still empty.
    expect(uploadsInProgress().sort()).toEqual([path.basename(url), `${path.basename(url)}.json`].sort());
    expect(fs.statSync(path.join(hq.evidenceDir, 'uploads', path.basename(url))).size).toBe(0);
  });

  it('documents the tus endpoints and the held-file check in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${hq.baseUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const patch = doc.paths[`${EVIDENCE_UPLOADS_PATH}/{uploadId}`]?.patch as {
      requestBody: { content: Record<string, unknown> };
      responses: Record<string, unknown>;
    };
    expect(Object.keys(patch.requestBody.content)).toEqual(['application/offset+octet-stream']);
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['204', '401', '409', '460']));
    expect(doc.paths[EVIDENCE_UPLOADS_PATH]?.post?.security).toEqual([{ deviceToken: [] }]);
    expect(doc.paths['/v1/evidence/files/{sha256}']?.head?.parameters).toEqual([
      expect.objectContaining({ name: 'sha256', in: 'path', required: true }),
    ]);
  });

  it('takes a file only from the SCSS whose own validation references it, at the size recorded', async () => {
    const dana = await enrol(hq, DANA);
    const lee = await enrol(hq, LEE);
    const { photo } = await submittedWithTwoFiles(dana);

    const byLee = await createUpload(lee.token, photo.sha256, photo.bytes.length);
    expect(byLee.status).toBe(403);
    expect(JSON.parse(byLee.body).error.message).toBe(
      `No validation of yours at HQ references the evidence file ${photo.sha256}; sync its evidence record first`,
    );
    const unreferenced = randomBytes(1000);
    expect((await createUpload(dana.token, sha256Of(unreferenced), unreferenced.length)).status).toBe(403);
    const wrongSize = await createUpload(dana.token, photo.sha256, photo.bytes.length + 1);
    expect(wrongSize.status).toBe(400);
    expect(JSON.parse(wrongSize.body).error.message).toBe(
      `The upload declares ${photo.bytes.length + 1} bytes but the evidence record says ${photo.bytes.length} bytes`,
    );
    expect(uploadsInProgress()).toEqual([]);

    // Lee cannot write into, or read the offset of, an upload Dana started.
    const danas = await createUpload(dana.token, photo.sha256, photo.bytes.length);
    expect((await patchBytes(lee.token, danas.url ?? '', 0, photo.bytes)).status).toBe(404);
    expect((await fetch(danas.url ?? '', { method: 'HEAD', headers: tusHeaders(lee.token) })).status).toBe(404);
    expect(fs.statSync(path.join(hq.evidenceDir, 'uploads', path.basename(danas.url ?? ''))).size).toBe(0);
    expect(await countRows(hq.db, 'evidence_files')).toBe(0);
  });
});

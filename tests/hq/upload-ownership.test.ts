import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_UPLOADS_PATH } from '../../shared/sync/evidence-protocol';
import {
  createUpload,
  evidenceHqOn,
  expectNothingInternal,
  patchBytes,
  rawRequest,
  referencedFile,
  tusHeaders,
} from './evidence-helpers';
import { BACKENDS, DANA, enrol, LEE } from './helpers';

describe.each(BACKENDS)('who may touch an upload in progress, on %s', (backend) => {
  const hq = evidenceHqOn(backend);
  const uploadsDir = () => path.join(hq.evidenceDir, 'uploads');

  it('lets no other device delete, read, write or probe an unfinished upload by any form of its address', async () => {
    const dana = await enrol(hq, DANA);
    const lee = await enrol(hq, LEE);
    const file = await referencedFile(hq, dana, randomBytes(50_000));
    const url = await createUpload(hq.baseUrl, dana.token, file.sha256, file.bytes.length);
    expect((await patchBytes(dana.token, url, 0, file.bytes.subarray(0, 20_000))).status).toBe(204);
    const id = path.basename(new URL(url).pathname);
    const onDisk = () => fs.readdirSync(uploadsDir()).sort();
    const before = onDisk();

    const asLee = tusHeaders(lee.token);
    const attempts: Array<[string, string]> = [];
    for (const method of ['DELETE', 'HEAD', 'GET', 'PATCH']) {
      for (const form of [id, `${id}.json`, `${id}%2Ejson`, `${id}/`, encodeURIComponent(`${id}.json`)]) {
        attempts.push([method, `${EVIDENCE_UPLOADS_PATH}/${form}`]);
      }
    }
    for (const [method, rawPath] of attempts) {
      const headers =
        method === 'PATCH'
          ? { ...asLee, 'upload-offset': '20000', 'content-type': 'application/offset+octet-stream' }
          : asLee;
      const answer = await rawRequest(hq.baseUrl, method, rawPath, headers);
      expect([403, 404], `${method} ${rawPath}: ${answer.body}`).toContain(answer.status);
      expectNothingInternal(answer.body, hq.evidenceDir);
    }

    // Dana's upload is untouched: both its files are there, and she finishes it where she stopped.
    expect(onDisk()).toEqual(before);
    const offset = await fetch(url, { method: 'HEAD', headers: tusHeaders(dana.token) });
    expect(offset.headers.get('upload-offset')).toBe('20000');
    expect((await patchBytes(dana.token, url, 20_000, file.bytes.subarray(20_000))).status).toBe(204);
    expect(fs.readdirSync(path.join(hq.evidenceDir, 'files'))).toEqual([file.sha256]);
  });

  it('answers a malformed upload id with 400 or 404, never a 500, and names no file', async () => {
    const dana = await enrol(hq, DANA);
    const file = await referencedFile(hq, dana, randomBytes(1000));
    const url = await createUpload(hq.baseUrl, dana.token, file.sha256, file.bytes.length);
    const id = path.basename(new URL(url).pathname);
    const malformed = [
      '..',
      '%2e%2e',
      '..%2F..%2Fetc%2Fpasswd',
      '%2E%2E%5Cuploads',
      '%00',
      '%E0%A4%A',
      'x'.repeat(300),
      id.toUpperCase(),
      `${id}%20`,
      `${id}.json`,
      '.json',
      `${id}%3Fa%3Db`,
    ];
    for (const form of malformed) {
      for (const method of ['DELETE', 'HEAD', 'GET', 'PATCH']) {
        const headers = tusHeaders(dana.token, {
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        });
        const answer = await rawRequest(hq.baseUrl, method, `${EVIDENCE_UPLOADS_PATH}/${form}`, headers);
        // 414: Fastify refuses a path segment longer than 100 characters before routing it.
        expect([400, 404, 414], `${method} ${form}: ${answer.body}`).toContain(answer.status);
        expectNothingInternal(answer.body, hq.evidenceDir);
      }
    }
    expect(fs.readdirSync(uploadsDir()).sort()).toEqual([id, `${id}.json`].sort());
  });

  it('answers a failure while keeping a file with a plain 500 that names no file nor error', async () => {
    const dana = await enrol(hq, DANA);
    const file = await referencedFile(hq, dana, randomBytes(2000));
    // Something in the way where HQ keeps the file: the rename into place fails.
    fs.mkdirSync(path.join(hq.evidenceDir, 'files', file.sha256, 'in-the-way'), { recursive: true });
    const url = await createUpload(hq.baseUrl, dana.token, file.sha256, file.bytes.length);

    const answer = await patchBytes(dana.token, url, 0, file.bytes);

    expect(answer.status).toBe(500);
    expectNothingInternal(answer.body, hq.evidenceDir);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'INTERNAL', message: 'HQ could not handle this request; try again later' },
      // The same words by key, so a laptop in Spanish says them in Spanish; still no file and no error named.
      told: { key: 'hqEvidence.tryLater' },
    });
  });
});

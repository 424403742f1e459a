import { randomBytes } from 'node:crypto';
import http from 'node:http';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Member, Validation } from '../../shared/domain/validation';
import type { Envelope } from '../../shared/ipc/envelope';
import { harnessForFile } from './harness-fixture';

const fixture = harnessForFile('ctpat-harness-evidence-');

/** A same-origin POST as the page's shim makes it, with an exact body (Node's fetch would refuse a false length). */
function post(channel: string, body: string | Buffer): Promise<{ status: number; envelope: Envelope<unknown> }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${fixture.origin}/api/invoke/${encodeURIComponent(channel)}`,
      {
        method: 'POST',
        headers: {
          origin: fixture.origin,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, envelope: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      },
    );
    // An early answer may close the upload; the answer still counts.
    request.on('error', reject);
    request.end(body);
  });
}

async function invoke<T>(channel: string, payload: unknown): Promise<T> {
  const { envelope } = await post(channel, JSON.stringify(payload));
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as T;
}

async function newValidation(): Promise<Validation> {
  const members = await invoke<Member[]>('members:list', {});
  const member = members.find((m) => m.entityType === 'IMP');
  return invoke<Validation>('validations:create', {
    memberId: member?.id,
    entityType: 'IMP',
    mode: 'IN_PERSON',
    scheduledDate: '2026-11-23',
  });
}

const attachRequest = (validationId: string, fileName: string, bytes: Buffer) => ({
  validationId,
  criterionId: '9.6',
  findingId: null,
  fileName,
  mediaType: 'image/png',
  caption: '',
  source: { kind: 'bytes', base64: bytes.toString('base64') },
});

describe('the web harness and evidence', () => {
  it('accepts an evidence:attach body over 1 MB (a photo up to the evidence limit) and serves its files', async () => {
    const validation = await newValidation();
    // Noise does not compress: a PNG of about 3 MB, so the body is well over the 1 MB other channels allow.
    const noise = randomBytes(1000 * 1000 * 3);
    const big = await sharp(noise, { raw: { width: 1000, height: 1000, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const { status, envelope } = await post(
      'evidence:attach',
      JSON.stringify(attachRequest(validation.id, 'big.png', big)),
    );
    expect(status).toBe(200);
    expect(envelope).toMatchObject({ ok: true, value: { fileName: 'big.png', sizeBytes: big.length } });
    const sha = envelope.ok ? (envelope.value as { sha256: string }).sha256 : '';

    const original = await fetch(`${fixture.origin}/evidence-files/${sha}`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await original.arrayBuffer()).equals(big)).toBe(true);
  });

  it('answers an oversize evidence:attach with a BAD_REQUEST envelope saying the limit', async () => {
    const validation = await newValidation();
    const body = JSON.stringify(attachRequest(validation.id, 'warehouse.png', Buffer.alloc(26_000_001)));
    const { status, envelope } = await post('evidence:attach', body);
    expect(status).toBe(413);
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'The file was not attached: it is about 26 MB; the limit is 25 MB.' },
    });
  });

  it('keeps the 1 MB limit for every other channel', async () => {
    const validation = await newValidation();
    const body = JSON.stringify({ validationId: validation.id, criterionId: '1.1', notes: 'x'.repeat(1_100_000) });
    const { status, envelope } = await post('responses:save', body);
    expect(status).toBe(413);
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Refused responses:save: the request is larger than 1 MB.' },
    });
  });

  it('serves only 64-hex evidence names, and nothing outside the data folder', async () => {
    for (const pathname of [
      '/evidence-files/../ctpat-validator.sqlite3',
      '/evidence-files/..%2fctpat-validator.sqlite3',
      '/evidence-files/%2e%2e%2fctpat-validator.sqlite3',
      '/evidence-files/ctpat-validator.sqlite3',
      `/evidence-files/${'A'.repeat(64)}`,
      `/evidence-files/${'0'.repeat(64)}`,
    ]) {
      const response = await new Promise<number>((resolve, reject) => {
        // Raw paths: fetch() would fold "/../" before sending.
        http
          .get({ host: '127.0.0.1', port: new URL(fixture.origin).port, path: pathname }, (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          })
          .on('error', reject);
      });
      expect(response, pathname).toBe(404);
    }
  });
});

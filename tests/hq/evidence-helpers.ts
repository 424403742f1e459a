import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { type BuildHqAppOptions, buildHqApp } from '../../hq/app';
import { EVIDENCE_UPLOADS_PATH } from '../../shared/sync/evidence-protocol';
import {
  type Backend,
  createValidation,
  type Enrolled,
  evidenceChange,
  type HqTestContext,
  makeValidation,
  openTestDb,
  push,
} from './helpers';

/** HQ on a real listener over a known evidence folder; tests may start a second HQ over the same folder. */
export type EvidenceHq = HqTestContext & {
  baseUrl: string;
  evidenceDir: string;
  /** Another HQ over the same database and folder, with other options; closed after the test. */
  startAnother: (options: Partial<BuildHqAppOptions>) => Promise<{ app: FastifyInstance; baseUrl: string }>;
};

async function listenOnAnyPort(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('HQ is not listening on a TCP port');
  return `http://127.0.0.1:${address.port}`;
}

/** One database and evidence folder per backend, emptied (tables and folder) before each test. */
export function evidenceHqOn(backend: Backend): EvidenceHq {
  const hq = {} as EvidenceHq;
  let dispose: () => Promise<void> = async () => {};
  let unavailable: Error | null = null;
  const others: FastifyInstance[] = [];
  hq.startAnother = async (options) => {
    const app = buildHqApp({ db: hq.db, evidenceDir: hq.evidenceDir, ...options });
    others.push(app);
    return { app, baseUrl: await listenOnAnyPort(app) };
  };
  beforeAll(async () => {
    try {
      const opened = await openTestDb(backend);
      hq.db = opened.db;
      dispose = opened.dispose;
    } catch (error) {
      unavailable = error as Error;
      return;
    }
    hq.evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-hq-evidence-test-'));
    hq.app = buildHqApp({ db: hq.db, evidenceDir: hq.evidenceDir });
    hq.baseUrl = await listenOnAnyPort(hq.app);
  }, 60_000);
  beforeEach(async () => {
    if (unavailable) throw unavailable;
    await Promise.all(others.splice(0).map((app) => app.close()));
    const tables = await hq.db.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
    );
    await hq.db.exec(`TRUNCATE ${tables.map((t) => t.tablename).join(', ')} CASCADE`);
    for (const folder of ['uploads', 'files']) {
      const dir = path.join(hq.evidenceDir, folder);
      for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await Promise.all(others.splice(0).map((app) => app.close()));
    await hq.app?.close();
    await dispose();
    if (hq.evidenceDir) fs.rmSync(hq.evidenceDir, { recursive: true, force: true });
  });
  return hq;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const base64 = (text: string) => Buffer.from(text).toString('base64');

export const tusHeaders = (token: string | null, more: Record<string, string> = {}) => ({
  'tus-resumable': '1.0.0',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...more,
});

/** POST: creates an upload; resolves the relative Location against HQ's address. */
export async function createUpload(baseUrl: string, token: string, sha256: string, sizeBytes: number) {
  const response = await fetch(`${baseUrl}${EVIDENCE_UPLOADS_PATH}`, {
    method: 'POST',
    headers: tusHeaders(token, {
      'upload-length': String(sizeBytes),
      'upload-metadata': `sha256 ${base64(sha256)},filename ${base64('dock-door.jpg')}`,
    }),
  });
  const location = response.headers.get('location');
  expect(response.status, await response.text()).toBe(201);
  if (!location) throw new Error('HQ created an upload without a Location');
  return new URL(location, baseUrl).toString();
}

export async function patchBytes(token: string, url: string, offset: number, bytes: Uint8Array) {
  const response = await fetch(url, {
    method: 'PATCH',
    headers: tusHeaders(token, { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }),
    body: new Uint8Array(bytes),
  });
  return { status: response.status, offset: response.headers.get('upload-offset'), body: await response.text() };
}

/** A validation of the owner's with one evidence record, pushed, so HQ takes that file from them. */
export async function referencedFile(hq: HqTestContext, owner: Enrolled, bytes: Buffer) {
  const v = makeValidation();
  const sha256 = sha256Of(bytes);
  const pushed = await push(hq, owner.token, {
    changes: [createValidation(v), evidenceChange(v.id, sha256, 'dock-door.jpg', bytes.length)],
  });
  expect(pushed.body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied']);
  return { bytes, sha256 };
}

/**
 * A request sent exactly as written: fetch would normalise `..` and some escapes away before they reach HQ.
 * Resolves with the status and body.
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  rawPath: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, method, path: rawPath, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/** What no answer from HQ may show a client: where its files live, or a stack trace. */
export function expectNothingInternal(body: string, evidenceDir: string): void {
  expect(body).not.toContain(evidenceDir);
  expect(body).not.toContain(os.tmpdir());
  expect(body).not.toMatch(/ENOENT|ENOTEMPTY|EISDIR|\n\s+at /);
}

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type EvidenceUploadOptions,
  type EvidenceUploadProgress,
  pendingEvidenceCount,
  uploadPendingEvidence,
} from '../../electron/sync/upload-evidence';
import { attachBytes, type Client, doFieldWork, enrolClient, removeTempDirs, sharedHqPerTest } from './sync-harness';

const CHUNK = 64 * 1024;
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A PDF as the evidence service accepts it: the signature, then incompressible bytes. */
const pdfOf = (sizeBytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(sizeBytes - 9)]);

/** One request as the injected fetch carried it. */
type Carried = { url: string; line: string; headers: Headers; init: RequestInit | undefined };
/** Answers a carried request in place of the network; null lets it through to HQ. */
type Fault = (request: Carried, patchNumber: number) => Promise<Response> | null;

/**
 * A fetch standing in for Electron's net.fetch: it notes every request it carries, then hands it to Node's
 * fetch, unless `fault` answers it (a dropped or stalled connection).
 */
function injectedFetch(fault?: Fault) {
  const carried: Carried[] = [];
  let patches = 0;
  const fetchFn: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const line = `${init?.method ?? 'GET'} ${url.pathname}`;
    const request = { url: url.toString(), line, headers: new Headers(init?.headers), init };
    carried.push(request);
    if (init?.method === 'PATCH') patches += 1;
    return fault?.(request, patches) ?? fetch(input, init);
  };
  return {
    fetchFn,
    lines: () => carried.map((r) => r.line),
    /** The Upload-Offset of each PATCH, in order. */
    patchOffsets: () => carried.filter((r) => r.line.startsWith('PATCH ')).map((r) => r.headers.get('upload-offset')),
  };
}

/** Node's fetch failing as it does when the connection drops: TypeError('fetch failed') caused by the socket error. */
const connectionReset = () =>
  new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });

/** HQ receives only the first `bytes` of the request's body, then the connection drops before its answer arrives. */
async function cutAfter(request: Carried, bytes: number): Promise<Response> {
  const body = request.init?.body as Uint8Array<ArrayBuffer>;
  const answer = await fetch(request.url, { ...request.init, body: body.subarray(0, bytes) });
  await answer.arrayBuffer();
  throw connectionReset();
}

describe('evidence uploads carried by the injected fetch (net.fetch in the app)', () => {
  /** Every request HQ received, as "METHOD /path". */
  let received: string[] = [];
  const hq = sharedHqPerTest('pglite', {
    listen: true,
    evidenceDir: true,
    configure: (app) => {
      received = [];
      app.addHook('onRequest', async (request) => {
        received.push(`${request.method} ${request.url}`);
      });
    },
  });
  let baseUrl: string;
  let evidenceDir: string;
  let alice: Client;
  const laptops: Client[] = [];

  beforeEach(async () => {
    baseUrl = hq.baseUrl;
    evidenceDir = hq.evidenceDir;
    alice = await enrolClient(hq, 'alice');
    laptops.push(alice);
  });

  afterEach(() => {
    for (const laptop of laptops.splice(0)) laptop.close();
    removeTempDirs();
  });

  /** A validation with one file attached, whose record HQ already holds: the file is what waits. */
  async function fileWaitingForHq(sizeBytes: number) {
    const bytes = pdfOf(sizeBytes);
    const evidence = await attachBytes(alice, doFieldWork(alice, { '1.1': 'COMPLIANT' }), 'Seal log.pdf', bytes);
    await alice.push();
    received = [];
    return { bytes, sha256: evidence.sha256 };
  }

  const upload = (fetchFn: typeof fetch, more: Partial<EvidenceUploadOptions> = {}) =>
    uploadPendingEvidence(alice.services.ctx.db, alice.services.dataDir, {
      baseUrl,
      token: alice.token,
      now: alice.clock.now,
      chunkSize: CHUNK,
      retryDelaysMs: [],
      fetch: fetchFn,
      ...more,
    });

  const hqCopy = (sha256: string) => fs.readFileSync(path.join(evidenceDir, 'files', sha256));
  const storedUpload = () =>
    alice.services.ctx.db.prepare('SELECT upload_url, bytes_uploaded FROM evidence_uploads').get() as {
      upload_url: string;
      bytes_uploaded: number;
    };

  it('sends every tus request through the injected fetch, and HQ gets the file whole', async () => {
    const { bytes, sha256 } = await fileWaitingForHq(300_000);
    const carrier = injectedFetch();
    const progress: EvidenceUploadProgress[] = [];

    const summary = await upload(carrier.fetchFn, { onProgress: (p) => progress.push(p) });

    expect(summary).toEqual({ uploaded: 1, alreadyHeld: 0, failed: [] });
    expect(sha256Of(hqCopy(sha256))).toBe(sha256);
    expect(sha256Of(hqCopy(sha256))).toBe(sha256Of(bytes));
    const patches = Math.ceil(bytes.length / CHUNK);
    const uploadPath = carrier.lines()[2]?.replace(/^PATCH /, '') ?? '';
    expect(uploadPath).toMatch(/^\/v1\/evidence\/uploads\/\S+$/);
    expect(carrier.lines()).toEqual([
      `HEAD /v1/evidence/files/${sha256}`,
      'POST /v1/evidence/uploads',
      ...Array.from({ length: patches }, () => `PATCH ${uploadPath}`),
    ]);
    expect(carrier.patchOffsets()).toEqual(Array.from({ length: patches }, (_, i) => String(i * CHUNK)));
    // Nothing reached HQ by another route.
    expect(received).toEqual(carrier.lines());
    expect(progress.at(-1)).toMatchObject({ filesDone: 1, bytesDone: bytes.length });
    expect(pendingEvidenceCount(alice.services.ctx.db)).toBe(0);
  });

  it('resumes an upload cut mid-chunk from the offset HQ reports, and HQ ends with identical bytes', async () => {
    const { bytes, sha256 } = await fileWaitingForHq(300_000);
    const half = CHUNK / 2;
    // The second PATCH: HQ receives half of the chunk, then the connection drops before its answer.
    const cut = injectedFetch((request, patchNumber) =>
      request.line.startsWith('PATCH ') && patchNumber === 2 ? cutAfter(request, half) : null,
    );

    const first = await upload(cut.fetchFn);

    expect(first).toEqual({
      uploaded: 0,
      alreadyHeld: 0,
      failed: [
        { sha256, reason: 'Could not reach HQ (ECONNRESET); "Seal log.pdf" will be sent again on the next sync.' },
      ],
      retryLater: '1 evidence file could not reach HQ',
    });
    expect(fs.existsSync(path.join(evidenceDir, 'files', sha256))).toBe(false);
    expect(storedUpload().bytes_uploaded).toBe(CHUNK); // only the first chunk's answer arrived
    const uploadPath = new URL(storedUpload().upload_url).pathname;

    received = [];
    const again = injectedFetch();
    const second = await upload(again.fetchFn);

    expect(second).toEqual({ uploaded: 1, alreadyHeld: 0, failed: [] });
    expect(again.lines().slice(0, 2)).toEqual([`HEAD /v1/evidence/files/${sha256}`, `HEAD ${uploadPath}`]);
    expect(again.lines()).not.toContain('POST /v1/evidence/uploads');
    // From HQ's offset (half a chunk past what this laptop saw acknowledged), not from zero or from its own record.
    expect(again.patchOffsets()[0]).toBe(String(CHUNK + half));
    expect(received).toEqual(again.lines());
    expect(hqCopy(sha256).equals(bytes)).toBe(true);
    expect(pendingEvidenceCount(alice.services.ctx.db)).toBe(0);
  });

  it("retries a dropped request within the run with tus-js-client's retry delays", async () => {
    const { bytes, sha256 } = await fileWaitingForHq(200_000);
    const flaky = injectedFetch((request, patchNumber) =>
      request.line.startsWith('PATCH ') && patchNumber === 2 ? Promise.reject(connectionReset()) : null,
    );

    const summary = await upload(flaky.fetchFn, { retryDelaysMs: [0] });

    expect(summary).toEqual({ uploaded: 1, alreadyHeld: 0, failed: [] });
    const uploadPath = flaky.lines()[2]?.replace(/^PATCH /, '');
    // After the drop, tus-js-client asks HQ where it stands, then goes on from there.
    expect(flaky.lines().slice(3, 6)).toEqual([`PATCH ${uploadPath}`, `HEAD ${uploadPath}`, `PATCH ${uploadPath}`]);
    expect(flaky.patchOffsets().slice(0, 3)).toEqual(['0', String(CHUNK), String(CHUNK)]);
    expect(hqCopy(sha256).equals(bytes)).toBe(true);
  });

  it('stops a request stalled in flight when the sync is cancelled, and the upload finishes next time', async () => {
    const { bytes, sha256 } = await fileWaitingForHq(300_000);
    const cancel = new AbortController();
    // Resolves, once the request hangs, with how that request ends (wrapped: a promise would be adopted).
    let stalled: (request: { outcome: Promise<unknown> }) => void = () => {};
    const stalledRequest = new Promise<{ outcome: Promise<unknown> }>((resolve) => {
      stalled = resolve;
    });
    // The second PATCH never gets an answer (the link hangs) until its request is aborted.
    const hanging = injectedFetch((request, patchNumber) => {
      if (!request.line.startsWith('PATCH ') || patchNumber !== 2) return null;
      const signal = request.init?.signal as AbortSignal;
      const pending = new Promise<Response>((_, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      stalled({
        outcome: pending.then(
          () => 'answered',
          (error: unknown) => error,
        ),
      });
      return pending;
    });

    const run = upload(hanging.fetchFn, { signal: cancel.signal });
    const { outcome } = await stalledRequest;
    cancel.abort();

    expect(await run).toEqual({ uploaded: 0, alreadyHeld: 0, failed: [] });
    expect(await outcome).toMatchObject({ name: 'AbortError' });
    expect(pendingEvidenceCount(alice.services.ctx.db)).toBe(1);

    expect(await upload(injectedFetch().fetchFn)).toEqual({ uploaded: 1, alreadyHeld: 0, failed: [] });
    expect(hqCopy(sha256).equals(bytes)).toBe(true);
  });
});

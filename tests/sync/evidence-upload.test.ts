import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppServices } from '../../electron/services/app-services';
import { evidenceFilePath } from '../../electron/services/evidence-store';
import { validationSyncState } from '../../electron/sync/sync-engine';
import { AuthError } from '../../electron/sync/transport';
import {
  type EvidenceUploadOptions,
  type EvidenceUploadProgress,
  pendingEvidenceCount,
  refusedEvidenceUploads,
  uploadPendingEvidence,
} from '../../electron/sync/upload-evidence';
import { revokeDevice } from '../../hq/identity';
import {
  attachBytes,
  type Client,
  doFieldWork,
  enrolClient,
  removeTempDirs,
  type SharedHq,
  sharedHqPerTest,
} from './sync-harness';

const CHUNK = 64 * 1024;
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A PDF as the evidence service accepts it: the signature, then incompressible bytes. */
const pdfOf = (sizeBytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(sizeBytes - 9)]);

/**
 * A TCP proxy between the laptop and HQ that counts what the laptop sends and, when told, cuts both
 * connections after exactly that many more bytes (the Wi-Fi dropping mid-upload).
 */
async function startProxy(targetPort: number) {
  const sockets = new Set<net.Socket>();
  const state = { sent: [] as Buffer[], cutAfter: Number.POSITIVE_INFINITY };
  const server = net.createServer((laptop) => {
    const hq = net.connect(targetPort, '127.0.0.1');
    for (const s of [laptop, hq]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    laptop.on('close', () => hq.destroy());
    hq.on('close', () => laptop.destroy());
    hq.on('data', (chunk: Buffer) => laptop.write(chunk));
    laptop.on('data', (chunk: Buffer) => {
      const room = state.cutAfter - bytesSent();
      if (chunk.length < room) {
        state.sent.push(chunk);
        hq.write(chunk);
        return;
      }
      const part = chunk.subarray(0, room);
      state.sent.push(part);
      state.cutAfter = Number.POSITIVE_INFINITY;
      hq.end(part, () => {
        hq.destroy();
        laptop.destroy();
      });
    });
  });
  const bytesSent = () => state.sent.reduce((n, b) => n + b.length, 0);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    bytesSent,
    /** Everything the laptop sent since the last reset, as text (request lines and headers are ASCII). */
    sentText: () => Buffer.concat(state.sent).toString('latin1'),
    reset() {
      state.sent = [];
    },
    cutAfter(bytes: number) {
      state.cutAfter = bytesSent() + bytes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

type World = {
  hq: SharedHq;
  hqPort: number;
  evidenceDir: string;
  proxy: Awaited<ReturnType<typeof startProxy>>;
  alice: Client;
  bob: Client;
};

describe('evidence upload from a laptop to HQ over tus', () => {
  const world = { hq: sharedHqPerTest('pglite', { listen: true, evidenceDir: true }) } as World;
  const made: { close: () => unknown }[] = [];

  beforeEach(async () => {
    world.evidenceDir = world.hq.evidenceDir;
    world.hqPort = Number(new URL(world.hq.baseUrl).port);
    world.proxy = await startProxy(world.hqPort);
    made.push(world.proxy);
    world.alice = await enrolClient(world.hq, 'alice');
    made.push(world.alice);
    world.bob = await enrolClient(world.hq, 'bob');
    made.push(world.bob);
  });

  afterEach(async () => {
    // Laptops first, then the proxy (HQ itself closes after, in sharedHqPerTest's afterEach).
    for (const thing of made.splice(0).reverse()) await thing.close();
    removeTempDirs();
  });

  const uploadOptions = (client: Client, more: Partial<EvidenceUploadOptions> = {}): EvidenceUploadOptions => ({
    baseUrl: world.proxy.baseUrl,
    token: client.token,
    now: client.clock.now,
    chunkSize: CHUNK,
    retryDelaysMs: [],
    ...more,
  });
  const upload = (client: Client, more: Partial<EvidenceUploadOptions> = {}) =>
    uploadPendingEvidence(client.services.ctx.db, client.services.dataDir, uploadOptions(client, more));

  const heldAtHq = () => fs.readdirSync(path.join(world.evidenceDir, 'files')).sort();
  const hqCopyHash = (sha256: string) => sha256Of(fs.readFileSync(path.join(world.evidenceDir, 'files', sha256)));

  async function hqReceipt(client: Client, validationId: string) {
    const response = await world.hq.app.inject({
      method: 'GET',
      url: `/v1/validations/${validationId}/receipt`,
      headers: { authorization: `Bearer ${client.token}` },
    });
    return response.json() as { missingEvidence: string[] };
  }

  it('resumes an upload cut mid-file, after a restart, sending only what HQ lacks', async () => {
    const validation = doFieldWork(world.alice, { '1.1': 'COMPLIANT' });
    const bytes = pdfOf(400_000);
    const evidence = await attachBytes(world.alice, validation, 'Seal log.pdf', bytes);
    expect(pendingEvidenceCount(world.alice.services.ctx.db)).toBe(0); // HQ does not hold its record yet
    await world.alice.push();
    expect(pendingEvidenceCount(world.alice.services.ctx.db)).toBe(1);
    // HQ holds every change, not yet the file: the validation is not shown as synced.
    expect(validationSyncState(world.alice.services.ctx.db, validation.id)).toMatchObject({
      state: 'not-synced',
      pending: 1,
    });

    world.proxy.cutAfter(200_000);
    const first = await upload(world.alice);

    expect(first.uploaded).toBe(0);
    expect(first.failed).toEqual([
      {
        sha256: evidence.sha256,
        reason: expect.stringMatching(
          /^Could not reach HQ \(.+\); "Seal log\.pdf" will be sent again on the next sync\.$/,
        ),
      },
    ]);
    expect(heldAtHq()).toEqual([]);
    const dataDir = world.alice.services.dataDir;
    world.alice.close();

    // The app restarts: the upload URL and acknowledged offset come back from the store.
    const reopened = openAppServices({ dataDir, actor: 'alice' });
    const db = reopened.ctx.db;
    try {
      expect(pendingEvidenceCount(db)).toBe(1);
      const stored = db.prepare('SELECT upload_url, bytes_uploaded FROM evidence_uploads').get() as {
        upload_url: string;
        bytes_uploaded: number;
      };
      expect(stored.upload_url.startsWith(`${world.proxy.baseUrl}/v1/evidence/uploads/`)).toBe(true);
      // Three 64 KiB chunks were acknowledged before the cut at 200,000 bytes.
      expect(stored.bytes_uploaded).toBe(3 * CHUNK);
      const atHq = await fetch(stored.upload_url.replace(world.proxy.baseUrl, `http://127.0.0.1:${world.hqPort}`), {
        method: 'HEAD',
        headers: { authorization: `Bearer ${world.alice.token}`, 'tus-resumable': '1.0.0' },
      });
      const hqOffset = Number(atHq.headers.get('upload-offset'));
      expect(hqOffset).toBeGreaterThanOrEqual(3 * CHUNK);
      expect(hqOffset).toBeLessThan(bytes.length);

      world.proxy.reset();
      const second = await uploadPendingEvidence(db, dataDir, uploadOptions(world.alice));

      expect(second).toEqual({ uploaded: 1, alreadyHeld: 0, failed: [] });
      const remainder = bytes.length - hqOffset;
      expect(world.proxy.bytesSent()).toBeGreaterThanOrEqual(remainder);
      expect(world.proxy.bytesSent()).toBeLessThan(remainder + 8 * 1024); // request headers only, no resend
      expect(world.proxy.sentText()).not.toContain('POST /v1/evidence/uploads');
      expect(world.proxy.sentText()).toContain(`PATCH ${new URL(stored.upload_url).pathname}`);
      expect(heldAtHq()).toEqual([evidence.sha256]);
      expect(hqCopyHash(evidence.sha256)).toBe(sha256Of(bytes));
      expect(pendingEvidenceCount(db)).toBe(0);
      expect(validationSyncState(db, validation.id).state).toBe('synced');
      expect((await hqReceipt(world.alice, validation.id)).missingEvidence).toEqual([]);
    } finally {
      reopened.close();
    }
  });

  it('reports progress that only rises, file by file, up to the total', async () => {
    const validation = doFieldWork(world.alice, { '1.1': 'COMPLIANT' });
    const files = [pdfOf(300_000), pdfOf(150_000)];
    await attachBytes(world.alice, validation, 'Seal log.pdf', files[0] as Buffer);
    await attachBytes(world.alice, validation, 'Training record.pdf', files[1] as Buffer);
    await world.alice.push();
    const events: EvidenceUploadProgress[] = [];

    const summary = await upload(world.alice, { onProgress: (p) => events.push(p) });

    expect(summary).toEqual({ uploaded: 2, alreadyHeld: 0, failed: [] });
    const total = 450_000;
    expect(events[0]).toEqual({ filesDone: 0, filesTotal: 2, bytesDone: 0, bytesTotal: total, currentSha256: null });
    expect(events.at(-1)).toEqual({
      filesDone: 2,
      filesTotal: 2,
      bytesDone: total,
      bytesTotal: total,
      currentSha256: null,
    });
    for (let i = 1; i < events.length; i += 1) {
      expect(events[i]?.bytesDone).toBeGreaterThanOrEqual(events[i - 1]?.bytesDone ?? 0);
      expect(events[i]?.filesDone).toBeGreaterThanOrEqual(events[i - 1]?.filesDone ?? 0);
    }
    // Steps within a file, not just one jump per file: at least one per chunk sent.
    expect(new Set(events.map((e) => e.bytesDone)).size).toBeGreaterThanOrEqual(Math.ceil(total / CHUNK));
    expect(events.some((e) => e.filesDone === 1 && e.bytesDone === 300_000)).toBe(true);
    expect(heldAtHq()).toEqual(files.map((f) => sha256Of(f)).sort());
  });

  it('skips a file HQ already holds from its SCSS, sending none of its bytes; another SCSS proves it by sending them', async () => {
    const bytes = pdfOf(250_000);
    const alices = doFieldWork(world.alice, { '1.1': 'COMPLIANT' });
    await attachBytes(world.alice, alices, 'Seal log.pdf', bytes);
    await world.alice.push();
    expect(await upload(world.alice)).toEqual({ uploaded: 1, alreadyHeld: 0, failed: [] });

    // Alice's other laptop, which has not learnt that HQ holds the file, asks once and sends nothing of it.
    const alicesOther = await enrolClient(world.hq, 'alice-2', world.alice);
    made.push(alicesOther);
    alicesOther.services.ctx.db.exec('DELETE FROM evidence_uploads');
    const again = doFieldWork(alicesOther, { '1.1': 'COMPLIANT' });
    await attachBytes(alicesOther, again, 'Seal log again.pdf', bytes);
    await alicesOther.push();
    world.proxy.reset();
    expect(await upload(alicesOther)).toEqual({ uploaded: 0, alreadyHeld: 1, failed: [] });
    expect(world.proxy.bytesSent()).toBeLessThan(1024);
    expect(world.proxy.sentText()).toMatch(/^HEAD \/v1\/evidence\/files\/[0-9a-f]{64} /);
    expect(pendingEvidenceCount(alicesOther.services.ctx.db)).toBe(0);

    // Bob names the same SHA-256: HQ holds the bytes, but naming a hash proves nothing, so his laptop sends them.
    const bobs = doFieldWork(world.bob, { '1.1': 'COMPLIANT' });
    await attachBytes(world.bob, bobs, 'Same seal log.pdf', bytes);
    await world.bob.push();
    // Until he does, HQ's receipt for his validation lists the file as missing.
    expect((await hqReceipt(world.bob, bobs.id)).missingEvidence).toEqual([sha256Of(bytes)]);
    world.proxy.reset();
    expect(await upload(world.bob)).toEqual({ uploaded: 1, alreadyHeld: 0, failed: [] });
    expect(world.proxy.bytesSent()).toBeGreaterThan(bytes.length);
    expect(heldAtHq()).toEqual([sha256Of(bytes)]);
    expect((await hqReceipt(world.bob, bobs.id)).missingEvidence).toEqual([]);
    expect(pendingEvidenceCount(world.bob.services.ctx.db)).toBe(0);
    // Nothing left to do: a second run asks HQ nothing.
    world.proxy.reset();
    expect(await upload(world.alice)).toEqual({ uploaded: 0, alreadyHeld: 0, failed: [] });
    expect(await upload(world.bob)).toEqual({ uploaded: 0, alreadyHeld: 0, failed: [] });
    expect(world.proxy.bytesSent()).toBe(0);
  });

  it('records why HQ refused a damaged copy and does not send it again blindly', async () => {
    const validation = doFieldWork(world.alice, { '1.1': 'COMPLIANT' });
    const bytes = pdfOf(100_000);
    const evidence = await attachBytes(world.alice, validation, 'Seal log.pdf', bytes);
    await world.alice.push();
    // The stored copy rots on disk: same size, one byte different.
    const stored = evidenceFilePath(world.alice.services.dataDir, evidence.sha256);
    const damaged = Buffer.from(bytes);
    damaged[50_000] = (damaged[50_000] ?? 0) ^ 0xff;
    fs.writeFileSync(stored, damaged);

    const summary = await upload(world.alice);

    const reason =
      'HQ refused "Seal log.pdf": the copy on this laptop does not match its fingerprint (SHA-256), so it may be ' +
      'damaged. Remove this evidence and attach the original file again.';
    expect(summary).toEqual({ uploaded: 0, alreadyHeld: 0, failed: [{ sha256: evidence.sha256, reason }] });
    expect(heldAtHq()).toEqual([]);
    const db = world.alice.services.ctx.db;
    expect(pendingEvidenceCount(db)).toBe(0);
    expect(refusedEvidenceUploads(db)).toEqual([{ sha256: evidence.sha256, fileName: 'Seal log.pdf', reason }]);

    world.proxy.reset();
    expect(await upload(world.alice)).toEqual({ uploaded: 0, alreadyHeld: 0, failed: [] });
    expect(world.proxy.bytesSent()).toBe(0);

    // Once the original bytes are back, a manual retry sends it.
    fs.writeFileSync(stored, bytes);
    expect(await upload(world.alice, { retryRefused: true })).toEqual({ uploaded: 1, alreadyHeld: 0, failed: [] });
    expect(refusedEvidenceUploads(db)).toEqual([]);
    expect(hqCopyHash(evidence.sha256)).toBe(evidence.sha256);
  });

  it('stops with an enrolment error when HQ revoked the device, leaving the file pending', async () => {
    const validation = doFieldWork(world.alice, { '1.1': 'COMPLIANT' });
    await attachBytes(world.alice, validation, 'Seal log.pdf', pdfOf(20_000));
    await world.alice.push();
    await revokeDevice(world.hq.db, world.alice.deviceId);

    await expect(upload(world.alice)).rejects.toThrow(AuthError);
    expect(pendingEvidenceCount(world.alice.services.ctx.db)).toBe(1);
    expect(heldAtHq()).toEqual([]);
  });
});

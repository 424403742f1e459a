import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHqApp } from '../../hq/app';
import { createUpload, evidenceHqOn, patchBytes, referencedFile, tusHeaders } from './evidence-helpers';
import { BACKENDS, countRows, DANA, enrol } from './helpers';

const HOUR_MS = 60 * 60 * 1000;

describe.each(BACKENDS)('unfinished evidence uploads expire, on %s', (backend) => {
  const hq = evidenceHqOn(backend);
  const uploadsOnDisk = () => fs.readdirSync(path.join(hq.evidenceDir, 'uploads')).sort();
  const filesHeld = () => fs.readdirSync(path.join(hq.evidenceDir, 'files'));

  /** A laptop that lost HQ's answer and started over: one upload half sent and never finished, one file whole. */
  async function oneAbandonedOneFinished() {
    const dana = await enrol(hq, DANA);
    const abandoned = await referencedFile(hq, dana, randomBytes(40_000));
    const finished = await referencedFile(hq, dana, randomBytes(30_000));
    const abandonedUrl = await createUpload(hq.baseUrl, dana.token, abandoned.sha256, abandoned.bytes.length);
    expect((await patchBytes(dana.token, abandonedUrl, 0, abandoned.bytes.subarray(0, 10_000))).status).toBe(204);
    const finishedUrl = await createUpload(hq.baseUrl, dana.token, finished.sha256, finished.bytes.length);
    expect((await patchBytes(dana.token, finishedUrl, 0, finished.bytes)).status).toBe(204);
    const abandonedId = path.basename(new URL(abandonedUrl).pathname);
    expect(uploadsOnDisk()).toEqual([abandonedId, `${abandonedId}.json`].sort());
    return { dana, abandonedUrl, abandonedId, finished };
  }

  it('removes at start-up an upload left unfinished for longer than the default day, keeping younger ones and received files', async () => {
    const { dana, abandonedId, finished } = await oneAbandonedOneFinished();
    const young = await referencedFile(hq, dana, randomBytes(20_000));
    const youngUrl = await createUpload(hq.baseUrl, dana.token, young.sha256, young.bytes.length);
    expect((await patchBytes(dana.token, youngUrl, 0, young.bytes.subarray(0, 5000))).status).toBe(204);
    const youngId = path.basename(new URL(youngUrl).pathname);
    // The abandoned upload was created 25 hours ago, as far as its info file says.
    const infoFile = path.join(hq.evidenceDir, 'uploads', `${abandonedId}.json`);
    const info = JSON.parse(fs.readFileSync(infoFile, 'utf8')) as { creation_date: string };
    fs.writeFileSync(infoFile, JSON.stringify({ ...info, creation_date: new Date(Date.now() - 25 * HOUR_MS) }));

    const restarted = await hq.startAnother({});

    expect(uploadsOnDisk()).toEqual([youngId, `${youngId}.json`].sort());
    expect(filesHeld()).toEqual([finished.sha256]);
    expect(await countRows(hq.db, 'evidence_files')).toBe(1);
    const resumed = new URL(new URL(youngUrl).pathname, restarted.baseUrl);
    const head = await fetch(resumed, { method: 'HEAD', headers: tusHeaders(dana.token) });
    expect(head.headers.get('upload-offset')).toBe('5000');
  });

  it('sweeps unfinished uploads periodically once the (tiny) expiry has passed, and keeps finished files', async () => {
    const { dana, abandonedUrl, finished } = await oneAbandonedOneFinished();
    let sweptSome: () => void = () => {};
    const swept = new Promise<void>((resolve) => {
      sweptSome = resolve;
    });

    const strict = await hq.startAnother({
      unfinishedUploadExpiryMs: 1,
      uploadSweepIntervalMs: 20,
      onUploadSweep: (removed) => {
        if (removed > 0) sweptSome();
      },
    });
    await swept;

    expect(uploadsOnDisk()).toEqual([]);
    expect(filesHeld()).toEqual([finished.sha256]);
    const gone = await fetch(new URL(new URL(abandonedUrl).pathname, strict.baseUrl), {
      method: 'HEAD',
      headers: tusHeaders(dana.token),
    });
    expect(gone.status).toBe(404);
  });

  it('stops sweeping when HQ closes', async () => {
    let sweeps = 0;
    const app = buildHqApp({
      db: hq.db,
      evidenceDir: hq.evidenceDir,
      uploadSweepIntervalMs: 5,
      onUploadSweep: () => {
        sweeps += 1;
      },
    });
    await app.ready();
    await app.close();
    const afterClose = sweeps;
    // Another HQ sweeping on the same interval three times gives the closed one's timer time to fire twice.
    let othersSweeps = 0;
    let sweptThrice = () => {};
    const thrice = new Promise<void>((resolve) => {
      sweptThrice = resolve;
    });
    const other = buildHqApp({
      db: hq.db,
      evidenceDir: hq.evidenceDir,
      uploadSweepIntervalMs: 5,
      onUploadSweep: () => {
        othersSweeps += 1;
        if (othersSweeps === 3) sweptThrice();
      },
    });
    await other.ready();
    await thrice;
    await other.close();
    expect(sweeps).toBe(afterClose);
  });
});

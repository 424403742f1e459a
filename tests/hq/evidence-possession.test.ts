import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_SIZE_HEADER, evidenceFileUrlPath } from '../../shared/sync/evidence-protocol';
import { createUpload, evidenceHqOn, patchBytes, sha256Of } from './evidence-helpers';
import {
  ANALYST,
  BACKENDS,
  change,
  createValidation,
  DANA,
  type Enrolled,
  enrol,
  evidenceChange,
  LEE,
  makeValidation,
  push,
  REVIEWER,
  REVIEWER_ELSEWHERE,
  SCSS_ELSEWHERE,
} from './helpers';

describe.each(BACKENDS)('who may read a file HQ holds, on %s', (backend) => {
  const hq = evidenceHqOn(backend);

  /** A new validation of the SCSS's with one evidence record naming these bytes; returns that record's change. */
  async function namedInNewValidation(scss: Enrolled, bytes: Buffer) {
    const v = makeValidation();
    const record = evidenceChange(v.id, sha256Of(bytes), 'dock-door.jpg', bytes.length);
    const pushed = await push(hq, scss.token, { changes: [createValidation(v), record] });
    expect(pushed.body.receipts.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    return record;
  }

  async function uploadWhole(scss: Enrolled, bytes: Buffer) {
    const url = await createUpload(hq.baseUrl, scss.token, sha256Of(bytes), bytes.length);
    expect((await patchBytes(scss.token, url, 0, bytes)).status).toBe(204);
  }

  // In process: a streamed answer still ending as the test ends would hold HQ's close for its keep-alive.
  const request = (method: 'HEAD' | 'GET', who: Enrolled, sha256: string) =>
    hq.app.inject({ method, url: evidenceFileUrlPath(sha256), headers: { authorization: `Bearer ${who.token}` } });

  /** The bytes a GET answers, or its status when it answers none. */
  async function download(who: Enrolled, sha256: string): Promise<Buffer | number> {
    const response = await request('GET', who, sha256);
    return response.statusCode === 200 ? response.rawPayload : response.statusCode;
  }

  it('gives no bytes to an SCSS, or their reviewer, who only named a held SHA-256 in a record of their own', async () => {
    const dana = await enrol(hq, DANA);
    const photo = randomBytes(40_000);
    const sha256 = sha256Of(photo);
    await namedInNewValidation(dana, photo);
    await uploadWhole(dana, photo);

    // Jo (Miami) and Lee (Houston) learnt the hash, say from a report's evidence manifest, and name it.
    const jo = await enrol(hq, SCSS_ELSEWHERE);
    const lee = await enrol(hq, LEE);
    const joRecord = await namedInNewValidation(jo, photo);
    await namedInNewValidation(lee, photo);
    const kim = await enrol(hq, REVIEWER_ELSEWHERE);
    for (const who of [jo, lee, kim]) {
      expect((await request('HEAD', who, sha256)).statusCode).toBe(404);
      expect(await download(who, sha256)).toBe(404);
    }
    // Nor does HQ count the file as held for Jo's validation: its receipt still lists it as missing.
    const receipt = await hq.app.inject({
      method: 'GET',
      url: `/v1/validations/${joRecord.payload.validationId}/receipt`,
      headers: { authorization: `Bearer ${jo.token}` },
    });
    expect(receipt.json()).toMatchObject({ missingEvidence: [sha256] });

    // Whoever may see Dana's validation still reads it.
    for (const who of [dana, await enrol(hq, REVIEWER), await enrol(hq, ANALYST)]) {
      expect(await download(who, sha256)).toEqual(photo);
    }

    // Jo really holds the bytes: once she has sent them, her records count and her field office's reviewer reads them.
    await uploadWhole(jo, photo);
    const held = await request('HEAD', jo, sha256);
    expect(held.statusCode).toBe(200);
    expect(held.headers[EVIDENCE_SIZE_HEADER.toLowerCase()]).toBe(String(photo.length));
    expect(await download(kim, sha256)).toEqual(photo);
    expect(await download(lee, sha256)).toBe(404);
    const receiptAfter = await hq.app.inject({
      method: 'GET',
      url: `/v1/validations/${joRecord.payload.validationId}/receipt`,
      headers: { authorization: `Bearer ${jo.token}` },
    });
    expect(receiptAfter.json()).toMatchObject({ missingEvidence: [] });
  });

  it('keeps a file readable through every validation of the SCSS who sent it, without sending it again', async () => {
    const dana = await enrol(hq, DANA);
    const photo = randomBytes(30_000);
    const sha256 = sha256Of(photo);
    const first = await namedInNewValidation(dana, photo);
    await uploadWhole(dana, photo);

    // The same photo in a second validation: HQ tells her laptop it holds the file, so the laptop skips it.
    await namedInNewValidation(dana, photo);
    expect((await request('HEAD', dana, sha256)).statusCode).toBe(200);

    // With the first record removed at HQ, the second alone names the file, and the reviewer still reads it.
    const removed = await push(hq, dana.token, {
      changes: [
        change('evidence', first.entityId, 'delete', {
          id: first.entityId,
          validationId: first.payload.validationId,
          deletedAt: '2026-11-21T09:00:00.000Z',
          reason: 'Attached to the wrong validation',
        }),
      ],
    });
    expect(removed.body.receipts.map((r) => r.outcome)).toEqual(['applied']);
    expect(await download(await enrol(hq, REVIEWER), sha256)).toEqual(photo);
  });
});

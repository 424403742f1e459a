import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHECKSUM_MISMATCH_STATUS,
  EVIDENCE_SIZE_HEADER,
  EVIDENCE_UPLOADS_PATH,
  evidenceFileUrlPath,
} from '../../shared/sync/evidence-protocol';
import { type EvidenceHq, evidenceHqOn, patchBytes, sha256Of, tusHeaders } from './evidence-helpers';
import {
  BACKENDS,
  completed,
  countRows,
  createValidation,
  DANA,
  type Enrolled,
  enrol,
  evidenceChange,
  findingChange,
  issuedReportSha256,
  LEE,
  makeValidation,
  memberResponseChange,
  personOf,
  push,
  REVIEWER,
  reviewChange,
  SUPERVISOR,
  submitChange,
  workflowEventChange,
} from './helpers';

/** Files a Member sent with a response reach HQ as evidence files do, named by the response record. */

const base64 = (text: string) => Buffer.from(text).toString('base64');

async function outcomesOf(hq: EvidenceHq, who: Enrolled, ...changes: object[]): Promise<string[]> {
  const { status, body } = await push(hq, who.token, { changes });
  expect([200, 409]).toContain(status);
  return body.receipts.map((r) => String(r.outcome));
}

/** POST: tries to create an upload of the file; the status, HQ's answer and the upload's address. */
async function tryCreateUpload(hq: EvidenceHq, token: string, sha256: string, sizeBytes: number) {
  const response = await fetch(`${hq.baseUrl}${EVIDENCE_UPLOADS_PATH}`, {
    method: 'POST',
    headers: tusHeaders(token, {
      'upload-length': String(sizeBytes),
      'upload-metadata': `sha256 ${base64(sha256)},filename ${base64('login-policy.pdf')}`,
    }),
  });
  const location = response.headers.get('location');
  return {
    status: response.status,
    body: await response.text(),
    url: location ? new URL(location, hq.baseUrl).toString() : '',
  };
}

/**
 * Dana's validation with one Action Required finding, taken at HQ through review, approval and the report
 * issued to AWAITING_RESPONSE, then answered by the Member with `bytes` (a response listing the file).
 */
async function answeredWithFile(hq: EvidenceHq, dana: Enrolled, bytes: Buffer) {
  const sam = await enrol(hq, REVIEWER);
  const pat = await enrol(hq, SUPERVISOR);
  const v = makeValidation();
  const findingId = randomUUID();
  const finding = findingChange(v.id, findingId);
  const content = completed(v, [finding]);
  const submit = submitChange(v, content);
  expect(await outcomesOf(hq, dana, createValidation(v), ...content, submit)).toEqual(
    Array(content.length + 2).fill('applied'),
  );
  const asSam = personOf(sam, REVIEWER);
  const asPat = personOf(pat, SUPERVISOR);
  expect(
    await outcomesOf(
      hq,
      sam,
      workflowEventChange(v.id, 'START_REVIEW', asSam, { at: '2026-11-21T09:00:00.000Z' }),
      reviewChange(v.id, findingId, { reviewedBy: REVIEWER.name }),
    ),
  ).toEqual(['applied', 'applied']);
  expect(
    await outcomesOf(
      hq,
      pat,
      workflowEventChange(v.id, 'APPROVE', asPat, { reportDate: '2026-11-24', at: '2026-11-24T09:00:00.000Z' }),
      workflowEventChange(v.id, 'ISSUE_REPORT', asPat, {
        reportSha256: issuedReportSha256(
          v.id,
          String(submit.payload.contentSha256),
          '2026-11-24',
          [finding],
          [{ findingId, decision: 'CONCUR' }],
        ),
        at: '2026-11-25T09:00:00.000Z',
      }),
    ),
  ).toEqual(['applied', 'applied']);
  const [state] = await hq.db.query<{ workflow_state: string }>(
    'SELECT workflow_state FROM validations WHERE id = $1',
    [v.id],
  );
  expect(state?.workflow_state).toBe('AWAITING_RESPONSE');

  const sha256 = sha256Of(bytes);
  // Evidence records are closed once the validation is submitted: the response is what names the file now.
  expect(await outcomesOf(hq, dana, evidenceChange(v.id, sha256, 'login-policy.pdf', bytes.length))).toEqual([
    'conflict',
  ]);
  const response = memberResponseChange(v.id, findingId, { receivedOn: '2026-11-26', evidenceSha256: [sha256] });
  expect(await outcomesOf(hq, dana, response)).toEqual(['applied']);
  return { v, sha256, bytes, sam };
}

describe.each(BACKENDS)('files a Member sent with a response, uploaded to HQ on %s', (backend) => {
  const hq = evidenceHqOn(backend);

  const headFile = (token: string, sha256: string) =>
    fetch(`${hq.baseUrl}${evidenceFileUrlPath(sha256)}`, { method: 'HEAD', headers: tusHeaders(token) });
  const heldFiles = () => fs.readdirSync(path.join(hq.evidenceDir, 'files')).sort();
  async function receipt(token: string, validationId: string) {
    const response = await fetch(`${hq.baseUrl}/v1/validations/${validationId}/receipt`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await response.json()) as { missingEvidence: string[]; complete: boolean };
  }

  it('takes the file from the SCSS who owns the validation, whole, and counts it in the receipt', async () => {
    const dana = await enrol(hq, DANA);
    const { v, sha256, bytes, sam } = await answeredWithFile(hq, dana, randomBytes(120_000));
    expect(await receipt(dana.token, v.id)).toMatchObject({ missingEvidence: [sha256], complete: false });
    expect((await headFile(dana.token, sha256)).status).toBe(404);

    // The checksum rule holds as for evidence: other bytes under its name are refused and nothing is kept.
    const damaged = await tryCreateUpload(hq, dana.token, sha256, bytes.length);
    expect(damaged.status, damaged.body).toBe(201);
    expect((await patchBytes(dana.token, damaged.url, 0, randomBytes(bytes.length))).status).toBe(
      CHECKSUM_MISMATCH_STATUS,
    );
    expect(heldFiles()).toEqual([]);

    // In two chunks, as after a break: the upload resumes at the offset HQ acknowledged.
    const created = await tryCreateUpload(hq, dana.token, sha256, bytes.length);
    expect(created.status, created.body).toBe(201);
    expect(await patchBytes(dana.token, created.url, 0, bytes.subarray(0, 50_000))).toMatchObject({
      status: 204,
      offset: '50000',
    });
    const offset = await fetch(created.url, { method: 'HEAD', headers: tusHeaders(dana.token) });
    expect(offset.headers.get('upload-offset')).toBe('50000');
    expect(await patchBytes(dana.token, created.url, 50_000, bytes.subarray(50_000))).toMatchObject({ status: 204 });

    expect(heldFiles()).toEqual([sha256]);
    expect(fs.readFileSync(path.join(hq.evidenceDir, 'files', sha256)).equals(bytes)).toBe(true);
    expect(await receipt(dana.token, v.id)).toMatchObject({ missingEvidence: [], complete: true });
    const held = await headFile(dana.token, sha256);
    expect(held.status).toBe(200);
    expect(held.headers.get(EVIDENCE_SIZE_HEADER)).toBe(String(bytes.length));
    // The field office's reviewer may ask whether HQ holds it; another SCSS may not.
    expect((await headFile(sam.token, sha256)).status).toBe(200);
    expect((await headFile((await enrol(hq, LEE)).token, sha256)).status).toBe(404);
  });

  it('refuses the file to anyone but the owner, and refuses a file no record names', async () => {
    const dana = await enrol(hq, DANA);
    const lee = await enrol(hq, LEE);
    const { sha256, bytes, sam } = await answeredWithFile(hq, dana, randomBytes(4_000));

    for (const other of [lee, sam]) {
      const refused = await tryCreateUpload(hq, other.token, sha256, bytes.length);
      expect(refused.status, refused.body).toBe(403);
      expect(refused.body).toMatch(/No validation of yours at HQ references the evidence file/);
    }

    const unnamed = randomBytes(4_000);
    const refused = await tryCreateUpload(hq, dana.token, sha256Of(unnamed), unnamed.length);
    expect(refused.status, refused.body).toBe(403);
    expect(refused.body).toContain(sha256Of(unnamed));

    expect(fs.readdirSync(path.join(hq.evidenceDir, 'uploads'))).toEqual([]);
    expect(await countRows(hq.db, 'evidence_files')).toBe(0);
  });
});

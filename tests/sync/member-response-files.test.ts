import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../db/audit-log';
import { PickedFileRegistry } from '../../electron/services/evidence-service';
import { evidenceFilePath } from '../../electron/services/evidence-store';
import {
  attachMemberResponseFile,
  listMemberResponsesOf,
  saveMemberResponse,
} from '../../electron/services/member-response-service';
import { concurWithAllRemaining } from '../../electron/services/review-service';
import { submitValidation } from '../../electron/services/submission-service';
import { transitionValidation } from '../../electron/services/workflow-service';
import { hasEvidenceNotHeld } from '../../electron/sync/receipt-check';
import { pendingEvidenceCount } from '../../electron/sync/upload-evidence';
import { buildCompleteValidation } from '../db/complete-validation';
import { makePng } from '../unit/evidence-fixtures';
import { addMember, laptopsAt } from './lifecycle-harness';
import { BACKENDS, sharedHqPerTest } from './sync-harness';

/**
 * The files a Member sent with a response reach HQ after the response that lists them, through the same
 * upload as evidence: counted as waiting, refused with Send again / Don't send, and part of "HQ holds it all".
 */

const DANA = { name: 'Dana Ruiz', role: 'SCSS' } as const;
const SAM = { name: 'Sam Ortiz', role: 'FIELD_OFFICE_REVIEWER' } as const;
const PAT = { name: 'Pat Nguyen', role: 'SUPERVISOR' } as const;

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(BACKENDS)('files a Member sent with a response, synced to HQ on %s', (backend) => {
  const hq = sharedHqPerTest(backend, { listen: true, evidenceDir: true });
  const { enrol, appSync } = laptopsAt(hq);

  /** Dana's validation submitted, concurred with, approved and its report issued: awaiting the Member's response. */
  async function awaitingResponse() {
    const dana = await enrol(DANA);
    const sam = await enrol(SAM);
    const pat = await enrol(PAT);
    const { validation, finding } = buildCompleteValidation(dana.services, {
      member: addMember(dana),
      signer: DANA.name,
    });
    submitValidation(dana.services.ctx, validation.id, DANA.name);
    expect((await dana.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    await sam.pull();
    concurWithAllRemaining(sam.services.ctx, { validationId: validation.id, comment: '' });
    expect((await sam.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    await pat.pull();
    const approved = transitionValidation(pat.services.ctx, {
      validationId: validation.id,
      kind: 'APPROVE',
      comment: '',
    });
    transitionValidation(pat.services.ctx, { validationId: validation.id, kind: 'ISSUE_REPORT', comment: 'Sent.' });
    expect((await pat.sync()).push).toMatchObject({ refused: 0, remaining: 0 });
    await dana.pull();
    expect(listMemberResponsesOf(dana.services.ctx, validation.id)).toMatchObject({
      state: 'AWAITING_RESPONSE',
      canRecord: true,
    });
    const attach = async (fileName: string, bytes: Buffer) =>
      attachMemberResponseFile(
        dana.services.ctx,
        {
          validationId: validation.id,
          findingId: finding.id,
          fileName,
          mediaType: 'image/png',
          source: { kind: 'bytes', base64: bytes.toString('base64') },
        },
        new PickedFileRegistry(),
      );
    const respond = (evidenceSha256: string[], id?: string) =>
      saveMemberResponse(dana.services.ctx, {
        ...(id ? { id } : {}),
        validationId: validation.id,
        findingId: finding.id,
        receivedOn: approved.reportDate as string,
        correctiveAction: 'Unique logins enforced on every warehouse terminal; screenshot attached.',
        evidenceSha256,
      });
    return { dana, validation, attach, respond };
  }

  const hqCopy = (sha256: string) => fs.readFileSync(path.join(hq.evidenceDir, 'files', sha256));
  const hqHolds = async (sha256: string) =>
    (await hq.db.query('SELECT 1 FROM evidence_files WHERE sha256 = $1', [sha256])).length === 1;

  it('sends the file after the response that lists it, and HQ holds it byte for byte under its SHA-256', async () => {
    const { dana, validation, attach, respond } = await awaitingResponse();
    const { db } = dana.services.ctx;
    const bytes = await makePng(96, 96, 7);
    const file = await attach('login-settings.png', bytes);
    expect(file.sha256).toBe(sha256Of(bytes));
    // Attached but listed in no response yet: nothing to send, nothing HQ is missing.
    expect(pendingEvidenceCount(db)).toBe(0);
    expect(hasEvidenceNotHeld(db, validation.id)).toBe(false);

    respond([file.sha256]);
    // The record goes first: until HQ holds the response, its file does not wait to be sent.
    expect(pendingEvidenceCount(db)).toBe(0);
    expect(hasEvidenceNotHeld(db, validation.id)).toBe(true);

    const sync = appSync(dana);
    const status = await sync.syncNow();
    expect(status).toMatchObject({ lastError: null, pending: 0, refused: 0 });

    expect(await hqHolds(file.sha256)).toBe(true);
    const held = hqCopy(file.sha256);
    expect(sha256Of(held)).toBe(file.sha256);
    expect(held.equals(bytes)).toBe(true);
    expect(held.equals(fs.readFileSync(evidenceFilePath(dana.services.dataDir, file.sha256)))).toBe(true);
    expect(pendingEvidenceCount(db)).toBe(0);
    expect(hasEvidenceNotHeld(db, validation.id)).toBe(false);
    expect(sync.refusedFiles()).toEqual([]);
    // HQ holds it whole, the Member's file included: the laptop's copy may be archived.
    expect(sync.validationStates().find((s) => s.validationId === validation.id)).toMatchObject({
      state: 'synced',
      safeToArchiveAt: expect.any(String),
    });

    // The next sync finds nothing more to send.
    await sync.syncNow();
    expect(pendingEvidenceCount(db)).toBe(0);
  });

  it('a refused file waits for Send again or Don’t send; a file added to the response follows its new version', async () => {
    const { dana, validation, attach, respond } = await awaitingResponse();
    const { db } = dana.services.ctx;
    const sync = appSync(dana);
    const stateOf = () => sync.validationStates().find((s) => s.validationId === validation.id);
    const damage = (sha256: string) => {
      const stored = evidenceFilePath(dana.services.dataDir, sha256);
      const original = fs.readFileSync(stored);
      const damaged = Buffer.from(original);
      damaged[40] = (damaged[40] ?? 0) ^ 0xff;
      fs.chmodSync(stored, 0o644);
      fs.writeFileSync(stored, damaged);
      return () => fs.writeFileSync(stored, original);
    };

    const a = await attach('policy-page-1.png', await makePng(64, 64, 11));
    const b = await attach('policy-page-2.png', await makePng(64, 64, 12));
    const c = await attach('blurred-photo.png', await makePng(64, 64, 13));
    const response = respond([a.sha256]);
    const restoreA = damage(a.sha256);
    await sync.syncNow();

    // HQ refused the damaged copy: listed with its validation, shown on it, no longer counted as waiting.
    expect(await hqHolds(a.sha256)).toBe(false);
    expect(sync.refusedFiles()).toEqual([
      expect.objectContaining({
        sha256: a.sha256,
        fileName: 'policy-page-1.png',
        validationId: validation.id,
        reason: expect.stringMatching(/does not match its fingerprint/),
      }),
    ]);
    expect(stateOf()).toMatchObject({ state: 'needs-attention', reason: expect.stringMatching(/policy-page-1\.png/) });
    expect(pendingEvidenceCount(db)).toBe(0);
    expect(hasEvidenceNotHeld(db, validation.id)).toBe(true);

    // A second file listed by a new version of the response: it waits until HQ holds that version.
    respond([a.sha256, b.sha256, c.sha256], response.id);
    expect(pendingEvidenceCount(db)).toBe(0);
    const restoreC = damage(c.sha256);
    await sync.syncNow();
    expect(await hqHolds(b.sha256)).toBe(true);
    expect(hqCopy(b.sha256).equals(fs.readFileSync(evidenceFilePath(dana.services.dataDir, b.sha256)))).toBe(true);
    expect(sync.refusedFiles().map((f) => f.sha256)).toEqual([a.sha256, c.sha256]);

    // Send again, once the original is back: the next sync sends it.
    restoreA();
    sync.retryRefusedFile({ sha256: a.sha256 });
    expect(pendingEvidenceCount(db)).toBe(1);
    await sync.syncNow();
    expect(await hqHolds(a.sha256)).toBe(true);
    expect(sha256Of(hqCopy(a.sha256))).toBe(a.sha256);
    expect(listAuditForEntity(db, 'member_response_file', `${validation.id}/${a.sha256}`).at(-1)).toMatchObject({
      action: 'sync.retry_refused_evidence',
    });

    // Don't send: the file stays on this laptop only, recorded against the response file, and is never sent.
    sync.discardRefusedFile({ sha256: c.sha256, reason: 'The Member sent a blurred photo; a new one follows.' });
    expect(listAuditForEntity(db, 'member_response_file', `${validation.id}/${c.sha256}`).at(-1)).toMatchObject({
      action: 'sync.discard_refused_evidence',
    });
    expect(sync.refusedFiles()).toEqual([]);
    expect(stateOf()?.state).not.toBe('needs-attention');
    restoreC();
    await sync.syncNow();
    expect(await hqHolds(c.sha256)).toBe(false);
    expect(pendingEvidenceCount(db)).toBe(0);
    // HQ does not hold every file this validation names: not safe to archive.
    expect(hasEvidenceNotHeld(db, validation.id)).toBe(true);
    expect(stateOf()?.safeToArchiveAt).toBeNull();
  });
});

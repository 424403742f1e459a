import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../db/audit-log';
import { getMember } from '../../db/queries/members';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { lastAuditVerification, verifyAuditLog } from '../../electron/services/audit-verify';
import { attachEvidence, PickedFileRegistry } from '../../electron/services/evidence-service';
import { saveFinding } from '../../electron/services/field-work-service';
import { fileCredentialStore } from '../../electron/services/hq-credentials';
import { saveResponse } from '../../electron/services/response-service';
import { listReviewQueue, saveFindingReview } from '../../electron/services/review-service';
import { reopenValidation, submitValidation } from '../../electron/services/submission-service';
import { syncHostOptions } from '../../electron/services/sync-host';
import { createSyncService, type SyncService } from '../../electron/services/sync-service';
import { issueEnrolmentCode } from '../../hq/identity';
import type { SyncProgressView } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/envelope';
import type { UserRole } from '../../shared/sync/protocol';
import { rechainFrom } from '../db/audit-tamper';
import { buildCompleteValidation } from '../db/complete-validation';
import { makePng } from '../unit/evidence-fixtures';
import { doFieldWork, type Hq, manualClock, sharedHqPerTest } from './sync-harness';

type Laptop = {
  services: AppServices;
  sync: SyncService;
  clock: ReturnType<typeof manualClock>;
  progress: (SyncProgressView | null)[];
  /** Resolves when the next sync (background or manual) has ended and its outcome is stored. */
  nextSyncEnd: () => Promise<void>;
};

// Registered first, so its afterEach runs last: the laptops stop before HQ does.
const sharedHq = sharedHqPerTest('pglite', { listen: true });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real HQ on a real socket (fresh and empty for each test), and the address laptops reach it at. */
async function hqOnSocket(): Promise<{ hq: Hq; url: string }> {
  return { hq: sharedHq, url: sharedHq.baseUrl };
}

async function enrolledLaptop(
  hq: Hq,
  url: string,
  user: { name: string; role: UserRole; fieldOffice: string } = {
    name: 'Dana Ruiz',
    role: 'SCSS',
    fieldOffice: 'Houston',
  },
  { demoValidationsStayLocal = false } = {},
): Promise<Laptop> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-sync-service-'));
  const services = openAppServices({ dataDir, actor: 'dana.ruiz', demoValidationsStayLocal });
  const clock = manualClock();
  const progress: (SyncProgressView | null)[] = [];
  let syncEnded: (() => void)[] = [];
  const sync = createSyncService(services.ctx, fileCredentialStore(dataDir), {
    ...syncHostOptions(services.ctx),
    setTimer: clock.setTimer,
    emit: (event, payload) => {
      if (event !== 'sync:progress') return;
      progress.push(payload as SyncProgressView | null);
      if (payload === null) for (const resolve of syncEnded.splice(0)) resolve();
    },
  });
  cleanups.push(() => {
    sync.stop();
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const { code } = await issueEnrolmentCode(hq.db, user);
  await sync.enroll({ hqUrl: url, code, deviceName: `${user.name}’s laptop` });
  const nextSyncEnd = () =>
    new Promise<void>((resolve) => {
      syncEnded = [...syncEnded, resolve];
    });
  return { services, sync, clock, progress, nextSyncEnd };
}

/**
 * Waits for the sync under way, if any, to end (a background sync starts at once, synchronously, when its
 * timer fires), then expects nothing left to send.
 */
async function settled(laptop: Laptop) {
  if (laptop.sync.status().state === 'syncing') await laptop.nextSyncEnd();
  expect(laptop.sync.status()).toMatchObject({ pending: 0, progress: null, state: 'idle' });
}

const stateOf = (laptop: Laptop, validationId: string) =>
  laptop.sync.validationStates().find((s) => s.validationId === validationId);

describe('the desktop sync service against a listening HQ', () => {
  it('syncs by itself a few seconds after the SCSS stops typing, with progress events', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    laptop.sync.startBackground();
    await settled(laptop);

    const validation = doFieldWork(laptop as never, { '1.1': 'COMPLIANT', '1.2': 'DEFICIENT' });
    laptop.sync.noteRequestHandled();
    expect(laptop.sync.status().pending).toBe(3);
    expect(stateOf(laptop, validation.id)?.state).toBe('not-synced');

    laptop.clock.advance(4_000);
    expect(laptop.sync.status().pending).toBe(3);
    laptop.clock.advance(1_000);
    await settled(laptop);

    const state = stateOf(laptop, validation.id);
    expect(state?.state).toBe('synced');
    expect(state?.syncedAt).toEqual(expect.any(String));
    const [held] = await hq.db.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE validation_id = $1', [
      validation.id,
    ]);
    expect(held?.n).toBe(2);
    const pushes = laptop.progress.filter((p): p is SyncProgressView => p?.phase === 'push');
    expect(pushes.at(-1)).toEqual({ phase: 'push', done: 3, total: 3 });
    expect(laptop.progress.at(-1)).toBeNull();
  });

  it('a sync the person asks for takes the place of the one their writes scheduled: no second sync follows it', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    laptop.sync.startBackground();
    await settled(laptop);
    doFieldWork(laptop as never, { '1.1': 'COMPLIANT' });
    laptop.sync.noteRequestHandled();
    expect(laptop.clock.pendingTimers()).toBe(3); // periodic, network probe and the sync after writes

    await laptop.sync.syncNow();
    expect(laptop.sync.status().pending).toBe(0);
    expect(laptop.clock.pendingTimers()).toBe(2);
    const after = laptop.progress.length;
    laptop.clock.advance(5_000);
    expect(laptop.progress.length).toBe(after);
  });

  it('a write made while a sync runs keeps its own sync, even when the person presses Sync during the run', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    laptop.sync.startBackground();
    await settled(laptop);
    const running = laptop.sync.syncNow();
    expect(laptop.sync.status().state).toBe('syncing');
    doFieldWork(laptop as never, { '1.1': 'COMPLIANT' });
    laptop.sync.noteRequestHandled();
    await Promise.all([running, laptop.sync.syncNow()]);
    expect(laptop.clock.pendingTimers()).toBe(3); // periodic, network probe and the sync after the write

    const ended = laptop.nextSyncEnd();
    laptop.clock.advance(5_000);
    await ended;
    expect(laptop.sync.status().pending).toBe(0);
  });

  it('a read does not start a sync; only a queued change does', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    laptop.sync.startBackground();
    await settled(laptop);
    const before = laptop.progress.length;
    laptop.sync.noteRequestHandled();
    expect(laptop.clock.pendingTimers()).toBe(2); // periodic and network probe only
    laptop.clock.advance(5_000);
    expect(laptop.progress.length).toBe(before);
  });

  it('marks a submitted validation safe to archive only when HQ holds the same fingerprint', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    const { validation } = buildCompleteValidation(laptop.services);
    const submitted = submitValidation(laptop.services.ctx, validation.id, 'Dana Ruiz');

    await laptop.sync.syncNow();
    const state = stateOf(laptop, validation.id);
    expect(state?.state).toBe('synced');
    expect(state?.safeToArchiveAt).toEqual(expect.any(String));
    const [atHq] = await hq.db.query<{ content_sha256: string }>(
      'SELECT content_sha256 FROM validations WHERE id = $1',
      [validation.id],
    );
    expect(atHq?.content_sha256).toBe(submitted.contentSha256);
    expect(laptop.progress.some((p) => p?.phase === 'receipts')).toBe(true);

    // Reopened on the laptop: its fingerprint is gone, so it is no longer safe to archive.
    reopenValidation(laptop.services.ctx, validation.id, 'The Member sent a revised seal procedure.');
    expect(stateOf(laptop, validation.id)?.safeToArchiveAt).toBeNull();
  });

  it('a change saved after HQ took everything makes the validation not synced again, asked for alone', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    const { validation } = buildCompleteValidation(laptop.services);
    await laptop.sync.syncNow();
    expect(stateOf(laptop, validation.id)?.state).toBe('synced');

    saveResponse(laptop.services.ctx, { validationId: validation.id, criterionId: '1.1', result: 'DEFICIENT' });
    const alone = laptop.sync.validationStates(validation.id);
    expect(alone).toEqual([expect.objectContaining({ validationId: validation.id, state: 'not-synced' })]);
    await laptop.sync.syncNow();
    expect(laptop.sync.validationStates(validation.id)).toEqual([
      expect.objectContaining({ validationId: validation.id, state: 'synced' }),
    ]);
  });

  it('lists every validation with the state it has when asked for alone: synced, refused, and waiting', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    const synced = buildCompleteValidation(laptop.services).validation;
    const refused = buildCompleteValidation(laptop.services).validation;
    laptop.services.ctx.db
      .prepare(
        `UPDATE sync_outbox SET payload_json = json_set(payload_json, '$.version', 0)
         WHERE seq = (SELECT min(seq) FROM sync_outbox WHERE entity = 'criterion_response' AND entity_id LIKE ?)`,
      )
      .run(`${refused.id}/%`);
    const edited = buildCompleteValidation(laptop.services);
    await laptop.sync.syncNow();
    // After the sync, only a finding changes: its change names its validation in its payload, not in its id.
    saveFinding(laptop.services.ctx, { ...edited.finding, description: 'Unique logins are still not enforced.' });
    const waiting = edited.validation;

    const listed = laptop.sync.validationStates();
    expect(listed.map((s) => [s.validationId, s.state])).toEqual(
      expect.arrayContaining([
        [synced.id, 'synced'],
        [refused.id, 'needs-attention'],
        [waiting.id, 'not-synced'],
      ]),
    );
    for (const state of listed) expect(laptop.sync.validationStates(state.validationId)).toEqual([state]);
  });

  it('gives a demo validation, which never leaves the laptop, no sync state at all', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url, undefined, { demoValidationsStayLocal: true });
    const { validation } = buildCompleteValidation(laptop.services);
    expect(getMember(laptop.services.ctx.db, validation.memberId)?.accountNumber).toMatch(/^DEMO-/);
    await laptop.sync.syncNow();
    expect(laptop.sync.validationStates(validation.id)).toEqual([]);
    expect(stateOf(laptop, validation.id)).toBeUndefined();
  });

  it('uploads evidence in the same sync, with byte progress, before HQ confirms the validation whole', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    const { validation } = buildCompleteValidation(laptop.services);
    const photo = await makePng(640, 480);
    await attachEvidence(
      laptop.services.ctx,
      {
        validationId: validation.id,
        criterionId: '1.1',
        findingId: null,
        fileName: 'dock-3-seal.png',
        mediaType: '',
        caption: 'Seal on the container at dock 3',
        source: { kind: 'bytes', base64: photo.toString('base64') },
      },
      new PickedFileRegistry(),
    );
    submitValidation(laptop.services.ctx, validation.id, 'Dana Ruiz');

    await laptop.sync.syncNow();
    const uploads = laptop.progress.filter((p): p is SyncProgressView => p?.phase === 'evidence');
    expect(uploads.at(-1)).toEqual({ phase: 'evidence', done: photo.length, total: photo.length });
    const [held] = await hq.db.query<{ size_bytes: string }>('SELECT size_bytes FROM evidence_files');
    expect(Number(held?.size_bytes)).toBe(photo.length);
    expect(stateOf(laptop, validation.id)?.safeToArchiveAt).toEqual(expect.any(String));
  });

  it('does not call a validation safe to archive while HQ lacks its fingerprint', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    const { validation } = buildCompleteValidation(laptop.services);
    await laptop.sync.syncNow();
    // HQ took the content but has not seen the submit yet.
    submitValidation(laptop.services.ctx, validation.id, 'Dana Ruiz');
    expect(stateOf(laptop, validation.id)).toMatchObject({ state: 'not-synced', safeToArchiveAt: null });
    await laptop.sync.syncNow();
    expect(stateOf(laptop, validation.id)?.safeToArchiveAt).toEqual(expect.any(String));
  });

  it('never calls a validation safe to archive when HQ holds different content: a change refused and kept off HQ', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    const { validation } = buildCompleteValidation(laptop.services);
    const { db } = laptop.services.ctx;
    db.prepare(
      `UPDATE sync_outbox SET payload_json = json_set(payload_json, '$.version', 0)
       WHERE seq = (SELECT min(seq) FROM sync_outbox WHERE entity = 'criterion_response')`,
    ).run();
    await laptop.sync.syncNow();
    const [refused] = laptop.sync.refused();
    if (!refused) throw new Error('expected a refused change');
    laptop.sync.keepRefusedOffHq({ changeId: refused.changeId, reason: 'Kept off HQ while the catalog is fixed' });

    submitValidation(laptop.services.ctx, validation.id, 'Dana Ruiz');
    await laptop.sync.syncNow();
    const [submit] = laptop.sync.refused();
    expect(submit).toMatchObject({ validationId: validation.id, entity: 'validation', operation: 'submit' });
    expect(submit?.reason).toMatch(/HQ holds different content for this validation/);
    expect(stateOf(laptop, validation.id)).toMatchObject({ state: 'needs-attention', safeToArchiveAt: null });
    const [held] = await hq.db.query<{ status: string; content_sha256: string | null }>(
      'SELECT status, content_sha256 FROM validations WHERE id = $1',
      [validation.id],
    );
    expect(held).toEqual({ status: 'IN_PROGRESS', content_sha256: null });
  });

  describe('HQ holds the head of each laptop’s audit chain, so what the laptop cannot see is caught at the next sync', () => {
    const saveNote = (laptop: Laptop, validationId: string, criterionId: string, notes: string) =>
      saveResponse(laptop.services.ctx, { validationId, criterionId, result: 'COMPLIANT', notes });
    const brokenAt = async (hq: Hq) =>
      (await hq.db.query<{ at: Date | null }>('SELECT audit_chain_broken_at AS at FROM devices'))[0]?.at ?? null;

    const anchorOf = (laptop: Laptop) =>
      laptop.services.ctx.db.prepare(`SELECT value FROM sync_state WHERE key = 'audit_anchor_seq'`).pluck().get();

    async function syncedTwice(): Promise<{ hq: Hq; laptop: Laptop; validationId: string; firstAnchor: unknown }> {
      const { hq, url } = await hqOnSocket();
      const laptop = await enrolledLaptop(hq, url);
      const validation = doFieldWork(laptop as never, { '1.1': 'COMPLIANT' });
      await laptop.sync.syncNow();
      const firstAnchor = anchorOf(laptop);
      saveNote(laptop, validation.id, '2.1', 'Risk assessment seen');
      await laptop.sync.syncNow();
      expect(await brokenAt(hq)).toBeNull();
      expect(anchorOf(laptop)).not.toBe(firstAnchor);
      return { hq, laptop, validationId: validation.id, firstAnchor };
    }

    it('a chain cut short on the laptop: HQ marks the device and the laptop turns read-only', async () => {
      const { hq, laptop, validationId } = await syncedTwice();
      const { db } = laptop.services.ctx;
      db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)').run();
      expect(verifyAuditLog(laptop.services.ctx).firstBreak, 'nothing local shows it').toBeNull();

      saveNote(laptop, validationId, '3.1', 'Badge list reviewed');
      await laptop.sync.syncNow();
      expect(await brokenAt(hq)).not.toBeNull();
      expect(lastAuditVerification(laptop.services.ctx)?.firstBreak?.kind).toBe('head-mismatch');
      expect(() => saveNote(laptop, validationId, '4.1', 'After the break')).toThrow(
        expect.objectContaining({ code: 'AUDIT_CHAIN_BROKEN' }),
      );
    });

    it('a chain rewritten whole (an entry changed, every hash recomputed): caught the same way', async () => {
      const { hq, laptop, validationId } = await syncedTwice();
      const { db } = laptop.services.ctx;
      db.prepare(`UPDATE audit_log SET actor = 'someone.else' WHERE seq = 2`).run();
      rechainFrom(db, 2);
      expect(verifyAuditLog(laptop.services.ctx).firstBreak, 'it passes every local check').toBeNull();

      saveNote(laptop, validationId, '3.1', 'Badge list reviewed');
      await laptop.sync.syncNow();
      expect(await brokenAt(hq)).not.toBeNull();
      expect(() => saveNote(laptop, validationId, '4.1', 'After the break')).toThrow(
        expect.objectContaining({ code: 'AUDIT_CHAIN_BROKEN' }),
      );
    });

    it('an answer lost after HQ recorded the head is not taken for a break', async () => {
      const { hq, laptop, validationId, firstAnchor } = await syncedTwice();
      // The anchor the laptop keeps trails HQ's newest head, as when HQ's answer to a push was lost.
      laptop.services.ctx.db
        .prepare(`UPDATE sync_state SET value = ? WHERE key = 'audit_anchor_seq'`)
        .run(String(firstAnchor));
      saveNote(laptop, validationId, '3.1', 'Badge list reviewed');
      await laptop.sync.syncNow();
      expect(await brokenAt(hq)).toBeNull();
      saveNote(laptop, validationId, '4.1', 'Still writable');
    });
  });

  it('reaches HQ only through the fetch the host gives it (Electron’s net.fetch in the app)', async () => {
    const { hq, url } = await hqOnSocket();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-sync-fetch-'));
    const services = openAppServices({ dataDir, actor: 'dana.ruiz' });
    const seen: string[] = [];
    const hostFetch: typeof fetch = (input, init) => {
      seen.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
      return fetch(input, init);
    };
    const sync = createSyncService(services.ctx, fileCredentialStore(dataDir), {
      ...syncHostOptions(services.ctx),
      setTimer: manualClock().setTimer,
      fetch: hostFetch,
    });
    cleanups.push(() => {
      sync.stop();
      services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const { code } = await issueEnrolmentCode(hq.db, { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' });
    await sync.enroll({ hqUrl: url, code, deviceName: 'Dana’s laptop' });
    const { validation } = buildCompleteValidation(services);
    submitValidation(services.ctx, validation.id, 'Dana Ruiz');
    await sync.syncNow();
    expect(new Set(seen)).toEqual(
      new Set(['/v1/enroll', '/v1/push', '/v1/pull', '/v1/policy', `/v1/validations/${validation.id}/receipt`]),
    );
  });

  it('lists a refused change with its reason; it can be sent again or kept off HQ without losing local data', async () => {
    const { hq, url } = await hqOnSocket();
    const laptop = await enrolledLaptop(hq, url);
    const validation = doFieldWork(laptop as never, { '1.1': 'COMPLIANT' });
    const { db } = laptop.services.ctx;
    // An answer whose version HQ cannot accept: refused as invalid and refused.
    db.prepare(
      `UPDATE sync_outbox SET payload_json = json_set(payload_json, '$.version', 0) WHERE entity = 'criterion_response'`,
    ).run();
    await laptop.sync.syncNow();
    const [refused] = laptop.sync.refused();
    expect(refused).toMatchObject({ validationId: validation.id, entity: 'criterion_response', operation: 'upsert' });
    expect(refused?.reason).toMatch(/HQ could not accept 1\.1/);
    expect(stateOf(laptop, validation.id)).toMatchObject({ state: 'needs-attention', reason: refused?.reason });
    if (!refused) throw new Error('expected a refused change');

    // Sent again as is, HQ refuses it again: still listed.
    laptop.sync.sendRefusedAgain({ changeId: refused.changeId });
    expect(laptop.sync.status()).toMatchObject({ pending: 1, refused: 0 });
    await laptop.sync.syncNow();
    expect(laptop.sync.refused().map((p) => p.changeId)).toEqual([refused.changeId]);

    expect(() => laptop.sync.keepRefusedOffHq({ changeId: validation.id, reason: 'not queued' })).toThrow(AppError);
    laptop.sync.keepRefusedOffHq({
      changeId: refused.changeId,
      reason: 'Answer re-entered after HQ fixed the catalog',
    });
    expect(laptop.sync.status()).toMatchObject({ pending: 0, refused: 0 });
    expect(laptop.sync.refused()).toEqual([]);
    const answer = db
      .prepare('SELECT result FROM criterion_responses WHERE validation_id = ? AND criterion_id = ?')
      .get(validation.id, '1.1');
    expect(answer).toEqual({ result: 'COMPLIANT' });
    const audit = listAuditForEntity(db, 'criterion_response', `${validation.id}/1.1`).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['sync.retry_refused_change', 'sync.discard_refused_change']));
  });

  it('a reviewer receives the office’s submitted validation, reviews its finding, and HQ records the review', async () => {
    const { hq, url } = await hqOnSocket();
    const dana = await enrolledLaptop(hq, url);
    const { validation, finding } = buildCompleteValidation(dana.services);
    submitValidation(dana.services.ctx, validation.id, 'Dana Ruiz');
    await dana.sync.syncNow();

    const sam = await enrolledLaptop(hq, url, {
      name: 'Sam Ortiz',
      role: 'FIELD_OFFICE_REVIEWER',
      fieldOffice: 'Houston',
    });
    expect(sam.sync.status().userRole).toBe('FIELD_OFFICE_REVIEWER');
    await sam.sync.syncNow();
    const [item] = listReviewQueue(sam.services.ctx);
    // The reviewer's laptop has never seen Dana's Member: the name comes with the validation.
    const member = getMember(dana.services.ctx.db, validation.memberId);
    expect(getMember(sam.services.ctx.db, validation.memberId)).toBeUndefined();
    expect(item).toMatchObject({
      validationId: validation.id,
      signedByName: 'Dana Ruiz',
      memberName: member?.legalName,
    });
    expect(item?.findings).toEqual([expect.objectContaining({ id: finding.id, criterionId: '4.1', review: null })]);

    expect(() =>
      saveFindingReview(sam.services.ctx, {
        validationId: validation.id,
        findingId: validation.id,
        decision: 'CONCUR',
        comment: '',
      }),
    ).toThrow(/not part of this validation/);
    saveFindingReview(sam.services.ctx, {
      validationId: validation.id,
      findingId: finding.id,
      decision: 'RETURN_FOR_CORRECTION',
      comment: 'Attach the access-control policy the finding cites.',
    });
    await sam.sync.syncNow();
    expect(sam.sync.status()).toMatchObject({ pending: 0, refused: 0 });
    const [atHq] = await hq.db.query<{ decision: string; version: number }>(
      `SELECT payload->>'decision' AS decision, version FROM records WHERE entity = 'finding_review'`,
    );
    expect(atHq).toEqual({ decision: 'RETURN_FOR_CORRECTION', version: 1 });
    // The next pull brings the review back with the validation; the reviewer's list shows it.
    expect(listReviewQueue(sam.services.ctx)[0]?.findings[0]?.review).toMatchObject({
      decision: 'RETURN_FOR_CORRECTION',
      version: 1,
    });
  });
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAuditForEntity } from '../../db/audit-log';
import { type AppServices, openAppServices } from '../../electron/services/app-services';
import { evidenceFilePath } from '../../electron/services/evidence-store';
import { fileCredentialStore } from '../../electron/services/hq-credentials';
import { submitValidation } from '../../electron/services/submission-service';
import { syncHostOptions } from '../../electron/services/sync-host';
import { createSyncService, type SyncService } from '../../electron/services/sync-service';
import { issueEnrolmentCode } from '../../hq/identity';
import { i18n } from '../../renderer/src/i18n';
import { translateMessage } from '../../renderer/src/i18n/messages';
import type { Evidence } from '../../shared/domain/field-work';
import { AppError } from '../../shared/ipc/envelope';
import { buildCompleteValidation } from '../db/complete-validation';
import { attachBytes, doFieldWork, manualClock, sharedHqPerTest } from './sync-harness';

/** This test's switch: HQ answers 503 on the paths matching `paths` while `on` is true. */
let outage = { on: false, paths: /^$/, answered503: 0 };

// Registered first, so its afterEach runs last: the laptops stop before HQ does.
const sharedHq = sharedHqPerTest('pglite', {
  listen: true,
  evidenceDir: true,
  configure: (app) => {
    const switched = { on: false, paths: /^$/, answered503: 0 };
    outage = switched;
    app.addHook('onRequest', async (request, reply) => {
      if (!switched.on || !switched.paths.test(request.url)) return;
      switched.answered503 += 1;
      return reply.code(503).send({ error: { code: 'UNAVAILABLE', message: 'HQ is busy; try again shortly' } });
    });
  },
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * The real HQ app on a real socket (fresh and empty for each test), behind a switch that makes it answer
 * 503 on the paths matching `outage.paths` (HQ overloaded behind its load balancer) while `outage.on` is true.
 */
async function hqWithOutage() {
  const { db } = sharedHq;
  const heldFiles = async () =>
    (await db.query<{ sha256: string }>('SELECT sha256 FROM evidence_files ORDER BY sha256')).map((r) => r.sha256);
  return { db, url: sharedHq.baseUrl, outage, heldFiles };
}
type FlakyHq = Awaited<ReturnType<typeof hqWithOutage>>;

type Laptop = {
  services: AppServices;
  sync: SyncService;
  clock: ReturnType<typeof manualClock>;
  /** Resolves when the next sync (background or manual) has ended and its outcome is stored. */
  nextSyncEnd: () => Promise<void>;
};

/** A laptop whose sync service reaches HQ over HTTP as the app does, with the app's evidence and pull steps. */
async function enrolledLaptop(hq: FlakyHq): Promise<Laptop> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-evidence-attention-'));
  const services = openAppServices({ dataDir, actor: 'dana.ruiz' });
  const clock = manualClock();
  let syncEnded: (() => void)[] = [];
  const sync = createSyncService(services.ctx, fileCredentialStore(dataDir), {
    ...syncHostOptions(services.ctx),
    setTimer: clock.setTimer,
    emit: (event, payload) => {
      if (event === 'sync:progress' && payload === null) for (const resolve of syncEnded.splice(0)) resolve();
    },
  });
  cleanups.push(() => {
    sync.stop();
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const { code } = await issueEnrolmentCode(hq.db, { name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' });
  await sync.enroll({ hqUrl: hq.url, code, deviceName: 'Dana’s laptop' });
  const nextSyncEnd = () =>
    new Promise<void>((resolve) => {
      syncEnded = [...syncEnded, resolve];
    });
  return { services, sync, clock, nextSyncEnd };
}

/** A PDF as the evidence service accepts it: the signature, then incompressible bytes. */
const pdfOf = (sizeBytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(sizeBytes - 9)]);

/** The stored copy rots on disk: same size, one byte different, so only HQ's fingerprint check notices. */
function damageStoredCopy(laptop: Laptop, evidence: Evidence, original: Buffer): void {
  const damaged = Buffer.from(original);
  damaged[1_000] = (damaged[1_000] ?? 0) ^ 0xff;
  fs.writeFileSync(evidenceFilePath(laptop.services.dataDir, evidence.sha256), damaged);
}

const stateOf = (laptop: Laptop, validationId: string) =>
  laptop.sync.validationStates().find((s) => s.validationId === validationId);

const RETRYING = /; trying again at \d{1,2}:\d{2} [AP]M\.$/;

/** What the status line (or a refusal) says in Spanish: the stored key in the interface's language. */
async function inSpanish(told: { message: string; key?: string; params?: object }): Promise<string> {
  await i18n.changeLanguage('es');
  try {
    return translateMessage(told as never);
  } finally {
    await i18n.changeLanguage('en');
  }
}
const lastErrorOf = (laptop: Laptop) => {
  const status = laptop.sync.status();
  return { message: status.lastError ?? '', ...status.lastErrorMessage };
};

describe('a sync step that HQ cannot take just now is retried with backoff and shown in the status', () => {
  it('an evidence upload answered 503 is tried again within seconds, not at the next periodic sync', async () => {
    const hq = await hqWithOutage();
    const laptop = await enrolledLaptop(hq);
    laptop.sync.startBackground();
    await laptop.nextSyncEnd();
    hq.outage.paths = /^\/v1\/evidence\//;
    hq.outage.on = true;

    const validation = doFieldWork(laptop as never, { '1.1': 'COMPLIANT' });
    const bytes = pdfOf(120_000);
    const evidence = await attachBytes(laptop, validation, 'Seal log.pdf', bytes);
    laptop.sync.noteRequestHandled();
    let ended = laptop.nextSyncEnd();
    laptop.clock.advance(5_000); // the quiet time after the last write
    await ended;

    // The answers went up; the file did not, and the header says so instead of "Synced".
    expect(laptop.sync.status()).toMatchObject({ pending: 0, refused: 0, state: 'error' });
    expect(laptop.sync.status().lastError).toMatch(/^1 evidence file could not reach HQ; trying again at /);
    expect(laptop.sync.status().lastError).toMatch(RETRYING);
    expect(await inSpanish(lastErrorOf(laptop))).toMatch(
      /^1 archivo de evidencia no pudo llegar a la sede central; se intentará de nuevo a las \d{1,2}:\d{2}\.$/,
    );
    expect(await hq.heldFiles()).toEqual([]);

    // First retry (backoff ≤ 1 s): HQ is still busy, so the status still shows it.
    const refusedSoFar = hq.outage.answered503;
    ended = laptop.nextSyncEnd();
    laptop.clock.advance(1_000);
    await ended;
    expect(hq.outage.answered503).toBeGreaterThan(refusedSoFar);
    expect(laptop.sync.status()).toMatchObject({ state: 'error', lastError: expect.stringMatching(RETRYING) });

    // HQ recovers; the second retry (backoff ≤ 2 s) delivers the file, 8 s in, long before the 5-minute sync.
    hq.outage.on = false;
    ended = laptop.nextSyncEnd();
    laptop.clock.advance(2_000);
    await ended;
    expect(await hq.heldFiles()).toEqual([evidence.sha256]);
    expect(laptop.sync.status()).toMatchObject({ state: 'idle', lastError: null, pending: 0 });
    expect(laptop.sync.status().lastSuccessAt).toEqual(expect.any(String));
  });

  it('a receipt check answered 503 is tried again, and the validation then shows safe to archive', async () => {
    const hq = await hqWithOutage();
    const laptop = await enrolledLaptop(hq);
    hq.outage.paths = /^\/v1\/validations\/[^/]+\/receipt$/;
    hq.outage.on = true;
    const { validation } = buildCompleteValidation(laptop.services);
    submitValidation(laptop.services.ctx, validation.id, 'Dana Ruiz');

    await laptop.sync.syncNow();
    expect(laptop.sync.status()).toMatchObject({ pending: 0, state: 'error' });
    expect(laptop.sync.status().lastError).toMatch(/^HQ is busy; try again shortly; trying again at /);
    // HQ's own words stay as HQ wrote them; the app's words around them are Spanish.
    expect(await inSpanish(lastErrorOf(laptop))).toMatch(
      /^HQ is busy; try again shortly; se intentará de nuevo a las \d{1,2}:\d{2}\.$/,
    );
    expect(stateOf(laptop, validation.id)).toMatchObject({ state: 'synced', safeToArchiveAt: null });

    hq.outage.on = false;
    const ended = laptop.nextSyncEnd();
    laptop.clock.advance(1_000);
    await ended;
    expect(laptop.sync.status()).toMatchObject({ state: 'idle', lastError: null });
    expect(stateOf(laptop, validation.id)?.safeToArchiveAt).toEqual(expect.any(String));
  });
});

describe('evidence files HQ refused', () => {
  it('are listed with their validation and HQ’s reason; Send again delivers, Don’t send keeps the file local', async () => {
    const hq = await hqWithOutage();
    const laptop = await enrolledLaptop(hq);
    const validation = doFieldWork(laptop as never, { '1.1': 'COMPLIANT' });
    const sealLog = pdfOf(60_000);
    const training = pdfOf(40_000);
    const sealEvidence = await attachBytes(laptop, validation, 'Seal log.pdf', sealLog);
    const trainingEvidence = await attachBytes(laptop, validation, 'Training record.pdf', training);
    damageStoredCopy(laptop, sealEvidence, sealLog);
    damageStoredCopy(laptop, trainingEvidence, training);

    await laptop.sync.syncNow();

    const memberName = (
      laptop.services.ctx.db
        .prepare('SELECT m.legal_name FROM members m JOIN validations v ON v.member_id = m.id WHERE v.id = ?')
        .pluck()
        .get(validation.id) as string
    ).trim();
    const refused = laptop.sync.refusedFiles();
    expect(refused.map((f) => f.fileName).sort()).toEqual(['Seal log.pdf', 'Training record.pdf']);
    for (const file of refused) {
      expect(file).toMatchObject({ validationId: validation.id, memberName, scheduledDate: validation.scheduledDate });
      expect(file.reason).toContain(`HQ refused "${file.fileName}": the copy on this laptop does not match`);
      expect(await inSpanish({ message: file.reason, ...file.reasonMessage })).toBe(
        `La sede central rechazó «${file.fileName}»: la copia de esta computadora no coincide con su huella digital (SHA-256), así que puede estar dañada. Retire esta evidencia y adjunte de nuevo el archivo original.`,
      );
    }
    expect(stateOf(laptop, validation.id)).toMatchObject({
      state: 'needs-attention',
      reason: expect.stringContaining('does not match its fingerprint'),
    });
    expect(await hq.heldFiles()).toEqual([]);

    // Send again, once the original bytes are back: the next sync delivers the file.
    fs.writeFileSync(evidenceFilePath(laptop.services.dataDir, sealEvidence.sha256), sealLog);
    laptop.sync.retryRefusedFile({ sha256: sealEvidence.sha256 });
    expect(laptop.sync.refusedFiles().map((f) => f.fileName)).toEqual(['Training record.pdf']);
    await laptop.sync.syncNow();
    expect(await hq.heldFiles()).toEqual([sealEvidence.sha256]);
    expect(laptop.sync.refusedFiles().map((f) => f.fileName)).toEqual(['Training record.pdf']);

    // Don't send: no longer waiting, never sent, but still on this laptop and in the audit log with the reason.
    expect(() => laptop.sync.discardRefusedFile({ sha256: sealEvidence.sha256, reason: 'Already at HQ' })).toThrow(
      AppError,
    );
    const reason = 'HQ got the signed paper copy by mail';
    laptop.sync.discardRefusedFile({ sha256: trainingEvidence.sha256, reason });
    expect(laptop.sync.refusedFiles()).toEqual([]);
    expect(stateOf(laptop, validation.id)?.state).not.toBe('needs-attention');
    await laptop.sync.syncNow();
    expect(await hq.heldFiles()).toEqual([sealEvidence.sha256]);
    expect(laptop.sync.refusedFiles()).toEqual([]);
    expect(laptop.sync.status()).toMatchObject({ state: 'idle', lastError: null });
    expect(fs.existsSync(evidenceFilePath(laptop.services.dataDir, trainingEvidence.sha256))).toBe(true);
    const { db } = laptop.services.ctx;
    expect(db.prepare('SELECT deleted_at FROM evidence WHERE id = ?').get(trainingEvidence.id)).toEqual({
      deleted_at: null,
    });
    const trainingAudit = listAuditForEntity(db, 'evidence', trainingEvidence.id);
    expect(trainingAudit.at(-1)).toMatchObject({
      action: 'sync.discard_refused_evidence',
      // The enrolled person, not the account the laptop was opened with.
      actor: 'Dana Ruiz (Supply Chain Security Specialist)',
      after: { notSent: true, reason },
    });
    expect(listAuditForEntity(db, 'evidence', sealEvidence.id).map((a) => a.action)).toContain(
      'sync.retry_refused_evidence',
    );
  });
});

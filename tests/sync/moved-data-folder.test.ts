import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppServices } from '../../electron/services/app-services';
import { installationIdOf } from '../../electron/services/enrolment-record';
import { fileCredentialStore, type SecretCodec } from '../../electron/services/hq-credentials';
import { saveResponse } from '../../electron/services/response-service';
import { syncHostOptions } from '../../electron/services/sync-host';
import { createSyncService } from '../../electron/services/sync-service';
import { openWorksheet } from '../../electron/services/validation-service';
import { issueEnrolmentCode } from '../../hq/identity';
import { AppError } from '../../shared/ipc/envelope';
import { testUserId } from '../hq/helpers';
import { DANA, type Person, SAM, startAssigned } from './enrolled-laptop';
import { sharedHqPerTest } from './sync-harness';

/**
 * A data folder copied or restored onto another computer: the HQ credentials in it were encrypted with the first
 * computer's key (Electron's safeStorage), which the second does not have.
 */

const hq = sharedHqPerTest('pglite', { listen: true });

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** One computer's key, as safeStorage keeps it: bytes another computer encrypted fail to decrypt (it throws). */
function keyOfComputer(name: string): SecretCodec {
  const key = createHash('sha256').update(name).digest();
  return {
    encode(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decode(bytes) {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** The app on `dataDir` as a computer named `computer` runs it; closed by the test's afterEach, or by `close`. */
function openOn(dataDir: string, computer: string) {
  const credentials = fileCredentialStore(dataDir, keyOfComputer(computer), 'hq-credentials.enc');
  const services = openAppServices({ dataDir, credentials });
  const sync = createSyncService(services.ctx, credentials, syncHostOptions(services.ctx));
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    sync.stop();
    services.close();
  };
  cleanups.push(close);
  return { services, sync, close };
}

function newDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-moved-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

const codeFor = async (person: Person) => (await issueEnrolmentCode(hq.db, await testUserId(hq.db, person))).code;

describe('a data folder copied to another computer', () => {
  it('opens there, says whose enrolment it cannot read, takes a new code only of that person, and revokes nothing of the first computer', async () => {
    const firstDir = newDataDir();
    const first = openOn(firstDir, 'laptop-A');
    await first.sync.enroll({ hqUrl: hq.baseUrl, code: await codeFor(DANA), deviceName: 'Laptop A' });
    const validation = await startAssigned(first, hq.db, DANA, 'ACCT-601');
    const [criterion] = openWorksheet(first.services.ctx, validation.id).criteria;
    if (!criterion) throw new Error('no criteria');
    // Saved, not sent yet, when the folder is copied.
    saveResponse(first.services.ctx, {
      validationId: validation.id,
      criterionId: criterion.id,
      result: 'COMPLIANT',
      notes: 'Seal log checked on site.',
    });
    const firstInstallation = installationIdOf(first.services.ctx.db);
    first.close();

    const copyDir = newDataDir();
    fs.cpSync(firstDir, copyDir, { recursive: true });
    const copy = openOn(copyDir, 'laptop-B');

    const status = copy.sync.status();
    expect(status).toMatchObject({
      enrolled: false,
      unreadableEnrolment: { name: DANA.name, hqUrl: hq.baseUrl },
    });
    expect(status.pending).toBeGreaterThan(0);
    // No one signs here until a code proves who it is; the work saved is all there.
    expect(copy.services.ctx.person).toBeNull();
    expect(openWorksheet(copy.services.ctx, validation.id).responses.map((r) => r.notes)).toEqual([
      'Seal log checked on site.',
    ]);
    expect(fs.existsSync(path.join(copyDir, 'hq-credentials.enc.unreadable'))).toBe(true);
    const copyInstallation = installationIdOf(copy.services.ctx.db);
    expect(copyInstallation).not.toBe(firstInstallation);

    // Started again before anyone enrols: the same installation (a retried enrolment must send the same id).
    copy.close();
    const again = openOn(copyDir, 'laptop-B');
    expect(installationIdOf(again.services.ctx.db)).toBe(copyInstallation);
    expect(again.sync.status().unreadableEnrolment).toEqual({ name: DANA.name, hqUrl: hq.baseUrl });

    // Dana's work waits here: another person's code is refused, and stays unspent.
    const samsCode = await codeFor(SAM);
    const refused = await again.sync
      .enroll({ hqUrl: hq.baseUrl, code: samsCode, deviceName: 'Laptop B' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toMatch(
      /^This computer is not enrolled, and it holds work by Dana Ruiz that HQ has not taken yet \(changes or files waiting: [1-9]\d*\), which would reach HQ in the name of Sam Ortiz\. Enrol it with a new code for Dana Ruiz/,
    );
    expect(again.sync.status().enrolled).toBe(false);
    const samsCodes = await hq.db.query<{ used: boolean }>(
      `SELECT c.used_at IS NOT NULL AS used FROM enrolment_codes c JOIN users u ON u.id = c.user_id WHERE u.name = $1`,
      [SAM.name],
    );
    expect(samsCodes).toEqual([{ used: false }]);

    await again.sync.enroll({ hqUrl: hq.baseUrl, code: await codeFor(DANA), deviceName: 'Laptop B' });
    expect(again.sync.status()).toMatchObject({ enrolled: true, userName: DANA.name });
    expect(again.sync.status().unreadableEnrolment).toBeUndefined();
    expect(again.services.ctx.person?.name).toBe(DANA.name);
    expect(await again.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0, refused: 0 });

    // The computer the folder came from still syncs with its own enrolment.
    const original = openOn(firstDir, 'laptop-A');
    expect(original.sync.status()).toMatchObject({ enrolled: true, userName: DANA.name });
    // It sends the same queued change, which HQ takes as the one it already holds.
    expect(await original.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null, pending: 0, refused: 0 });
    const devices = await hq.db.query<{ name: string; revoked: boolean }>(
      'SELECT name, revoked_at IS NOT NULL AS revoked FROM devices ORDER BY name',
    );
    expect(devices).toEqual([
      { name: 'Laptop A', revoked: false },
      { name: 'Laptop B', revoked: false },
    ]);
    const notes = await hq.db.query<{ payload: { notes: string } }>(
      `SELECT payload FROM records WHERE entity = 'criterion_response' AND validation_id = $1`,
      [validation.id],
    );
    expect(notes.map((row) => row.payload.notes)).toEqual(['Seal log checked on site.']);
  });
});

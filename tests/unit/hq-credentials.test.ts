import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CREDENTIAL_FILES,
  fileCredentialStore,
  type HqCredentials,
  type SecretCodec,
} from '../../electron/services/hq-credentials';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const newDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctpat-credentials-'));
  dirs.push(dir);
  return dir;
};

const DANA: HqCredentials = {
  hqUrl: 'https://hq.example.gov',
  deviceId: 'device-1',
  token: 'secret-token',
  user: { id: '5f0b7c1e-2a8d-4c3e-9b6f-1d2e3f4a5b6c', name: 'Dana Ruiz', role: 'SCSS', fieldOffice: 'Houston' },
};

/** What safeStorage does with bytes another computer's key encrypted. */
const otherComputersKey: SecretCodec = {
  encode: (text) => Buffer.from(text, 'utf8'),
  decode: () => {
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  },
};

describe('HQ credentials kept in a file', () => {
  it('reads back what it saved, and is not unreadable', () => {
    const store = fileCredentialStore(newDir());
    expect(store.load()).toBeNull();
    expect(store.unreadable()).toBe(false);
    store.save(DANA);
    expect(store.load()).toEqual(DANA);
    expect(store.unreadable()).toBe(false);
  });

  it('reads none, without throwing, from a file this computer cannot decrypt, and sets it aside when asked', () => {
    const dir = newDir();
    fileCredentialStore(dir, undefined, 'hq-credentials.enc').save(DANA);
    const elsewhere = fileCredentialStore(dir, otherComputersKey, 'hq-credentials.enc');
    expect(elsewhere.load()).toBeNull();
    expect(elsewhere.unreadable()).toBe(true);

    elsewhere.setAsideUnreadable();
    expect(elsewhere.unreadable()).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['hq-credentials.enc.unreadable']);
    // Enrolling again writes a readable file in its place.
    elsewhere.save(DANA);
    expect(fileCredentialStore(dir, undefined, 'hq-credentials.enc').load()).toEqual(DANA);
  });

  it('reads none from a damaged file (cut short, or not credentials) and leaves a readable one where it is', () => {
    const dir = newDir();
    const store = fileCredentialStore(dir);
    for (const damaged of ['{"hqUrl": "https://hq.exa', '{"hqUrl": 7}', '\u0000\u0001binary']) {
      fs.writeFileSync(path.join(dir, 'hq-credentials'), damaged);
      expect(store.load(), damaged).toBeNull();
      expect(store.unreadable(), damaged).toBe(true);
    }
    store.save(DANA);
    store.setAsideUnreadable();
    expect(store.load()).toEqual(DANA);
  });
});

describe('HQ credentials another kind of store kept', () => {
  it('count as unreadable (an encrypted file where this computer cannot encrypt, a plain one where it does)', () => {
    const dir = newDir();
    fileCredentialStore(dir, undefined, CREDENTIAL_FILES.encrypted).save(DANA);
    const plainHere = fileCredentialStore(dir, undefined, CREDENTIAL_FILES.plain, [CREDENTIAL_FILES.encrypted]);
    expect(plainHere.load()).toBeNull();
    expect(plainHere.unreadable()).toBe(true);
    plainHere.setAsideUnreadable();
    expect(plainHere.unreadable()).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['hq-credentials.enc.unreadable']);

    plainHere.save(DANA);
    const encryptedHere = fileCredentialStore(dir, otherComputersKey, CREDENTIAL_FILES.encrypted, [
      CREDENTIAL_FILES.plain,
    ]);
    expect(encryptedHere.unreadable()).toBe(true);
  });
});
